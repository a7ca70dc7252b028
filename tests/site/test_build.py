"""The build as a contributor runs it: bad data yields no site, good data the same bytes twice."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from support import ROOT, build_site

BROKEN = ("products.yaml", "    vendor: Beta project\n", "    vendor: Beta project\n    vendr: typo\n")


def break_data(data_dir: Path) -> None:
    file, old, new = BROKEN
    path = data_dir / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_bad_data_stops_mkdocs_with_the_problem_and_writes_no_site(data_dir, tmp_path):
    break_data(data_dir)
    site = tmp_path / "site"
    result = build_site(site, data_dir)
    assert result.returncode != 0
    assert "products.yaml:53:5: products[beta].vendr: unknown field 'vendr'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not any(site.rglob("*.html")), "a partial site was written"


def test_bad_data_makes_the_cli_exit_2_and_write_nothing(data_dir, tmp_path):
    break_data(data_dir)
    out = tmp_path / "pages"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--data", str(data_dir), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "1 problem(s); nothing written."
    assert not out.exists()


def test_two_builds_of_the_same_data_are_byte_identical(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    first, second = tmp_path / "one", tmp_path / "two"
    for site in (first, second):
        result = build_site(site, data_dir)
        assert result.returncode == 0, result.stderr
        time.sleep(1.1)  # a clock time leaking into a file (gzip header, sitemap) would differ
    a, b = digests(first), digests(second)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert "zh/products/alpha/index.html" in a and "search/atlas-index.json" in a


def test_a_site_url_gives_canonical_links_a_sitemap_and_404_pages_that_work_in_a_subfolder(
    data_dir, tmp_path
):
    site = tmp_path / "site"
    result = build_site(site, data_dir, SITE_URL="https://example.org/atlas/")
    assert result.returncode == 0, result.stderr
    product = (site / "zh" / "products" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/atlas/zh/products/alpha/">' in product
    assert "<loc>https://example.org/atlas/products/alpha/</loc>" in (site / "sitemap.xml").read_text()
    for lang, prefix in (("", "/atlas/"), ("zh", "/atlas/zh/")):
        page = (site / lang / "404.html").read_text(encoding="utf-8")
        assert f'href="{prefix}products/"' in page  # the 404 page is served at any depth
        assert 'href="/products/' not in page and 'src="/assets/' not in page
