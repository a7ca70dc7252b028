"""MkDocs hook: hand the generated pages of this site's language to MkDocs as virtual files.

The language comes from `extra.lang` in the MkDocs config. Bad data stops the build with a
PluginError that lists every problem (file:line:col), before anything is written.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.hits import direct_hits
from atlas.pipeline import ROOT, build_site_files
from atlas.problems import DataError
from atlas.render import abbreviations, ui_strings, with_tooltips
from atlas.search import chinese_terms
from atlas.tooltips import TooltipExtension
from atlas.validate import load_model

ASSETS = ROOT / "docs" / "assets"
# What on_files learnt of the current build, for the later events: the generated pages, the
# abbreviation definitions (hand-written pages get them too) and the direct-hit table.
_build = SimpleNamespace(generated=set(), abbreviations={}, hits={})


def data_dir() -> Path:
    """The data folder: data/, or $ATLAS_DATA (tests build small sites from fixtures)."""
    return Path(os.environ.get("ATLAS_DATA", ROOT / "data")).resolve()


def on_config(config):
    """Fewer tooltips (see atlas.tooltips); the Chinese site's URL is the English one's zh/."""
    lang = config.extra.get("lang", "en")
    if not any(isinstance(e, TooltipExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(TooltipExtension(ui_strings()["permalink"][lang]))
    if lang != "en" and config.site_url and not config.site_url.endswith(f"/{lang}/"):
        config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
    return config


def on_files(files: Files, config) -> Files:
    lang = config.extra.get("lang", "en")
    try:
        model = load_model(data_dir(), ROOT, ROOT / "data" / "schema")
    except DataError as error:
        raise PluginError(f"{len(error.problems)} data problem(s):\n{error}") from None
    if lang == "zh" and os.environ.get("ATLAS_JIEBA_TERMS", "1") == "1":
        _teach_jieba(model)
    generated = build_site_files(model, lang)
    for path, content in generated.items():
        _replace(files, File.generated(config, path, content=content))
    _build.generated = set(generated)
    _build.abbreviations = abbreviations(model, lang)
    _build.hits = direct_hits(model)
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file():
            uri = "assets/" + asset.relative_to(ASSETS).as_posix()
            _replace(files, File.generated(config, uri, abs_src_path=str(asset)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Hand-written pages get the glossary's abbreviation tooltips too."""
    if page.file.src_uri in _build.generated:
        return markdown
    return with_tooltips(markdown, _build.abbreviations)


def on_page_context(context, page, config, nav):
    """Long lists (sources, glossary, timeline) list only their groups in the table of contents:
    four hundred entries, shown twice (sidebar and mobile drawer), help nobody and cost a phone
    a second of layout."""
    depth = page.meta.get("toc_depth")
    if depth:
        _trim_toc(page.toc, depth)
    return context


def _trim_toc(items, depth: int) -> None:
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            _trim_toc(item.children, depth)


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config) -> None:
    """Move the search index where only the search worker fetches it (on the first query), with
    the direct-hit table; pages get a stub, so they no longer download the index on load."""
    search = Path(config.site_dir) / "search"
    if not (search / "search_index.json").is_file():  # a config without the search plugin
        return
    index = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    _write_json(search / "atlas-index.json", {**index, "hits": _build.hits})
    _write_json(search / "search_index.json", {"config": index["config"], "docs": []})


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _replace(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


def _teach_jieba(model) -> None:
    """Give jieba the atlas's own terms, so search segments 半虚拟化 or 宿主机 as one word."""
    try:
        import jieba
    except ImportError:  # search then matches whole headings only; the build still works
        return
    for term in sorted(chinese_terms(model)):
        jieba.add_word(term, freq=20000)
