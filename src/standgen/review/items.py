"""Review items (comments and tracked changes) with their source places, and their listing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from standgen.review.apply import Placed, place
from standgen.review.changes import Change, changes_of
from standgen.review.docxread import NOTE, EditedDocx, Para
from standgen.review.locate import Locator, Where

AROUND = 40


@dataclass(frozen=True)
class Item:
    """A comment or a tracked change, where it comes from, and where it would go."""

    kind: str
    author: str
    date: str
    text: str
    context: str
    where: Where
    line: int | None
    change: Change | None = None
    placed: Placed | str | None = None


def collect(edited: EditedDocx, locator: Locator, root: Path) -> list[Item]:
    """Every comment and tracked change of the edited DOCX, in reading order."""
    items: list[tuple[int, Item]] = []
    for para in edited.paragraphs:
        for change in changes_of(para):
            where = locator.where(para)
            placed = place(change, where, root)
            line = placed.line if isinstance(placed, Placed) else where.line
            text = _change_text(change)
            context = _shown(change.before[-AROUND:] + "[" + text + "]" + change.after[:AROUND])
            items.append((para.index, Item(change.name, change.author, change.date, text,
                                           context, where, line, change, placed)))
    for comment in edited.comments:
        where = locator.where(comment.para)
        index = comment.para.index if comment.para is not None else -1
        context = _shown(_excerpt(comment.para)) if comment.para is not None else ""
        items.append((index, Item("comment", comment.author, comment.date, comment.text,
                                  context, where, where.line)))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _change_text(change: Change) -> str:
    if change.kind == "replace":
        return f"{change.deleted!r} -> {change.inserted!r}"
    return repr(change.deleted or change.inserted)


def _excerpt(para: Para) -> str:
    text = para.original
    return text if len(text) <= 2 * AROUND else text[:2 * AROUND] + "…"


def _shown(text: str) -> str:
    return " ".join(text.replace(NOTE, "¹").split())


def listing(items: list[Item]) -> str:
    """The items grouped by source file, each with its line, kind, author and context."""
    out: list[str] = []
    for file in sorted({i.where.file for i in items}):
        out.append(file)
        for item in (i for i in items if i.where.file == file):
            line = f"{file}:{item.line}" if item.line else file
            by = f" by {item.author}" if item.author else ""
            on = f" on {item.date}" if item.date else ""
            out.append(f"  {line}: {item.kind}{by}{on}: {item.text}")
            out.append(f"      {item.where.what}")
            if item.context:
                out.append(f"      in: {item.context}")
    return "\n".join(out) + ("\n" if out else "")


def comments_file(items: list[Item], path: Path) -> str:
    """The comments as a review list (an artifact, so its words are Dutch): CSV for .csv,
    Markdown otherwise."""
    comments = [i for i in items if i.kind == "comment"]
    header = ["bestand", "regel", "bron", "auteur", "datum", "opmerking", "tekst"]
    rows = [[c.where.file, str(c.line or ""), c.where.what, c.author, c.date, c.text,
             c.context] for c in comments]
    if path.suffix.lower() == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()
    lines = ["# Opmerkingen uit de review", ""]
    for row in rows:
        place_ = f"{row[0]}:{row[1]}" if row[1] else row[0]
        lines.append(f"- **{place_}** ({row[2]}), {row[3]} {row[4]}: {row[5]}")
        if row[6]:
            lines.append(f"  > {row[6]}")
    return "\n".join(lines) + "\n"
