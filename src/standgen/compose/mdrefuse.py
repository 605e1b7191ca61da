"""Refusals of Markdown constructs a report cannot print: what it is, where, what to use.

Every construct of CommonMark is either rendered by every writer or refused here with a
located error, so that no text is ever dropped or printed as raw markup without a word.
"""

from __future__ import annotations

import re

from standgen.errors import Location, SourceError, source_error

_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")

HEADING = ("a heading ({mark}) inside a text block is not supported: the report's structure "
           "(chapters, sections, topics) makes the headings; use a `heading:` block instead")
SETEXT = ("a line of {mark} right under a line of text makes that text a heading in "
          "Markdown; headings come from the report's structure: use a `heading:` block; for "
          "a horizontal rule write '---' after a blank line")
INDENTED_CODE = ("a line indented by four spaces or a tab is a code block in Markdown, which a "
                 "report cannot print; remove the indentation (Word and e-mail often add it)")
FENCED_CODE = ("a fenced code block ({mark}) is not supported in a report; write the text as "
               "an ordinary paragraph")
IMAGE = ("an image (![…](…)) inside text is not supported; use a `figure:` block with "
         "`image:` and `alt:`")
HTML = ("HTML ({snippet}) is not supported in report text; use Markdown instead: *cursief*, "
        "**vet**, a blank line between paragraphs, a backslash at a line's end for a line "
        "break; comments (<!-- … -->) are left out")
TEXT_AFTER_COMMENT = ("text after a comment that starts a line is read as part of the comment "
                      "in Markdown, and would not print; put the comment on a line of its own")
UNCLOSED_COMMENT = ("an HTML comment is opened (<!--) but never closed (-->); close it, or "
                    "it would hide or print the text after it")
LAZY_LINE = ("this line continues the {owner} above it without {how} (Markdown would join it "
             "to that {owner}); {fix}")
IN_ITEM = ("a {what} inside a list item is not supported; end the list first (a blank line "
           "and no indentation) and put the {what} after it")
IN_QUOTE = ("a {what} inside a quote (>) is not supported; a quote holds paragraphs only; "
            "end the quote (a blank line) and put the {what} after it")
SECOND_PARAGRAPH = ("a list item holds a second paragraph (an indented line after a blank "
                    "line); keep one paragraph per item, or end the list and write the "
                    "paragraph without indentation")
TEXT_AFTER_SUBLIST = ("a list item continues after the list nested in it; put that text in "
                      "the item's first line, or give it its own item")
TWO_SUBLISTS = ("a list item holds two nested lists (the marker changed, e.g. from - to * "
                "or 1.); use one marker per nested list")
LIST_LIKE_LINE = ("this line starts with {mark!r} like a numbered list item, but Markdown keeps "
                  "it in the paragraph above (a numbered list right after text must start at "
                  "1); leave a blank line before it to start a list, or move {mark!r} off the "
                  "start of the line")
WORD_BULLET = ("this line starts with {mark!r}, a bullet pasted from Word or e-mail, which "
               "Markdown prints as text; write '- ' for a list item instead")
UNMATCHED = ("{mark!r} is never closed, so it would print as is; close it, or write "
             "{escaped} to print the characters")
STRIKE = ("~~strikethrough~~ is not supported in a report; leave the text out, or write "
          "\\~\\~ to print tildes")
EXTRA_CELLS = ("this table row has {found} cells but the header row has {expected}, so the "
               "cells beyond would be lost; write a | inside a cell as \\|")
PIPE_ROW = ("this line looks like a table row, but Markdown prints it as text: a table "
            "needs a separator line such as |---|---| right under its header row, with as "
            "many columns; add it, or write \\| to print a bar")
NOTE_DEFINITION = ("a footnote definition ([^{ident}]: …) inside text is not supported; define "
                   "the footnote under `footnotes:` with `id: {ident}` and its `text:`")
COMMENT_IN_CODE = ("an HTML comment inside a code span (`…`) would print as text; remove the "
                   "backticks to leave the comment out, or remove the comment")
TOO_DEEP = ("a list nested more than {levels} levels deep cannot be printed (Word numbers "
            "{levels} levels); flatten the list")
NESTED_TOO_DEEP = ("text nested this deep (lists in lists, quotes in quotes) cannot be "
                   "printed; flatten it")
BROKEN_LINK = ("this link is not complete ([text](https://…) needs both brackets and both "
               "parentheses) or its address is not one Markdown accepts, so it would print "
               "as written; correct it, or write \\[ to print a bracket")
UNKNOWN = ("Markdown construct {kind!r} is not supported in report text; write it as plain "
           "text")


def first_line(at: Location) -> int | None:
    """The line the text's first line stands on: the key's own line, or the next one for a
    block scalar (`text: |`)."""
    if at.line is None or at.file is None:
        return at.line
    try:
        lines = at.file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return at.line
    if 0 < at.line <= len(lines) and _BLOCK_SCALAR.search(lines[at.line - 1]):
        return at.line + 1
    return at.line


def refuse(at: Location | None, offset: int | None, message: str) -> SourceError:
    """A located error for a refused construct, `offset` lines into the text."""
    at = at or Location()
    line = first_line(at)
    if line is not None and offset:
        line += offset
    return source_error(at.file, line, at.field, message, code="markdown")
