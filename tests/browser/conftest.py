"""Real Chromium (Debian's /usr/bin/chromium) against the built site, served from a thread
(the same server and browser flags as scripts/shoot.py, the screenshot tool)."""

from __future__ import annotations

import json

import pytest
from support import search_log

from shoot import CHROMIUM, FLAGS, serve


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture
def watched(page, base_url):
    """The page, with a record of console errors and of requests to any other host."""
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if not r.url.startswith(base_url) and not r.url.startswith("data:")
            else None
        ),
    )
    page.errors, page.foreign = errors, foreign
    return page


@pytest.fixture
def record_search_result(request):
    """Append one search-quality outcome to the run's log (summed up by tests/conftest.py)."""

    def record(query: str, hit: bool) -> None:
        with search_log(request.config).open("a", encoding="utf-8") as log:
            log.write(json.dumps({"query": query, "hit": hit}) + "\n")

    return record
