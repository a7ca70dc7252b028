"""The URL contract of the built site: every record at its URL, with its anchor, in both
languages; and the search files the worker reads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import language_pages

from atlas.model import NAMED_KINDS, PREFIX_OF
from atlas.render import abbreviations
from atlas.urls import PAGES, location, url_path

LANGS = {"en": "", "zh": "zh/"}
KINDS = [*NAMED_KINDS, "comparisons", "glossary", "timeline", "corrections", "sources"]


def html_of(site_dir: Path, lang: str, url: str) -> str:
    path = site_dir / LANGS[lang] / url / "index.html"
    assert path.is_file(), f"no page at /{LANGS[lang]}{url}"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_record_is_at_its_url(real_model, site_dir, kind, lang):
    missing = []
    for record in real_model.all(kind):
        file, anchor = location(kind, record)
        html = html_of(site_dir, lang, url_path(file))
        if anchor and f'id="{anchor}"' not in html:
            missing.append(f"{PREFIX_OF[kind]}:{record['id']} (/{LANGS[lang]}{url_path(file)}#{anchor})")
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_section_page_exists(site_dir, name, lang):
    assert "<h1" in html_of(site_dir, lang, url_path(PAGES[name]))


@pytest.mark.parametrize("lang", LANGS)
def test_contract_urls_of_the_issue(site_dir, lang):
    for url in [
        "products/kvm/",
        "products/hyper-v/",
        "products/vmware-esxi/",
        "types/os-level/",
        "hypervisor-types/hybrid/",
        "kernel/namespaces/",
        "kernel/cgroups/",
        "compare/containers-vs-vms/",
        "guide/",
        "glossary/",
        "sources/",
        "corrections/",
    ]:
        html_of(site_dir, lang, url)
    assert 'id="isolation"' in html_of(site_dir, lang, "compare/containers-vs-vms/")


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviations_show_their_expansion_where_they_appear(real_model, site_dir, lang):
    definitions = abbreviations(real_model, lang)
    html = html_of(site_dir, lang, "products/kvm/")
    shown = dict(re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html))
    assert {"KVM", "VT-x", "IOMMU"} <= set(shown.values())
    for title, abbr in shown.items():
        assert definitions[abbr].endswith(": " + title.replace("&amp;", "&"))


@pytest.mark.parametrize("lang", LANGS)
def test_an_abbreviation_has_one_tooltip_per_section_and_permalinks_have_none(site_dir, lang):
    html = html_of(site_dir, lang, "products/kvm/")
    article = html[html.index("<article") : html.index("</article>")]
    for section in re.split(r"<h2[ >]", article):
        tooltips = re.findall(r'<abbr title="[^"]*">([^<]*)</abbr>', section)
        assert len(tooltips) == len(set(tooltips))
    assert article.count("KVM") > 20 and article.count(">KVM</abbr>") < 10
    permalinks = re.findall(r"<a [^>]*headerlink[^>]*>", article)
    label = {"en": "Link to this section", "zh": "本节链接"}[lang]
    assert permalinks and all(f'aria-label="{label}"' in a and "title=" not in a for a in permalinks)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url", ["sources/", "glossary/", "timeline/"])
def test_long_lists_show_only_their_groups_in_the_table_of_contents(site_dir, lang, url):
    html = html_of(site_dir, lang, url)
    toc = html[html.index('data-md-component="toc"') :]
    toc = toc[: toc.index("</nav>")]
    groups = re.findall(r'<h2 id="([^"]+)"', html)
    assert re.findall(r'href="#([^"]+)"', toc) == groups
    assert len(re.findall(r"<h3 ", html)) > len(groups)


def config_of(html: str) -> dict:
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no Material config on the page"
    return json.loads(match.group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_searches_through_the_atlas_worker(site_dir, lang):
    """Pages get a stub index; a page that named Material's worker directly would find nothing."""
    root = site_dir / LANGS[lang]
    pages = language_pages(site_dir, lang, "index.html")
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:  # a forwarding page (reversed comparison)
            continue
        worker = config_of(html)["search"]
        path, _, query = worker.partition("?material=")
        assert path.endswith("assets/javascripts/workers/atlas-search.js"), page
        assert (root / "assets" / "javascripts" / "workers" / query).is_file(), page


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_is_for_the_worker_only_and_has_the_direct_hits(site_dir, lang):
    search = site_dir / LANGS[lang] / "search"
    stub = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["lang"] == [lang]
    index = json.loads((search / "atlas-index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    hits = index["hits"]
    assert hits["urls"][hits["names"]["kvm"][0]] == "products/kvm/"
    unknown = sorted({url for url in hits["urls"].values() if url.split("#")[0] not in locations})
    assert unknown == [], "direct hits point at pages the index does not hold"
