"""One small invalid data set per validation rule, each asserting the exact message.

Each case edits one file of the minimal fixture and expects exactly these problem lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SCHEMA

from atlas.problems import DataError
from atlas.validate import load_model


def problems_after(data_dir: Path, file: str, old: str, new: str) -> list[str]:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {file}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_model(data_dir, data_dir.parent, SCHEMA)
    return [str(p).replace(str(data_dir.parent) + "/", "") for p in caught.value.problems]


def test_minimal_fixture_is_valid(data_dir):
    model = load_model(data_dir, data_dir.parent, SCHEMA)
    assert [p["id"] for p in model.all("products")] == ["alpha", "beta"]


CASES = {
    "yaml syntax": (
        "products.yaml",
        "    name: Alpha\n",
        "    name: [Alpha\n",
        [
            "data/products.yaml:6:18: (file): YAML syntax error: did not find expected ',' or ']' (valid YAML expected)"
        ],
    ),
    "duplicate key": (
        "products.yaml",
        "    name: Alpha\n",
        "    name: Alpha\n    name: Alfa\n",
        ["data/products.yaml:6:5: products[alpha].name: duplicate key (each key once)"],
    ),
    "duplicate id": (
        "timeline.yaml",
        "  - {id: alpha-released,",
        "  - {id: alpha-released, year: 2008, month: 1, title: {en: Again, zh: 再次}, description: {en: Again., zh: 再次。}, lane: hypervisors, sources: [doc-a]}\n  - {id: alpha-released,",
        [
            "data/timeline.yaml:4:10: timeline[alpha-released].id: duplicate id 'alpha-released' (already used in data/timeline.yaml:3)"
        ],
    ),
    "unknown field": (
        "products.yaml",
        "    vendor: Beta project\n",
        "    vendor: Beta project\n    vendr: typo\n",
        [
            "data/products.yaml:53:5: products[beta].vendr: unknown field 'vendr' (allowed: aliases, also_known_as, arch, "
            "built_on, category, cost, description, features, figures, first_release, guests, host_os, "
            "hypervisor_type, id, isolation, license, limits, name, name_zh, related, replaced_by, sources, "
            "status, status_year, strengths, summary, typos, uses, vendor, virtualization, website)"
        ],
    ),
    "wrong type": (
        "products.yaml",
        "    first_release: 2013\n",
        "    first_release: soon\n",
        ["data/products.yaml:53:20: products[beta].first_release: 'soon' is text (a whole number expected)"],
    ),
    "vocabulary": (
        "products.yaml",
        "    license: gpl-2.0\n",
        "    license: GPL2\n",
        [
            "data/products.yaml:17:14: products[alpha].license: 'GPL2' is not in vocabulary 'license' "
            "(expected one of: gpl-2.0, gpl-3.0, lgpl, agpl-3.0, apache-2.0, mit, bsd, mpl-2.0, cddl, epl, "
            "mixed-open, source-available, open-core, proprietary)"
        ],
    ),
    "vocabulary did-you-mean": (
        "products.yaml",
        "    license: gpl-2.0\n",
        "    license: gpl-2\n",
        [
            "data/products.yaml:17:14: products[alpha].license: 'gpl-2' is not in vocabulary 'license' "
            "(did you mean 'gpl-2.0'?) (expected one of: gpl-2.0, gpl-3.0, lgpl, agpl-3.0, apache-2.0, mit, bsd, "
            "mpl-2.0, cddl, epl, mixed-open, source-available, open-core, proprietary)"
        ],
    ),
    "missing translation": (
        "products.yaml",
        "summary: {en: Beta is a test container engine., zh: Beta 是测试用的容器引擎。}",
        "summary: {en: Beta is a test container engine.}",
        [
            "data/products.yaml:41:14: products[beta].summary: missing translation 'zh' (both en and zh are required)"
        ],
    ),
    "empty text": (
        "products.yaml",
        "limits: [{en: Shares the kernel., zh: 共享内核。}]",
        "limits: [{en: Shares the kernel., zh: ''}]",
        [
            "data/products.yaml:66:43: products[beta].limits[0].zh: empty text (write something, in both languages)"
        ],
    ),
    "unknown reference": (
        "products.yaml",
        "    uses: [beta]\n",
        "    uses: [betta]\n",
        ["data/products.yaml:35:12: products[alpha].uses[0]: unknown product 'betta' (did you mean 'beta'?)"],
    ),
    "unknown source": (
        "products.yaml",
        "    sources: [doc-a, seed-a]\n",
        "    sources: [doc-b, seed-a]\n",
        [
            "data/products.yaml:38:15: products[alpha].sources[0]: unknown source 'doc-b' (did you mean 'doc-a'?)"
        ],
    ),
    "unknown ref in text": (
        "virtualization-types.yaml",
        "See [[product:alpha]].",
        "See [[product:alfa]].",
        [
            "data/virtualization-types.yaml:5:19: virtualization-types[full].summary.en: in [[product:alfa]]: "
            "unknown product 'alfa' (did you mean 'alpha'?)"
        ],
    ),
    "depends without note": (
        "products.yaml",
        "      nested_virtualization: partial\n",
        "      nested_virtualization: depends\n",
        [
            "data/products.yaml:24:30: products[alpha].features.nested_virtualization: 'depends' needs a note saying "
            "on what (write {value: depends, note: {en: ..., zh: ...}})"
        ],
    ),
    "discontinued without year": (
        "products.yaml",
        "    status_year: 2020\n",
        "",
        [
            "data/products.yaml:54:13: products[beta].status: status 'discontinued' needs status_year (the year it began)"
        ],
    ),
    "bad id form": (
        "timeline.yaml",
        "  - {id: alpha-released,",
        "  - {id: Alpha_Released,",
        [
            "data/timeline.yaml:3:10: timeline[Alpha_Released].id: 'Alpha_Released' does not match the expected form ^[a-z0-9]+(-[a-z0-9]+)*$"
        ],
    ),
    "comparison id": (
        "comparisons.yaml",
        "  - id: alpha-vs-beta\n",
        "  - id: alpha-versus-beta\n",
        [
            "data/comparisons.yaml:3:9: comparisons[alpha-versus-beta].id: comparison id 'alpha-versus-beta' does not "
            "match its items (expected 'alpha-vs-beta')"
        ],
    ),
    "guide coverage": (
        "guide.yaml",
        "    - {id: default, when: {}, outcome: container,",
        '    - {id: default, when: {kernel: "yes"}, outcome: container,',
        [
            "data/guide.yaml:10:5: guide.rules: no rule covers the answers kernel=no (end with a rule whose when is {})"
        ],
    ),
    "correction of a non-seed": (
        "corrections.yaml",
        "seed: seed-a,",
        "seed: doc-a,",
        [
            "data/corrections.yaml:3:27: corrections[alpha-age].seed: 'doc-a' is not a seed article (kind: seed expected)"
        ],
    ),
    "alias naming another record": (
        "products.yaml",
        "    name: Beta\n",
        "    name: Beta\n    also_known_as: {en: [Alpha VM]}\n",
        [
            "data/products.yaml:41:26: products[beta].also_known_as.en[0]: alias 'Alpha VM' already names "
            "products[alpha] (an alias names one thing)"
        ],
    ),
    "control character": (
        "products.yaml",
        "    name: Alpha\n",
        "    name: Al\x07pha\n",
        ["data/products.yaml:5:13: (file): control character U+0007 is not allowed (plain text expected)"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_rule_reports_file_line_field(data_dir, case):
    file, old, new, expected = CASES[case]
    assert problems_after(data_dir, file, old, new) == expected


def test_uncited_source_is_reported(data_dir):
    path = data_dir / "sources.yaml"
    path.write_text(path.read_text() + "  - {id: unused, title: Unused, kind: article, language: en}\n")
    with pytest.raises(DataError) as caught:
        load_model(data_dir, data_dir.parent, SCHEMA)
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "sources[unused].id: source 'unused' is not cited by any record (cite it or remove it)"
    ]


def test_all_problems_reported_at_once(data_dir):
    path = data_dir / "products.yaml"
    text = (
        path.read_text().replace("license: gpl-2.0", "license: GPL2").replace("uses: [beta]", "uses: [betta]")
    )
    path.write_text(text)
    with pytest.raises(DataError) as caught:
        load_model(data_dir, data_dir.parent, SCHEMA)
    assert len(caught.value.problems) == 2


def test_real_data_loads_without_problems(real_model):
    assert real_model.all("products")
