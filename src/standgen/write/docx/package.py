"""Deterministic packaging: a zip with fixed member order and timestamps, written atomically."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def _member_order(names: list[str]) -> list[str]:
    first = [name for name in _FIRST if name in names]
    return first + sorted(name for name in names if name not in _FIRST)


def normalise_zip(data: bytes, out: BinaryIO) -> None:
    """Rewrite the zip `data` into `out` with sorted members and fixed timestamps/attributes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in _member_order(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name), compress_type=zipfile.ZIP_DEFLATED,
                            compresslevel=6)


def _file_mode() -> int:
    """The mode a newly created file gets (0o666 minus the umask)."""
    try:  # Linux: read the umask without changing it (no race with other threads)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: Path, produce: Callable[[BinaryIO], None]) -> None:
    """Write `path` through a temp file in its directory and `os.replace` it into place.

    `produce` writes the content; if it raises, the temp file is removed and any older
    file at `path` is left untouched.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
