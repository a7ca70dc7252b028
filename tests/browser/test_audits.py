"""Every page kind, in both languages: accessible (axe-core), offline, quiet, readable without JS."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGE_KINDS = [
    "/",
    "/products/",
    "/products/kvm/",
    "/types/",
    "/types/paravirtualization/",
    "/hypervisor-types/hybrid/",
    "/rings/",
    "/mechanisms/kvm-qemu/",
    "/kernel/",
    "/kernel/namespaces/",
    "/kernel/cgroups/",
    "/compare/",
    "/compare/kvm-vs-xen/",
    "/compare/type-1-vs-type-2/",
    "/compare/containers-vs-vms/",
    "/guide/",
    "/glossary/",
    "/timeline/",
    "/sources/",
    "/corrections/",
    "/api/",
    "/about/",
]
# Every rule axe runs by default, plus target-size (WCAG 2.2 AA, 2.5.8), off by default in axe
# and run by Lighthouse: touch targets of at least 24 px.
AXE_OPTIONS = "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def audit_context(browser):
    contexts = {name: browser.new_context(viewport=size) for name, size in VIEWPORTS.items()}
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["", "/zh"])
@pytest.mark.parametrize("path", PAGE_KINDS)
def test_no_accessibility_violations(audit_context, base_url, viewport, lang, path):
    assert AXE.exists(), "axe-core missing: run `make test` (it runs npm ci) or `npm ci`"
    page = audit_context[viewport].new_page()
    try:
        page.goto(base_url + lang + path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            f"async () => (await axe.run(document, {AXE_OPTIONS})).violations"
            ".map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"
        )
    finally:
        page.close()
    assert violations == []


@pytest.mark.parametrize("lang", ["", "/zh"])
@pytest.mark.parametrize("path", PAGE_KINDS)
def test_page_is_offline_and_quiet(watched, base_url, lang, path):
    watched.goto(base_url + lang + path)
    watched.wait_for_load_state("networkidle")
    assert watched.foreign == [], "requests left the site"
    assert watched.errors == []


@pytest.fixture(scope="module")
def no_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_content_is_there_without_javascript(no_js, base_url, path):
    no_js.goto(base_url + path)
    article = no_js.locator("article")
    assert article.locator("h1").count() == 1
    assert len(article.inner_text()) > 200
    if path in ("/products/", "/compare/kvm-vs-xen/", "/compare/containers-vs-vms/", "/guide/"):
        assert article.locator("table tbody tr").count() >= 10
