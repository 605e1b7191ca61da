"""Figures in every spelling: 34.567, 34567, 34 567, 34,567, with a scale word, sign or %.

Both sides of the leak check are reduced to the same keys: the absolute value of each
reading of a number, as a plain decimal string. An artifact's number is read every way it
could be meant (34,567 is 34.567 and 34567); a candidate, printed by standgen in Dutch, is
read the Dutch way only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

_SEPARATORS = ".,\u00a0\u202f\u2009 "
_CHAIN = re.compile(r"(?<![\w.,])\d+(?:[" + _SEPARATORS + r"]\d+)*(?![^\W_])")
_SCALE = re.compile(r"\s*(duizend|miljoen|miljard|mln\b|mld\b)", re.IGNORECASE)
_SCALES = {"duizend": 3, "miljoen": 6, "miljard": 9, "mln": 6, "mld": 9}
_GROUPS = re.compile(r"\d+|[^\d]")
MAX_GROUPS = 6
YEAR = re.compile(r"(19|20)\d\d")


def key(value: Decimal) -> str:
    """The comparison key of a value: its absolute value without trailing zeros."""
    text = format(abs(value).normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def readings(groups: list[str], seps: list[str], dutch_only: bool = False
             ) -> set[Decimal]:
    """Every value a run of digit groups joined by single separators can mean."""
    if not seps:
        return {Decimal(groups[0])}
    found: set[Decimal] = set()
    if len(set(seps)) == 1 and _grouped(groups) and not (dutch_only and seps[0] == ","):
        found.add(Decimal("".join(groups)))
    last = seps[-1]
    if last in ".," and not (dutch_only and last == "."):
        head, head_seps = groups[:-1], seps[:-1]
        if not head_seps or (len(set(head_seps)) == 1 and head_seps[0] != last
                             and _grouped(head)):
            found.add(Decimal("".join(head) + "." + groups[-1]))
    return found


def _split(chain: str) -> tuple[list[str], list[str]]:
    parts = _GROUPS.findall(chain)
    return parts[0::2], parts[1::2]


def figure_keys(text: str, dutch_only: bool = False, scaled: bool = False
                ) -> Iterator[tuple[str, set[str]]]:
    """Each number in `text` (as printed) with its keys: every reading of every run of
    its digit groups, also multiplied by a scale word that follows it. With `scaled`, the
    readings are also multiplied by a thousand, a million and a billion (a value printed
    in a table whose unit carries the scale)."""
    for match in _CHAIN.finditer(text):
        groups, seps = _split(match.group())
        values: set[Decimal] = set()
        spans = [(i, j) for i in range(len(groups))
                 for j in range(i + 1, min(len(groups), i + MAX_GROUPS) + 1)]
        if dutch_only:
            spans = [(0, len(groups))]
        for i, j in spans:
            values |= readings(groups[i:j], seps[i:j - 1], dutch_only)
        scale = _SCALE.match(text, match.end())
        if scale:
            power = _SCALES[scale.group(1).lower()]
            values |= {v.scaleb(power) for v in values}
        if scaled:
            values |= {v.scaleb(p) for v in list(values) for p in (3, 6, 9)}
        keys = set()
        for value in values:
            try:
                keys.add(key(value))
            except InvalidOperation:
                continue
        yield match.group(), keys


def text_keys(text: str, min_significant: int = 0) -> set[str]:
    """The keys of every number an artifact's text holds (of those with at least
    `min_significant` significant digits: no reading of a shorter one has more)."""
    out: set[str] = set()
    done: set[str] = set()
    for match in _CHAIN.finditer(text):
        chain = match.group()
        scale = _SCALE.match(text, match.end())
        seen = chain + (scale.group(1).lower() if scale else "")
        if seen in done or significant_digits(chain) < min_significant:
            continue
        done.add(seen)
        for _, keys in figure_keys(text[match.start():scale.end() if scale else
                                        match.end()]):
            out |= keys
    return out


def is_year(printed: str) -> bool:
    """A calendar year as prose prints it (2025, without separator): not a figure."""
    return YEAR.fullmatch(printed) is not None


MIN_SIGNIFICANT = 3


def significant_digits(printed: str) -> int:
    """How many digits of a printed number carry information: leading and trailing zeros
    left out (26 and 61,0 have two, 191 and 77,5 three, 2.000 one)."""
    return len("".join(ch for ch in printed if ch.isdigit()).strip("0"))


def distinctive(printed: str) -> bool:
    """Whether a figure has enough significant digits to be told apart from the many
    small numbers every document holds (page, chapter and table numbers, counts)."""
    return significant_digits(printed) >= MIN_SIGNIFICANT


_NUMBERISH = set("0123456789" + _SEPARATORS)


def signature(key_text: str) -> str:
    """The significant digits of a key (77.5 → 775, 34567000 → 34567)."""
    return key_text.replace(".", "").strip("0")


def keys_near(text: str, signatures: set[str]) -> set[str]:
    """The keys of the numbers in `text` whose digits hold one of `signatures` (however
    separated): the same keys `text_keys` gives for them, found without reading every
    number of a long artifact."""
    found: set[str] = set()
    usable = sorted((s for s in signatures if s), key=len, reverse=True)
    if not usable:
        return found
    sep = "[" + re.escape(_SEPARATORS) + "]?"
    pattern = re.compile("|".join(sep.join(s) for s in usable))
    done: set[tuple[int, int]] = set()
    for hit in pattern.finditer(text):
        start, end = hit.start(), hit.end()
        while start > 0 and text[start - 1] in _NUMBERISH:
            start -= 1
        while end < len(text) and text[end] in _NUMBERISH:
            end += 1
        if (start, end) in done:
            continue
        done.add((start, end))
        scale = _SCALE.match(text, end)
        window = text[max(0, start - 1):scale.end() if scale else end]
        for _, keys in figure_keys(window):
            found |= keys
    return found
