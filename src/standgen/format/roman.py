"""Roman numerals, for chapters numbered I, II, III … and their sections I.1, I.2 …"""

from __future__ import annotations

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LETTER = {letters: value for value, letters in _ROMAN if len(letters) == 1}


def from_roman(text: str) -> int | None:
    """The value of a Roman numeral (XIV → 14), or None when `text` is not one."""
    upper = text.strip().upper()
    if not upper or any(ch not in _LETTER for ch in upper):
        return None
    total = 0
    for index, ch in enumerate(upper):
        value = _LETTER[ch]
        following = _LETTER[upper[index + 1]] if index + 1 < len(upper) else 0
        total += -value if value < following else value
    return total if 0 < total < 4000 and roman(total) == upper else None


def roman(number: int) -> str:
    """An integer in Roman numerals (1 → I, 14 → XIV)."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out
