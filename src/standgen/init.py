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
    target = Path(os.path.abspath(target))
    _refuse_unusable(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.parent / f".{target.name}.standgen-init-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()  # with the user's umask, like any folder they make
        try:
            _copy_skeleton(staging)
            if target.is_dir():  # empty: move the files in, keep the folder itself
                for entry in sorted(staging.iterdir()):
                    entry.rename(target / entry.name)
            else:
                staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise StandgenError(f"{target}: cannot write the skeleton here ({exc.strerror}); "
                            "name a folder you may write in") from None
    return [target / name for name in skeleton_files()]


def _refuse_unusable(target: Path) -> None:
    """Refuse anything but a new folder or an empty one: never overwrite an author's file."""
    if target.is_symlink():
        raise StandgenError(f"{target}: this is a symbolic link; name a new or empty folder")
    if target.exists() and not target.is_dir():
        raise StandgenError(f"{target}: this is a file; name a new or empty folder for the "
                            "report")
    if target.is_dir() and any(target.iterdir()):
        raise StandgenError(f"{target}: the folder is not empty; standgen init writes only "
                            "into a new or empty folder, so that it never overwrites files")
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise StandgenError(f"{target}: {parent} is a file, not a folder")


def _copy_skeleton(folder: Path) -> None:
    root = template_path("skeleton")
    for name in skeleton_files():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / name, folder / name)


def cmd_init(args: argparse.Namespace) -> int:
    """Write the skeleton and say what to run next."""
    for path in write_skeleton(args.folder):
        print(path)
    report = args.folder / "report.yaml"
    print(f"next: standgen validate {report}\n      standgen build {report} --out out")
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `standgen init` with the command line."""
    init = sub.add_parser("init", help="write a small example report to start from")
    init.add_argument("folder", type=Path, help="a new or empty folder")
