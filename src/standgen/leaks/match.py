"""Find candidates in an artifact's text: texts squashed or as whole words, figures by value.

A text of at least MIN_TEXT characters (squashed) is found anywhere, across line breaks;
a shorter one only as whole words, so that a short secret is caught without hits inside
longer words. A footnote mark may stand between the parts of a text (its number, or
nothing where the artifact keeps the mark out of the text). A figure is found where a
number of the artifact has one of its keys, however it is spelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from standgen.leaks.figures import keys_near, signature
from standgen.leaks.text import Candidate, spaced, squash

MIN_TEXT = 12
MIN_WORD = 3
"""A confidential text needs this many letters or digits to be a candidate at all: one or two
characters stand as a word in ordinary text too often to tell a leak from a coincidence."""
_MARK = r"(?:\d{1,4})?"
_MD_NOTE = re.compile(r"\[\^\d+\]")
_MD_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)")
_MD_MARKS = re.compile(r"(?<!\\)(?:\*\*|\*|\^|~)")
_MD_ESCAPE = re.compile(r"\\(.)")


def markdown_plain(text: str) -> str:
    """Markdown as a reader sees it: footnote marks, link targets, emphasis marks and
    escapes removed (link targets kept on lines of their own)."""
    targets: list[str] = []

    def link(match: re.Match[str]) -> str:
        targets.append(match.group(2))
        return match.group(1)

    plain = _MD_LINK.sub(link, _MD_NOTE.sub("", text))
    plain = _MD_ESCAPE.sub(r"\1", _MD_MARKS.sub("", plain))
    return plain + "\n" + "\n".join(targets)


@dataclass
class Haystack:
    """An artifact's text, prepared once for every kind of match; numbers are read only
    where they may be one of the `figures` (candidates) looked for."""

    text: str
    figures_sought: tuple[Candidate, ...] = ()

    @cached_property
    def _squashed(self) -> tuple[str, frozenset[int]]:
        """The text squashed (as `squash` does), and the places in it where a word begins:
        a confidential sentence starts with a word, so "E aaaa" is not found inside the
        public "time aaaa" that squashes to "timeaaaa"."""
        out: list[str] = []
        starts: set[int] = set()
        in_word = False
        for char in self.text:
            if char == "\u00ad":
                continue
            if char.isspace():
                in_word = False
                continue
            if char.isalnum() and not in_word:
                starts.add(len(out))
            in_word = char.isalnum()
            out.append(char.lower())
        return "".join(out), frozenset(starts)

    @property
    def squashed(self) -> str:
        return self._squashed[0]

    def _found_at_a_word(self, pattern: str, first: str) -> bool:
        text, starts = self._squashed
        if not first[:1].isalnum():
            return re.search(pattern, text) is not None
        return any(m.start() in starts for m in re.finditer(pattern, text))

    @cached_property
    def words(self) -> str:
        return " " + spaced(self.text) + " "

    @cached_property
    def figures(self) -> set[str]:
        signatures = {signature(k) for c in self.figures_sought for k in c.keys}
        return keys_near(self.text, signatures)

    def holds(self, candidate: Candidate) -> bool:
        """Whether the artifact holds this candidate."""
        if candidate.kind == "figure":
            return not candidate.keys.isdisjoint(self.figures)
        parts = [squash(p) for p in candidate.parts]
        if sum(map(len, parts)) >= MIN_TEXT:
            if parts[0] not in self.squashed:
                return False
            return self._found_at_a_word(_MARK.join(map(re.escape, parts)), parts[0])
        return re.search(_whole_words(candidate), self.words) is not None


def _whole_words(candidate: Candidate) -> str:
    """A pattern for a short text as whole words: its words in order, a space or none
    between them, a footnote mark where the text had one and after a final letter."""
    body = _MARK.join(r"\s?".join(re.escape(w) for w in spaced(part).split())
                      for part in candidate.parts)
    tail = _MARK if candidate.text[-1:].isalpha() else ""
    return rf"(?<!\w){body}{tail}(?!\w)"
