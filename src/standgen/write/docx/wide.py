"""Wide tables in the DOCX: a fitted table's smaller font and tighter cell margins, and
the section properties of a landscape page, as the composer decided."""

from __future__ import annotations

import copy
import math

from docx.oxml.ns import qn

from standgen.compose import tree as t
from standgen.theme.metrics import TIGHT_PADDING_PT
from standgen.write.docx.oxml import Element, el

TIGHT_MARGIN_TWIPS = str(round(TIGHT_PADDING_PT * 20))
MIN_HALF_POINTS = 8


def fit_table(tbl: Element, table: t.Table, table_text_pt: float) -> None:
    """Give every run of a fitted (or landscape, or split) table the scaled size, and the
    table tighter cell margins; a normal table is left as it is. The size is rounded down
    to Word's half points, never up past the size the table was measured at."""
    if table.layout.mode == "normal":
        return
    exact = table_text_pt * table.layout.font_scale * 2
    half_points = str(max(MIN_HALF_POINTS, math.floor(exact + 1e-9)))
    for run in tbl.iter(qn("w:r")):
        r_pr = run.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = el("w:rPr")
            run.insert(0, r_pr)
        for old in r_pr.findall(qn("w:sz")) + r_pr.findall(qn("w:szCs")):
            r_pr.remove(old)
        _insert_size(r_pr, el("w:sz", {"w:val": half_points}))
        _insert_size(r_pr, el("w:szCs", {"w:val": half_points}))
    tbl_pr = tbl.find(qn("w:tblPr"))
    if tbl_pr is not None:
        margins = el("w:tblCellMar", None,
                     el("w:left", {"w:w": TIGHT_MARGIN_TWIPS, "w:type": "dxa"}),
                     el("w:right", {"w:w": TIGHT_MARGIN_TWIPS, "w:type": "dxa"}))
        look = tbl_pr.find(qn("w:tblLook"))
        if look is not None:
            look.addprevious(margins)
        else:
            tbl_pr.append(margins)


_AFTER_SIZE = ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
               "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _insert_size(r_pr: Element, size: Element) -> None:
    """Insert w:sz / w:szCs where the schema wants them (before vertAlign, lang …)."""
    for child in r_pr:
        if child.tag.split("}")[-1] in _AFTER_SIZE:
            child.addprevious(size)
            return
    r_pr.append(size)


def landscape(sect_pr: Element) -> Element:
    """A copy of section properties turned to landscape (width and height swapped)."""
    turned = copy.deepcopy(sect_pr)
    size = turned.find(qn("w:pgSz"))
    if size is not None:
        width, height = size.get(qn("w:w")), size.get(qn("w:h"))
        if width and height and int(width) < int(height):
            size.set(qn("w:w"), height)
            size.set(qn("w:h"), width)
        size.set(qn("w:orient"), "landscape")
    return turned


def landscape_text_width_cm(sect_pr: Element) -> float | None:
    """The text block's width on a landscape page of these section properties, in cm."""
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    long_side = max(int(size.get(qn("w:w")) or 0), int(size.get(qn("w:h")) or 0))
    left, right = int(margins.get(qn("w:left")) or 0), int(margins.get(qn("w:right")) or 0)
    return (long_side - left - right) / 566.929
