"""Check each data file against the JSON Schema of its kind (data/schema/<kind>.schema.json).

Besides plain JSON Schema, the schemas carry two keywords of ours, read here and by the
validator, so the vocabulary of a field is written once:
- `x-vocabulary: NAME`: the value (or each value, or `value` of a cell) is an id of vocabulary NAME;
- `x-refers-to: KIND`: the value is the id of a record of KIND (`any` for `kind:id` refs).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from .load import Document, Path_, display_path
from .problems import Problem

TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


@dataclass(frozen=True)
class Schemas:
    by_id: dict[str, dict[str, Any]]
    inlined: dict[str, dict[str, Any]]  # the same schemas with every $ref replaced by its target

    def for_kind(self, kind: str) -> dict[str, Any] | None:
        return self.by_id.get(f"{kind}.schema.json")

    def keyword(self, node: dict[str, Any], base: str, key: str) -> Any:
        """The first value of `key` met along a `$ref` chain."""
        while key not in node and "$ref" in node:
            node, base = _follow(self.by_id, node["$ref"], base)
        return node.get(key)

    def resolve(self, node: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
        """Follow `$ref` chains; return the target node and the file it stands in."""
        while "$ref" in node:
            node, base = _follow(self.by_id, node["$ref"], base)
        return node, base


def _follow(by_id: dict[str, Any], ref: str, base: str) -> tuple[Any, str]:
    """The node a `$ref` (`file#/pointer` or `#/pointer`) names, and the file it is in."""
    file, _, pointer = ref.partition("#")
    base = file or base
    node = by_id[base]
    for part in filter(None, pointer.split("/")):
        node = node[part]
    return node, base


@cache
def _read(schema_dir: str) -> Schemas:
    by_id = {}
    for path in sorted(Path(schema_dir).glob("*.schema.json")):
        by_id[path.name] = json.loads(path.read_text(encoding="utf-8"))
    memo: dict[tuple[str, str], Any] = {}
    inlined = {name: _inline(body, name, by_id, memo) for name, body in by_id.items()}
    return Schemas(by_id, inlined)


_ANNOTATIONS = {"description", "title", "examples", "default", "$comment"}


def _inline(node: Any, base: str, by_id: dict[str, Any], memo: dict[tuple[str, str], Any]) -> Any:
    """The schema with `$ref`s replaced by what they point at. Validating the data resolves
    thousands of references; done once here, validation takes half the time."""
    if isinstance(node, list):
        return [_inline(item, base, by_id, memo) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" not in node:
        return {k: _inline(v, base, by_id, memo) for k, v in node.items() if k != "$defs"}
    key = (node["$ref"], base if node["$ref"].startswith("#") else "")
    if key not in memo:
        target, target_base = _follow(by_id, node["$ref"], base)
        memo[key] = _inline(target, target_base, by_id, memo)
    target = memo[key]
    rest = {k: _inline(v, base, by_id, memo) for k, v in node.items() if k != "$ref"}
    if all(k in _ANNOTATIONS or k.startswith("x-") for k in rest):
        return {**target, **rest}
    return {**rest, "allOf": [*rest.get("allOf", []), target]}


def read_schemas(schema_dir: Path) -> Schemas:
    return _read(str(schema_dir))


def _message(error: jsonschema.ValidationError) -> str:
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        if missing in ("en", "zh"):
            return f"missing translation '{missing}' (both en and zh are required)"
        return f"missing required field '{missing}'"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        names = ", ".join(f"'{name}'" for name in extra)
        return f"unknown field {names} (allowed: {', '.join(allowed)})"
    if kind == "type":
        wanted = TYPE_NAMES.get(error.validator_value, error.validator_value)
        return f"{error.instance!r} is {_type_of(error.instance)} ({wanted} expected)"
    if kind == "minLength" and error.validator_value == 1:
        return "empty text (write something, in both languages)"
    if kind == "pattern":
        return f"{error.instance!r} does not match the expected form {error.validator_value}"
    if kind == "enum":
        return f"{error.instance!r} is not one of: {', '.join(map(str, error.validator_value))}"
    if kind == "oneOf":
        expected = "a value, or a mapping with 'value' and 'note'"
        return f"{_short(error.instance)} is not a valid value here ({expected})"
    return error.message


def _type_of(value: Any) -> str:
    for name, kind in (
        ("true or false", bool),
        ("a whole number", int),
        ("a number", float),
        ("text", str),
        ("a list", list),
        ("a mapping", dict),
    ):
        if isinstance(value, kind):
            return name
    return "empty" if value is None else type(value).__name__


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _deepest(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For a oneOf between a plain value and a mapping, report the branch the data meant."""
    if error.validator == "oneOf" and error.context:
        meant = [e for e in error.context if e.validator != "type"]
        if meant:
            return _deepest(max(meant, key=lambda e: len(e.absolute_path)))
    return error


def check_document(doc: Document, kind: str, schemas: Schemas) -> list[Problem]:
    schema = schemas.for_kind(kind)
    if schema is None:
        known = ", ".join(
            sorted(n.removesuffix(".schema.json") for n in schemas.by_id if n != "common.schema.json")
        )
        return [Problem(doc.file, 1, 1, "(file)", f"no schema for kind '{kind}' (known kinds: {known})")]
    validator = jsonschema.Draft202012Validator(schemas.inlined[f"{kind}.schema.json"])
    problems = []
    for error in validator.iter_errors(doc.data):
        error = _deepest(error)
        path = tuple(error.absolute_path)
        line, col = doc.where(path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            path += tuple(sorted(k for k in error.instance if k not in allowed))[:1]
            line, col = doc.keys.get(path, (line, col))
        problems.append(Problem(doc.file, line, col, display_path(doc, path), _message(error)))
    return problems


KeywordHit = tuple[Path_, Any, str, tuple[str, ...]]


def walk_keywords(
    doc: Document, kind: str, schemas: Schemas, keywords: tuple[str, ...]
) -> dict[str, list[KeywordHit]]:
    """For each keyword, (path, value, keyword value, values always allowed) of every scalar
    under it; one pass over the document for all keywords."""
    hits: dict[str, list[KeywordHit]] = {keyword: [] for keyword in keywords}
    schema = schemas.for_kind(kind)
    if schema is not None:
        for keyword, *hit in _walk(doc.data, (), schema, f"{kind}.schema.json", schemas, keywords, ({}, ())):
            hits[keyword].append(tuple(hit))
    return hits


def _walk(value, path, node, base, schemas: Schemas, keywords, inherited) -> Iterator:
    here = _annotations(node, keywords, inherited)
    node, base = schemas.resolve(node, base)
    here = _annotations(node, keywords, here)
    if "oneOf" in node:
        branch = _matching_branch(value, node["oneOf"], base, schemas)
        if branch is not None:
            yield from _walk(value, path, branch, base, schemas, keywords, here)
        return
    if isinstance(value, dict):
        props = node.get("properties", {})
        extra = node.get("additionalProperties")
        for key, item in value.items():
            sub = props.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                inherit = here if key == "value" else ({}, ())
                yield from _walk(item, (*path, key), sub, base, schemas, keywords, inherit)
    elif isinstance(value, list):
        items = node.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(value):
                yield from _walk(item, (*path, i), items, base, schemas, keywords, here)
    elif here[0] and isinstance(value, str | int) and not isinstance(value, bool):
        for keyword, target in here[0].items():
            yield keyword, path, value, target, here[1]


def _annotations(node, keywords, inherited):
    """The keywords this schema node sets, over those it inherits, and its `x-allow`."""
    found, allow = inherited
    for keyword in keywords:
        if keyword in node:
            found = {**found, keyword: node[keyword]}
    if "x-allow" in node:
        allow = tuple(node["x-allow"])
    return found, allow


def _matching_branch(value, branches, base, schemas: Schemas):
    wanted = {dict: "object", list: "array", str: "string"}.get(type(value))
    for branch in branches:
        target, _ = schemas.resolve(branch, base)
        if target.get("type") == wanted:
            return branch
    return None
