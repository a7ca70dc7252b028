"""Shared fixtures: the real data, small data sets built from fixtures, and the built site."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from support import ROOT, SCHEMA, build_site, make_data, search_log

from atlas.validate import load_model


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return make_data(tmp_path / "data")


@pytest.fixture(scope="session")
def real_model():
    return load_model(ROOT / "data", ROOT, SCHEMA)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The built site of the real data: $ATLAS_SITE when `make test` built it, else built here."""
    if os.environ.get("ATLAS_SITE"):
        return Path(os.environ["ATLAS_SITE"]).resolve()
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    return site


# Hooks run by the controller (xdist workers load subfolder conftests, the controller does not).
def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):
        search_log(session.config).unlink(missing_ok=True)


def pytest_terminal_summary(terminalreporter, config):
    log = search_log(config)
    if not log.exists():
        return
    outcomes = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    hits = sum(o["hit"] for o in outcomes)
    terminalreporter.write_line(
        f"search quality: {hits}/{len(outcomes)} queries met their expectation ({hits / len(outcomes):.1%})"
    )
