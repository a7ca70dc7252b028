"""The validated data as one object: records by kind, references resolved, back-links computed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .load import Document, Path_

# Prefix used in `kind:id` references -> kind (data file or folder name).
REF_KINDS = {
    "product": "products",
    "type": "virtualization-types",
    "hypervisor-type": "hypervisor-types",
    "ring": "rings",
    "mechanism": "mechanisms",
    "kernel": "kernel-features",
    "criterion": "criteria",
    "comparison": "comparisons",
    "glossary": "glossary",
    "timeline": "timeline",
    "correction": "corrections",
    "source": "sources",
}
PREFIX_OF = {kind: prefix for prefix, kind in REF_KINDS.items()}
# Kinds whose records a reader knows by name; a name or alias of one names nothing else.
NAMED_KINDS = (
    "products",
    "virtualization-types",
    "hypervisor-types",
    "mechanisms",
    "kernel-features",
    "rings",
    "criteria",
)
SINGLETONS = ("guide", "site")
TEXT_REF = re.compile(r"\[\[([a-z-]+):([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]\n]+))?\]\]")


@dataclass
class Origin:
    doc: Document
    path: Path_


@dataclass
class Model:
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    singletons: dict[str, dict[str, Any]] = field(default_factory=dict)
    singleton_docs: dict[str, Document] = field(default_factory=dict)
    origins: dict[int, Origin] = field(default_factory=dict)
    vocab: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    vocab_meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    column_kinds: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    records_docs: dict[str, list[Document]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index: dict[tuple[str, str], dict[str, Any]] = {}
        self._alias: dict[tuple[str, str], str] = {}

    def add(self, kind: str, record: dict[str, Any], origin: Origin) -> None:
        self.records.setdefault(kind, []).append(record)
        self.origins[id(record)] = origin
        ident = record.get("id")
        if isinstance(ident, str):
            self._index.setdefault((kind, ident), record)
            for alias in record.get("aliases", []) or []:
                if isinstance(alias, str):
                    self._alias.setdefault((kind, alias), ident)

    def get(self, kind: str, ident: str) -> dict[str, Any] | None:
        return self._index.get((kind, ident))

    def has(self, kind: str, ident: str) -> bool:
        return (kind, ident) in self._index

    def ids(self, kind: str) -> list[str]:
        return [k for (knd, k) in self._index if knd == kind]

    def all(self, kind: str) -> list[dict[str, Any]]:
        return self.records.get(kind, [])

    def sorted(self, kind: str, key: str = "order") -> list[dict[str, Any]]:
        return sorted(self.all(kind), key=lambda r: (r.get(key, 0), r.get("id", "")))

    def origin(self, record: dict[str, Any]) -> Origin:
        return self.origins[id(record)]

    def resolve(self, ref: str) -> tuple[str, dict[str, Any]] | None:
        """`product:kvm` -> ("products", record); None when unknown."""
        prefix, _, ident = ref.partition(":")
        kind = REF_KINDS.get(prefix)
        record = self.get(kind, ident) if kind else None
        return (kind, record) if record is not None else None

    def label(self, vocabulary: str, value: str, lang: str) -> str:
        entry = self.vocab.get(vocabulary, {}).get(value)
        return entry["label"][lang] if entry else value

    @property
    def guide(self) -> dict[str, Any]:
        return self.singletons.get("guide", {})

    @property
    def site(self) -> dict[str, Any]:
        return self.singletons.get("site", {})

    @property
    def columns(self) -> list[dict[str, Any]]:
        return self.all("columns")


def strings_under(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string inside a record, with its path (used for [[ref]] and source scans)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_under(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings_under(item, (*path, i))


def cell_value(cell: Any) -> Any:
    """A cell is a value, or {value, note, sources}."""
    return cell.get("value") if isinstance(cell, dict) else cell


def cell_values(cell: Any) -> list[Any]:
    value = cell_value(cell)
    return list(value) if isinstance(value, list) else ([] if value is None else [value])


def field_value(record: dict[str, Any], dotted: str) -> Any:
    node: Any = record
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def corrections_for(model: Model, ref: str) -> list[dict[str, Any]]:
    """Corrections whose `applies_to` names this record."""
    index = model.__dict__.setdefault("_corrections", {})
    if not index:
        for correction in model.all("corrections"):
            for target in correction.get("applies_to", []):
                index.setdefault(target, []).append(correction)
        index.setdefault("", [])
    return index.get(ref, [])


def citations(model: Model) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Source id -> [(kind, record)] of every record citing it anywhere inside."""

    def build() -> dict[str, list[tuple[str, dict[str, Any]]]]:
        index: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for kind, records in model.records.items():
            if kind == "sources":
                continue
            for record in records:
                for source in sorted(_cited_in(record)):
                    index.setdefault(source, []).append((kind, record))
        return index

    return _memo(model, "_citations", build)


def _cited_in(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("sources", "seed", "also_in") and isinstance(item, list | str):
                found.update([item] if isinstance(item, str) else [s for s in item if isinstance(s, str)])
            else:
                found |= _cited_in(item)
    elif isinstance(value, list):
        for item in value:
            found |= _cited_in(item)
    return found


def reverse_relations(model: Model, field_name: str, ident: str) -> list[dict[str, Any]]:
    """Products whose `field_name` (built_on, uses, replaced_by) lists `ident`."""

    def build() -> dict[str, list[dict[str, Any]]]:
        index: dict[str, list[dict[str, Any]]] = {}
        for product in model.all("products"):
            for target in product.get(field_name) or []:
                index.setdefault(target, []).append(product)
        return index

    return _memo(model, f"_reverse_{field_name}", build).get(ident, [])


def comparisons_of(model: Model, ref: str) -> list[dict[str, Any]]:
    def build() -> dict[str, list[dict[str, Any]]]:
        index: dict[str, list[dict[str, Any]]] = {}
        for comparison in model.all("comparisons"):
            for side in {comparison.get("a"), comparison.get("b")} - {None}:
                index.setdefault(side, []).append(comparison)
        return index

    return _memo(model, "_comparisons_of", build).get(ref, [])


def _memo(model: Model, key: str, build):
    """An index over the model, built on first use (pages ask per record: a scan each would make
    the build quadratic in the data)."""
    if key not in model.__dict__:
        model.__dict__[key] = build()
    return model.__dict__[key]
