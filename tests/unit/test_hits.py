"""The direct-hit table the search worker reads: every name of a record leads to its page."""

from __future__ import annotations

from atlas.hits import direct_hits
from atlas.text import fold


def first_url(hits: dict, name: str) -> str:
    return hits["urls"][hits["names"][fold(name)][0]]


def test_fold_ignores_case_spaces_and_hyphens():
    assert fold("Hyper-V") == fold("hyper v") == fold("HYPERV") == "hyperv"
    assert fold("半虚拟化（PV）") == "半虚拟化pv"


def test_names_aliases_abbreviations_and_typos_lead_to_the_record(real_model):
    hits = direct_hits(real_model)
    assert first_url(hits, "KVM") == "products/kvm/"
    assert first_url(hits, "Kernel-based Virtual Machine") == "products/kvm/"
    assert first_url(hits, "hyper v") == "products/hyper-v/"
    assert first_url(hits, "准虚拟化") == "types/paravirtualization/"
    assert first_url(hits, "CLONE_NEWNET") == "kernel/namespaces/#network-namespace"
    assert first_url(hits, "isolation") == "compare/containers-vs-vms/#isolation"
    assert first_url(hits, "kvm vs xen") == "compare/kvm-vs-xen/"


def test_a_glossary_term_leads_to_the_page_that_explains_it(real_model):
    hits = direct_hits(real_model)
    assert hits["names"][fold("hypervisor")] == ["page:hypervisor-types", "glossary:hypervisor"]
    assert first_url(hits, "宿主机") == "hypervisor-types/"


def test_both_halves_of_a_parenthesised_name_are_names(real_model):
    hits = direct_hits(real_model)
    assert first_url(hits, "虚拟机监控器") == "hypervisor-types/"
    assert first_url(hits, "virtual machine monitor") == "hypervisor-types/"


def test_a_record_page_outranks_the_glossary_on_a_shared_name(real_model):
    hits = direct_hits(real_model)
    for refs in hits["names"].values():
        kinds = [ref.partition(":")[0] for ref in refs]
        if "glossary" in kinds:
            assert all(k == "glossary" for k in kinds[kinds.index("glossary") :]), refs


def test_every_comparison_is_found_by_its_pair_in_either_order(real_model):
    pairs = direct_hits(real_model)["pairs"]
    for record in real_model.all("comparisons"):
        key = "|".join(sorted((record["a"], record["b"])))
        assert pairs[key] == f"comparison:{record['id']}"
    assert len(pairs) == len(real_model.all("comparisons"))


def test_the_table_is_the_same_on_every_build(real_model):
    assert direct_hits(real_model) == direct_hits(real_model)
    assert list(direct_hits(real_model)["names"]) == sorted(direct_hits(real_model)["names"])
