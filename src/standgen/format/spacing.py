"""No-break spaces in author text: the formatter's rule that an amount never parts from its
euro sign or scale word, a number from its unit, "pagina" from its number, "5 van 8" and
"7ᵉ plaats" stay on one line. Applied to every piece of author text before it is parsed,
so prose, table notes and footnotes follow the same rule as formatted cells."""

from __future__ import annotations

import re

from standgen.format.dutch import NBSP

_UNITS = ("duizend", "miljoen", "miljard", "procent", "procentpunt", "procentpunten",
          "VTE'n", "VTE’n", "VTE", "fte", "km", "kg", "ton", "uur", "euro")
_EURO = re.compile(r"€[ \t\u00a0\u202f]*(?=[-+]?\d)")
_EURO_SCALE = re.compile(r"€[ \t]+x[ \t]+(?=\d)")
_NUMBER_UNIT = re.compile(r"(?<=\d)[ \t]+(?=(?:" + "|".join(map(re.escape, _UNITS))
                          + r")(?![\w’']))")
_PAGE = re.compile(r"(?<![\w])(pagina|Pagina|blz\.|nr\.)[ \t]+(?=\d)")
_OF = re.compile(r"(?<=\d)[ \t]+van[ \t]+(?=\d)")
_DOSSIER = re.compile(r"(?<=\b\d{2})[ \t](?=\d{3}\b)")
_PLACE = re.compile(r"(?<=\d)(ᵉ|e|de)[ \t]+(?=plaats\b)")


def tie_spaces(text: str) -> str:
    """`text` with no-break spaces where a line must not break ("€2,5" becomes "€ 2,5")."""
    if not any(c.isdigit() for c in text):
        return text
    text = _EURO.sub(f"€{NBSP}", text)
    text = _EURO_SCALE.sub(f"€{NBSP}x{NBSP}", text)
    text = _NUMBER_UNIT.sub(NBSP, text)
    text = _PAGE.sub(lambda m: m.group(1) + NBSP, text)
    text = _OF.sub(f"{NBSP}van{NBSP}", text)
    if "Kamerstuk" in text or "dossier" in text:
        text = _DOSSIER.sub(NBSP, text)
    return _PLACE.sub(lambda m: m.group(1) + NBSP, text)
