"""Direct hits: the page a search query names outright.

Lunr ranks by how often the query's words occur, so a page that repeats "KVM" can outrank the
KVM page itself, and `hyper-v` splits into `hyper` and `v*`. The search worker
(docs/assets/javascripts/workers/atlas-search.js) first looks the whole query up in this table:
a name, alias, abbreviation or known typo of a record (folded: case, spaces and hyphens do not
count), or "a vs b" where a comparison of the two exists. The pages it finds lead the results;
lunr's ranking follows.
"""

from __future__ import annotations

import re
from typing import Any

from .model import NAMED_KINDS, PREFIX_OF, Model
from .search import SEARCH_BOOST
from .text import fold
from .urls import PAGES, location, url_path

# Kinds searched by name, most specific first on a shared name.
_KINDS = (*NAMED_KINDS, "comparisons", "glossary")
_PARENTHESIS = re.compile(r"(.+?)\s*[(（](.+)[)）]")


def direct_hits(model: Model) -> dict[str, Any]:
    """{names: {folded name: [ref, ...]}, urls: {ref: url below the language root},
    pairs: {"ref|ref": comparison ref}}; the same for both languages."""
    names: dict[str, list[tuple[float, int, str]]] = {}
    urls: dict[str, str] = {}
    order = 0

    def add(ref: str, url: str, boost: float, terms: list[str]) -> None:
        nonlocal order
        urls[ref] = url
        for term in terms:
            key = fold(term)
            if len(key) >= 2 and all(ref != r for _, _, r in names.get(key, [])):
                names.setdefault(key, []).append((-boost, order, ref))
                order += 1

    for kind in _KINDS:
        for record in model.all(kind):
            ref = f"{PREFIX_OF[kind]}:{record['id']}"
            terms = _record_names(record)
            if kind == "glossary" and record.get("see"):
                see = record["see"]  # the page that explains the term answers its names first
                add(see, _url(model, see), SEARCH_BOOST["glossary"] + 0.1, terms)
            add(ref, _url(model, ref), SEARCH_BOOST.get(kind, 1.0), terms)
    for section in [*model.site.get("sections", []), *model.site.get("pages", [])]:
        ref = f"page:{section['id']}"
        terms = [*_texts(section.get("title")), *_record_names(section)]
        add(ref, _url(model, ref), SEARCH_BOOST.get(section["id"], 1.0), terms)

    pairs = {}
    for record in model.all("comparisons"):
        pairs["|".join(sorted((record["a"], record["b"])))] = f"comparison:{record['id']}"
    return {
        "names": {key: [ref for *_, ref in sorted(refs)] for key, refs in sorted(names.items())},
        "urls": dict(sorted(urls.items())),
        "pairs": dict(sorted(pairs.items())),
    }


def _url(model: Model, ref: str) -> str:
    prefix, _, ident = ref.partition(":")
    if prefix == "page":
        return url_path(PAGES[ident])
    kind, record = model.resolve(ref)
    file, anchor = location(kind, record)
    return url_path(file) + (f"#{anchor}" if anchor else "")


def _record_names(record: dict[str, Any]) -> list[str]:
    terms = [record["id"]] if "id" in record else []
    for key in ("name", "name_zh", "term", "abbr"):
        terms += _texts(record.get(key))
    for aliases in (record.get("also_known_as") or {}).values():
        terms += aliases
    return terms + list(record.get("typos") or [])


def _texts(value: Any) -> list[str]:
    """The strings of a name, plus both halves of one written `A (B)`: "Hypervisor (virtual
    machine monitor)" is also "Hypervisor" and "virtual machine monitor"."""
    texts = [v for v in value.values() if isinstance(v, str)] if isinstance(value, dict) else [value]
    out = []
    for text in texts:
        if isinstance(text, str):
            match = _PARENTHESIS.fullmatch(text.strip())
            out += [text, *(match.groups() if match else ())]
    return out
