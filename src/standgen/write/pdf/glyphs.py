"""Check, before layout, that the font family has a glyph for every character printed."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.write.pdf import labels
from standgen.write.pdf.fonts import FontSet, default_fonts, font_cmap

Where = str


def _inline_texts(inlines: tuple[t.Inline, ...], where: Where) -> Iterator[tuple[str, Where]]:
    for inline in inlines:
        match inline:
            case t.Text():
                yield inline.text, where
            case t.Link():
                for child in inline.children:
                    yield child.text, where
            case t.FootnoteRef():
                yield str(inline.number), where
                yield from _inline_texts(inline.content, f"footnote {inline.number}")


def _table_texts(table: t.Table, where: Where) -> Iterator[tuple[str, Where]]:
    yield table.caption, f"{where}, caption"
    rows = table.header_rows + table.body_rows
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row.cells, start=1):
            yield from _inline_texts(cell.inlines, f"{where}, row {r}, cell {c}")
    for note in table.notes:
        yield from _inline_texts(note.inlines, f"{where}, note")


def _block_texts(block: t.Block, where: Where) -> Iterator[tuple[str, Where]]:
    match block:
        case t.Paragraph():
            yield from _inline_texts(block.inlines, where)
        case t.Heading():
            yield block.display, where
        case t.ListBlock():
            for i, entry in enumerate(t.list_entries(block), start=1):
                yield from _inline_texts(entry.inlines, f"{where}, item {i}")
        case t.Table():
            yield from _table_texts(block, where)
        case t.Figure():
            yield block.caption, f"{where}, caption"
            yield block.placeholder_text, f"{where}, placeholder"
            yield block.note, f"{where}, note"
            yield block.source_note, f"{where}, source note"
            if block.data_table is not None:
                yield from _table_texts(block.data_table, f"{where}, data table")
        case t.PageBreak():
            return


def _front_texts(document: t.Document) -> Iterator[tuple[str, Where]]:
    cover = document.cover
    for name in ("title", "ministry", "edition_label", "period", "subtitle", "tagline"):
        yield getattr(cover, name) or "", f"cover {name}"
    for line in cover.classification_lines:
        yield line, "cover classification line"
    if document.toc is not None:
        yield document.toc.title, "table of contents title"
        for i, entry in enumerate(document.toc.entries, start=1):
            yield entry.display, f"table of contents entry {i}"
    if document.marking is not None:
        mark = document.marking
        yield mark.text, "marking"
        yield mark.copy_number or "", "marking copy number"
        for line in mark.extra:
            yield line, "marking extra line"
    yield document.footer_label, "footer label"
    for text in labels.writer_texts():
        yield text, "writer label"
    words = document.words
    for text in (words.table, words.figure, *words.page_x_of_y, *words.copy,
                 *words.copy_header):
        yield text, "writer word (templates)"


def iter_texts(document: t.Document) -> Iterator[tuple[str, Where]]:
    """Every printed string of the document with a readable description of where it stands."""
    yield from _front_texts(document)
    for s, section in enumerate(document.sections, start=1):
        place = f"section {s} ({section.running_header!r})"
        yield section.running_header, f"{place}, running header"
        for b, block in enumerate(section.blocks, start=1):
            yield from _block_texts(block, f"{place}, block {b} ({type(block).__name__})")


def _printable(char: str) -> bool:
    """Whether a character needs a glyph (control and format characters do not)."""
    return unicodedata.category(char) not in ("Cc", "Cf") or char == "\u00ad"


def check_glyphs(document: t.Document, fonts: FontSet | None = None) -> list[str]:
    """Describe every character of the document that a face of the family cannot draw."""
    fonts = fonts or default_fonts()
    cmaps = {face: font_cmap(path) for face, path in fonts.paths().items()}
    covered = frozenset(chr(code) for code in frozenset.intersection(*cmaps.values()))
    problems: list[str] = []
    seen: set[tuple[str, Where]] = set()
    for text, where in iter_texts(document):
        if covered.issuperset(text):
            continue
        for char in text:
            if char in covered or not _printable(char) or (char, where) in seen:
                continue
            missing = [face for face, cmap in cmaps.items() if ord(char) not in cmap]
            if missing:
                seen.add((char, where))
                name = unicodedata.name(char, "unnamed character")
                problems.append(
                    f"character {char!r} (U+{ord(char):04X} {name}) has no glyph in font "
                    f"{fonts.name} ({', '.join(missing)}) at {where}")
    return problems


def ensure_glyphs(document: t.Document, fonts: FontSet) -> None:
    """Raise BuildError listing every character the fonts cannot draw."""
    problems = check_glyphs(document, fonts)
    if problems:
        raise BuildError("missing glyphs in the PDF font:\n  " + "\n  ".join(problems))
