"""Rich text (Markdown) to document-tree inlines and blocks.

markdown-it-py parses emphasis, links, lists, quotes and tables; its sub/superscript plugins
give `~2~` and `^e^`. What no writer can print is refused (see mdrefuse), never dropped.
Footnote references `[^id]` are swapped for private-use markers before parsing so that no
Markdown rule can split them, then resolved through a numbering callback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin

from standgen.compose import mdrefuse
from standgen.compose import tree as t
from standgen.compose.mdrefuse import refuse
from standgen.errors import Location
from standgen.validate.links import link_problem

NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_MARKUP = re.compile(r"[\\`*_\[\]<>!&~^\n\r\t\ue000\ue001]")
_BLOCK_START = re.compile(r"[#+\-*>=|0-9•◦▪·]")  # headings, lists, quotes, breaks, numbers
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
# a protected reference is wrapped in '%', a punctuation mark with no meaning in Markdown,
# so that emphasis next to it opens and closes as it does next to "[^id]"
_MARKED = re.compile(f"%{_MARK_OPEN}([^{_MARK_CLOSE}]*){_MARK_CLOSE}%")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_AROUND_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_STRIKE = re.compile(r"(?<![\\~])~~(?!~)")
_OPENER = re.compile(r"(\*\*|__)(?=[^\s*_])")  # opens bold, but nothing closed it
_BULLETS = "•◦▪·"
_WORD_BULLET = re.compile(f"([{_BULLETS}])(?=[ \\t])")
_LIST_LIKE = re.compile(r"(\d{1,9}[.)])(?=[ \t]|$)")

MAX_NESTING = 40  # the parser's own limit: beyond it, it would drop the rest unsaid
NoteResolver = Callable[[str], t.FootnoteRef | None]


def footnote_ids(text: str) -> list[str]:
    """The ids of every footnote reference in a Markdown text, in order."""
    return NOTE_REF.findall(text)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # text_join stays off: an escaped character (\\*) is then a token of its own, so that
    # markup left unmatched can be told from markup written to be printed
    parser = (MarkdownIt("commonmark", {"linkify": False, "maxNesting": MAX_NESTING})
              .enable("table").disable("text_join")
              .use(superscript_plugin).use(sub_plugin))
    # every target becomes a link, so that a refused one is named as such (link_open)
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


@dataclass
class _Style:
    bold: bool = False
    italic: bool = False
    script: t.Script = "normal"
    link: str | None = None


def _protect(text: str) -> str:
    return NOTE_REF.sub(lambda m: f"%{_MARK_OPEN}{m.group(1)}{_MARK_CLOSE}%", text)


def _is_plain(text: str) -> bool:
    """Whether `text` is one run of plain text to Markdown: no character any inline rule
    (or a footnote reference) starts with, no line break, no surrounding space."""
    return bool(text) and _MARKUP.search(text) is None and text == text.strip()


def _plain_run(text: str) -> tuple[t.Inline, ...]:
    return (t.Text(text),)


def inlines(text: str, notes: NoteResolver, at: Location | None = None
            ) -> tuple[t.Inline, ...]:
    """Parse one paragraph's worth of inline Markdown into tree inlines (plain text, most
    table labels and cells, skips the parser: what it would give is one text run).
    Constructs no writer can print raise a SourceError located at `at`."""
    if _is_plain(text):
        return _plain_run(text)
    return _parsed_inlines(text, notes, at)


def _parsed_inlines(text: str, notes: NoteResolver, at: Location | None = None
                    ) -> tuple[t.Inline, ...]:
    _check_strike(text, at)
    tokens = _parser().parseInline(_protect(text))
    children = tokens[0].children if tokens and tokens[0].children else []
    return convert_inline(children, notes, at, 0)


def blocks(text: str, notes: NoteResolver, at: Location | None = None) -> list[t.Block]:
    """Parse Markdown text into paragraphs, quotes, (nested) lists, tables and rules;
    constructs no writer can print raise a SourceError located at `at`."""
    if _is_plain(text) and not _BLOCK_START.match(text):
        return [t.Paragraph(_plain_run(text))]
    return _parsed_blocks(text, notes, at)


def _parsed_blocks(text: str, notes: NoteResolver, at: Location | None = None
                   ) -> list[t.Block]:
    from standgen.compose.mdblocks import read_blocks

    _check_strike(text, at)
    source = _protect(text)
    return read_blocks(_parser().parse(source), source.split("\n"), notes, at)


def _check_strike(text: str, at: Location | None) -> None:
    match = _STRIKE.search(text)
    if match is not None:
        raise refuse(at, text.count("\n", 0, match.start()), mdrefuse.STRIKE)


def _is_break(token: Any) -> bool:
    return token.type in ("softbreak", "hardbreak") or (
        token.type == "html_inline" and _BREAK.fullmatch(token.content) is not None)


def _check_text(kind: str, content: str, at: Location | None, line: int,
                line_start: bool, after_soft: bool, alone: bool, linked: bool) -> None:
    """Refuse text that would print markup as is, or that Markdown reads differently from
    what it looks like (a list item glued to the paragraph above, a pasted bullet)."""
    if kind not in ("text", "code_inline"):
        return
    if "<!--" in content:
        raise refuse(at, line, mdrefuse.COMMENT_IN_CODE if kind == "code_inline"
                     else mdrefuse.UNCLOSED_COMMENT)
    if kind != "text":
        return
    if "](" in content and not linked:
        raise refuse(at, line, mdrefuse.BROKEN_LINK)
    opener = None if linked else _OPENER.search(content)
    if opener is not None:
        mark = opener.group(1)
        escaped = "".join(f"\\{c}" for c in mark)
        raise refuse(at, line, mdrefuse.UNMATCHED.format(mark=mark, escaped=escaped))
    bullet = _WORD_BULLET.match(content) if line_start else None
    mark = bullet.group(1) if bullet is not None else None
    if line_start and alone and content.strip() and content.strip() in _BULLETS:
        mark = content.strip()
    if mark is not None:
        raise refuse(at, line, mdrefuse.WORD_BULLET.format(mark=mark))
    numbered = _LIST_LIKE.match(content) if after_soft else None
    if numbered is not None:
        raise refuse(at, line, mdrefuse.LIST_LIKE_LINE.format(mark=numbered.group(1)))


def convert_inline(children: list[Any], notes: NoteResolver, at: Location | None,
                   line: int, paragraph: bool = False) -> tuple[t.Inline, ...]:
    """Inline tokens (`line`: the text line they start on; `paragraph`: they make a whole
    block paragraph) as tree inlines."""
    out: list[t.Inline] = []
    style = _Style()
    link_runs: list[t.Text] = []
    squeeze = False  # a comment was left out: one space either side of it is enough
    for index, token in enumerate(children):
        kind = token.type
        content = str(token.content)
        after_break = index > 0 and _is_break(children[index - 1])
        alone = index + 1 == len(children) or _is_break(children[index + 1])
        after_soft = index > 0 and children[index - 1].type == "softbreak"
        _check_text(kind, content, at, line, after_break or (paragraph and index == 0),
                    after_soft, alone, style.link is not None)
        if squeeze and kind == "text" and content.startswith(" ") and _ends_in_space(out):
            content = content[1:]
        squeeze = kind == "html_inline" and content.startswith("<!--")
        if kind in ("em_open", "em_close"):
            style.italic = kind == "em_open"
        elif kind in ("strong_open", "strong_close"):
            style.bold = kind == "strong_open"
        elif kind in ("sup_open", "sub_open"):
            style.script = "super" if kind == "sup_open" else "sub"
        elif kind in ("sup_close", "sub_close"):
            style.script = "normal"
        elif kind == "link_open":
            style.link = str(token.attrs.get("href", ""))
            refused = link_problem(style.link)
            if refused is not None:
                raise refuse(at, line, refused)
            link_runs = []
        elif kind == "link_close":
            merged = _merge(list(link_runs))
            out.append(t.Link(style.link or "", tuple(r for r in merged
                                                      if isinstance(r, t.Text))))
            style.link = None
        elif kind in ("text", "code_inline", "text_special"):
            _emit_text(content, style, out, link_runs, notes)
        elif kind == "html_inline":
            _emit_text(_html_inline(token.content, at, line), style, out, link_runs, notes)
        elif kind in ("softbreak", "hardbreak"):
            _emit_text(" " if kind == "softbreak" else "\n", style, out, link_runs, notes)
        elif kind == "image":
            raise refuse(at, line, mdrefuse.IMAGE)
        else:
            raise refuse(at, line, mdrefuse.UNKNOWN.format(kind=kind))
        line += token.content.count("\n") + (kind in ("softbreak", "hardbreak"))
    return _trim_breaks(_merge(out))


def _trim_breaks(runs: tuple[t.Inline, ...]) -> tuple[t.Inline, ...]:
    """Without spaces around a line break, nor breaks or spaces at the very start or end
    (a `<br>` or a left-out comment there prints nothing)."""
    items: list[t.Inline] = []
    for run in runs:
        if isinstance(run, t.Text):
            text = _AROUND_BREAK.sub("\n", run.text)
            last = items[-1] if items else None
            if isinstance(last, t.Text) and last.text.endswith("\n"):
                text = text.lstrip(" \t")
            if isinstance(last, t.Text) and text.startswith("\n"):
                items[-1] = _restyle(last, last.text.rstrip(" \t"))
            run = _restyle(run, text)
        items.append(run)
    for index in (0, -1):
        while items and isinstance(items[index], t.Text):
            run = items[index]
            assert isinstance(run, t.Text)
            text = run.text.lstrip(" \t\n") if index == 0 else run.text.rstrip(" \t\n")
            if text:
                items[index] = _restyle(run, text)
                break
            del items[index]
    return tuple(item for item in items if not isinstance(item, t.Text) or item.text)


def _restyle(run: t.Text, text: str) -> t.Text:
    return t.Text(text, run.bold, run.italic, run.script)


def _ends_in_space(out: list[t.Inline]) -> bool:
    return bool(out) and isinstance(out[-1], t.Text) and out[-1].text.endswith(" ")


def _html_inline(html: str, at: Location | None, line: int) -> str:
    """What inline HTML prints: nothing for a comment, a line break for `<br>`; any other
    tag is refused."""
    if html.startswith("<!--"):
        return ""
    if _BREAK.fullmatch(html):
        return "\n"
    raise refuse(at, line, mdrefuse.HTML.format(snippet=_snippet(html)))


def _snippet(html: str) -> str:
    first = html.strip().splitlines()[0] if html.strip() else html
    return first if len(first) <= 40 else first[:37] + "..."


def _emit_text(text: str, style: _Style, out: list[t.Inline], link_runs: list[t.Text],
               notes: NoteResolver) -> None:
    position = 0
    for match in _MARKED.finditer(text):
        _emit_plain(text[position:match.start()], style, out, link_runs)
        ref = notes(match.group(1))
        if ref is not None:
            out.append(ref)
        position = match.end()
    _emit_plain(text[position:], style, out, link_runs)


def _emit_plain(text: str, style: _Style, out: list[t.Inline], link_runs: list[t.Text]) -> None:
    if not text:
        return
    run = t.Text(text, style.bold, style.italic, style.script)
    (link_runs if style.link is not None else out).append(run)


def _merge(runs: list[t.Inline]) -> tuple[t.Inline, ...]:
    """Join neighbouring text runs of the same style, so trees stay small and readable."""
    merged: list[t.Inline] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (isinstance(run, t.Text) and isinstance(last, t.Text)
                and (last.bold, last.italic, last.script) == (run.bold, run.italic, run.script)):
            merged[-1] = t.Text(last.text + run.text, run.bold, run.italic, run.script)
        else:
            merged.append(run)
    return tuple(merged)


def plain(items: tuple[t.Inline, ...]) -> str:
    """The text of inlines without marks (footnote references left out)."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, t.Text):
            parts.append(item.text)
        elif isinstance(item, t.Link):
            parts.extend(run.text for run in item.children)
    return "".join(parts)
