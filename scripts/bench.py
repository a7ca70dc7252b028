#!/usr/bin/env python3
"""Benchmark (not a test): generator and build time at several data scales, pages built, search
index size, first-load transfer of key pages, and optionally Lighthouse scores.

    python scripts/bench.py                      # scales 1 and 10, no Lighthouse
    python scripts/bench.py --scales 1,10,100 --lighthouse-runs 3

Prints a table and writes bench/results.json. Synthetic data for scale N copies every product,
comparison and glossary term N-1 times under new ids (work files in bench/work/, not committed).
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import material
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.pipeline import build_pages, build_site_files  # noqa: E402
from atlas.validate import load_model  # noqa: E402

WORK = ROOT / "bench" / "work"
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
SCALED_KINDS = ("products", "comparisons", "glossary")
PAGES = {
    "home": "/",
    "product": "/products/kvm/",
    "comparison": "/compare/kvm-vs-xen/",
    "comparer": "/compare/?items=kvm,xen,docker",
    # the longest pages of the other kinds
    "matrix": "/products/",
    "containers-vs-vms": "/compare/containers-vs-vms/",
    "glossary": "/glossary/",
    "timeline": "/timeline/",
    "sources": "/sources/",
}


def scaled_data(scale: int) -> Path:
    """A copy of data/ where products, comparisons and glossary terms appear `scale` times."""
    target = WORK / f"data-x{scale}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("schema"))
    if scale == 1:
        return target
    for kind in SCALED_KINDS:
        for path in sorted(target.glob(f"{kind}.yaml")) + sorted(target.glob(f"{kind}/*.yaml")):
            records = yaml.safe_load(path.read_text(encoding="utf-8"))[kind]
            copies = []
            for n in range(2, scale + 1):
                for record in records:
                    if kind == "comparisons" and not record["a"].startswith("product:"):
                        continue  # concept comparisons have no product to multiply
                    twin = copy.deepcopy(record)
                    twin["id"] = (
                        f"{record['id']}-s{n}" if kind != "comparisons" else _twin_comparison(twin, n)
                    )
                    twin.pop("aliases", None)
                    twin.pop("also_known_as", None)
                    twin.pop("figures", None)
                    if kind == "products":
                        twin["name"] = f"{record['name']} {n}"
                        twin.pop("name_zh", None)
                    copies.append(twin)
            path.write_text(
                yaml.safe_dump({kind: records + copies}, allow_unicode=True, sort_keys=False),
                encoding="utf-8",
            )
    return target


def _twin_comparison(record: dict, n: int) -> str:
    for side in ("a", "b"):
        kind, _, ident = record[side].partition(":")
        if kind == "product":
            record[side] = f"product:{ident}-s{n}"
    a, b = (record[s].partition(":")[2] for s in ("a", "b"))
    record.pop("related", None)
    return f"{a}-vs-{b}"


def time_generator(data: Path) -> tuple[float, int]:
    start = time.perf_counter()
    model = load_model(data, ROOT, ROOT / "data" / "schema")
    files = 0
    for lang in ("en", "zh"):
        files += len(build_site_files(model, lang))
    return time.perf_counter() - start, files


def time_build(data: Path, site: Path) -> float:
    env = {**os.environ, "ATLAS_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    start = time.perf_counter()
    for config, out in (("mkdocs.yml", site), ("mkdocs.zh.yml", site / "zh")):
        subprocess.run(
            [mkdocs, "build", "-q", "-f", str(ROOT / config), "-d", str(out)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - start


def size_pair(path: Path) -> dict[str, int]:
    raw = path.read_bytes()
    return {"raw": len(raw), "gzip": len(gzip.compress(raw, 9, mtime=0))}


def first_load(site: Path) -> dict[str, dict[str, int]]:
    """Bytes fetched when each key page loads in Chromium, raw and gzip, and the part beyond
    Material's own assets (its CSS/JS bundle and search worker)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "scripts"))
    from shoot import CHROMIUM, FLAGS, serve

    server, base = serve(site)
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, path in PAGES.items():
            page = browser.new_page()
            fetched: list[str] = []
            page.on("requestfinished", lambda r, fetched=fetched: fetched.append(r.url))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            totals = {"requests": 0, "raw": 0, "gzip": 0, "beyond_material_gzip": 0, "search_index": False}
            for url in fetched:
                local = site / url.removeprefix(base).split("?")[0].split("#")[0].lstrip("/")
                if local.is_dir():
                    local = local / "index.html"
                if not local.is_file():
                    continue
                sizes = size_pair(local)
                totals["requests"] += 1
                totals["raw"] += sizes["raw"]
                totals["gzip"] += sizes["gzip"]
                rel = local.relative_to(site).as_posix().removeprefix("zh/")
                totals["search_index"] |= rel == "search/atlas-index.json"
                if not (MATERIAL_TEMPLATES / rel).is_file():  # ours: pages, our assets, data
                    totals["beyond_material_gzip"] += sizes["gzip"]
            results[name] = totals
            page.close()
        browser.close()
    server.shutdown()
    return results


def lighthouse(site: Path, runs: int) -> dict[str, dict[str, dict[str, float]]]:
    tool = WORK / "lighthouse"
    binary = tool / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        tool.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "i", "-E", "--no-audit", "--no-fund", "--prefix", str(tool), "lighthouse@12.2.3"],
            check=True,
            capture_output=True,
        )
    sys.path.insert(0, str(ROOT / "scripts"))
    from shoot import CHROMIUM, FLAGS, serve

    server, base = serve(site, compress=True)  # as a static host serves it
    scores: dict[str, dict[str, dict[str, float]]] = {}
    tmp = WORK / "lighthouse-tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES.items():
        for form in ("mobile", "desktop"):
            runs_out = []
            for _ in range(runs):
                args = [
                    str(binary),
                    base + path,
                    "--quiet",
                    "--output=json",
                    "--output-path=stdout",
                    f"--chrome-path={CHROMIUM}",
                    "--chrome-flags=--headless " + " ".join(FLAGS),
                    "--only-categories=performance,accessibility,best-practices,seo",
                ]
                if form == "desktop":
                    args.append("--preset=desktop")
                out = subprocess.run(
                    args, capture_output=True, text=True, check=True, env={**os.environ, "TMPDIR": str(tmp)}
                )
                categories = json.loads(out.stdout)["categories"]
                runs_out.append({k: v["score"] * 100 for k, v in categories.items()})
            scores.setdefault(name, {})[form] = {
                k: statistics.median(r[k] for r in runs_out) for k in runs_out[0]
            }
    server.shutdown()
    return scores


def zensical(data: Path) -> dict:
    """Zensical (Material's successor, which reads mkdocs.yml) on the same generated English
    pages: whether it builds them and how long it takes. MkDocs hooks do not run under it, so
    the pages are written first and the config loses its `hooks:` entry."""
    venv = WORK / "zensical-venv"
    binary = venv / "bin" / "zensical"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "zensical"], check=True, capture_output=True
        )
    project = WORK / "zensical"
    shutil.rmtree(project, ignore_errors=True)
    pages = build_pages(load_model(data, ROOT, ROOT / "data" / "schema"), "en")
    for name, text in pages.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "docs" / "en" / "about.md", project / "docs" / "about.md")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^docs_dir: .*$", "docs_dir: docs", config, flags=re.M)
    config = re.sub(r"^site_dir: .*$", "site_dir: site", config, flags=re.M)
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    config = config.replace("custom_dir: docs/overrides", f"custom_dir: {ROOT / 'docs' / 'overrides'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    start = time.perf_counter()
    run = subprocess.run(
        [str(binary), "build", "-f", "mkdocs.yml"], cwd=project, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    return {
        "version": version,
        "built": run.returncode == 0,
        "seconds": round(seconds, 2),
        "pages_given": len(pages) + 1,
        "html_pages": sum(1 for _ in (project / "site").rglob("index.html")),
        "output_tail": (run.stdout + run.stderr).strip().splitlines()[-3:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--lighthouse-runs", type=int, default=0, help="0 skips Lighthouse")
    parser.add_argument("--zensical", action="store_true", help="also time `zensical build` (x1 data)")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    results: dict = {"scales": {}}
    for scale in (int(s) for s in args.scales.split(",")):
        data = scaled_data(scale)
        generator, files = time_generator(data)
        site = WORK / f"site-x{scale}"
        build = time_build(data, site)
        pages = sum(1 for _ in site.rglob("*.html"))
        results["scales"][scale] = {
            "generator_s": round(generator, 2),
            "build_s": round(build, 2),
            "generator_share": round(generator / build, 3),
            "files_generated": files,
            "html_pages": pages,
        }
        print(
            f"x{scale}: generator {generator:.2f} s, build {build:.2f} s "
            f"({generator / build:.1%}), {pages} HTML pages",
            flush=True,
        )
        if scale == 1:
            # search_index.json is the stub every page fetches; the worker fetches atlas-index.json
            # (documents and direct hits) with the first query
            results["search_index"] = {
                lang: {
                    "stub": size_pair(site / sub / "search" / "search_index.json"),
                    "full": size_pair(site / sub / "search" / "atlas-index.json"),
                }
                for lang, sub in (("en", ""), ("zh", "zh"))
            }
            results["first_load"] = first_load(site)
            if args.lighthouse_runs:
                results["lighthouse"] = lighthouse(site, args.lighthouse_runs)
            if args.zensical:
                results["zensical"] = zensical(data)
    (ROOT / "bench").mkdir(exist_ok=True)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))


def table(results: dict) -> str:
    """The results as aligned text rows (bench/results.json holds everything)."""
    rows = [("measure", "value", "target")]
    base = results["scales"].get("1") or results["scales"].get(1)
    for scale, run in results["scales"].items():
        growth = (
            f", {run['build_s'] / base['build_s']:.1f}x the x1 build" if base and str(scale) != "1" else ""
        )
        rows.append(
            (
                f"x{scale} generator / build",
                f"{run['generator_s']} s / {run['build_s']} s ({run['generator_share']:.1%}){growth}",
                "< 10 %; x100 < 100x",
            )
        )
    for lang, sizes in results.get("search_index", {}).items():
        full = sizes["full"]
        rows.append(
            (
                f"search index {lang}",
                f"{full['raw'] / 1e3:.0f} KB, {full['gzip'] / 1e3:.0f} KB gzip",
                "on first query",
            )
        )
    for name, load in results.get("first_load", {}).items():
        rows.append(
            (
                f"first load {name}",
                f"{load['beyond_material_gzip'] / 1e3:.1f} KB gzip beyond Material",
                "< 100 KB",
            )
        )
    for name, forms in results.get("lighthouse", {}).items():
        for form, scores in forms.items():
            shown = " ".join(f"{k[:4]} {v:.0f}" for k, v in scores.items())
            rows.append((f"lighthouse {name} {form}", shown, "perf >= 95, others 100"))
    if "zensical" in results:
        z = results["zensical"]
        rows.append(
            (
                f"zensical {z['version']}",
                f"built {z['built']}, {z['html_pages']} pages, {z['seconds']} s",
                "data point",
            )
        )
    widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
