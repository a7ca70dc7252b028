"""The data as files at stable URLs: /api/v1/<kind>.json, all.json, products.csv, schemas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .model import Model, cell_values, field_value

API = "api/v1"
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def export_files(model: Model) -> dict[str, str]:
    files: dict[str, str] = {}
    everything: dict[str, Any] = {"version": 1}
    for kind in sorted(model.records):
        files[f"{API}/{kind}.json"] = _json({kind: model.records[kind]})
        everything[kind] = model.records[kind]
    for kind in sorted(model.singletons):
        files[f"{API}/{kind}.json"] = _json({kind: model.singletons[kind]})
        everything[kind] = model.singletons[kind]
    files[f"{API}/all.json"] = _json(everything)
    for lang in ("en", "zh"):
        suffix = "" if lang == "en" else ".zh"
        files[f"{API}/products{suffix}.csv"] = products_csv(model, lang)
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files[f"{API}/schema/{path.name}"] = path.read_text(encoding="utf-8")
    return files


def products_csv(model: Model, lang: str) -> str:
    """One row per product, one column per matrix column; English: value ids, Chinese: labels."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", *(c["id"] for c in model.columns)])
    for product in sorted(model.all("products"), key=lambda p: p["id"]):
        row = [
            product["id"],
            product.get("name_zh") if lang == "zh" and product.get("name_zh") else product["name"],
        ]
        for column in model.columns:
            values = cell_values(field_value(product, column["field"]))
            if lang == "zh":
                vocabulary, refers = model.column_kinds.get(column["field"], (None, None))
                values = [_label(model, vocabulary, refers, v) for v in values]
            row.append(";".join(str(v) for v in values))
        writer.writerow(row)
    return out.getvalue()


def _label(model: Model, vocabulary: str | None, refers: str | None, value: Any) -> str:
    if refers and model.has(refers, str(value)):
        name = model.get(refers, str(value)).get("name")
        return name["zh"] if isinstance(name, dict) else str(name)
    return model.label(vocabulary or "support", str(value), "zh")


def api_files(model: Model) -> list[tuple[str, str, int | None]]:
    """(file name, what it holds, record count) for the API page."""
    rows = [("all.json", "everything", None)]
    rows += [(f"{kind}.json", kind, len(model.records[kind])) for kind in sorted(model.records)]
    rows += [(f"{kind}.json", kind, None) for kind in sorted(model.singletons)]
    rows += [
        ("products.csv", "products (CSV, value ids)", len(model.all("products"))),
        ("products.zh.csv", "products (CSV, 中文标签)", len(model.all("products"))),
        ("matrix.en.json", "product matrix as shown (English labels)", len(model.all("products"))),
        ("matrix.zh.json", "product matrix as shown (中文标签)", len(model.all("products"))),
    ]
    return rows
