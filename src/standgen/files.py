"""Files written whole or not at all, with the mode a newly created file gets."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

OWNER_ONLY = 0o600
"""The mode of cached files: they may hold confidential content."""


def file_mode() -> int:
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


def write_atomically(path: Path, produce: Callable[[BinaryIO], None],
                     mode: int | None = None) -> None:
    """Write `path` through a temp file in its directory and `os.replace` it into place,
    with `mode` (default: that of a newly created file, `file_mode()`).

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
        os.chmod(tmp, file_mode() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """`write_atomically` for content that is already in memory."""

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomically(path, produce, mode)
