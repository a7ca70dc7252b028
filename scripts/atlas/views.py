"""Data shaped for particular page kinds (lists, groupings, comparison rows), used by templates."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from itertools import groupby
from typing import Any

from . import text as esc
from .export import API, SCHEMA_DIR, api_files
from .model import cell_value, cell_values, citations, field_value
from .schema import read_schemas
from .search import SEARCH_BOOST
from .urls import url_path

KERNEL_GROUPS = {
    "namespaces": ("namespace",),
    "cgroups": ("cgroup-version", "cgroup-controller"),
    "security": ("security",),
    "filesystems": ("filesystem",),
}
_SENTENCE = re.compile(r"^(.+?[.!?。！？])(\s|$)")


class Views:
    """Mixed into Page: every method returns escaped Markdown/HTML or plain data."""

    # --- small pieces ---------------------------------------------------------------
    def code(self, text: str) -> str:
        return esc.code(text)

    def row_anchor(self, ident: str) -> str:
        label = esc.attr(self.uiraw("row-link"))
        attrs = f'id="{ident}" href="#{ident}" title="{label}" aria-label="{label}" data-search-exclude=""'
        return f'<a class="atlas-row" {attrs}>#</a>'

    def ref_links(self, refs: list[str]) -> str:
        return ", ".join(self.link(r) for r in refs or [])

    def product_links(self, ids: list[str]) -> str:
        return ", ".join(self.link(f"product:{i}") for i in ids or [])

    def vocab_md(self, vocabulary: str, cell: Any) -> str:
        shown = ", ".join(esc.plain(self.label(vocabulary, v)) for v in cell_values(cell))
        note = self.note_of(cell)
        return shown + (f" <small>{self.md(note)}</small>" if note else "")

    def first_sentence(self, text: Any) -> str:
        raw = self.t(text)
        match = _SENTENCE.match(raw)
        return self.md(match.group(1) if match else raw)

    def unmarked(self, text: Any) -> str:
        """The text without our markup: references become their labels, code its content."""
        parts = []
        for kind, part in esc.tokens(self.t(text)):
            parts.append(part if kind != "ref" else (part[1] or self.ref_name(part[0])))
        return "".join(parts)

    def short(self, text: Any, limit: int = 70) -> str:
        raw = " ".join(self.unmarked(text).split())
        return raw if len(raw) <= limit else raw[: limit - 1].rstrip() + "…"

    def section_info(self, name: str) -> dict[str, Any]:
        for section in [*self.model.site.get("sections", []), *self.model.site.get("pages", [])]:
            if section["id"] == name:
                return section
        return {"id": name, "summary": self.model.site.get("tagline", {"en": name, "zh": name})}

    def api_url(self, name: str) -> str:
        """Relative URL of an exported file, from this page's URL."""
        return posixpath.relpath(f"{API}/{name}", url_path(self.file) or ".")

    def diagrams(self, ref: str) -> str:
        from .diagrams import diagrams_for

        return diagrams_for(self, ref)

    # --- search terms ---
    def section_terms(self, name: str) -> list[str]:
        return self.search_terms(self.section_info(name))

    def boost(self, kind: str) -> float:
        return SEARCH_BOOST.get(kind, 1.0)

    def terms_of(self, kind: str) -> list[str]:
        return self.terms_of_records(self.model.all(kind))

    def terms_of_records(self, records: list[dict[str, Any]]) -> list[str]:
        terms: list[str] = []
        for record in records:
            for term in [self.t(record.get("name", "")), *self.search_terms(record)]:
                if term and term not in terms:
                    terms.append(term)
        return terms

    # --- lists ----------------------------------------------------------------------
    def kernel_features(self, section: str) -> list[dict[str, Any]]:
        groups = KERNEL_GROUPS[section]
        features = [f for f in self.model.all("kernel-features") if f["group"] in groups]
        return sorted(
            features, key=lambda f: (groups.index(f["group"]), _version(f["kernel_version"]), f["id"])
        )

    def sorted_products(self) -> list[dict[str, Any]]:
        return sorted(self.model.all("products"), key=lambda p: self.name("products", p).lower())

    def sorted_comparisons(self) -> list[dict[str, Any]]:
        return sorted(self.model.all("comparisons"), key=lambda c: self.comparison_title(c).lower())

    def sorted_corrections(self) -> list[dict[str, Any]]:
        return sorted(self.model.all("corrections"), key=lambda c: (c["seed"], c["id"]))

    def glossary_terms(self) -> list[tuple[str, list[dict[str, Any]]]]:
        def key(term: dict[str, Any]) -> str:
            return _sort_key(
                self.t(term["term"]) if self.lang == "en" else term.get("abbr") or term["term"]["en"]
            )

        terms = sorted(self.model.all("glossary"), key=key)
        return [
            (letter, list(items)) for letter, items in groupby(terms, key=lambda t: key(t)[:1].upper() or "#")
        ]

    def timeline_by_decade(self) -> list[tuple[int, list[dict[str, Any]]]]:
        events = sorted(self.model.all("timeline"), key=lambda e: (e["year"], e.get("month", 0), e["id"]))
        return [
            (decade, list(items)) for decade, items in groupby(events, key=lambda e: e["year"] // 10 * 10)
        ]

    def sources_by_kind(self) -> list[tuple[str, list[dict[str, Any]]]]:
        order = list(self.model.vocab.get("source-kind", {}))
        sources = sorted(
            self.model.all("sources"), key=lambda s: (order.index(s["kind"]), _sort_key(s["title"]))
        )
        return [(kind, list(items)) for kind, items in groupby(sources, key=lambda s: s["kind"])]

    def source_meta(self, source: dict[str, Any]) -> str:
        parts = [esc.plain(x) for x in (source.get("author"), source.get("publisher")) if x]
        if source.get("year"):
            parts.append(str(source["year"]))
        if source.get("file"):
            parts.append(esc.code(source["file"]))
        if source.get("url"):
            parts.append(f"<{source['url']}>")
        return " · ".join(parts)

    def cited_by(self, source_id: str) -> list[str]:
        seen, links = set(), []
        for kind, record in citations(self.model).get(source_id, []):
            if kind in ("seed-facts",) or "id" not in record:
                continue
            ref = self.ref_of(kind, record)
            if ref not in seen:
                seen.add(ref)
                links.append(self.link(ref))
        return links

    def seed_facts(self, source_id: str) -> list[dict[str, Any]]:
        facts = [f for f in self.model.all("seed-facts") if f["seed"] == source_id]
        return sorted(facts, key=lambda f: f["order"])

    # --- API page -------------------------------------------------------------------
    def api_files(self) -> list[tuple[str, str, int | None]]:
        return api_files(self.model)

    def api_schemas(self) -> list[tuple[str, dict[str, Any]]]:
        schemas = read_schemas(SCHEMA_DIR)
        return [
            (name.removesuffix(".schema.json"), body)
            for name, body in sorted(schemas.by_id.items())
            if name != "common.schema.json"
        ]

    def schema_fields(self, schema: dict[str, Any], kind: str) -> list[dict[str, Any]]:
        schemas = read_schemas(SCHEMA_DIR)
        body = schema["properties"][kind]
        record = body.get("items", body)
        required = set(record.get("required", []))
        fields = []
        for name, node in record.get("properties", {}).items():
            base = f"{kind}.schema.json"
            resolved, _ = schemas.resolve(node, base)
            vocabulary = schemas.keyword(node, base, "x-vocabulary")
            refers = schemas.keyword(node, base, "x-refers-to")
            kind_text = resolved.get("type") or ("cell" if "oneOf" in resolved else "value")
            if vocabulary:
                kind_text = f"{kind_text}, vocabulary {vocabulary}"
            if refers:
                kind_text = f"{kind_text}, id of {refers}"
            description = node.get("description") or resolved.get("description") or ""
            fields.append(
                {"name": name, "type": kind_text, "required": name in required, "description": description}
            )
        return fields

    # --- guide ----------------------------------------------------------------------
    def outcome(self, ident: str) -> dict[str, Any]:
        return next(o for o in self.model.guide["outcomes"] if o["id"] == ident)

    def answer_label(self, question: dict[str, Any], answer: str | None) -> str:
        if answer is None:
            return f"<small>{self.ui('any-answer')}</small>"
        return next(self.md(a["label"]) for a in question["answers"] if a["id"] == answer)

    # --- matrix -------------------------------------------------------------------------
    def column_ids(self, product: dict[str, Any], column: dict[str, Any]) -> str:
        return " ".join(str(v) for v in cell_values(field_value(product, column["field"])))

    def sort_key(self, product: dict[str, Any], column: dict[str, Any]) -> str:
        return " ".join(label for _, label in self.column_values(product, column)).lower()

    def cell_html(self, product: dict[str, Any], column: dict[str, Any]) -> str:
        cell = field_value(product, column["field"])
        shown = ", ".join(esc.html_text(label) for _, label in self.column_values(product, column))
        value = cell_value(cell)
        if column["field"].startswith("features."):
            shown = f'<span class="atlas-v atlas-v-{esc.attr(value)}">{shown}</span>'
        note = self.note_of(cell)
        if note:
            shown += f' <span class="atlas-note" title="{esc.attr(self.unmarked(note))}">*</span>'
        return shown

    def dataset_key(self, column_id: str) -> str:
        """`host-os` -> `hostOs`: how JavaScript reads `data-host-os`."""
        head, *rest = column_id.split("-")
        return head + "".join(part.capitalize() for part in rest)

    def filter_options(self, column: dict[str, Any]) -> list[tuple[str, str]]:
        """Values of a column that some product has, with labels, in vocabulary order."""
        seen: dict[str, str] = {}
        for product in self.model.all("products"):
            for value, label in self.column_values(product, column):
                seen.setdefault(value, label)
        vocabulary, _ = self.column_source(column)
        order = list(self.model.vocab.get(vocabulary or "", {}))
        return sorted(
            seen.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[1])
        )

    # --- comparisons --------------------------------------------------------------------
    def comparison_rows(self, record: dict[str, Any]) -> list[dict[str, Any]]:
        rows = []
        a, b = self.model.resolve(record["a"]), self.model.resolve(record["b"])
        notes = record.get("notes") or {}
        if a[0] == "products" and b[0] == "products":
            for column in self.model.columns:
                differs = self.column_values(a[1], column) != self.column_values(b[1], column)
                note = notes.get(column["id"])
                rows.append(
                    {
                        "id": column["id"],
                        "label": self.md(column["label"]),
                        "a": self.cell_md(a[1], column),
                        "b": self.cell_md(b[1], column),
                        "differs": differs,
                        "mark": (f"**{self.ui('differs')}**" if differs else "=")
                        + (f" {self.md(note)}" if note else ""),
                    }
                )
        for row in record.get("rows") or []:
            differs = row["advantage"] != "equal"
            rows.append(
                {
                    "id": row["id"],
                    "label": self.md(row["label"]),
                    "a": self.md(row["a"]),
                    "b": self.md(row["b"]),
                    "differs": differs,
                    "mark": self.md(self.label("advantage-ab", row["advantage"])),
                }
            )
        return rows


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(".") if x.isdigit())


def _sort_key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lstrip("/-_ ").lower()
