"""The interactive parts, as a reader uses them: matrix, comparer, guide; links reopen the view."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_matrix_sorts_and_filters_and_keeps_the_state_in_the_url(watched, base_url):
    watched.goto(base_url + "/products/")
    rows = watched.locator("#atlas-matrix tbody tr")
    total = rows.count()
    assert total >= 40
    watched.select_option("select[name=category]", "hypervisor")
    visible = watched.locator("#atlas-matrix tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert all(
        "hypervisor" in (r or "").split()
        for r in visible.evaluate_all("rs => rs.map(r => r.dataset.category)")
    )
    watched.locator("#atlas-matrix thead th[data-col=first-release] button").click()
    index = watched.locator("#atlas-matrix thead th").evaluate_all(
        "ths => ths.findIndex(t => t.dataset.col === 'first-release')"
    )
    years = visible.evaluate_all(f"rs => rs.map(r => r.cells[{index}].dataset.sort)")
    assert years == sorted(years, key=lambda y: int(y))
    assert "category=hypervisor" in watched.url and "sort=first-release" in watched.url
    shared = watched.url
    watched.goto(shared)
    assert watched.locator("select[name=category]").input_value() == "hypervisor"
    assert watched.locator("#atlas-matrix tbody tr:not([hidden])").count() == visible.count()
    assert watched.errors == []


def test_comparer_opens_the_selection_from_the_url_and_reports_unknown_ids(watched, base_url):
    watched.goto(base_url + "/compare/?items=kvm,xen,nosuchthing")
    table = watched.locator(".atlas-compare-table")
    table.wait_for()
    headers = table.locator("thead th a").all_inner_texts()
    assert headers == ["KVM", "Xen"]
    assert "nosuchthing" in watched.locator(".atlas-problem").inner_text()
    assert watched.locator(".atlas-compare-table tr.atlas-differs").count() > 0
    assert watched.errors == []


def test_comparer_adds_a_product_by_typing_and_the_link_reopens_it(watched, base_url):
    watched.goto(base_url + "/compare/")
    picker = watched.locator(".atlas-picker input")
    for name in ("Docker", "Podman"):
        picker.fill(name)
        picker.press("Enter")
    watched.locator(".atlas-compare-table").wait_for()
    assert "items=docker,podman" in watched.url
    link = watched.url
    watched.goto(link)
    watched.locator(".atlas-compare-table").wait_for()
    assert watched.locator(".atlas-compare-table thead th a").all_inner_texts() == ["Docker", "Podman"]
    assert watched.errors == []


def test_guide_recommends_and_keeps_the_answers_in_the_url(watched, base_url):
    watched.goto(base_url + "/guide/")
    form = watched.locator("#atlas-guide")
    form.wait_for()
    first = form.locator("fieldset").first
    first.locator("input[type=radio]").first.check()
    result = watched.locator("#atlas-guide-result")
    assert result.inner_text().strip()
    assert result.locator("a").count() >= 1
    name = first.locator("input[type=radio]").first.get_attribute("name")
    assert f"{name}=" in watched.url
    watched.goto(watched.url)
    # the answers are restored once the rules have loaded: wait for them rather than race
    expect(watched.locator("#atlas-guide fieldset").first.locator("input:checked")).to_have_count(1)
    assert watched.errors == []


def test_comparison_row_has_its_own_link(watched, base_url):
    watched.goto(base_url + "/compare/kvm-vs-xen/#live-migration")
    anchor = watched.locator("a.atlas-row#live-migration")
    assert anchor.count() == 1
    assert anchor.get_attribute("href") == "#live-migration"
    assert watched.errors == []


def test_reversed_comparison_forwards_with_its_anchor(watched, base_url):
    watched.goto(base_url + "/compare/xen-vs-kvm/#live-migration")
    watched.wait_for_url("**/compare/kvm-vs-xen/#live-migration")
    assert watched.errors == []


def test_comparer_table_does_not_push_the_page_down(watched, base_url):
    """Opened from a shared link, the comparer holds the table's room from the first paint."""
    watched.set_viewport_size({"width": 390, "height": 844})
    watched.add_init_script(
        "window.__shift = 0; new PerformanceObserver((list) => list.getEntries().forEach((e) => {"
        " if (!e.hadRecentInput) window.__shift += e.value })).observe({type: 'layout-shift', buffered: true})"
    )
    watched.goto(base_url + "/compare/?items=kvm,xen,docker")
    watched.locator(".atlas-compare-table").wait_for()
    watched.wait_for_timeout(500)
    assert watched.evaluate("window.__shift") < 0.1
