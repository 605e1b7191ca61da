"""Front and back matter: part titles, public annex numbers, chapter numbers in their
style, and abbreviation lists and glossaries as sorted two-column tables."""

from __future__ import annotations

from collections.abc import Callable

from standgen.compose import tree as t
from standgen.compose.templating import TextTemplates
from standgen.compose.widths import column_widths
from standgen.format.roman import roman
from standgen.model.report import Annex, Part, TermList
from standgen.model.settings import AnnexStyle, ChapterStyle

Inlines = Callable[[str], tuple[t.Inline, ...]]
__all__ = ["annex_number", "chapter_number", "part_title", "roman", "term_kind",
           "term_table"]


def chapter_number(number: int, style: ChapterStyle) -> str | None:
    """A chapter's number as printed, or None when chapters are not numbered."""
    if style == "none":
        return None
    return roman(number) if style == "roman" else str(number)


def annex_number(index: int, style: AnnexStyle) -> str:
    """The number of the index-th (0-based) public annex: A, B … Z, AA … or 1, 2 …"""
    if style == "numbers":
        return str(index + 1)
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def part_title(part: Part, name: str, texts: TextTemplates, title: str, period: str) -> str:
    """A part's heading: the author's own title, else the standard one."""
    if part.title:
        return part.title
    group = "labels" if name in ("voorwoord", "samenvatting", "inleiding") else "parts"
    return texts.render(group, name, title=title, period=period)


def term_kind(name: str, part: Part) -> str | None:
    """`afkortingen`, `begrippen`, or None for a part without a term list."""
    if isinstance(part, Annex):
        return None if part.kind == "tekst" else part.kind
    if isinstance(part, TermList):
        return "afkortingen" if name == "afkortingen" else "begrippen"
    return None


def term_table(part: TermList, kind: str, texts: TextTemplates, inline: Inlines,
               anchor: str) -> t.Table | None:
    """The entries sorted (case and accents aside), in two columns with a header."""
    if not part.entries:
        return None
    entries = sorted(part.entries, key=lambda e: (e.term.casefold(), e.term))
    head = texts.render("parts", "afkorting" if kind == "afkortingen" else "begrip")
    header = (t.TableRow((t.Cell((t.Text(head),)),
                          t.Cell((t.Text(texts.render("parts", "betekenis")),)))),)
    body = tuple(t.TableRow((t.Cell((t.Text(e.term),)), t.Cell(inline(e.meaning))))
                 for e in entries)
    return t.Table(caption="", header_rows=header, body_rows=body,
                   column_widths=column_widths(header, body), alt_text=head,
                   anchor=anchor)
