"""Page images: render two PDFs, find the pages whose pixels differ, draw them side by side."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

from standgen.snapshot.inputs import SnapshotInputError

RESOLUTION = 50
TOLERANCE = 48
"""A pixel differs when a colour channel differs by more than this (0-255)."""
MIN_PIXELS = 4
"""A page differs when more pixels than this differ."""
CELL = 8
GAP = 12
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class PageDiff:
    """One page that differs: its number, the boxes around changes, the image written."""

    page: int
    boxes: list[Box]
    image: Path | None = None


def render_pages(pdf: Path, folder: Path, prefix: str) -> list[Path]:
    """Render every page of `pdf` to PNG at RESOLUTION dpi, in page order."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise SnapshotInputError("pdftoppm (poppler-utils) is needed for page images")
    target = folder / prefix
    done = subprocess.run([tool, "-r", str(RESOLUTION), "-png", str(pdf), str(target)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise SnapshotInputError(f"{pdf}: pdftoppm could not render it")
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)\.png$")
    found = [(int(m.group(1)), p) for p in folder.iterdir() if (m := pattern.match(p.name))]
    return [path for _, path in sorted(found)]


def _load(path: Path | None, size: tuple[int, int]) -> NDArray[np.int16]:
    canvas = Image.new("RGB", size, "white")
    if path is not None:
        with Image.open(path) as image:
            canvas.paste(image.convert("RGB"), (0, 0))
    return np.asarray(canvas, dtype=np.int16)


def changed_mask(a: NDArray[np.int16], b: NDArray[np.int16]) -> NDArray[np.bool_]:
    """Where two same-sized RGB arrays differ beyond the tolerance."""
    mask: NDArray[np.bool_] = np.abs(a - b).max(axis=2) > TOLERANCE
    return mask


def boxes(mask: NDArray[np.bool_]) -> list[Box]:
    """Rectangles around connected regions of changed pixels (in CELL-sized blocks)."""
    rows, cols = -(-mask.shape[0] // CELL), -(-mask.shape[1] // CELL)
    padded = np.zeros((rows * CELL, cols * CELL), dtype=bool)
    padded[:mask.shape[0], :mask.shape[1]] = mask
    grid = np.asarray(padded.reshape(rows, CELL, cols, CELL).any(axis=(1, 3)), dtype=bool)
    seen = np.zeros(grid.shape, dtype=bool)
    found: list[Box] = []
    for r, c in zip(*np.nonzero(grid), strict=True):
        if seen[r, c]:
            continue
        stack, cells = [(int(r), int(c))], []
        seen[r, c] = True
        while stack:
            y, x = stack.pop()
            cells.append((y, x))
            for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                if 0 <= ny < rows and 0 <= nx < cols and grid[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        ys, xs = [y for y, _ in cells], [x for _, x in cells]
        found.append((min(xs) * CELL, min(ys) * CELL, (max(xs) + 1) * CELL - 1,
                      (max(ys) + 1) * CELL - 1))
    return sorted(found, key=lambda box: (box[1], box[0]))


def side_by_side(a: NDArray[np.int16], b: NDArray[np.int16], found: list[Box],
                 target: Path) -> None:
    """Write both pages next to each other with every changed region boxed in red."""
    height, width = a.shape[0], a.shape[1]
    sheet = Image.new("RGB", (width * 2 + GAP, height), (200, 200, 200))
    sheet.paste(Image.fromarray(a.astype(np.uint8)), (0, 0))
    sheet.paste(Image.fromarray(b.astype(np.uint8)), (width + GAP, 0))
    draw = ImageDraw.Draw(sheet)
    for left, top, right, bottom in found:
        for offset in (0, width + GAP):
            draw.rectangle((left + offset, top, right + offset, bottom), outline=(220, 0, 0),
                           width=2)
    sheet.save(target, format="PNG", optimize=False)


def compare_pages(pdf_a: Path, pdf_b: Path, out_dir: Path | None = None) -> list[PageDiff]:
    """The pages that differ; with `out_dir`, a side-by-side PNG of each is written there."""
    with tempfile.TemporaryDirectory(prefix="standgen-pages-") as temp:
        folder = Path(temp)
        pages_a = render_pages(pdf_a, folder, "a")
        pages_b = render_pages(pdf_b, folder, "b")
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
        diffs: list[PageDiff] = []
        for index in range(max(len(pages_a), len(pages_b))):
            path_a = pages_a[index] if index < len(pages_a) else None
            path_b = pages_b[index] if index < len(pages_b) else None
            sizes = [Image.open(p).size for p in (path_a, path_b) if p is not None]
            size = (max(s[0] for s in sizes), max(s[1] for s in sizes))
            a, b = _load(path_a, size), _load(path_b, size)
            mask = changed_mask(a, b)
            if int(mask.sum()) <= MIN_PIXELS:
                continue
            found = boxes(mask)
            image = None
            if out_dir is not None:
                image = out_dir / f"page-{index + 1:03d}.png"
                side_by_side(a, b, found, image)
            diffs.append(PageDiff(index + 1, found, image))
        return diffs
