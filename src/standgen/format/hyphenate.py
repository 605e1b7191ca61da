"""Dutch hyphenation points for narrow columns: soft hyphens (U+00AD) at the places the
Dutch patterns allow, so a writer breaks a long compound where Dutch breaks it and
nowhere else. Only runs of letters are touched: a number is never split."""

from __future__ import annotations

import re
from functools import cache

import pyphen

SHY = "\u00ad"
MIN_WORD = 9
_WORD = re.compile(r"[^\W\d_]{" + str(MIN_WORD) + ",}")
_TOKEN = re.compile(r"\S+")
# A web or mail address is printed as written: a hyphen in it would change it.
_ADDRESS = re.compile(r"://|^www\.|@|\.(?:nl|com|org|eu|int)\b")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3)


@cache
def hyphenated_word(word: str) -> str:
    """`word` with soft hyphens at its Dutch hyphenation points (cached per word)."""
    inserted: str = _dictionary().inserted(word, hyphen=SHY)
    return inserted


@cache
def soft_hyphens(text: str) -> str:
    """`text` with soft hyphens in its words of at least MIN_WORD letters (cached: table
    cells repeat)."""
    if len(text) < MIN_WORD or SHY in text:
        return text
    return _TOKEN.sub(_token, text)


def _token(match: re.Match[str]) -> str:
    token = match.group(0)
    if len(token) < MIN_WORD or _ADDRESS.search(token):
        return token
    return _WORD.sub(lambda m: hyphenated_word(m.group(0)), token)
