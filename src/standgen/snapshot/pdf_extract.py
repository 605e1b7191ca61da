"""Raw material of a PDF snapshot: page text by zone (pdftotext -layout) and the outline."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from standgen.snapshot.inputs import SnapshotInputError

MM = 72 / 25.4
HEADER_ZONE = 23 * MM
"""Text this far from the top edge is running header or marking, not body."""
FOOTER_ZONE = 20 * MM
"""Text this close to the bottom edge is footer or marking, not body."""


@dataclass(frozen=True)
class OutlineEntry:
    """One bookmark: its depth (1 = top level), title and 1-based start page."""

    level: int
    title: str
    page: int


@dataclass(frozen=True)
class PageText:
    """One page's text in three zones, each as pdftotext -layout lines."""

    header: list[str]
    body: list[str]
    footer: list[str]


def _pdftotext(path: Path, top: float, height: float, width: float) -> list[list[str]]:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise SnapshotInputError("pdftotext (poppler-utils) is needed to snapshot a PDF")
    command = [tool, "-layout", "-enc", "UTF-8", "-x", "0", "-y", str(int(top)),
               "-W", str(int(width) + 1), "-H", str(max(int(height), 1)), str(path), "-"]
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise SnapshotInputError(f"{path}: pdftotext could not read it: {message}")
    pages = done.stdout.decode("utf-8").split("\f")
    return [page.splitlines() for page in pages[:-1]]


def _reader(path: Path) -> PdfReader:
    try:
        return PdfReader(str(path))
    except (PdfReadError, OSError, ValueError) as exc:
        raise SnapshotInputError(f"{path}: not a readable PDF ({exc})") from exc


def page_texts(path: Path) -> list[PageText]:
    """Every page's header, body and footer zone text."""
    reader = _reader(path)
    width = max(float(page.mediabox.width) for page in reader.pages)
    height = max(float(page.mediabox.height) for page in reader.pages)
    headers = _pdftotext(path, 0, HEADER_ZONE, width)
    bodies = _pdftotext(path, HEADER_ZONE, height - HEADER_ZONE - FOOTER_ZONE, width)
    footers = _pdftotext(path, height - FOOTER_ZONE, FOOTER_ZONE, width)
    return [PageText(h, b, f) for h, b, f in zip(headers, bodies, footers, strict=True)]


def outline_entries(path: Path) -> list[OutlineEntry]:
    """The bookmarks in reading order with their depth and start page."""
    reader = _reader(path)
    entries: list[OutlineEntry] = []

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
                continue
            page = reader.get_destination_page_number(item)  # type: ignore[arg-type]
            title = str(getattr(item, "title", "") or "")
            entries.append(OutlineEntry(level, title, (page if page is not None else -1) + 1))

    walk(list(reader.outline), 1)
    return entries


def metadata_lines(path: Path) -> list[str]:
    """Document information (title, subject, dates …) and the page count, sorted by key."""
    reader = _reader(path)
    info: Mapping[str, object] = reader.metadata or {}
    lines = [f"{key.lstrip('/')}: {info[key]}" for key in sorted(info)]
    return [*lines, f"pages: {len(reader.pages)}"]
