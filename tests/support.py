"""Helpers shared by the test modules: paths, fixture data sets, the real MkDocs build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SCHEMA = ROOT / "data" / "schema"


def make_data(target: Path, name: str = "minimal") -> Path:
    """A data folder: the fixture's records plus the real vocabularies and columns."""
    target.mkdir(parents=True, exist_ok=True)
    for path in (FIXTURES / name).glob("*.yaml"):
        shutil.copy(path, target / path.name)
    for shared in ("vocabularies.yaml", "columns.yaml"):
        shutil.copy(ROOT / "data" / shared, target / shared)
    return target


def build_site(site: Path, data: Path | None = None, **env_vars: str) -> subprocess.CompletedProcess:
    """Both languages with the real MkDocs (strict), English at site/, Chinese at site/zh/."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    if data is not None:
        env["ATLAS_DATA"] = str(data)
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    result = None
    for config, out in (("mkdocs.yml", site), ("mkdocs.zh.yml", site / "zh")):
        result = subprocess.run(
            [mkdocs, "build", "--strict", "-q", "-f", str(ROOT / config), "-d", str(out)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            return result
    return result


def search_log(config) -> Path:
    """Search-quality outcomes of the current run, one JSON line per query, from every worker."""
    return config.cache.mkdir("atlas") / "search-quality.jsonl"


def search_results(page, query: str) -> list[str]:
    """Links of the results, in order, for a query entered in the page's search box. The whole
    query goes in at once (then End, since Material reads the query on keyup): typed letter by
    letter, the results of a shorter prefix can be on screen when they are read."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


def language_pages(site: Path, lang: str, pattern: str = "*.html") -> list[Path]:
    """The built HTML files of one language: site/zh/ for Chinese, the rest for English."""
    root = site / "zh" if lang == "zh" else site
    return [p for p in sorted(root.rglob(pattern)) if lang == "zh" or p.relative_to(root).parts[0] != "zh"]
