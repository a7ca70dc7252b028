"""Read YAML data files, keeping the line and column of every key and value.

A kind lives in `data/<kind>.yaml` or in `data/<kind>/*.yaml`; each file maps the kind's
name to its records. Syntax errors, duplicate keys and control characters are reported as
problems with their position instead of raising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """One data file: its parsed content and where each value stands in it."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[Path_, int, int]] = field(default_factory=list)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest parent that exists."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


def _bad_character(text: str, file: str) -> Problem | None:
    match = _BAD_CHARS.search(text)
    if not match:
        return None
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    code = f"U+{ord(match.group()):04X}"
    return Problem(
        file, line, col, "(file)", f"control character {code} is not allowed (plain text expected)"
    )


def _scalar(node: yaml.Node) -> Any:
    """A scalar's value; strings, most of the data, without the constructor's round trip."""
    return node.value if node.tag == _STR else _CONSTRUCTOR.construct_object(node)


def _convert(node: yaml.Node, path: Path_, doc: Document) -> Any:
    doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                doc.duplicates.append(((*path, key), line, col))
                continue
            doc.keys[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _convert(value_node, (*path, key), doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), doc) for i, item in enumerate(node.value)]
    return _scalar(node)


def display_path(doc: Document, path: Path_) -> str:
    """`products[kvm].features.rootless`: list items by their id where they have one."""
    out = ""
    node = doc.data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            out += f"[{ident}]" if isinstance(ident, str) and ident else f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return out or "(file)"


def parse(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML text; return the document, or None and the problems."""
    bad = _bad_character(text, file)
    if bad:
        return None, [bad]
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {error.problem or error.context} (valid YAML expected)"
        return None, [Problem(file, line, col, "(file)", message)]
    except yaml.YAMLError as error:
        return None, [Problem(file, 1, 1, "(file)", f"YAML error: {error} (valid YAML expected)")]
    doc = Document(file, None)
    problems: list[Problem] = []
    if node is not None:
        try:
            doc.data = _convert(node, (), doc)
        except yaml.constructor.ConstructorError as error:
            mark = error.problem_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            return None, [Problem(file, line, col, "(file)", f"{error.problem} (plain YAML values expected)")]
        finally:
            _CONSTRUCTOR.constructed_objects.clear()
    for path, line, col in doc.duplicates:
        problems.append(Problem(file, line, col, display_path(doc, path), "duplicate key (each key once)"))
    return doc, problems


def discover(data_dir: Path) -> dict[str, list[Path]]:
    """Map each kind to its files: `<kind>.yaml` and/or `<kind>/*.yaml`, sorted."""
    kinds: dict[str, list[Path]] = {}
    for path in sorted(data_dir.glob("*.yaml")):
        kinds.setdefault(path.stem, []).append(path)
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir() and p.name != "schema"):
        files = sorted(folder.glob("*.yaml"))
        if files:
            kinds.setdefault(folder.name, []).extend(files)
    return kinds


def load_all(data_dir: Path, root: Path) -> tuple[dict[str, list[Document]], list[Problem]]:
    """Parse every data file; file names in problems are relative to `root`."""
    documents: dict[str, list[Document]] = {}
    problems: list[Problem] = []
    for kind, paths in discover(data_dir).items():
        for path in paths:
            name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            doc, found = parse(path.read_text(encoding="utf-8"), name)
            problems.extend(found)
            if doc is not None:
                documents.setdefault(kind, []).append(doc)
    return documents, problems
