"""Switching language keeps the reader on the same topic."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "target"),
    [("/products/kvm/", "/zh/products/kvm/"), ("/zh/rings/", "/rings/"), ("/", "/zh/")],
)
def test_language_selector_leads_to_the_same_page(watched, base_url, start, target):
    watched.goto(base_url + start)
    watched.locator(".md-header__option .md-select").hover()
    other = "zh" if not start.startswith("/zh/") else "en"
    watched.locator(f'a.md-select__link[hreflang="{other}"]').click()
    watched.wait_for_load_state("networkidle")
    assert watched.url == base_url + target
    assert watched.locator("html").get_attribute("lang").startswith(other)
    assert watched.errors == []
