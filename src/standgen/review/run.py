"""`standgen review`: read, list, optionally write the comments and apply prose edits."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from standgen.errors import StandgenError
from standgen.files import write_atomically
from standgen.review.apply import (
    Placed,
    changed_sources,
    overlapping,
    producer,
    write_edits,
)
from standgen.review.docxread import read_edited
from standgen.review.items import Item, collect, comments_file, listing
from standgen.review.locate import Locator


@dataclass(frozen=True)
class ReviewOptions:
    """What `standgen review` was asked to do."""

    docx: Path
    source: Path
    apply: bool = False
    force: bool = False
    comments: Path | None = None


def run_review(options: ReviewOptions, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    """List the review items; 0 when there are none, 1 when there are (2 is raised as a
    StandgenError for unusable input)."""
    out = out or sys.stdout
    err = err or sys.stderr
    if not options.docx.is_file():
        raise StandgenError(f"{options.docx}: no such file")
    if not options.source.exists():
        raise StandgenError(f"{options.source}: no such report file or folder (--source)")
    if options.comments is not None and options.comments.suffix.lower() not in (".csv", ".md"):
        raise StandgenError(f"{options.comments}: --comments writes .csv or .md; name the "
                            "file with one of those extensions")
    root = options.source if options.source.is_dir() else options.source.parent
    edited = read_edited(options.docx)
    _check_root(edited.record, root, options)
    changed = changed_sources(edited.record, root)
    items = collect(edited, Locator(edited.record, root), root)
    out.write(listing(items))
    for name in changed:
        print(f"standgen: {root / name}: changed since the DOCX was built", file=err)
    if options.comments is not None:
        text = comments_file(items, options.comments).encode("utf-8")
        write_atomically(options.comments, producer(text))
    if options.apply:
        _apply(items, changed, options.force, options.source, out, err)
    print(f"{options.docx}: {len(items)} review item(s)", file=err)
    return 1 if items else 0


def _check_root(record: dict[str, Any], root: Path, options: ReviewOptions) -> None:
    """Refuse a --source whose folder holds none of the files the DOCX was built from."""
    files = {str(o["file"]) for o in record.get("origins", {}).values() if o.get("file")}
    if files and not any((root / name).is_file() for name in files):
        raise StandgenError(f"{options.docx}: was built from {', '.join(sorted(files)[:3])}, "
                            f"none of which is in {root}; give --source the report the DOCX "
                            "was built from")


def _report_files(source: Path) -> set[Path]:
    """The YAML files the report reads: the only files --apply may write."""
    from standgen.load.report import load_report_and_files

    _, files = load_report_and_files(source)
    return {f.resolve() for f in files if f.suffix.lower() in (".yaml", ".yml")}


def _apply(items: list[Item], changed: list[str], force: bool, source: Path, out: TextIO,
           err: TextIO) -> None:
    changes = [i for i in items if i.change is not None]
    if changed and not force:
        print("standgen: nothing applied: the sources changed since the DOCX was built; "
              "rebuild and review again, or add --force to apply only the edits whose "
              "source text still matches", file=err)
        return
    sources = _report_files(source)
    foreign = [i.placed for i in changes if isinstance(i.placed, Placed)
               and i.placed.path.resolve() not in sources]
    placed = [i.placed for i in changes if isinstance(i.placed, Placed)
              and i.placed not in foreign]
    clashing = overlapping(placed)
    accepted = [p for p in placed if p not in clashing]
    refused_files = write_edits(accepted)
    for item in changes:
        where = f"{item.where.file}:{item.line}" if item.line else item.where.file
        result = item.placed
        if isinstance(result, Placed) and result in foreign:
            result = f"{result.path} is not a YAML file this report reads; nothing written"
        elif isinstance(result, Placed) and result in clashing:
            result = "overlaps another edit of the same text; apply one, then review again"
        elif isinstance(result, Placed) and result.path in refused_files:
            result = refused_files[result.path]
        if isinstance(result, Placed):
            print(f"applied: {where}: {item.kind} {item.text}", file=out)
        else:
            print(f"refused: {where}: {item.kind} {item.text}: {result}", file=out)
