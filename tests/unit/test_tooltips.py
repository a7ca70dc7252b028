"""Abbreviation tooltips: each page carries the definitions of the abbreviations it uses."""

from __future__ import annotations

from atlas.render import with_tooltips


def test_only_the_abbreviations_a_page_uses_are_defined_each_in_its_own_block():
    definitions = {"KVM": "*[KVM]: Kernel-based Virtual Machine", "OCI": "*[OCI]: Open Container Initiative"}
    assert with_tooltips("Runs KVM.\n", definitions) == "Runs KVM.\n\n*[KVM]: Kernel-based Virtual Machine\n"
    assert with_tooltips("OCI and KVM", definitions).count("\n\n*[") == 2
    assert with_tooltips("Nothing here", definitions) == "Nothing here\n"
