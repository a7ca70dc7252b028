"""Tooltips: each page carries the definitions of the abbreviations it uses, and the page keeps
only the tooltips a reader needs (first mention per section, no title on permalinks)."""

from __future__ import annotations

import markdown

from atlas.render import with_tooltips
from atlas.tooltips import TooltipExtension


def test_only_the_abbreviations_a_page_uses_are_defined_each_in_its_own_block():
    definitions = {"KVM": "*[KVM]: Kernel-based Virtual Machine", "OCI": "*[OCI]: Open Container Initiative"}
    assert with_tooltips("Runs KVM.\n", definitions) == "Runs KVM.\n\n*[KVM]: Kernel-based Virtual Machine\n"
    assert with_tooltips("OCI and KVM", definitions).count("\n\n*[") == 2
    assert with_tooltips("Nothing here", definitions) == "Nothing here\n"


def html(text: str, label: str = "Link to this section") -> str:
    md = markdown.Markdown(
        extensions=["abbr", "tables", "toc", TooltipExtension(label)],
        extension_configs={"toc": {"permalink": True}},
    )
    return md.convert(text + "\n\n*[KVM]: Kernel-based Virtual Machine\n*[VM]: Virtual Machine\n")


def test_an_abbreviation_keeps_its_tooltip_at_its_first_mention_in_each_section():
    out = html(
        "KVM runs a VM; KVM again.\n\n| KVM | *KVM* |\n|---|---|\n| VM | x |\n\n## Next\n\nKVM once more, KVM."
    )
    first, second = out.split("<h2", 1)
    assert first.count("<abbr") == 2  # KVM and VM, once each
    assert "again" in first and "<em>KVM</em>" in first  # later mentions stay, as text
    assert second.count('<abbr title="Kernel-based Virtual Machine">KVM</abbr>') == 1
    assert second.count("KVM") == 2


def test_unwrapping_keeps_the_text_around_an_abbreviation_in_order():
    out = html("A KVM b <strong>c</strong> KVM d KVM e")
    text = out.replace('<abbr title="Kernel-based Virtual Machine">', "").replace("</abbr>", "")
    assert text == "<p>A KVM b <strong>c</strong> KVM d KVM e</p>"


def test_permalinks_are_named_by_aria_label_in_the_pages_language_not_by_a_title():
    out = html("## 概览", label="本节链接")
    assert 'aria-label="本节链接"' in out
    assert "title=" not in out.split("<abbr")[0]
