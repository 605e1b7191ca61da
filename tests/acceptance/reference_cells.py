"""The tables of the reference text, as the Dutch strings standgen must print for them.

The extraction's tables are tab-separated lines. Its number formatting is inconsistent (1693
next to 3.035), so cells are normalised to the house style before they are looked for; the
few cells whose wording was corrected in the fixture (typos) are mapped explicitly.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

CORRECTED = {
    "Defensy college": "Defensity college",
    "% Investerings in R&D": "% Investering in R&D",
    "Werkdruk (hoog/laag/ wisselend) (25%)": "Werkdruk (hoog/laag/wisselend) (25%)",
    "Externe inhuur (€ x 1000) ⁹": "Externe inhuur (€ x 1.000)",
}
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def normalise_cell(cell: str) -> str:
    """A reference cell in house style: grouped thousands (never years), 7ᵉ, no footnote
    marks, "3 van 3" rather than "3 (van 3)"."""
    cell = CORRECTED.get(cell, cell).strip()
    cell = cell.rstrip(SUPERSCRIPT_DIGITS + " ")
    cell = re.sub(r"(\d) \^e", r"\1ᵉ", cell)
    cell = re.sub(r"\((van \d+)\)", r"\1", cell)
    if re.fullmatch(r"\d{4,}", cell) and not 1990 <= int(cell) <= 2035:
        cell = f"{int(cell):,}".replace(",", ".")
    return cell


def reference_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Every table row of the reference after its Inhoud, normalised, with its line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Voorwoord" and i > 40)
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if "\t" in line:
            cells = [normalise_cell(c) for c in line.split("\t") if c.strip()]
            rows.append((number, [c for c in cells if c]))
    return rows


def toc_entries(path: Path) -> list[str]:
    """The headings listed in the reference's Inhoud, without page numbers."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("Inhoud")
    entries: list[str] = []
    for line in lines[start + 1:]:
        if line.strip() == "Voorwoord":
            break
        if "\t" in line:
            entries.append(line.strip().split("\t")[0])
    return entries


def squash(text: str) -> str:
    """Text without whitespace, with superscript e as plain e, for order-keeping search."""
    return re.sub(r"\s+", "", text.replace("ᵉ", "e").replace("\u00a0", " "))


@dataclass(frozen=True)
class Expectations:
    """What the public PDF must show of the reference: its table rows (with their line in
    the reference text) and its Inhoud headings."""

    rows: list[tuple[int, list[str]]]
    toc: list[str]


def extract(reference_text: Path) -> Expectations:
    """The expectations as read from the reference text itself."""
    return Expectations(reference_rows(reference_text), toc_entries(reference_text))


def frozen(path: Path) -> Expectations:
    """The expectations kept in the fixture, for a checkout without the reference text."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Expectations([(line, cells) for line, cells in data["rows"]], data["toc"])


def freeze(reference_text: Path, path: Path) -> None:
    """Write the expectations read from the reference text into the fixture."""
    found = extract(reference_text)
    def line(item: object) -> str:
        return "  " + json.dumps(item, ensure_ascii=False)

    text = (f'{{"source": {json.dumps(reference_text.name)},\n "rows": [\n'
            + ",\n".join(line(row) for row in found.rows) + '\n ],\n "toc": [\n'
            + ",\n".join(line(entry) for entry in found.toc) + "\n ]\n}\n")
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":  # python -m tests.acceptance.reference_cells REFERENCE.txt OUT.json
    freeze(Path(sys.argv[1]), Path(sys.argv[2]))
