"""Rich text (Markdown) to document-tree inlines, paragraphs and lists.

markdown-it-py parses emphasis, links and lists; its sub/superscript plugins give `~2~`
and `^e^`. Footnote references `[^id]` are swapped for private-use markers before parsing
so that no Markdown rule can split them, then resolved through a numbering callback.
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

from standgen.compose import tree as t

NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_MARKUP = re.compile(r"[\\`*_\[\]<>!&~^\n\r\t\ue000\ue001]")
_BLOCK_START = re.compile(r"[#+\-*>=|0-9]")  # headings, lists, quotes, breaks, numbers
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_MARKED = re.compile(f"{_MARK_OPEN}([^{_MARK_CLOSE}]*){_MARK_CLOSE}")

NoteResolver = Callable[[str], t.FootnoteRef | None]


def footnote_ids(text: str) -> list[str]:
    """The ids of every footnote reference in a Markdown text, in order."""
    return NOTE_REF.findall(text)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"linkify": False}).use(superscript_plugin).use(sub_plugin)


@dataclass
class _Style:
    bold: bool = False
    italic: bool = False
    script: t.Script = "normal"
    link: str | None = None


def _protect(text: str) -> str:
    return NOTE_REF.sub(lambda m: f"{_MARK_OPEN}{m.group(1)}{_MARK_CLOSE}", text)


def _is_plain(text: str) -> bool:
    """Whether `text` is one run of plain text to Markdown: no character any inline rule
    (or a footnote reference) starts with, no line break, no surrounding space."""
    return bool(text) and _MARKUP.search(text) is None and text == text.strip()


def _plain_run(text: str) -> tuple[t.Inline, ...]:
    return (t.Text(text),)


def inlines(text: str, notes: NoteResolver) -> tuple[t.Inline, ...]:
    """Parse one paragraph's worth of inline Markdown into tree inlines (plain text, most
    table labels and cells, skips the parser: what it would give is one text run)."""
    if _is_plain(text):
        return _plain_run(text)
    return _parsed_inlines(text, notes)


def _parsed_inlines(text: str, notes: NoteResolver) -> tuple[t.Inline, ...]:
    tokens = _parser().parseInline(_protect(text))
    children = tokens[0].children if tokens and tokens[0].children else []
    return _convert_inline(children, notes)


def blocks(text: str, notes: NoteResolver) -> list[t.Paragraph | t.ListBlock]:
    """Parse Markdown text into paragraphs and lists (other constructs become paragraphs)."""
    if _is_plain(text) and not _BLOCK_START.match(text):
        return [t.Paragraph(_plain_run(text))]
    return _parsed_blocks(text, notes)


def _parsed_blocks(text: str, notes: NoteResolver) -> list[t.Paragraph | t.ListBlock]:
    tokens = _parser().parse(_protect(text))
    out: list[t.Paragraph | t.ListBlock] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            index, items = _collect_list(tokens, index + 1, notes)
            out.append(t.ListBlock(tuple(items), token.type == "ordered_list_open"))
            continue
        if token.type == "inline":
            out.append(t.Paragraph(_convert_inline(token.children or [], notes)))
        elif token.type in ("code_block", "fence"):
            out.append(t.Paragraph((t.Text(token.content.strip()),)))
        index += 1
    return out


def _collect_list(tokens: list[Any], index: int, notes: NoteResolver
                  ) -> tuple[int, list[tuple[t.Inline, ...]]]:
    items: list[tuple[t.Inline, ...]] = []
    depth = 1
    current: list[t.Inline] = []
    while index < len(tokens) and depth:
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_close" and depth == 1:
            items.append(tuple(current))
            current = []
        elif token.type == "inline":
            if current:
                current.append(t.Text(" "))
            current.extend(_convert_inline(token.children or [], notes))
        index += 1
    return index, items


def _convert_inline(children: list[Any], notes: NoteResolver) -> tuple[t.Inline, ...]:
    out: list[t.Inline] = []
    style = _Style()
    link_runs: list[t.Text] = []
    for token in children:
        kind = token.type
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
            link_runs = []
        elif kind == "link_close":
            out.append(t.Link(style.link or "", tuple(link_runs)))
            style.link = None
        elif kind in ("text", "code_inline", "html_inline"):
            _emit_text(token.content, style, out, link_runs, notes)
        elif kind in ("softbreak", "hardbreak"):
            _emit_text(" ", style, out, link_runs, notes)
    return _merge(out)


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
