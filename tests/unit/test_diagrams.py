"""Inline SVG diagrams: valid XML, accessible names in both languages, drawn from the data, stable.

Every check runs on two models: the real data (skipped while it does not validate) and the
minimal fixture extended with the records the diagrams draw from, so the drawing code is
exercised whatever state data/ is in.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from support import ROOT, SCHEMA, make_data

from atlas.diagrams import PAGES, diagrams_for
from atlas.diagrams.product import placement
from atlas.diagrams.svg import clip, text_width, wrap
from atlas.page import Page
from atlas.problems import DataError
from atlas.render import render, ui_strings
from atlas.validate import load_model

SVG = "{http://www.w3.org/2000/svg}"
LANGS = ("en", "zh")
FIGURE = re.compile(r'<figure class="atlas-figure" data-search-exclude="">.*?</figure>', re.S)

# Records the minimal fixture lacks, written into its files so the loader validates them too.
EXTRA = {
    "kernel-features": [
        {
            "id": "net-namespace",
            "name": {"en": "Network namespace", "zh": "网络命名空间"},
            "summary": {"en": "Net.", "zh": "网络。"},
            "group": "namespace",
            "flag": "CLONE_NEWNET",
            "kernel_version": "2.6.29",
            "year": 2009,
            "isolates": {"en": "Network", "zh": "网络"},
            "sources": ["doc-a"],
        },
        {
            "id": "memory-controller",
            "name": {"en": "memory controller", "zh": "memory 控制器"},
            "summary": {"en": "Memory.", "zh": "内存。"},
            "group": "cgroup-controller",
            "kernel_version": "2.6.25",
            "year": 2008,
            "isolates": {"en": "Memory", "zh": "内存"},
            "cgroup_versions": ["v1", "v2"],
            "sources": ["doc-a"],
        },
    ],
    "timeline": [
        {
            "id": "beta-released",
            "year": 2013,
            "title": {"en": "Beta released", "zh": "Beta 发布"},
            "description": {"en": "First.", "zh": "首发。"},
            "lane": "containers",
            "sources": ["doc-a"],
        },
        {
            "id": "theory-paper",
            "year": 1974,
            "month": 7,
            "title": {"en": "A paper", "zh": "一篇论文"},
            "description": {"en": "Paper.", "zh": "论文。"},
            "lane": "theory",
            "sources": ["doc-a"],
        },
    ],
    "rings": [
        {
            "id": "ring-3",
            "name": {"en": "Ring 3", "zh": "Ring 3"},
            "level": 3,
            "summary": {"en": "User.", "zh": "用户。"},
            "on_linux": {"en": "Every process. More.", "zh": "所有进程。更多。"},
            "sources": ["doc-a"],
        },
        {
            "id": "ring-minus-1",
            "name": {"en": "Ring -1", "zh": "Ring -1"},
            "level": -1,
            "summary": {"en": "Root.", "zh": "根。"},
            "on_linux": {"en": "KVM uses `kvm-intel`; more.", "zh": "KVM 使用 `kvm-intel`；更多。"},
            "sources": ["doc-a"],
        },
    ],
    "hypervisor-types": [
        {
            "id": "hybrid",
            "name": {"en": "Hybrid", "zh": "混合型"},
            "summary": {"en": "Both.", "zh": "兼有。"},
            "order": 3,
            "runs_on": {"en": "Hardware", "zh": "硬件"},
            "examples": ["alpha"],
            "pros": [{"en": "Fine.", "zh": "好。"}],
            "cons": [{"en": "Odd.", "zh": "怪。"}],
            "sources": ["doc-a"],
        },
    ],
    "mechanisms": [
        {
            "id": mid,
            "name": {"en": f"Mechanism {mid}", "zh": f"机制 {mid}"},
            "order": n + 2,
            "summary": {"en": "How.", "zh": "如何。"},
            "sections": [
                {"id": "s", "title": {"en": "S", "zh": "节"}, "paragraphs": [{"en": "P.", "zh": "段。"}]}
            ],
            "sources": ["doc-a"],
        }
        for n, mid in enumerate(
            ["trap-and-emulate", "binary-translation", "hypercalls", "vt-x-amd-v", "kvm-qemu"]
        )
    ],
}


def _extended_fixture(target: Path) -> Path:
    data = make_data(target)
    for kind, records in EXTRA.items():
        path = data / f"{kind}.yaml"
        body = yaml.safe_load(path.read_text(encoding="utf-8"))
        body[kind].extend(records)
        path.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


@pytest.fixture(scope="module", params=["fixture", "real"])
def model(request, tmp_path_factory):
    if request.param == "real":
        try:
            return load_model(ROOT / "data", ROOT, SCHEMA)
        except DataError:
            pytest.skip("the real data does not validate yet")
    data = _extended_fixture(tmp_path_factory.mktemp("diagrams") / "data")
    return load_model(data, data.parent, SCHEMA)


def page_of(model, lang: str, file: str = "x.md") -> Page:
    return Page(model, lang, file, ui_strings())


def refs_of(model) -> list[str]:
    """Every ref a template asks diagrams for: the fixed pages plus one per record of each kind."""
    refs = list(PAGES)
    refs += [f"product:{p['id']}" for p in model.all("products")]
    return [r for r in refs if r.startswith("page:") or model.resolve(r)]


def figures(html: str) -> list[ET.Element]:
    return [ET.fromstring(block) for block in FIGURE.findall(html)]


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f".//{SVG}svg")
    assert svg is not None
    return svg


def words(svg: ET.Element) -> str:
    """All drawn text with whitespace removed (labels may wrap across lines at any space)."""
    return re.sub(r"\s+", "", "".join(t.text or "" for t in svg.iter(f"{SVG}text")))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def drawn(model, lang: str, ref: str) -> ET.Element:
    found = figures(diagrams_for(page_of(model, lang), ref))
    assert found, f"{ref} has no diagram"
    return svg_of(found[0])


# --- every diagram --------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_diagram_is_xml_with_an_accessible_name(model, lang):
    seen = 0
    for ref in refs_of(model):
        html = diagrams_for(page_of(model, lang), ref)
        blocks = FIGURE.findall(html)
        assert len(blocks) == html.count("<figure"), ref
        for block in blocks:
            seen += 1
            svg = svg_of(ET.fromstring(block))
            assert svg.get("role") == "img", ref
            ids = svg.get("aria-labelledby", "").split()
            assert len(ids) == 2, ref
            title, desc = (svg.find(f"{SVG}title"), svg.find(f"{SVG}desc"))
            assert title is not None and title.get("id") == ids[0], ref
            assert desc is not None and desc.get("id") == ids[1], ref
            assert title.text and title.text.strip() and desc.text and desc.text.strip(), ref
            assert svg.get("viewBox"), ref
    assert seen >= 5


@pytest.mark.parametrize("lang", LANGS)
def test_html_stays_raw_in_markdown(model, lang):
    for ref in refs_of(model):
        html = diagrams_for(page_of(model, lang), ref)
        if not html:
            continue
        assert html.startswith("\n<figure") and html.endswith("</figure>\n\n"), ref
        for block in FIGURE.findall(html):
            assert "\n\n" not in block, f"{ref}: blank line inside the HTML block"


@pytest.mark.parametrize("lang", LANGS)
def test_colours_come_from_the_stylesheet_only(model, lang):
    for ref in refs_of(model):
        for figure in figures(diagrams_for(page_of(model, lang), ref)):
            svg = svg_of(figure)
            for element in svg.iter():
                assert not {"fill", "stroke", "color"} & set(element.attrib), (ref, element.tag)
                assert "#" not in element.get("style", ""), ref
            for text in svg.iter(f"{SVG}text"):
                assert re.search(r"\batlas-t-[hls]\b", text.get("class", "")), ref


@pytest.mark.parametrize("lang", LANGS)
def test_text_stays_inside_the_drawing(model, lang):
    for ref in refs_of(model):
        for figure in figures(diagrams_for(page_of(model, lang), ref)):
            svg = svg_of(figure)
            left, _, width, _ = (float(v) for v in svg.get("viewBox").split())
            for text in svg.iter(f"{SVG}text"):
                size = re.search(r"atlas-t-([hls])", text.get("class")).group(1)
                w = text_width(text.text or "", size, "atlas-t-m" in text.get("class"))
                x = float(text.get("x"))
                start = {"middle": x - w / 2, "end": x - w}.get(text.get("text-anchor"), x)
                assert start >= left - 1 and start + w <= left + width + 1, (ref, text.text)


@pytest.mark.parametrize("lang", LANGS)
def test_rendering_twice_gives_the_same_output(model, lang):
    for ref in refs_of(model):
        assert diagrams_for(page_of(model, lang), ref) == diagrams_for(page_of(model, lang), ref), ref


@pytest.mark.parametrize("lang", LANGS)
def test_ids_are_unique_on_every_rendered_page(model, lang):
    for file, body in render(model, lang).items():
        ids = re.findall(r'\sid="([^"]+)"', "".join(FIGURE.findall(body)))
        assert len(ids) == len(set(ids)), file


def test_pages_that_ask_for_diagrams_get_them(model):
    pages = render(model, "en")
    for file in (
        "index.md",
        "compare/containers-vs-vms.md",
        "rings.md",
        "kernel/namespaces.md",
        "kernel/cgroups.md",
        "timeline.md",
        "types/index.md",
        "hypervisor-types/index.md",
    ):
        assert "atlas-figure" in pages[file], file
    for product in model.all("products"):
        assert "atlas-figure" in pages[f"products/{product['id']}.md"], product["id"]


# --- drawn from the data ----------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_namespaces_diagram_shows_every_namespace_and_controller(model, lang):
    page = page_of(model, lang)
    for ref in ("page:namespaces", "page:cgroups"):
        text = words(drawn(model, lang, ref))
        for feature in page.kernel_features("namespaces"):
            assert squash(page.t(feature["name"])) in text, feature["id"]
            assert feature["flag"] in text, feature["id"]
        for feature in page.kernel_features("cgroups"):
            assert squash(page.t(feature["name"])) in text, feature["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_shows_every_event_and_lane(model, lang):
    page = page_of(model, lang)
    svg = drawn(model, lang, "page:timeline")
    text = words(svg)
    tips = [squash(t.text or "") for t in svg.iter(f"{SVG}title")]
    for event in model.all("timeline"):
        assert str(event["year"]) in text, event["id"]
        assert any(squash(f"{event['year']} {page.t(event['title'])}") == tip for tip in tips), event["id"]
    for lane in model.vocab["lane"]:
        assert squash(page.label("lane", lane)) in text, lane
    html = diagrams_for(page, "page:timeline")
    assert '<div class="atlas-scroll" tabindex="0" role="region" aria-label="' in html


@pytest.mark.parametrize("lang", LANGS)
def test_rings_diagram_shows_what_runs_in_each_ring(model, lang):
    page = page_of(model, lang)
    text = words(drawn(model, lang, "page:rings"))
    for ring in model.all("rings"):
        if "level" in ring:
            assert squash(page.t(ring["name"])) in text, ring["id"]
            assert str(ring["level"]).replace("-", "−") in text, ring["id"]
    assert squash(page.uiraw("dg.vm-exit")) in text


@pytest.mark.parametrize("lang", LANGS)
def test_product_strip_shows_category_and_isolation(model, lang):
    page = page_of(model, lang)
    columns = [c for c in model.columns if c["field"] in ("category", "isolation")]
    for product in model.all("products"):
        svg = drawn(model, lang, f"product:{product['id']}")
        text = words(svg)
        for column in columns:
            for _, label in page.column_values(product, column):
                assert squash(label) in text, (product["id"], label)
        assert page.name("products", product) in svg.find(f"{SVG}title").text


@pytest.mark.parametrize("lang", LANGS)
def test_hypervisor_and_flow_diagrams_use_record_names(model, lang):
    page = page_of(model, lang)
    for ref in ("hypervisor-type:type-1", "hypervisor-type:type-2"):
        text = words(drawn(model, lang, ref))
        for other in ("hypervisor-type:type-1", "hypervisor-type:type-2"):
            assert squash(page.ref_name(other)) in text
    for ref in ("mechanism:trap-and-emulate", "mechanism:hypercalls", "mechanism:vt-x-amd-v"):
        if model.resolve(ref):
            assert squash(page.ref_name(ref)) in words(drawn(model, lang, ref)), ref
    if model.resolve("mechanism:kvm-qemu"):
        assert "/dev/kvm" in words(drawn(model, lang, "mechanism:kvm-qemu"))


def test_flows_on_the_types_page_have_four_aligned_columns(model):
    svg = drawn(model, "en", "page:types")
    steps = [t.text for t in svg.iter(f"{SVG}text") if re.match(r"^[1-4] · ", t.text or "")]
    assert len(steps) == 16
    by_step = {}
    for text in svg.iter(f"{SVG}text"):
        match = re.match(r"^([1-4]) · ", text.text or "")
        if match:
            by_step.setdefault(match.group(1), set()).add(text.get("y"))
    assert all(len(ys) == 1 for ys in by_step.values()), "steps of the same number are not aligned"


def test_where_products_sit(model):
    expected = {
        "alpha": {"kernel", "hypervisor"},
        "beta": {"user"},
        "kvm": {"kernel", "hypervisor"},
        "xen": {"hypervisor"},
        "docker": {"user"},
        "virtualbox": {"user"},
        "openvz": {"kernel"},
        "firecracker": {"user"},
    }
    for ident, levels in expected.items():
        product = model.get("products", ident)
        if product:
            assert placement(model, product) == levels, ident


# --- text helpers ---------------------------------------------------------------------------------
def test_wrap_breaks_between_cjk_characters_and_keeps_words_whole():
    assert wrap("Virtual machine monitor", 80, "l") == ["Virtual", "machine", "monitor"]
    lines = wrap("客户机操作系统运行在虚拟机之中", 60, "l")
    assert "".join(lines) == "客户机操作系统运行在虚拟机之中"
    assert all(text_width(line, "l") <= 60 for line in lines)


def test_wrap_keeps_closing_punctuation_off_the_line_start():
    for line in wrap("一二三四，五六七八。九十", 56, "l"):
        assert line[0] not in "，。"


def test_wrap_puts_a_trailing_parenthesis_on_its_own_line():
    assert wrap("Type 1 hypervisor (bare-metal)", 190, "h", bold=True) == [
        "Type 1 hypervisor",
        "(bare-metal)",
    ]


def test_clip_shortens_with_an_ellipsis():
    short = clip("2007 KVM merged into Linux 2.6.20 after a long review", 120, "s")
    assert short.endswith("…") and text_width(short, "s") <= 120
    assert clip("short", 120, "s") == "short"
