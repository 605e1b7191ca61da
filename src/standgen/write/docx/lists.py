"""Lists with real numbering definitions: one bullet and one decimal abstract list."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from standgen.write.docx.oxml import Element, el


def _level(fmt: str, text: str, font: str | None) -> Element:
    lvl = el("w:lvl", {"w:ilvl": "0"},
             el("w:start", {"w:val": "1"}), el("w:numFmt", {"w:val": fmt}),
             el("w:lvlText", {"w:val": text}), el("w:lvlJc", {"w:val": "left"}),
             el("w:pPr", None, el("w:ind", {"w:left": "357", "w:hanging": "357"})))
    if font is not None:
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
                          el("w:multiLevelType", {"w:val": "singleLevel"}),
                          _level("decimal", "%1.", None) if ordered
                          else _level("bullet", "•", self._font))
            first_num = self._root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self._root.append(abstract)
            self._abstract[ordered] = ident
        return self._abstract[ordered]

    def new_list(self, ordered: bool) -> str:
        """A new `w:num` id for one list (numbering restarts at 1 for ordered lists)."""
        abstract_id = self._abstract_id(ordered)
        used = [int(n.get(qn("w:numId"), "0")) for n in self._root.findall(qn("w:num"))]
        num_id = str(max(used, default=0) + 1)
        num = el("w:num", {"w:numId": num_id},
                 el("w:abstractNumId", {"w:val": abstract_id}))
        if ordered:
            num.append(el("w:lvlOverride", {"w:ilvl": "0"},
                          el("w:startOverride", {"w:val": "1"})))
        self._root.append(num)
        return num_id
