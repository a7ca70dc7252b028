#!/usr/bin/env python3
"""Serve both languages on http://127.0.0.1:8000 (English at /, Chinese at /zh/), rebuilding
and reloading the browser when anything in data/, scripts/, docs/ or the configs changes."""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = (("mkdocs.yml", ""), ("mkdocs.zh.yml", "zh"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    site = Path(tempfile.mkdtemp(prefix="atlas-serve-"))
    url = f"http://{args.host}:{args.port}/"

    def rebuild() -> None:
        for config_file, subdir in CONFIGS:
            config = load_config(config_file=str(ROOT / config_file), site_dir=str(site / subdir))
            config.site_url = url + (f"{subdir}/" if subdir else "")
            try:
                build(config, serve_url=url)
            except Exception as error:  # keep serving the last good site; the log says why
                logging.error("%s: %s", config_file, error)
                return

    server = LiveReloadServer(builder=rebuild, host=args.host, port=args.port, root=str(site))
    try:
        rebuild()
        for path in ("data", "scripts", "docs", "mkdocs.yml", "mkdocs.zh.yml"):
            server.watch(str(ROOT / path))
        server.serve()
    except KeyboardInterrupt:
        logging.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
