"""What a template may call: every value it prints goes through one of these methods."""

from __future__ import annotations

from typing import Any

from . import text as esc
from .model import (
    REF_KINDS,
    Model,
    cell_value,
    cell_values,
    comparisons_of,
    corrections_for,
    field_value,
    reverse_relations,
)
from .urls import PAGES, location, relative, relpath, url_path
from .views import Views


class Page(Views):
    """Rendering context of one generated page in one language."""

    def __init__(self, model: Model, lang: str, file: str, ui: dict[str, dict[str, str]]):
        self.model, self.lang, self.file, self._ui = model, lang, file, ui

    # --- text -------------------------------------------------------------------------
    def t(self, text: Any) -> str:
        """The raw string of a localized text (for attributes and front matter, never Markdown)."""
        if isinstance(text, dict):
            return text.get(self.lang) or text.get("en", "")
        return "" if text is None else str(text)

    def md(self, text: Any) -> str:
        """Localized text as safe Markdown: escaped, with `code` and [[ref]] markup honoured."""
        out = []
        for kind, part in esc.tokens(self.t(text)):
            if kind == "text":
                out.append(esc.plain(part))
            elif kind == "code":
                out.append(esc.code(part))
            else:
                out.append(self.link(*part))
        return esc.block_safe("".join(out).strip())

    def ui(self, key: str, **values: Any) -> str:
        entry = self._ui[key]
        template = entry.get(self.lang) or entry["en"]
        return esc.plain(template.format(**{k: self.t(v) for k, v in values.items()}))

    def uiraw(self, key: str) -> str:
        entry = self._ui[key]
        return entry.get(self.lang) or entry["en"]

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ":"

    attr = staticmethod(esc.attr)
    yaml = staticmethod(esc.yaml_string)

    def plain(self, text: Any) -> str:
        """Text shown exactly as written, with no markup of ours honoured."""
        return esc.plain(self.t(text))

    def html(self, text: Any) -> str:
        return esc.html_text(self.t(text))

    # --- records and links --------------------------------------------------------------
    def name(self, kind: str, record: dict[str, Any]) -> str:
        """Display name of a record in this language (raw string)."""
        if kind == "products":
            return record.get("name_zh") if self.lang == "zh" and record.get("name_zh") else record["name"]
        if kind == "sources":
            return record.get("title_en") if self.lang == "en" and record.get("title_en") else record["title"]
        for key in ("name", "term", "title"):
            if key in record:
                return self.t(record[key])
        if kind == "comparisons":
            return self.comparison_title(record)
        return record.get("id", "")

    def comparison_title(self, record: dict[str, Any]) -> str:
        a, b = (self.model.resolve(record[k]) for k in ("a", "b"))
        return self.uiraw("vs").format(a=self.name(*a), b=self.name(*b))

    def target(self, ref: str) -> tuple[str, str]:
        prefix, _, ident = ref.partition(":")
        if prefix == "page":
            return PAGES[ident], ""
        kind, record = self.model.resolve(ref)
        return location(kind, record)

    def href(self, ref: str) -> str:
        """Relative `.md` link (checked by MkDocs) to a record or page."""
        file, anchor = self.target(ref)
        return relative(self.file, file, anchor)

    def url(self, ref: str) -> str:
        """Relative URL for raw HTML, from this page's URL to the target's."""
        file, anchor = self.target(ref)
        here, there = url_path(self.file), url_path(file)
        path = relpath(there or ".", here or ".") if there != here else "."
        path = "./" if path == "." else path + ("/" if not path.endswith("/") else "")
        return f"{path}#{anchor}" if anchor else path

    def link(self, ref: str, label: str | None = None) -> str:
        shown = label if label is not None else self.ref_name(ref)
        return f"[{esc.plain(shown)}]({self.href(ref)})"

    def ref_name(self, ref: str) -> str:
        prefix, _, ident = ref.partition(":")
        if prefix == "page":
            return self.uiraw(f"page.{ident}")
        return self.name(*self.model.resolve(ref))

    def ref_of(self, kind: str, record: dict[str, Any]) -> str:
        return f"{_prefix(kind)}:{record['id']}"

    def source_links(self, ids: list[str]) -> str:
        return ", ".join(self.link(f"source:{i}") for i in ids or [])

    def corrections_for(self, ref: str) -> list[dict[str, Any]]:
        return corrections_for(self.model, ref)

    def aliases(self, record: dict[str, Any]) -> str:
        """The record's other names in this language (and English abbreviations in Chinese)."""
        names = record.get("also_known_as") or {}
        shown = list(names.get(self.lang, []))
        if self.lang == "zh":
            shown += [n for n in names.get("en", []) if n not in shown]
        return " · ".join(esc.plain(n) for n in shown)

    def search_terms(self, record: dict[str, Any]) -> list[str]:
        """Names, aliases (both languages) and typos: indexed as tags, ranked above body text."""
        names = record.get("also_known_as") or {}
        terms = [n for lang in ("en", "zh") for n in names.get(lang, [])]
        terms += record.get("typos") or []
        if isinstance(record.get("abbr"), str):
            terms.insert(0, record["abbr"])
        seen: list[str] = []
        for term in terms:
            if term not in seen:
                seen.append(term)
        return seen

    def relations(self, record: dict[str, Any]) -> list[tuple[str, list[str]]]:
        """(label key, links) for each relation of a product, both directions."""
        rows = []
        for key, field_name in (("built-on", "built_on"), ("uses", "uses"), ("replaced-by", "replaced_by")):
            if record.get(field_name):
                rows.append((key, [self.link(f"product:{i}") for i in record[field_name]]))
        for key, field_name in (("base-of", "built_on"), ("used-by", "uses"), ("replaces", "replaced_by")):
            others = reverse_relations(self.model, field_name, record["id"])
            if others:
                rows.append((key, [self.link(f"product:{o['id']}") for o in others]))
        return rows

    def comparisons_of(self, ref: str) -> list[dict[str, Any]]:
        return comparisons_of(self.model, ref)

    def sources_list(self, ids: list[str]) -> list[dict[str, Any]]:
        return [self.model.get("sources", i) for i in ids or []]

    def source_item(self, source: dict[str, Any]) -> str:
        title = esc.plain(source["title"])
        head = f"[{title}]({source['url']})" if source.get("url") else title
        if self.lang == "en" and source.get("title_en"):
            head += f" ({esc.plain(source['title_en'])})"
        meta = [x for x in (source.get("author"), source.get("publisher"), str(source.get("year", ""))) if x]
        tail = f" · {esc.plain(', '.join(meta))}" if meta else ""
        return f"{head}{tail} · [{self.ui('cited-by')}]({self.href('source:' + source['id'])})"

    def figure_value(self, figure: dict[str, Any]) -> str:
        value = _number(figure["value"])
        if "value_max" in figure:
            value += f"–{_number(figure['value_max'])}"
        unit = self.label("unit", figure["unit"])
        joiner = "" if figure["unit"] == "percent" else " "
        return esc.plain(f"{value}{joiner}{unit}")

    # --- vocabulary cells -----------------------------------------------------------------
    def label(self, vocabulary: str, value: Any) -> str:
        return self.model.label(vocabulary, str(value), self.lang)

    def column_values(self, record: dict[str, Any], column: dict[str, Any]) -> list[tuple[str, str]]:
        """(id, label) of each value a product has in a matrix column."""
        cell = field_value(record, column["field"])
        vocabulary, refers = self.column_source(column)
        pairs = []
        for value in cell_values(cell):
            if refers and self.model.has(refers, str(value)):
                pairs.append((str(value), self.name(refers, self.model.get(refers, str(value)))))
            elif vocabulary:
                pairs.append((str(value), self.label(vocabulary, value)))
            else:
                pairs.append((str(value), self.label("support", value) if value == "n-a" else str(value)))
        if column["field"] == "status" and record.get("status_year") and pairs:
            pairs[0] = (pairs[0][0], f"{pairs[0][1]} ({record['status_year']})")
        return pairs

    def column_source(self, column: dict[str, Any]) -> tuple[str | None, str | None]:
        """(vocabulary, referred kind) of the product field a column shows."""
        return self.model.column_kinds.get(column["field"], (None, None))

    def cell_md(self, record: dict[str, Any], column: dict[str, Any], with_note: bool = True) -> str:
        cell = field_value(record, column["field"])
        _, refers = self.column_source(column)
        parts = []
        for value, label in self.column_values(record, column):
            if refers and self.model.has(refers, value):
                parts.append(self.link(f"{_prefix(refers)}:{value}", label))
            else:
                parts.append(esc.plain(label))
        shown = ", ".join(parts)
        note = cell.get("note") if isinstance(cell, dict) else None
        if with_note and note:
            shown += f" <br><small>{self.md(note)}</small>"
        return shown

    def note_of(self, cell: Any) -> Any:
        return cell.get("note") if isinstance(cell, dict) else None

    def support_md(self, cell: Any) -> str:
        value = cell_value(cell)
        label = esc.plain(self.label("support", value))
        shown = f'<span class="atlas-v atlas-v-{esc.attr(value)}">{label}</span>'
        note = self.note_of(cell)
        return shown + (f" <small>{self.md(note)}</small>" if note else "")

    # --- front matter -----------------------------------------------------------------
    def front_matter(
        self,
        title: str,
        description: Any,
        tags: list[str] | None = None,
        boost: float | None = None,
        title_weight: int = 3,
        toc_depth: int | None = None,
    ) -> str:
        """YAML front matter. Material prints title and description into HTML unescaped, so they
        are escaped here. The title leads the search tags three times: lunr counts repeats, so the
        page named after a term outranks pages that list it among other names (a comparison, named
        after two things, gives its title weight 1). `toc_depth` shortens the table of contents
        of long lists (the MkDocs hook applies it)."""
        lines = [
            "---",
            f"title: {esc.yaml_string(esc.attr(title))}",
            f"description: {esc.yaml_string(esc.attr(self.unmarked(description)))}",
        ]
        if tags:
            tags = [title] * title_weight + [t for t in tags if t != title]
            lines.append("tags:")
            lines += [f"  - {esc.yaml_string(tag)}" for tag in tags]
        if boost:
            lines += ["search:", f"  boost: {boost}"]
        if toc_depth:
            lines.append(f"toc_depth: {toc_depth}")
        return "\n".join([*lines, "---", ""])


def _prefix(kind: str) -> str:
    return {v: k for k, v in REF_KINDS.items()}[kind]


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
