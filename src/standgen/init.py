"""`standgen init DIR`: a small, valid report to start from, with comments on every part.

The skeleton ships with the package (templates/skeleton): report.yaml, one chapter and one
CSV file. It is written only into a new or empty folder, so that it never overwrites an
author's files, and it appears all at once or not at all.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from standgen.errors import StandgenError
from standgen.resources import template_path


def skeleton_files() -> list[Path]:
    """The skeleton's files, relative to its folder, in a fixed order."""
    root = template_path("skeleton")
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def write_skeleton(target: Path) -> list[Path]:
    """Write the skeleton into `target` (created if missing, else it must be empty)."""
    if target.exists() and not target.is_dir():
        raise StandgenError(f"{target}: this is a file; name a new or empty folder for the "
                            "report")
    if target.is_dir() and any(target.iterdir()):
        raise StandgenError(f"{target}: the folder is not empty; standgen init writes only "
                            "into a new or empty folder, so that it never overwrites files")
    target.parent.mkdir(parents=True, exist_ok=True)
    root = template_path("skeleton")
    staging = target.parent / f".{target.name}.standgen-init-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()  # with the user's umask, like any folder they make
    try:
        for name in skeleton_files():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / name, staging / name)
        if target.is_dir():
            target.rmdir()
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in skeleton_files()]


def cmd_init(args: argparse.Namespace) -> int:
    """Write the skeleton and say what to run next."""
    for path in write_skeleton(args.folder):
        print(path)
    report = args.folder / "report.yaml"
    print(f"next: standgen validate {report}\n      standgen build {report} --out "
          f"{args.folder / 'out'}")
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `standgen init` with the command line."""
    init = sub.add_parser("init", help="write a small example report to start from")
    init.add_argument("folder", type=Path, help="a new or empty folder")
