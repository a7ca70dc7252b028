"""A first visit: the home page loads cleanly, offline, and search finds the obvious pages."""

from __future__ import annotations

import pytest
from support import search_results

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    return [link.split("#")[0].split("?")[0] for link in search_results(page, query)]


def test_home_loads_without_errors_or_foreign_requests(watched, base_url):
    watched.goto(base_url + "/")
    watched.wait_for_load_state("networkidle")
    assert watched.locator("h1").count() == 1
    assert watched.errors == []
    assert watched.foreign == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [("KVM", "/products/kvm/"), ("namespace", "/kernel/namespaces/")],
)
def test_search_finds_the_page_first(watched, base_url, query, expected):
    watched.goto(base_url + "/")
    results = search(watched, query)
    assert results and results[0] == base_url + expected, results[:5]
    assert watched.errors == []


def test_search_index_loads_with_the_first_query(watched, base_url):
    """Pages do not download the search index; the first query does, and finds its page."""
    fetched: list[str] = []
    watched.on("request", lambda r: fetched.append(r.url) if "/search/" in r.url else None)
    watched.goto(base_url + "/products/")
    watched.wait_for_load_state("networkidle")
    assert not any(url.endswith("/atlas-index.json") for url in fetched), fetched
    assert search(watched, "hyper v")[0] == base_url + "/products/hyper-v/"
    assert any(url.endswith("/search/atlas-index.json") for url in fetched), fetched
    assert watched.errors == []
