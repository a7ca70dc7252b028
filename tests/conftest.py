"""Shared fixtures: the real data, small data sets built from fixtures, and the built site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import ROOT, SCHEMA, build_site, make_data

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
