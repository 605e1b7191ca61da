"""Markdown block tokens to tree blocks: paragraphs, quotes, nested lists, tables, rules.

A small reader over markdown-it's flat token stream. Each construct is either turned into
tree blocks that every writer prints, or refused with a located error (mdrefuse); a text
is never shortened without a word.
"""

from __future__ import annotations

import re
from typing import Any

from standgen.compose import mdrefuse
from standgen.compose import tree as t
from standgen.compose.mdrefuse import refuse
from standgen.compose.richtext import MAX_NESTING, NoteResolver, convert_inline
from standgen.compose.widths import column_widths
from standgen.errors import Location

_ITEM_MARK = re.compile(r"\s*(?:[-+*]|\d{1,9}[.)])(?=\s|$)[ \t]*")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NOTE_DEFINITION = re.compile("^ {0,3}%\ue000([^\ue001]*)\ue001%:")
_CELL_BORDER = re.compile(r"^\||(?<!\\)\|$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
LIST_LEVELS = 9
_NAMES = {"blockquote_open": "quote", "bullet_list_open": "list",
          "ordered_list_open": "list", "table_open": "table", "hr": "horizontal rule",
          "heading_open": "heading", "code_block": "code block", "fence": "code block",
          "html_block": "HTML block"}


def read_blocks(tokens: list[Any], lines: list[str], notes: NoteResolver,
                at: Location | None) -> list[t.Block]:
    """The tree blocks of a parsed Markdown text (`lines`: its source lines)."""
    deepest = max(tokens, key=lambda token: token.level, default=None)
    if deepest is not None and deepest.level >= MAX_NESTING - 2:
        raise refuse(at, deepest.map[0] if deepest.map else 0, mdrefuse.NESTED_TOO_DEEP)
    for number, line in enumerate(lines):
        definition = _NOTE_DEFINITION.match(line)
        if definition is not None:
            raise refuse(at, number, mdrefuse.NOTE_DEFINITION.format(
                ident=definition.group(1)))
    return _Reader(tokens, lines, notes, at).top()


class _Reader:
    """Walks the token stream once; `index` always points at the next unread token."""

    def __init__(self, tokens: list[Any], lines: list[str], notes: NoteResolver,
                 at: Location | None) -> None:
        self.tokens, self.lines, self.notes, self.at = tokens, lines, notes, at
        self.index = 0

    def _next(self) -> Any:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def _line(self, token: Any) -> int:
        return int(token.map[0]) if token.map else 0

    def top(self) -> list[t.Block]:
        out: list[t.Block] = []
        while self.index < len(self.tokens):
            token = self._next()
            kind = token.type
            if kind == "paragraph_open":
                inlines = self._paragraph(token)
                if inlines:  # a paragraph of nothing but comments or breaks prints nothing
                    out.append(t.Paragraph(inlines))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                out.append(self._list(token))
            elif kind == "blockquote_open":
                out.extend(self._quote(token))
            elif kind == "table_open":
                out.append(self._table())
            elif kind == "hr":
                out.append(t.Rule())
            elif kind == "html_block":
                self._html_block(token)
            else:
                raise self._refused(token)
        return out

    def _refused(self, token: Any) -> Exception:
        """The refusal for a construct no writer prints, wherever it stands."""
        kind, line = token.type, self._line(token)
        if kind == "heading_open":
            if token.markup in ("=", "-"):
                mark = f"'{token.markup * 3}'"
                underline = int(token.map[1]) - 1 if token.map else line
                return refuse(self.at, underline, mdrefuse.SETEXT.format(mark=mark))
            return refuse(self.at, line, mdrefuse.HEADING.format(mark=f"'{token.markup} …'"))
        if kind == "code_block":
            return refuse(self.at, line, mdrefuse.INDENTED_CODE)
        if kind == "fence":
            return refuse(self.at, line, mdrefuse.FENCED_CODE.format(mark=token.markup))
        return refuse(self.at, line, mdrefuse.UNKNOWN.format(kind=kind))

    def _html_block(self, token: Any) -> None:
        """An HTML block that holds only comments prints nothing; any other is refused."""
        rest = _COMMENT.sub("", token.content)
        if "<!--" in rest:
            raise refuse(self.at, self._line(token), mdrefuse.UNCLOSED_COMMENT)
        if rest.strip() and "<" not in rest:
            raise refuse(self.at, self._line(token), mdrefuse.TEXT_AFTER_COMMENT)
        if rest.strip():
            snippet = rest.strip().splitlines()[0][:40]
            raise refuse(self.at, self._line(token), mdrefuse.HTML.format(snippet=snippet))

    def _paragraph(self, opening: Any) -> tuple[t.Inline, ...]:
        if opening.map:
            for number in range(*opening.map):
                line = self.lines[number].strip().lstrip(">").strip()
                if line.startswith("|") and _CELL_BORDER.search(line[1:]):
                    raise refuse(self.at, number, mdrefuse.PIPE_ROW)
        inline = self._next()
        self._next()  # paragraph_close
        return convert_inline(inline.children or [], self.notes, self.at, self._line(opening),
                              paragraph=True)

    def _check_lazy(self, opening: Any, indent: int, owner: str) -> None:
        """Refuse a paragraph line inside a list item or quote that Markdown joins to it
        lazily (not indented, or without `>`): the author may have meant a new paragraph."""
        if not opening.map:
            return
        first, end = opening.map
        for number in range(first + 1, end):
            text = self.lines[number].expandtabs(4) if number < len(self.lines) else ""
            if owner == "quote" and not text.lstrip().startswith(">"):
                fix = ("start it with > to keep it in the quote, or leave a blank line "
                       "before it to end the quote")
                raise refuse(self.at, number, mdrefuse.LAZY_LINE.format(
                    owner=owner, how="a >", fix=fix))
            if owner == "list item" and len(text) - len(text.lstrip()) < indent:
                fix = ("indent it to continue the item, or leave a blank line before it "
                       "to end the list")
                raise refuse(self.at, number, mdrefuse.LAZY_LINE.format(
                    owner=owner, how="being indented", fix=fix))

    # Lists -----------------------------------------------------------------------------

    def _list(self, opening: Any, depth: int = 0) -> t.ListBlock:
        if depth >= LIST_LEVELS:
            raise refuse(self.at, self._line(opening),
                         mdrefuse.TOO_DEEP.format(levels=LIST_LEVELS))
        ordered = opening.type == "ordered_list_open"
        start = int(opening.attrs.get("start", 1)) if ordered else 1
        close = "ordered_list_close" if ordered else "bullet_list_close"
        items: list[tuple[t.Inline, ...]] = []
        nested: list[t.ListBlock | None] = []
        while (token := self._next()).type != close:
            inlines, sublist = self._item(token, depth)
            items.append(inlines)
            nested.append(sublist)
        return t.ListBlock(tuple(items), ordered,
                           tuple(nested) if any(nested) else (), start)

    def _item(self, opening: Any, depth: int
              ) -> tuple[tuple[t.Inline, ...], t.ListBlock | None]:
        """One list item: at most one paragraph, then at most one nested list."""
        indent = self._content_indent(opening)
        inlines: tuple[t.Inline, ...] = ()
        sublist: t.ListBlock | None = None
        seen_paragraph = False
        while (token := self._next()).type != "list_item_close":
            if token.type == "paragraph_open":
                if sublist is not None:
                    raise refuse(self.at, self._line(token), mdrefuse.TEXT_AFTER_SUBLIST)
                if seen_paragraph:
                    raise refuse(self.at, self._line(token), mdrefuse.SECOND_PARAGRAPH)
                self._check_lazy(token, indent, "list item")
                inlines, seen_paragraph = self._paragraph(token), True
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                if sublist is not None:
                    raise refuse(self.at, self._line(token), mdrefuse.TWO_SUBLISTS)
                sublist = self._list(token, depth + 1)
            elif token.type == "html_block" and not _COMMENT.sub("", token.content).strip():
                continue
            elif token.type in _NAMES:
                raise self._inside(token, mdrefuse.IN_ITEM)
            else:
                raise self._refused(token)
        return inlines, sublist

    def _content_indent(self, opening: Any) -> int:
        """The column where a list item's text starts (continuation lines need as much)."""
        line = self.lines[self._line(opening)].expandtabs(4) if opening.map else ""
        match = _ITEM_MARK.match(line)
        return match.end() if match else 0

    def _inside(self, token: Any, template: str) -> Exception:
        if token.type == "heading_open" or token.type in ("code_block", "fence"):
            return self._refused(token)
        return refuse(self.at, self._line(token), template.format(what=_NAMES[token.type]))

    # Quotes ----------------------------------------------------------------------------

    def _quote(self, opening: Any) -> list[t.Paragraph]:
        """A quote of paragraphs: each becomes a paragraph in the quote style."""
        out: list[t.Paragraph] = []
        while (token := self._next()).type != "blockquote_close":
            if token.type == "paragraph_open":
                self._check_lazy(token, 0, "quote")
                inlines = self._paragraph(token)
                if inlines:
                    out.append(t.Paragraph(inlines, "quote"))
            elif token.type == "html_block" and not _COMMENT.sub("", token.content).strip():
                continue
            elif token.type in _NAMES:
                raise self._inside(token, mdrefuse.IN_QUOTE)
            else:
                raise self._refused(token)
        return out

    # Tables ----------------------------------------------------------------------------

    def _table(self) -> t.Table:
        """A pipe table: its first row is the header row, repeated on every page."""
        header: list[t.TableRow] = []
        body: list[t.TableRow] = []
        target = header
        while (token := self._next()).type != "table_close":
            if token.type == "tbody_open":
                target = body
            elif token.type == "tr_open":
                target.append(self._row(token))
                self._check_cells(token, len(header[0].cells))
        widths = column_widths(tuple(header), tuple(body))
        return t.Table("", tuple(header), tuple(body), widths)

    def _check_cells(self, opening: Any, expected: int) -> None:
        """Refuse a row with more cells than the header: Markdown would drop the rest."""
        number = self._line(opening)
        source = self.lines[number].strip() if number < len(self.lines) else ""
        found = len(_CELL_SEPARATOR.split(_CELL_BORDER.sub("", source)))
        if found > expected:
            raise refuse(self.at, number, mdrefuse.EXTRA_CELLS.format(found=found,
                                                                       expected=expected))

    def _row(self, opening: Any) -> t.TableRow:
        cells: list[t.Cell] = []
        line = self._line(opening)
        while (token := self._next()).type != "tr_close":
            if token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", ""))
                align: t.Align = ("right" if "right" in style
                                  else "center" if "center" in style else "left")
                inline = self._next()
                cells.append(t.Cell(convert_inline(inline.children or [], self.notes,
                                                   self.at, line), align))
        return t.TableRow(tuple(cells))
