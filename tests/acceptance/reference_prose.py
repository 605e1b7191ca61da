"""The prose of the reference text, sentence by sentence, and how to find it in a PDF.

Which lines of the reference text are prose (the rule the acceptance test relies on):
after the Inhoud (from the line "Voorwoord" on), a line is prose when it holds no tab (tab
lines are table rows) and either ends a sentence (its last character, before closing quotes,
brackets and a footnote mark, is one of . : ; ! ?), or is a footnote (it starts with a
superscript footnote number, or with "b. " as the second part of one), a list item ("- ")
or a table note ("* "). Everything else is a heading, a running page header, a table or
figure title, or figure residue (map labels), none of which ends a sentence. Each prose line
is split into sentences at ". " (or "! ", "? ") before a capital or a quote.

Both sides are normalised before one is looked for in the other: Unicode NFKC (ligatures,
superscript and subscript digits, 7ᵉ, no-break spaces), one kind of quote, no whitespace at
all. The reference's Markdown marks (*, ^, ~, <url>) are dropped and a footnote mark in it
matches whatever footnote number the PDF prints there. The PDF is read line by line with
its page furniture removed (running header, footer, page number: lines above or below the
body frame), so a sentence that runs on to the next page reads as one; the body text and the
small print (footnotes, table notes) are read as two streams; a hyphen at the end of a PDF
line may be one the layout added.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PageObject, PdfReader

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SENTENCE_END = re.compile(rf"""[.:;!?][\"'”’)]*[{SUPERSCRIPTS}]*$""")
FOOTNOTE = re.compile(rf"^(?:[{SUPERSCRIPTS}]+|\d{{1,2}}(?= [A-Z]))?\s*(?:[a-z]\. )?")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'‘“(*])")
LISTED = re.compile(r"^(?:[-*] |[a-z]\. )")  # list item, table note, lettered footnote part
MARK = re.compile(rf"[{SUPERSCRIPTS}]+")
QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´\"“”„″"})
BODY_SIZE = 9.5  # points: PDF text smaller than this is small print (notes, tables)


def prose_lines(path: Path) -> list[tuple[int, str]]:
    """The prose lines of the reference text after its Inhoud, with their line numbers."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Voorwoord" and i > 40)
    found: list[tuple[int, str]] = []
    for number, raw in enumerate(lines[start:], start=start + 1):
        line = raw.strip()
        if not line or "\t" in raw:
            continue
        if SENTENCE_END.search(line) or line[0] in SUPERSCRIPTS or LISTED.match(line):
            found.append((number, line))
    return found


def sentences(line: str) -> list[str]:
    """A prose line split into sentences (a footnote without its number and letter)."""
    line = FOOTNOTE.sub("", line, count=1)
    return [s.strip() for s in SENTENCE_BREAK.split(line) if s.strip()]


def extract(reference_text: Path) -> list[tuple[int, str]]:
    """Every prose sentence of the reference text, with the line it stands on."""
    return [(number, sentence) for number, line in prose_lines(reference_text)
            for sentence in sentences(line)]


def squash(text: str) -> str:
    """Text normalised for comparison: NFKC, one kind of quote, no whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    return re.sub(r"\s+", "", text)


def pattern(sentence: str) -> re.Pattern[str]:
    """A reference sentence as a pattern over squashed PDF text: Markdown marks dropped,
    and any footnote number (or none) where the reference has a footnote mark."""
    text = re.sub(r"<(https?://[^>]+)>", r"\1", sentence)
    text = re.sub(r"[*^~]", "", text.removeprefix("- "))
    pieces = [re.escape(squash(piece)) for piece in MARK.split(text)]
    return re.compile(r"\d{0,3}".join(pieces))


@dataclass(frozen=True)
class Correction:
    """A deliberate difference: the fixture corrects `reference` to `fixture` on `line`."""

    line: int
    reference: str
    fixture: str
    reason: str


def corrections(path: Path) -> list[Correction]:
    """The listed corrections, from the fixture's data file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Correction(**item) for item in data["corrections"]]


def corrected(items: list[tuple[int, str]], fixes: list[Correction]) -> list[tuple[int, str]]:
    """The sentences with each correction applied on its line."""
    out = []
    for line, sentence in items:
        for fix in fixes:
            if fix.line == line:
                sentence = sentence.replace(fix.reference, fix.fixture)
        out.append((line, sentence))
    return out


def pdf_streams(pdf: Path) -> tuple[str, str]:
    """The body text and the small print of a PDF, without page furniture.

    A line of text is furniture when it stands above the highest or below the lowest
    line of body-sized text of the whole document (running header, footer, page number).
    """
    pages = [_lines(page) for page in PdfReader(pdf).pages]
    body_ys = [y for page_lines in pages for y, size, _ in page_lines if size >= BODY_SIZE]
    top, bottom = max(body_ys), min(body_ys)
    body: list[str] = []
    small: list[str] = []
    for page_lines in pages:
        for y, size, text in page_lines:
            if bottom - 1 <= y <= top + 1:
                (body if size >= BODY_SIZE else small).append(text.rstrip("\n"))
    return "\n".join(body), "\n".join(small)


def _lines(page: PageObject) -> list[tuple[float, float, str]]:
    """A page's text lines in content-stream order: (baseline y, largest size, text)."""
    lines: list[tuple[float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text:
            return
        y = float(cm[5]) + float(tm[5]) * float(cm[3])
        if lines and abs(lines[-1][0] - y) < 1 and "\n" not in lines[-1][2]:
            last = lines[-1]
            lines[-1] = (last[0], max(last[1], float(size)), last[2] + text)
        else:
            lines.append((y, float(size), text))

    page.extract_text(visitor_text=visit)
    return lines


def haystacks(pdf: Path) -> list[str]:
    """The PDF's text to look in: as printed, and with hyphens at line ends removed."""
    body, small = pdf_streams(pdf)
    text = body + "\n" + small
    unhyphenated = re.sub(r"(?<=\w)-\n(?=[a-zà-ÿ])", "", text)
    return [squash(text), squash(unhyphenated)]


def frozen(path: Path) -> list[tuple[int, str]]:
    """The reference's prose sentences kept in the fixture."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(line, sentence) for line, sentence in data["sentences"]]


def freeze(reference_text: Path, path: Path) -> None:
    """Write the prose sentences read from the reference text into the fixture."""
    rows = ",\n".join("  " + json.dumps(item, ensure_ascii=False)
                      for item in extract(reference_text))
    path.write_text(f'{{"source": {json.dumps(reference_text.name)},\n "sentences": [\n'
                    f"{rows}\n ]\n}}\n", encoding="utf-8")


if __name__ == "__main__":  # python -m tests.acceptance.reference_prose REFERENCE.txt OUT.json
    freeze(Path(sys.argv[1]), Path(sys.argv[2]))
