"""Deterministic packaging: a zip with fixed member order and timestamps, written atomically."""

from __future__ import annotations

import io
import zipfile
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
