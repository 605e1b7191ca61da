"""Helpers shared by the PDF writer tests: small trees, page texts, TOC numbers (no tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from standgen.compose import tree as t
from standgen.write.pdf import write_pdf
from tests.sample_tree import sample_document


def base_document(sections: tuple[t.DocSection, ...], *, toc: bool = True,
                  marking: t.Marking | None = None) -> t.Document:
    """A document around the given sections, with a TOC of their in_toc headings."""
    entries = tuple(
        t.TocEntry(min(b.level, 2), b.text, b.anchor, b.number)
        for s in sections for b in s.blocks if isinstance(b, t.Heading) and b.in_toc)
    return t.Document(
        metadata=t.Metadata(title="Proef", subject="Test", author="Defensie", language="nl-NL",
                            created=dt.datetime(2026, 5, 20, 9, 0, 0)),
        cover=t.Cover(title="Proefdocument", ministry="Ministerie van Defensie",
                      edition_label="Openbare versie", period="Voorjaar 2026"),
        toc=t.TableOfContents("Inhoud", entries) if toc else None,
        sections=sections, marking=marking)


def build(document: t.Document, directory: Path, name: str = "out.pdf") -> Path:
    """Write the document as a PDF into `directory` and return its path."""
    path = directory / name
    write_pdf(document, path)
    return path


def page_texts(path: Path) -> list[str]:
    """The text of each page (pdftotext, layout mode)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def toc_numbers(toc_text: str, entries: tuple[t.TocEntry, ...]) -> dict[str, int]:
    """The page number printed after each entry on the Inhoud page(s)."""
    found: dict[str, int] = {}
    lines = toc_text.splitlines()
    for entry in entries:
        for line in lines:
            flat = squash(line)
            if flat.startswith(squash(entry.display) + " "):
                match = re.search(r"(\d+)\s*$", flat)
                assert match, f"no page number on TOC line {line!r}"
                found[entry.anchor] = int(match.group(1))
                break
    return found


def headings(document: t.Document) -> list[t.Heading]:
    """All headings of the document in order."""
    return [b for s in document.sections for b in s.blocks if isinstance(b, t.Heading)]


def outline_pages(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every outline item, depth-first."""
    reader = PdfReader(path)
    result: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                page = reader.get_destination_page_number(item) + 1  # type: ignore[arg-type]
                result.append((depth, item.title, page))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return result


def chapter(n: int, paragraphs: int = 12, first_note: int | None = None) -> t.DocSection:
    """A chapter with two sections of filler text; with `first_note`, one footnote per
    paragraph numbered from there."""
    blocks: list[t.Block] = [t.Heading(1, f"Hoofdstuk nummer {n}", f"h-{n}", str(n), True)]
    note = first_note
    for s in (1, 2):
        blocks.append(t.Heading(2, f"Paragraaf {n}.{s} over onderwerp", f"h-{n}-{s}",
                                f"{n}.{s}", True))
        for p in range(paragraphs):
            ident = f"{n}.{s}.{p}"
            inlines: list[t.Inline] = [t.Text(f"Alinea {ident} " + "tekst " * 60 + f"slot-{ident}")]
            if note is not None:
                inlines.append(t.FootnoteRef(note, (t.Text(f"Voetnoot nummer {note} eind."),)))
                note += 1
            blocks.append(t.Paragraph(tuple(inlines)))
    return t.DocSection(f"Hoofdstuk {n}", tuple(blocks))


def scaled_sample(directory: Path, factor: int) -> t.Document:
    """The sample tree with its chapter repeated `factor` times (unique anchors, numbers)."""
    sample = sample_document(directory)
    voorwoord, chap = sample.sections
    sections = [voorwoord]
    entries = [sample.toc.entries[0]] if sample.toc else []
    for i in range(factor):
        sections.append(_renumber(chap, i))
        for b in sections[-1].blocks:
            if isinstance(b, t.Heading) and b.in_toc:
                entries.append(t.TocEntry(b.level, b.text, b.anchor, b.number))
    toc = t.TableOfContents("Inhoud", tuple(entries))
    return dataclasses.replace(sample, sections=tuple(sections), toc=toc)


def _renumber(section: t.DocSection, i: int) -> t.DocSection:
    def inl(inlines: tuple[t.Inline, ...]) -> tuple[t.Inline, ...]:
        return tuple(t.FootnoteRef(x.number + 2 * i, x.content)
                     if isinstance(x, t.FootnoteRef) else x for x in inlines)

    blocks: list[t.Block] = []
    for b in section.blocks:
        if isinstance(b, t.Heading):
            b = dataclasses.replace(b, anchor=f"{b.anchor}-{i}",
                                    number=b.number and f"{i + 2}{b.number[1:]}")
        elif isinstance(b, t.Paragraph):
            b = dataclasses.replace(b, inlines=inl(b.inlines))
        elif isinstance(b, (t.Table, t.Figure)) and b.number is not None:
            b = dataclasses.replace(b, number=b.number + 2 * i, anchor=f"{b.anchor}-{i}")
        blocks.append(b)
    return t.DocSection(section.running_header, tuple(blocks))
