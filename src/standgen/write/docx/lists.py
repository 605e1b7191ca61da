"""Lists with real numbering definitions: one bullet and one decimal multi-level abstract
list; every list (and every list nested in an item) gets its own `w:num`, and its items
name their depth with `w:ilvl`."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from standgen.write.docx.oxml import Element, el

LEVELS = 9
BULLETS = ("•", "–", "•")
STEP = 357  # twips of indentation per level


def _level(level: int, ordered: bool, font: str) -> Element:
    fmt, text = (("decimal", f"%{level + 1}.") if ordered
                 else ("bullet", BULLETS[level % len(BULLETS)]))
    lvl = el("w:lvl", {"w:ilvl": str(level)},
             el("w:start", {"w:val": "1"}), el("w:numFmt", {"w:val": fmt}),
             el("w:lvlText", {"w:val": text}), el("w:lvlJc", {"w:val": "left"}),
             el("w:pPr", None, el("w:ind", {"w:left": str(STEP * (level + 1)),
                                             "w:hanging": str(STEP)})))
    if not ordered:
        lvl.append(el("w:rPr", None, el("w:rFonts", {"w:ascii": font, "w:hAnsi": font,
                                                      "w:cs": font})))
    return lvl


class Numbering:
    """Adds list definitions to the numbering part; every list gets its own `w:num`."""

    def __init__(self, docx: DocxDocument, font: str) -> None:
        self._root: Element = docx.part.numbering_part.element
        self._font = font
        self._abstract: dict[bool, str] = {}

    def _abstract_id(self, ordered: bool) -> str:
        if ordered not in self._abstract:
            used = [int(a.get(qn("w:abstractNumId"), "0"))
                    for a in self._root.findall(qn("w:abstractNum"))]
            ident = str(max(used, default=-1) + 1)
            abstract = el("w:abstractNum", {"w:abstractNumId": ident},
                          el("w:multiLevelType", {"w:val": "multilevel"}),
                          *(_level(level, ordered, self._font) for level in range(LEVELS)))
            first_num = self._root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self._root.append(abstract)
            self._abstract[ordered] = ident
        return self._abstract[ordered]

    def new_list(self, ordered: bool, level: int = 0, start: int = 1) -> str:
        """A new `w:num` id for one list at depth `level` (an ordered list counts from
        `start`)."""
        abstract_id = self._abstract_id(ordered)
        used = [int(n.get(qn("w:numId"), "0")) for n in self._root.findall(qn("w:num"))]
        num_id = str(max(used, default=0) + 1)
        num = el("w:num", {"w:numId": num_id},
                 el("w:abstractNumId", {"w:val": abstract_id}))
        if ordered:
            num.append(el("w:lvlOverride", {"w:ilvl": str(level)},
                          el("w:startOverride", {"w:val": str(start)})))
        self._root.append(num)
        return num_id
