"""Pagination and line-breaking rules of the DOCX, left to Word (and LibreOffice) to apply:
widow and orphan control everywhere, keep-with-next where a block introduces the next
(the same rule as the PDF's, from write/keeping.py), table rows that keep the header with
the first rows, room between a table and the text below it, and Dutch hyphenation (the
document allows it; narrow table cells carry soft hyphens at Dutch hyphenation points)."""

from __future__ import annotations

from docx.oxml.ns import qn

from standgen.compose import tree as t
from standgen.format.hyphenate import SHY, soft_hyphens
from standgen.theme.metrics import default_metrics
from standgen.write.docx.oxml import Element, el
from standgen.write.keeping import figures_in

LEAD_ROWS = 2
CELL_HALF_POINTS = 17  # TableText: 8,5 pt
MIN_HALF_POINTS = 12
CELL_MARGIN = 85  # twips: the house table style's left (and right) cell margin
CELL_MARGINS = 2 * CELL_MARGIN
# w:rPr children that follow w:sz/w:szCs in the schema's order.
_RPR_AFTER_SIZE = ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl",
                   "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
SPACE_AFTER_TABLE = "160"  # twips: 8 pt between a table (or its notes) and the text below
# w:settings children that follow w:autoHyphenation in the schema's order.
_AFTER_HYPHENATION = ("consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps",
                      "showEnvelope", "summaryLength", "clickAndTypeStyle",
                      "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
                      "bookFoldPrinting", "bookFoldPrintingSheets",
                      "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
                      "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
                      "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
                      "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
                      "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
                      "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
                      "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
                      "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
                      "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
                      "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields",
                      "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
                      "rsids")
# pPr children that must precede w:keepNext / w:keepLines (w:pStyle only).
_PPR_FIRST = ("pStyle",)


def allow_hyphenation(settings: Element) -> None:
    """Let Word hyphenate (in the text's language, nl-NL), never words in capitals."""
    for tag in ("w:autoHyphenation", "w:doNotHyphenateCaps"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    anchor = next((found for name in _AFTER_HYPHENATION
                   if (found := settings.find(qn(f"w:{name}"))) is not None), None)
    auto, caps = el("w:autoHyphenation"), el("w:doNotHyphenateCaps")
    if anchor is None:
        settings.extend([auto, caps])
        return
    anchor.addprevious(auto)
    caps_anchor = next((found for name in _AFTER_HYPHENATION[3:]
                        if (found := settings.find(qn(f"w:{name}"))) is not None), None)
    if caps_anchor is None:
        settings.append(caps)
    else:
        caps_anchor.addprevious(caps)


def widow_control(styles_root: Element) -> None:
    """Widow and orphan control for every paragraph (the document default)."""
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = el("w:docDefaults")
        styles_root.insert(0, defaults)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = el("w:pPrDefault")
        defaults.append(ppr_default)
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        ppr_default.append(ppr)
    if ppr.find(qn("w:widowControl")) is None:
        _insert_keep(ppr, el("w:widowControl"))


def _insert_keep(ppr: Element, child: Element) -> None:
    """Place a keep element after w:pStyle (schema order: pStyle, keepNext, keepLines,
    pageBreakBefore, framePr, widowControl, ...)."""
    order = ("keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
    rank = order.index(child.tag.split("}")[1])
    for index, existing in enumerate(ppr):
        name = existing.tag.split("}")[1]
        if name in _PPR_FIRST or (name in order and order.index(name) < rank):
            continue
        ppr.insert(index, child)
        return
    ppr.append(child)


def keep_paragraph(p: Element, *, with_next: bool = True, lines: bool = False) -> None:
    """Mark a paragraph to stay with the next one (and, with `lines`, in one piece)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    if with_next and ppr.find(qn("w:keepNext")) is None:
        _insert_keep(ppr, el("w:keepNext"))
    if lines and ppr.find(qn("w:keepLines")) is None:
        _insert_keep(ppr, el("w:keepLines"))


def keep_added(added: list[Element], block: t.Block, keep: bool) -> None:
    """Apply the keep rules to the elements a block added to the body."""
    paragraphs = [e for e in added if e.tag == qn("w:p")]
    signature = isinstance(block, t.Paragraph) and block.style == "signature"
    for p in paragraphs:
        keep_paragraph(p, with_next=keep, lines=signature)


def space_before(p: Element) -> None:
    """Room above a body paragraph that follows a table (unless it sets its own)."""
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    if style is not None and style.get(qn("w:val")) not in ("Normal", "ListParagraph", "Lead"):
        return
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    if ppr.find(qn("w:spacing")) is None:
        ppr.append(el("w:spacing", {"w:before": SPACE_AFTER_TABLE}))


def keep_table(tbl: Element, cell_pt: float = CELL_HALF_POINTS / 2) -> None:
    """A table's header rows keep with its first body rows; its cells get Dutch soft
    hyphens. A table whose figures would not fit their cells (one composed without a
    layout, such as a Markdown table) is set smaller; a table the composer placed fits."""
    rows = tbl.findall(qn("w:tr"))
    heads = sum(1 for row in rows if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None)
    for row in rows[:heads + LEAD_ROWS - 1]:
        for p in row.iter(qn("w:p")):
            keep_paragraph(p)
    size = _size(tbl) or round(cell_pt * 2)
    scale = _fit_scale(tbl, size)
    if scale < 1.0:
        _set_size(tbl, max(MIN_HALF_POINTS, int(size * scale)))
    soft_hyphen_runs(tbl)


def _size(tbl: Element) -> int | None:
    """The half points a fitted table's runs are set in (write/docx/wide.py gives every
    run of a fitted table one size, and the table its own cell margins)."""
    if tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}") is None:
        return None
    size = next(tbl.iter(qn("w:sz")), None)
    value = size.get(qn("w:val")) if size is not None else None
    return int(value) if value and value.isdigit() else None


def _margins(tbl: Element) -> int:
    """A cell's left and right margin together, in twips: the table's own, else the
    house table style's."""
    found = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    if found is None:
        return CELL_MARGINS
    sides = [found.find(qn(f"w:{side}")) for side in ("left", "right")]
    return sum(int(side.get(qn("w:w")) or 0) if side is not None else CELL_MARGIN
               for side in sides)


def _fit_scale(tbl: Element, half_points: int) -> float:
    """The factor by which the table's text must shrink so that every figure fits its
    cell on one line (Word and LibreOffice would otherwise break it between digits),
    measured in the table font's advance widths (bold, the wider)."""
    metrics = default_metrics()
    margins = _margins(tbl)
    scale = 1.0
    for cell in tbl.iter(qn("w:tc")):
        width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        if width is None:
            continue
        room = int(width.get(qn("w:w")) or 0) - margins
        for p in cell.iter(qn("w:p")):
            text = "".join(node.text or "" for node in p.iter(qn("w:t")))
            for token in figures_in(text):
                em = metrics.width(token, bold=True) / metrics.size
                need = em * half_points * 10
                if need > room > 0:
                    scale = min(scale, room / need)
    return scale


def _set_size(tbl: Element, half_points: int) -> None:
    """Set every run of the table in `half_points`."""
    for run in tbl.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = el("w:rPr")
            run.insert(0, rpr)
        for tag in ("w:sz", "w:szCs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
        anchor = next((rpr.find(qn(f"w:{name}")) for name in _RPR_AFTER_SIZE
                       if rpr.find(qn(f"w:{name}")) is not None), None)
        for tag in ("w:sz", "w:szCs"):
            size = el(tag, {"w:val": str(half_points)})
            if anchor is None:
                rpr.append(size)
            else:
                anchor.addprevious(size)


def soft_hyphen_runs(parent: Element) -> None:
    """Put soft hyphens at the Dutch hyphenation points of the long words of every w:t
    under `parent`, as w:softHyphen elements the way Word writes them (text readers then
    see the word whole)."""
    for text in list(parent.iter(qn("w:t"))):
        value = soft_hyphens(text.text or "")
        if SHY not in value:
            continue
        pieces = value.split(SHY)
        text.text = pieces[0]
        anchor = text
        for piece in pieces[1:]:
            hyphen = el("w:softHyphen")
            anchor.addnext(hyphen)
            anchor = hyphen
            if piece:
                part = el("w:t")
                part.text = piece
                part.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                anchor.addnext(part)
                anchor = part
