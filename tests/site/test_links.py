"""A crawl of the built site: every internal link, asset and anchor resolves, in both languages,
and every forwarding page lands on a real page."""

from __future__ import annotations

import posixpath
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support import language_pages

REFRESH = re.compile(r"url=(\S+)", re.I)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for key in ("href", "src"):
            if values.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(values[key])
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH.search(values.get("content") or "")
            if match:
                self.links.append(match.group(1).strip("'\""))


@cache
def parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def target_of(site: Path, page: Path, link: str) -> tuple[Path | None, str]:
    """(file the link leads to, or None when it leaves the site; fragment)."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
        return None, ""
    if not parts.path:
        return page, unquote(parts.fragment)
    # Root-absolute links (MkDocs writes them in 404.html, served from any path) resolve from
    # the site root, and like a browser, ".." never climbs above it.
    here = "/" + page.parent.relative_to(site).as_posix()
    path = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
    file = site / path.lstrip("/")
    if file.is_dir() or parts.path.endswith("/"):
        file = file / "index.html"
    return file, unquote(parts.fragment)


def broken_links(site: Path, pages: list[Path]) -> list[str]:
    broken = []
    for page in pages:
        for link in parsed(page).links:
            file, fragment = target_of(site, page, link)
            if file is None:
                continue
            where = f"{page.relative_to(site)} -> {link}"
            if not file.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and file.suffix == ".html" and fragment not in parsed(file).ids:
                broken.append(f"{where}: no element with id {fragment!r}")
    return broken


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_internal_link_and_anchor_resolves(site_dir, lang):
    pages = language_pages(site_dir, lang)
    assert len(pages) > 100
    assert broken_links(site_dir, pages) == []


def test_the_crawl_notices_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"></p>', encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text('<a href="a/#here">ok</a><a href="a/#gone">x</a><a href="b/">y</a>', encoding="utf-8")
    assert broken_links(tmp_path, [page]) == [
        "index.html -> a/#gone: no element with id 'gone'",
        "index.html -> b/: no such file",
    ]
