"""What standgen writes, guarded: one place that turns an operating-system error on output
into a message an author can act on, and a check that no output lands on a file the build
read (a source named like an artifact, an output folder that is the source folder)."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from standgen.errors import StandgenError

_REASONS = {
    errno.ENOSPC: "no space left on the device; free some space or choose another --out",
    errno.EDQUOT: "the disk quota is used up; free some space or choose another --out",
    errno.EROFS: "the file system is read-only; choose a writable --out folder",
    errno.EACCES: "permission denied; choose a folder you may write to as --out",
    errno.EPERM: "the operation is not permitted; choose a folder you may write to as --out",
    errno.EEXIST: "a file with this name is in the way; give --out a folder, not a file",
    errno.ENOTDIR: "part of the path is a file, not a folder; give --out a folder",
    errno.EISDIR: "a folder with this name is in the way; remove or rename it",
    errno.ENAMETOOLONG: "the name is longer than the file system allows; use a shorter path",
    errno.ELOOP: "the path is a loop of symbolic links; give --out a real folder",
    errno.EFBIG: "the file would pass the size this system allows; free space or raise the "
    "limit, or choose another --out",
    errno.EMFILE: "too many files are open; close other programs and build again",
}


class OutputError(StandgenError):
    """Output could not be written where it was asked; the message says what to do."""


def output_error(exc: OSError, fallback: Path | None = None) -> OutputError:
    """The author-facing form of an operating-system error met while writing output."""
    where = exc.filename or fallback or "the output"
    reason = _REASONS.get(exc.errno or 0)
    if reason is None:
        reason = f"{exc.strerror or exc}; check the output folder and build again"
    return OutputError(f"cannot write {where}: {reason}")


@contextmanager
def writing(out_dir: Path) -> Iterator[None]:
    """Turn an operating-system error raised while writing into `out_dir` into an
    OutputError (exit status 2, no traceback)."""
    try:
        yield
    except OSError as exc:
        raise output_error(exc, out_dir) from None


def check_output_folder(out_dir: Path) -> None:
    """Refuse an --out that is a file (or a link to one) before anything is made."""
    try:
        if out_dir.exists() and not out_dir.is_dir():
            raise OutputError(f"--out {out_dir} is a file, not a folder; give a folder for "
                              "the artifacts")
    except OSError as exc:
        raise output_error(exc, out_dir) from None


def refuse_overwriting(targets: Iterable[Path], read: Iterable[Path]) -> None:
    """Refuse to write any target that is, or resolves to, a file the build read."""
    sources = {_real(path): path for path in dict.fromkeys(read)}
    for target in targets:
        source = sources.get(_real(target))
        if source is not None:
            raise OutputError(f"{target} would overwrite {source}, which this build reads; "
                              "choose another --out folder (the sources are never written)")


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def files_read(report: object, main: Path, templates: Path | None) -> list[Path]:
    """Every file a build reads: the YAML sources, data files and images the report names,
    and the templates folder's files."""
    from standgen.model.base import Node
    from standgen.model.report import FigureBlock
    from standgen.model.tables import IndicatorTable
    from standgen.validate.walk import walk

    read: list[Path] = [main]
    if isinstance(report, Node):
        for _, node in walk(report):
            file = node.source.file if node.source is not None else None
            if file is None:
                continue
            read.append(file)
            if isinstance(node, IndicatorTable) and node.data:
                read.append(file.parent / node.data)
            elif isinstance(node, FigureBlock) and node.image:
                read.append(file.parent / node.image)
    if templates is not None:
        with suppress(OSError):
            read += [p for p in templates.rglob("*") if p.is_file()]
    return read
