"""A first visit: the home page loads cleanly, offline, and search finds the obvious pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").type(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    return [link.split("#")[0].split("?")[0] for link in links]


# Known miss (also in the search-quality suite): the KVM/QEMU mechanism page, whose names and
# aliases repeat "KVM", ranks above the product page.
KVM_MISS = pytest.mark.xfail(reason="the KVM/QEMU mechanism page ranks above the product page", strict=False)


def test_home_loads_without_errors_or_foreign_requests(watched, base_url):
    watched.goto(base_url + "/")
    watched.wait_for_load_state("networkidle")
    assert watched.locator("h1").count() == 1
    assert watched.errors == []
    assert watched.foreign == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [pytest.param("KVM", "/products/kvm/", marks=KVM_MISS), ("namespace", "/kernel/namespaces/")],
)
def test_search_finds_the_page_first(watched, base_url, query, expected):
    watched.goto(base_url + "/")
    results = search(watched, query)
    assert results and results[0] == base_url + expected, results[:5]
    assert watched.errors == []
