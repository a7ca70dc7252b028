"""The real data, checked per entity: a failure names the record it is about."""

from __future__ import annotations

import pytest

from atlas.model import cell_values, field_value, strings_under

SEED_PRODUCTS = [
    "docker",
    "lxc",
    "kvm",
    "qemu",
    "xen",
    "vmware-workstation",
    "vmware-fusion",
    "vmware-esxi",
    "hyper-v",
    "virtualbox",
    "openvz",
    "virtuozzo",
    "oracle-vm",
    "parallels-workstation",
    "virtual-pc",
    "virtual-server",
    "virtual-iron",
    "boot2docker",
    "openstack",
    "kubernetes",
    "mesos",
]
MODERN_PRODUCTS = [
    "firecracker",
    "cloud-hypervisor",
    "gvisor",
    "kata-containers",
    "podman",
    "containerd",
    "runc",
    "crun",
    "cri-o",
    "lxd",
    "incus",
    "systemd-nspawn",
    "freebsd-jails",
    "solaris-zones",
    "bhyve",
    "proxmox-ve",
    "nutanix-ahv",
    "wsl2",
    "docker-desktop",
    "apple-virtualization",
    "xenserver",
    "xcp-ng",
    "linux-vserver",
]
REQUIRED_COMPARISONS = [
    "docker-vs-kvm",
    "docker-vs-lxc",
    "lxc-vs-openvz",
    "kvm-vs-xen",
    "kvm-vs-vmware-esxi",
    "kvm-vs-hyper-v",
    "xen-vs-vmware-esxi",
    "hyper-v-vs-vmware-esxi",
    "virtualbox-vs-vmware-workstation",
    "qemu-vs-kvm",
    "type-1-vs-type-2",
    "full-virtualization-vs-paravirtualization",
    "paravirtualization-vs-hardware-assisted",
    "firecracker-vs-gvisor",
    "gvisor-vs-kata-containers",
    "docker-vs-podman",
    "containerd-vs-cri-o",
    "proxmox-ve-vs-vmware-esxi",
    "wsl2-vs-hyper-v",
]


def all_figures(model):
    for kind, records in model.records.items():
        for record in records:
            for figure in record.get("figures") or []:
                yield f"{kind}[{record.get('id')}]", figure


def test_counts(real_model):
    assert len(real_model.all("products")) >= 40
    assert len(real_model.all("comparisons")) >= 20
    assert len(real_model.all("glossary")) >= 80
    assert len(real_model.all("timeline")) >= 60
    namespaces = [f for f in real_model.all("kernel-features") if f["group"] == "namespace"]
    assert len(namespaces) == 8


@pytest.mark.parametrize("ident", SEED_PRODUCTS + MODERN_PRODUCTS)
def test_expected_product_exists(real_model, ident):
    assert real_model.has("products", ident), f"no product '{ident}'"


@pytest.mark.parametrize("ident", REQUIRED_COMPARISONS)
def test_expected_comparison_exists(real_model, ident):
    assert real_model.has("comparisons", ident), f"no comparison '{ident}'"


def test_every_product_fills_every_matrix_column(real_model):
    gaps = []
    for product in real_model.all("products"):
        for column in real_model.columns:
            if not cell_values(field_value(product, column["field"])):
                gaps.append(f"products[{product['id']}] has no value for column '{column['id']}'")
    assert not gaps, "\n".join(gaps)


def test_every_figure_has_unit_conditions_and_source(real_model):
    for where, figure in all_figures(real_model):
        assert figure["unit"] and figure["sources"], f"{where}.figures[{figure['id']}]"
        assert figure["conditions"]["en"].strip() and figure["conditions"]["zh"].strip(), where


def test_relations_point_at_real_products(real_model):
    for product in real_model.all("products"):
        for field in ("built_on", "uses", "replaced_by"):
            for other in product.get(field) or []:
                assert real_model.has("products", other), f"products[{product['id']}].{field}: {other}"
                assert other != product["id"], f"products[{product['id']}].{field} names itself"


def test_every_source_is_cited(real_model):
    from atlas.model import citations

    cited = citations(real_model)
    uncited = [s["id"] for s in real_model.all("sources") if s["id"] not in cited]
    assert not uncited, uncited


def test_every_seed_is_audited_fact_by_fact(real_model):
    seeds = [s["id"] for s in real_model.all("sources") if s["kind"] == "seed"]
    assert len(seeds) == 5
    facts = real_model.all("seed-facts")
    for seed in seeds:
        assert len([f for f in facts if f["seed"] == seed]) >= 15, f"{seed} has few recorded facts"


def test_every_correction_names_a_seed_fact_or_a_page(real_model):
    for correction in real_model.all("corrections"):
        assert correction["applies_to"], correction["id"]


def test_the_cpuinfo_check_is_recorded(real_model):
    texts = [t for records in real_model.records.values() for r in records for _, t in strings_under(r)]
    assert any("/proc/cpuinfo" in t for t in texts)


def test_discontinued_products_say_when(real_model):
    for product in real_model.all("products"):
        if product["status"] in ("discontinued", "maintenance"):
            assert product.get("status_year"), product["id"]
