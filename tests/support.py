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


def build_site(site: Path, data: Path | None = None) -> subprocess.CompletedProcess:
    """Both languages with the real MkDocs (strict), English at site/, Chinese at site/zh/."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
