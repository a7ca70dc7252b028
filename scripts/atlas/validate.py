"""Load, schema-check and cross-check all data; return the model or raise DataError.

Schema checks run per file; the checks here span files: unique ids and aliases, vocabulary
values, references, cited sources, notes on `depends`, comparison ids, decision coverage.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .load import Document, Path_, display_path, load_all
from .model import (
    NAMED_KINDS,
    PREFIX_OF,
    REF_KINDS,
    SINGLETONS,
    TEXT_REF,
    Model,
    Origin,
    cell_value,
    strings_under,
)
from .problems import DataError, Problem
from .schema import KeywordHit, Schemas, check_document, read_schemas, walk_keywords
from .text import fold
from .urls import PAGES

NEEDS_YEAR = {"discontinued", "maintenance"}


def _suggest(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _problem(doc: Document, path: Path_, message: str) -> Problem:
    line, col = doc.where(path)
    return Problem(doc.file, line, col, display_path(doc, path), message)


def load_model(data_dir: Path, root: Path, schema_dir: Path | None = None) -> Model:
    """The validated model of `data_dir`; every problem at once in a DataError."""
    with _collector_paused():
        return _load_model(data_dir, root, schema_dir)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading allocates millions of small objects and frees almost none: Python's cycle
    collector would scan them again and again (a fifth of the loading time) for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_model(data_dir: Path, root: Path, schema_dir: Path | None) -> Model:
    schemas = read_schemas(schema_dir or data_dir / "schema")
    documents, problems = load_all(data_dir, root)
    valid: list[tuple[str, Document]] = []
    for kind, docs in documents.items():
        for doc in docs:
            found = check_document(doc, kind, schemas)
            problems.extend(found)
            if not found:
                valid.append((kind, doc))
    model = _assemble(valid, documents)
    model.records_docs = documents
    model.column_kinds = _column_kinds(schemas)
    unreadable = any(p.field == "(file)" for p in problems)
    if not unreadable:  # with a file unreadable, its records are missing: references would cascade
        problems.extend(_cross_checks(model, valid, schemas))
    if problems:
        raise DataError(problems)
    return model


def _assemble(valid: list[tuple[str, Document]], documents: dict[str, list[Document]]) -> Model:
    model = Model()
    for kind, docs in documents.items():
        for doc in docs:
            if not isinstance(doc.data, dict):
                continue
            body = doc.data.get(kind)
            if kind in SINGLETONS and isinstance(body, dict):
                model.singletons[kind] = body
                model.singleton_docs[kind] = doc
            elif isinstance(body, list):
                for i, record in enumerate(body):
                    if isinstance(record, dict):
                        model.add(kind, record, Origin(doc, (kind, i)))
    for vocabulary in model.all("vocabularies"):
        values = vocabulary.get("values") or []
        model.vocab_meta[vocabulary.get("id")] = vocabulary
        model.vocab[vocabulary.get("id")] = {v.get("id"): v for v in values if isinstance(v, dict)}
    return model


def _cross_checks(model: Model, valid: list[tuple[str, Document]], schemas: Schemas) -> list[Problem]:
    problems: list[Problem] = []
    problems += _unique_ids(model)
    cited: set[str] = set()
    for kind, doc in valid:
        hits = walk_keywords(doc, kind, schemas, ("x-vocabulary", "x-refers-to"))
        problems += _vocabulary_values(model, doc, hits["x-vocabulary"])
        problems += _references(model, doc, hits["x-refers-to"], cited)
        problems += _text_refs(model, doc)
    problems += _record_rules(model)
    problems += _alias_collisions(model)
    if len(valid) == sum(len(docs) for docs in model.records_docs.values()):
        problems += _uncited_sources(model, cited)  # only when every file's citations could be read
    problems += _guide_rules(model)
    problems += _columns_exist(model, schemas)
    return problems


def _records(model: Model, kind: str) -> Iterator[tuple[dict[str, Any], Document, Path_]]:
    for record in model.all(kind):
        origin = model.origin(record)
        yield record, origin.doc, origin.path


def _unique_ids(model: Model) -> list[Problem]:
    problems = []
    for kind in model.records:
        seen: dict[str, str] = {}
        for record, doc, path in _records(model, kind):
            ident = record.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                problems.append(
                    _problem(doc, (*path, "id"), f"duplicate id '{ident}' (already used in {seen[ident]})")
                )
            seen.setdefault(ident, f"{doc.file}:{doc.where((*path, 'id'))[0]}")
        for record, doc, path in _records(model, kind):
            for i, alias in enumerate(record.get("aliases") or []):
                if alias in seen:
                    problems.append(
                        _problem(
                            doc,
                            (*path, "aliases", i),
                            f"alias '{alias}' is already an id or alias (used in {seen[alias]})",
                        )
                    )
                seen.setdefault(alias, f"{doc.file}:{doc.where((*path, 'aliases', i))[0]}")
    return problems


def _vocabulary_values(model: Model, doc: Document, hits: list[KeywordHit]) -> list[Problem]:
    problems = []
    for path, value, name, allow in hits:
        values = model.vocab.get(name)
        if values is None:
            problems.append(
                _problem(doc, path, f"vocabulary '{name}' is not defined in data/vocabularies.yaml")
            )
        elif value not in values and value not in allow:
            choices = list(values)
            problems.append(
                _problem(
                    doc,
                    path,
                    f"'{value}' is not in vocabulary '{name}'{_suggest(str(value), choices)}"
                    f" (expected one of: {', '.join(choices)})",
                )
            )
    return problems


def _references(model: Model, doc: Document, hits: list[KeywordHit], cited: set[str]) -> list[Problem]:
    problems = []
    for path, value, target, allow in hits:
        if value in allow:
            continue
        if target == "sources":
            cited.add(value)
        message = _reference_problem(model, target, str(value))
        if message:
            problems.append(_problem(doc, path, message))
    return problems


def _reference_problem(model: Model, target: str, value: str) -> str | None:
    if target == "any":
        prefix, _, ident = value.partition(":")
        if prefix == "page":
            return (
                None
                if ident in PAGES
                else f"unknown page '{ident}'{_suggest(ident, list(PAGES))} "
                f" (expected one of: {', '.join(PAGES)})"
            )
        if prefix not in REF_KINDS:
            hint = _suggest(prefix, [*REF_KINDS, "page"])
            return f"unknown kind '{prefix}' in reference '{value}'{hint} (expected kind:id)"
        target, value = REF_KINDS[prefix], ident
    if model.has(target, value):
        return None
    noun = PREFIX_OF.get(target, target)
    return f"unknown {noun} '{value}'{_suggest(value, model.ids(target))}"


def _text_refs(model: Model, doc: Document) -> list[Problem]:
    problems = []
    for path, text in strings_under(doc.data):
        for match in TEXT_REF.finditer(text):
            ref = f"{match.group(1)}:{match.group(2)}"
            message = _reference_problem(model, "any", ref)
            if message:
                problems.append(_problem(doc, path, f"in [[{ref}]]: {message}"))
        if text.count("[[") != len(TEXT_REF.findall(text)):
            problems.append(
                _problem(doc, path, "malformed cross-reference (expected [[kind:id]] or [[kind:id|label]])")
            )
    return problems


def _depends_notes(record: dict[str, Any], doc: Document, path: Path_) -> Iterator[Problem]:
    """A cell that says `depends` must say on what."""
    for sub, text in strings_under(record):
        if text != "depends" or not sub:
            continue
        if sub[-1] == "value" and "note" in _at(record, sub[:-1]):
            continue
        yield _problem(
            doc,
            path + sub,
            "'depends' needs a note saying on what (write {value: depends, note: {en: ..., zh: ...}})",
        )


def _at(value: Any, path: Path_) -> Any:
    for part in path:
        value = value[part]
    return value


def _record_rules(model: Model) -> list[Problem]:
    problems: list[Problem] = []
    for kind in ("products", "virtualization-types"):
        for record, doc, path in _records(model, kind):
            problems.extend(_depends_notes(record, doc, path))
    for record, doc, path in _records(model, "products"):
        status = cell_value(record.get("status"))
        if status in NEEDS_YEAR and "status_year" not in record:
            problems.append(
                _problem(doc, (*path, "status"), f"status '{status}' needs status_year (the year it began)")
            )
    for record, doc, path in _records(model, "comparisons"):
        a, b = (str(record.get(k, "")).partition(":")[2] for k in ("a", "b"))
        if record.get("id") != f"{a}-vs-{b}":
            problems.append(
                _problem(
                    doc,
                    (*path, "id"),
                    f"comparison id '{record.get('id')}' does not match its items (expected '{a}-vs-{b}')",
                )
            )
        if model.has("comparisons", f"{b}-vs-{a}"):
            problems.append(
                _problem(
                    doc,
                    (*path, "id"),
                    f"'{b}-vs-{a}' also exists (one page per pair; the reverse order redirects)",
                )
            )
    for record, doc, path in _records(model, "corrections"):
        seed = model.get("sources", record.get("seed", ""))
        if seed is not None and seed.get("kind") != "seed":
            problems.append(
                _problem(
                    doc, (*path, "seed"), f"'{record['seed']}' is not a seed article (kind: seed expected)"
                )
            )
    figure_ids: dict[str, str] = {}
    for kind in model.records:
        for record, doc, path in _records(model, kind):
            for i, figure in enumerate(record.get("figures") or []):
                fid = figure.get("id")
                if fid in figure_ids:
                    problems.append(
                        _problem(
                            doc,
                            (*path, "figures", i, "id"),
                            f"duplicate figure id '{fid}' (already in {figure_ids[fid]})",
                        )
                    )
                figure_ids.setdefault(fid, f"{kind}[{record.get('id')}]")
            section_ids = [s.get("id") for s in record.get("sections") or []]
            for i, sid in enumerate(section_ids):
                if sid in section_ids[:i]:
                    problems.append(
                        _problem(doc, (*path, "sections", i, "id"), f"duplicate section id '{sid}'")
                    )
    return problems


def _uncited_sources(model: Model, cited: set[str]) -> list[Problem]:
    return [
        _problem(
            doc, (*path, "id"), f"source '{record['id']}' is not cited by any record (cite it or remove it)"
        )
        for record, doc, path in _records(model, "sources")
        if record.get("id") not in cited
    ]


def _guide_rules(model: Model) -> list[Problem]:
    guide = model.guide
    if not guide:
        return []
    doc = _singleton_doc(model, "guide")
    questions = {q["id"]: [a["id"] for a in q["answers"]] for q in guide.get("questions", [])}
    outcomes = {o["id"] for o in guide.get("outcomes", [])}
    problems = []
    rules = guide.get("rules", [])
    for i, rule in enumerate(rules):
        base = ("guide", "rules", i)
        if rule["outcome"] not in outcomes:
            problems.append(
                _problem(
                    doc,
                    (*base, "outcome"),
                    f"unknown outcome '{rule['outcome']}'{_suggest(rule['outcome'], sorted(outcomes))}",
                )
            )
        for question, answer in rule["when"].items():
            if question not in questions:
                problems.append(
                    _problem(
                        doc,
                        (*base, "when", question),
                        f"unknown question '{question}'{_suggest(question, list(questions))}",
                    )
                )
            elif answer not in questions[question]:
                problems.append(
                    _problem(
                        doc,
                        (*base, "when", question),
                        f"'{answer}' is not an answer of '{question}'"
                        f" (expected one of: {', '.join(questions[question])})",
                    )
                )
    for i, advice in enumerate(guide.get("advice", [])):
        if advice.get("outcome") and advice["outcome"] not in outcomes:
            problems.append(
                _problem(doc, ("guide", "advice", i, "outcome"), f"unknown outcome '{advice['outcome']}'")
            )
    if problems:
        return problems
    names = list(questions)
    for combo in itertools.product(*questions.values()):
        answers = dict(zip(names, combo, strict=True))
        if not any(all(answers.get(q) == a for q, a in r["when"].items()) for r in rules):
            shown = ", ".join(f"{q}={a}" for q, a in answers.items())
            return [
                _problem(
                    doc,
                    ("guide", "rules"),
                    f"no rule covers the answers {shown} (end with a rule whose when is {{}})",
                )
            ]
    return problems


def _singleton_doc(model: Model, kind: str) -> Document:
    return model.singleton_docs[kind]


def _columns_exist(model: Model, schemas: Schemas) -> list[Problem]:
    product = schemas.for_kind("products")
    if product is None:
        return []
    props = product["properties"]["products"]["items"]["properties"]
    problems = []
    for record, doc, path in _records(model, "columns"):
        head, _, tail = record["field"].partition(".")
        ok = head in props and (not tail or tail in props[head].get("properties", {}))
        if not ok:
            problems.append(
                _problem(
                    doc,
                    (*path, "field"),
                    f"'{record['field']}' is not a product field (see data/schema/products.schema.json)",
                )
            )
    return problems


def _column_kinds(schemas: Schemas) -> dict[str, tuple[str | None, str | None]]:
    """Product field (dotted) -> (vocabulary, referred kind), read from the products schema."""
    product = schemas.for_kind("products")
    if product is None:
        return {}
    kinds: dict[str, tuple[str | None, str | None]] = {}
    props = product["properties"]["products"]["items"]["properties"]
    for name, node in props.items():
        base = "products.schema.json"
        kinds[name] = (
            schemas.keyword(node, base, "x-vocabulary"),
            schemas.keyword(node, base, "x-refers-to"),
        )
        for sub, subnode in node.get("properties", {}).items():
            kinds[f"{name}.{sub}"] = (schemas.keyword(subnode, base, "x-vocabulary"), None)
    return kinds


def _alias_collisions(model: Model) -> list[Problem]:
    """A search alias names one thing: it may not be another record's name or alias."""
    owners: dict[str, str] = {}
    for kind in NAMED_KINDS:
        for record in model.all(kind):
            for name in _names(record):
                owners.setdefault(fold(name), f"{kind}[{record['id']}]")
    problems = []
    for kind in NAMED_KINDS:
        for record, doc, path in _records(model, kind):
            me = f"{kind}[{record['id']}]"
            for lang, aliases in (record.get("also_known_as") or {}).items():
                for i, alias in enumerate(aliases):
                    owner = owners.get(fold(alias))
                    if owner and owner != me:
                        message = f"alias '{alias}' already names {owner} (an alias names one thing)"
                        problems.append(_problem(doc, (*path, "also_known_as", lang, i), message))
    return problems


def _names(record: dict[str, Any]) -> list[str]:
    names = []
    for key in ("name", "term"):
        value = record.get(key)
        if isinstance(value, dict):
            names += list(value.values())
        elif isinstance(value, str):
            names.append(value)
    for aliases in (record.get("also_known_as") or {}).values():
        names += aliases
    return names
