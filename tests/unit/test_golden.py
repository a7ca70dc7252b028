"""Golden files: the minimal fixture rendered by each page template, in both languages.

After an intended change to a template, refresh them with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_golden.py` and review the diff.
"""

from __future__ import annotations

import os

import pytest
from support import ROOT, SCHEMA

from atlas.pipeline import build_pages
from atlas.validate import load_model

GOLDEN = ROOT / "tests" / "golden"
# One page per template (the API page is left out: it documents the schemas, tested on its own).
PAGES = [
    "index.md",
    "products/index.md",
    "products/alpha.md",
    "types/full.md",
    "types/index.md",
    "hypervisor-types/type-1.md",
    "mechanisms/trap.md",
    "compare/alpha-vs-beta.md",
    "compare/index.md",
    "compare/containers-vs-vms.md",
    "rings.md",
    "kernel/index.md",
    "kernel/namespaces.md",
    "guide.md",
    "glossary.md",
    "timeline.md",
    "sources.md",
    "corrections.md",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from support import make_data

    data = make_data(tmp_path_factory.mktemp("golden") / "data")
    model = load_model(data, data.parent, SCHEMA)
    return {lang: build_pages(model, lang) for lang in ("en", "zh")}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(rendered, lang, page):
    golden = GOLDEN / lang / page
    text = rendered[lang][page]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_every_template_has_a_golden_page():
    templates = {p.name for p in (ROOT / "scripts" / "templates").glob("*.md.j2")} - {
        "_macros.md.j2",
        "api.md.j2",
    }

    used = {template for file, template, _ in plan_for_fixture() if file in PAGES}
    assert templates == used, f"templates without a golden page: {sorted(templates - used)}"


def plan_for_fixture():
    import tempfile
    from pathlib import Path

    from support import make_data

    from atlas.render import plan

    data = make_data(Path(tempfile.mkdtemp()) / "data")
    return list(plan(load_model(data, data.parent, SCHEMA)))
