"""Hyperlinks in report text: only web and mail addresses and links inside the report.

A link is written into the DOCX and PDF as it stands, and a reader's click on it opens
whatever its scheme names (a network share with smb:, an Office document with ms-word:, a
local file with file: or a relative path). Report text is untrusted, so every other target
is refused with its location.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt

from standgen.errors import Problem
from standgen.model.report import Report
from standgen.validate.problems import error
from standgen.validate.walk import strings_of, walk_anchored

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_MAY_LINK = re.compile(r"\]\s*[(:\[]|<[^>\s]*:")  # an inline or reference link, an autolink


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"linkify": False})
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # see every target
    return parser


def link_problem(target: str) -> str | None:
    """Why a link target may not be printed, or None when it may."""
    target = target.strip()
    if not target:
        return "a link without a target; give an https:// address or remove the brackets"
    if target.startswith("#") and len(target) > 1:
        return None
    scheme = _SCHEME.match(target)
    if scheme is not None and scheme.group(1).lower() in ALLOWED_SCHEMES:
        rest = target[scheme.end():]
        if scheme.group(1).lower() == "mailto" or (rest.startswith("//") and len(rest) > 2):
            return None
        return f"the address {target!r} names no host; write it as https://host/…"
    what = (f"the scheme {scheme.group(1)}:" if scheme is not None
            else "a relative path (it would open a file next to the reader's copy)")
    return (f"link target {target!r} uses {what}; links may only point to http(s) or "
            "mailto addresses or to #anchors in the report; remove the link or give a web "
            "address")


def check_links(report: Report) -> list[Problem]:
    """Every link in report text whose target is not an allowed address."""
    problems: list[Problem] = []
    for path, node, anchor in walk_anchored(report):
        for name, _suffix, text in strings_of(node):
            if not _MAY_LINK.search(text):
                continue
            for target in _targets(text):
                reason = link_problem(target)
                if reason is not None:
                    problems.append(error(node, name, path, reason, "link-target", anchor))
    return problems


def _targets(text: str) -> Iterator[str]:
    """The targets of every link and image in a Markdown text."""
    env: dict[str, Any] = {}
    for token in _parser().parse(text, env):
        for child in token.children or []:
            if child.type in ("link_open", "image"):
                yield str(child.attrs.get("href") or child.attrs.get("src") or "")
