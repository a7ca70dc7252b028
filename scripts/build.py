#!/usr/bin/env python3
"""Command line: validate the data, and write the generated pages of one or both languages.

    python scripts/build.py --check              # validate only
    python scripts/build.py --out build/pages    # write build/pages/en/... and build/pages/zh/...

Exit status: 0 clean, 2 data errors (every problem printed, one per line; nothing written).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.pipeline import LANGS, ROOT, build_pages
from atlas.problems import DataError
from atlas.validate import load_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    parser.add_argument("--check", action="store_true", help="validate the data and write nothing")
    parser.add_argument("--out", type=Path, help="folder to write the pages to (one subfolder per language)")
    parser.add_argument("--lang", choices=LANGS, action="append", help="language(s) to write (default: all)")
    args = parser.parse_args(argv)
    if not args.check and not args.out:
        parser.error("give --check or --out DIR")
    try:
        model = load_model(args.data, ROOT, ROOT / "data" / "schema")
        if args.check:
            print(f"data OK: {sum(len(v) for v in model.records.values())} records", file=sys.stderr)
            return 0
        pages = {lang: build_pages(model, lang) for lang in args.lang or LANGS}
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing written.", file=sys.stderr)
        return 2
    _write(args.out, pages)
    return 0


def _write(out: Path, pages: dict[str, dict[str, str]]) -> None:
    """Write into a fresh temporary folder, then swap it in, so `out` is never half-written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".pages-", dir=out.parent))
    for lang, files in pages.items():
        for name, text in files.items():
            target = staging / lang / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)


if __name__ == "__main__":
    sys.exit(main())
