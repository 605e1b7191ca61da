"""Write small page images of a report in each theme and writer, to look at the design.

Usage: python scripts/page_images.py [REPORT] [--out docs/images] [--dpi 50]
       [--theme rijkshuisstijl --theme sober]

For each theme the public edition is built as PDF and DOCX; the DOCX is turned into a PDF
by LibreOffice (`soffice --headless --convert-to pdf`, as Word would lay it out, roughly).
Of each PDF four pages are rendered with pdftoppm: the cover, the Inhoud, the first
chapter's opener and the first page with a table, as `<theme>-<writer>-<page>.png`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

from standgen.build import BuildRequest, build  # noqa: E402

REFERENCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"
OPENER = re.compile(r"^1(\s|$)")
TABLE = re.compile(r"^Tabel \d+")


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext, layout kept)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")


def _first_line(page: str) -> str:
    return next((line.strip() for line in page.splitlines() if line.strip()), "")


def pick_pages(pdf: Path) -> dict[str, int]:
    """Page numbers (1-based) of cover, Inhoud, first chapter opener and first table page."""
    pages = page_texts(pdf)
    toc = next(i for i, p in enumerate(pages) if "Inhoud" in p.splitlines()[0:8].__str__())
    opener = next(i for i, p in enumerate(pages) if i > toc and OPENER.match(_first_line(p)))
    table = next(i for i, p in enumerate(pages) if i > opener and any(
        TABLE.match(line.strip()) for line in p.splitlines()))
    return {"omslag": 1, "inhoud": toc + 1, "hoofdstuk": opener + 1, "tabel": table + 1}


def render(pdf: Path, pages: dict[str, int], prefix: str, out: Path, dpi: int) -> list[Path]:
    """One PNG per picked page."""
    written: list[Path] = []
    for name, number in pages.items():
        target = out / f"{prefix}-{name}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(number),
                        "-l", str(number), str(pdf), str(target)], check=True)
        written.append(target.with_suffix(".png"))
    return written


def docx_to_pdf(docx: Path, folder: Path) -> Path:
    """The DOCX laid out by LibreOffice, as a PDF in `folder`."""
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(docx)], check=True, capture_output=True, timeout=300)
    return folder / docx.with_suffix(".pdf").name


def main() -> None:
    """Build, convert and render every theme and writer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, nargs="?", default=REFERENCE)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--dpi", type=int, default=50)
    parser.add_argument("--theme", action="append")
    args = parser.parse_args()
    for tool in ("pdftoppm", "pdftotext", "soffice"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (poppler-utils, LibreOffice)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="standgen-images-") as scratch:
        for theme in args.theme or ["rijkshuisstijl", "sober"]:
            folder = Path(scratch) / theme
            result = build(BuildRequest(args.report, folder, jobs=1, theme=theme))
            by_format = {p.suffix[1:]: p for p in result.artifacts}
            converted = folder / "libreoffice"
            pdfs = {"pdf": by_format["pdf"], "docx": docx_to_pdf(by_format["docx"], converted)}
            for writer, pdf in pdfs.items():
                for path in render(pdf, pick_pages(pdf), f"{theme}-{writer}", args.out,
                                   args.dpi):
                    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
