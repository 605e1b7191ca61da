"""The `standgen snapshot` and `standgen diff` sub-commands, ready to be added to the CLI.

The snapshot machinery is imported by the commands that use it, not by every `standgen` run.

Exit status of diff: 0 nothing changed, 1 something changed, 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from standgen.errors import StandgenError

EXIT_SAME, EXIT_CHANGED, EXIT_UNUSABLE = 0, 1, 2


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Print (or write) the text snapshot of one artifact."""
    from standgen.snapshot.artifact import snapshot_artifact

    text = snapshot_artifact(args.artifact)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_SAME


def _page_report(args: argparse.Namespace, need_check: bool) -> bool:
    """Compare rendered pages when asked (or needed); print them; True when any differ."""
    from standgen.snapshot.pixels import compare_pages

    if args.images is None and not need_check:
        return False
    pages = compare_pages(args.a, args.b, args.images)
    if pages and args.images is not None:
        print(f"Page images: {len(pages)} page(s) differ, side by side in {args.images}:")
        for page in pages:
            print(f"  p. {page.page}: {len(page.boxes)} region(s) → {page.image}")
    elif pages:
        numbers = ", ".join(str(p.page) for p in pages)
        print(f"The pages render differently: p. {numbers} (use --images DIR to see them)")
    elif args.images is not None:
        print("Page images: every page renders the same")
    return bool(pages)


def cmd_diff(args: argparse.Namespace) -> int:
    """Say what changed between two builds of an artifact, in the report's own terms."""
    from standgen.snapshot.artifact import snapshot_artifact
    from standgen.snapshot.compare import compare_snapshots
    from standgen.snapshot.inputs import SnapshotInputError, artifact_kind

    kind_a, kind_b = artifact_kind(args.a), artifact_kind(args.b)
    if kind_a != kind_b:
        raise SnapshotInputError(f"cannot compare a {kind_a.upper()} with a {kind_b.upper()}")
    same_bytes = args.a.read_bytes() == args.b.read_bytes()
    old, new = snapshot_artifact(args.a), snapshot_artifact(args.b)
    diff = compare_snapshots(old, new, (str(args.a), str(args.b)))
    sys.stdout.write(diff.render())
    if args.full and diff.changed:
        import difflib

        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), str(args.a),
            str(args.b)))
    if kind_a == "docx":
        if args.images is not None:
            print("Page images are made for PDF inputs only; none written", file=sys.stderr)
        if not diff.changed and not same_bytes:
            print("The files differ in bytes but not in their snapshots (formatting the "
                  "snapshot does not show, such as colours or spacing)")
            return EXIT_CHANGED
        return EXIT_CHANGED if diff.changed else EXIT_SAME
    pixels = False if same_bytes else _page_report(args, need_check=not diff.changed)
    if not diff.changed and not pixels and not same_bytes:
        print("The files differ in bytes only; text and rendered pages are the same")
    return EXIT_CHANGED if diff.changed or pixels else EXIT_SAME


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "snapshot": cmd_snapshot,
    "diff": cmd_diff,
}


def add_parsers(subparsers: Any) -> None:
    """Add the snapshot and diff sub-commands to the CLI's sub-parsers."""
    snap = subparsers.add_parser("snapshot", help="print a text snapshot of a DOCX or PDF")
    snap.add_argument("artifact", type=Path)
    snap.add_argument("--out", type=Path, help="write the snapshot to this file")
    diff = subparsers.add_parser("diff", help="what changed between two builds of an artifact")
    diff.add_argument("a", type=Path, help="the earlier artifact")
    diff.add_argument("b", type=Path, help="the later artifact")
    diff.add_argument("--images", type=Path, metavar="DIR",
                      help="write side-by-side PNGs of changed pages here (PDF only)")
    diff.add_argument("--full", action="store_true",
                      help="also print the whole unified diff of the two snapshots")


def main(argv: Sequence[str] | None = None) -> int:
    """Run snapshot or diff on their own (until the main CLI includes them)."""
    parser = argparse.ArgumentParser(prog="standgen", description=__doc__.splitlines()[0])
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except StandgenError as exc:
        print(f"standgen: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":
    raise SystemExit(main())
