"""Generate a synthetic report N times the reference's size by repeating its chapters.

The chapters are written inline into one report.yaml (the loader keeps one file's values
alive while it converts them). Every repeated chapter gets renumbered topic, table, figure
and footnote ids (and the references to them), so the result validates like the original.
Table rows and columns keep their ids: they are unique per table, and CSV files name them.

    python benchmarks/make_large.py OUT_DIR [--times 10] [--source fixtures/.../report.yaml]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"
TABLE_PARTS = ("rows", "columns", "series", "cells", "values")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _collect_ids(node: Any, found: set[str], parent_key: str = "") -> None:
    """Ids of topics, tables, figures, footnotes (anything not inside a table's parts)."""
    if isinstance(node, dict):
        if "id" in node and isinstance(node["id"], str) and parent_key not in TABLE_PARTS:
            found.add(node["id"])
        for key, value in node.items():
            _collect_ids(value, found, str(key))
    elif isinstance(node, list):
        for item in node:
            _collect_ids(item, found, parent_key)


def _rename(node: Any, ids: set[str], suffix: str, parent_key: str = "") -> Any:
    """The node with every collected id, and every reference to one, suffixed."""
    if isinstance(node, dict):
        for key in list(node):
            value = node[key]
            if isinstance(value, str) and value in ids and (
                    (key == "id" and parent_key not in TABLE_PARTS) or key in ("table", "ref")):
                node[key] = value + suffix
            else:
                node[key] = _rename(value, ids, suffix, str(key))
        return node
    if isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = _rename(item, ids, suffix, parent_key)
        return node
    if isinstance(node, str) and "[^" in node:
        return re.sub(r"\[\^([^\]]+)\]",
                      lambda m: f"[^{m.group(1)}{suffix}]" if m.group(1) in ids else m.group(0),
                      node)
    return node


def _renumber(chapter: Any, number: int) -> None:
    """Give a repeated chapter its place in the sequence, and its sections theirs."""
    if "number" in chapter:
        chapter["number"] = number
    for index, section in enumerate(chapter.get("sections") or [], start=1):
        if isinstance(section, dict) and "number" in section:
            section["number"] = f"{number}.{index}"


def make_large(source: Path, out_dir: Path, times: int) -> Path:
    """Write the enlarged report into `out_dir` and return the path of its report.yaml."""
    yaml = _yaml()
    src_dir = source.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    for item in src_dir.iterdir():
        target = out_dir / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        elif item.suffix != ".yaml" or not item.name.startswith("hoofdstuk"):
            shutil.copy2(item, target)
    report = yaml.load(source.read_text(encoding="utf-8"))
    chapters: list[Any] = []
    for copy in range(1, times + 1):
        for entry in report["chapters"]:
            name = entry["include"]
            tree = yaml.load((src_dir / name).read_text(encoding="utf-8"))
            if copy > 1:
                ids: set[str] = set()
                _collect_ids(tree, ids)
                tree = _rename(tree, ids, f"-x{copy}")
            _renumber(tree, len(chapters) + 1)
            chapters.append(tree)
    report["chapters"] = chapters
    with (out_dir / source.name).open("w", encoding="utf-8") as handle:
        yaml.dump(report, handle)
    return out_dir / source.name


def main(argv: list[str] | None = None) -> int:
    """Command line: make_large.py OUT_DIR [--times N] [--source REPORT]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--source", type=Path, default=REFERENCE)
    args = parser.parse_args(argv)
    print(make_large(args.source, args.out_dir, args.times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
