"""Valid HTML: the Nu HTML Checker (vnu-jar from npm) on one page of every kind, both languages."""

from __future__ import annotations

import json
import shutil
import subprocess

from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [
    "",
    "products/",
    "products/kvm/",
    "types/",
    "types/os-level/",
    "hypervisor-types/hybrid/",
    "rings/",
    "mechanisms/virtio/",
    "kernel/namespaces/",
    "kernel/cgroups/",
    "compare/",
    "compare/containers-vs-vms/",
    "compare/kvm-vs-xen/",
    "guide/",
    "glossary/",
    "timeline/",
    "sources/",
    "corrections/",
    "api/",
    "about/",
]
# Errors in Material's own base template, outside any block or partial we override.
TEMPLATE_ISSUES = {
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off"
    "Attribute “autocomplete” is only allowed when the input type is",
    # partials/toc.html: the "Table of contents" label points at the __toc toggle, which
    # Material renders only when the page has a table of contents
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden",
}


def test_pages_are_valid_html(site_dir):
    assert shutil.which("java"), "the Nu HTML Checker needs Java (apt-get install default-jre-headless)"
    assert VNU.is_file(), "vnu-jar missing: run `npm ci` (make test does)"
    files = [str(site_dir / prefix / page / "index.html") for prefix in ("", "zh") for page in PAGES]
    files.append(str(site_dir / "404.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" and not any(m["message"].startswith(known) for known in TEMPLATE_ISSUES)
    ]
    assert errors == []
