"""Write the structure tree, its parent tree and ID tree into the reportlab document."""

from __future__ import annotations

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFString,
)

from standgen.write.pdf.tagging.elements import MarkedRef, ObjectRef, StructElem
from standgen.write.pdf.tagging.tagger import Tagger

TABLE_PARTS = ("TR", "TH", "TD")


def _kept(elem: StructElem) -> bool:
    """Elements without content are left out, except empty cells of a table that is kept."""
    return elem.has_content() or elem.kind in TABLE_PARTS


class _Kids(pdfdoc.PDFObject):  # type: ignore[misc]
    """An element's K array, written directly: an MCID alone when its page is the
    element's, else an MCR or OBJR dictionary (thousands of these; PDFDictionary is slow)."""

    def __init__(self, kids: list[PDFObjectReference | MarkedRef | ObjectRef],
                 page: str | None) -> None:
        self._items = kids
        self._page = page

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        parts: list[bytes] = []
        for kid in self._items:
            if isinstance(kid, MarkedRef):
                if kid.page == self._page:
                    parts.append(b"%d" % kid.mcid)
                    continue
                page = PDFObjectReference(kid.page).format(document)
                parts.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (page, kid.mcid))
            elif isinstance(kid, ObjectRef):
                page = PDFObjectReference(kid.page).format(document)
                obj = PDFObjectReference(kid.annotation).format(document)
                parts.append(b"<< /Type /OBJR /Pg %s /Obj %s >>" % (page, obj))
            else:
                parts.append(kid.format(document))
        return b"[" + b" ".join(parts) + b"]"


class _Writer:
    def __init__(self, doc: pdfdoc.PDFDocument) -> None:
        self._doc = doc
        self._count = 0

    def ref(self, elem: StructElem) -> PDFObjectReference:
        if elem.name is None:
            self._count += 1
            elem.name = f"StructElem{self._count}"
        return PDFObjectReference(elem.name)

    def _kids(self, elem: StructElem, kids: list[StructElem | MarkedRef | ObjectRef]) -> _Kids:
        return _Kids([self.ref(k) if isinstance(k, StructElem) else k for k in kids], elem.page)

    def element(self, elem: StructElem, parent: PDFObjectReference) -> PDFObjectReference:
        ref = self.ref(elem)
        kids = [k for k in elem.kids if not isinstance(k, StructElem) or _kept(k)]
        entries: dict[str, object] = {"Type": PDFName("StructElem"), "S": PDFName(elem.kind),
                                      "P": parent, "K": self._kids(elem, kids)}
        if elem.page:
            entries["Pg"] = PDFObjectReference(elem.page)
        if elem.alt is not None:
            entries["Alt"] = PDFString(elem.alt)
        if elem.actual_text is not None:
            entries["ActualText"] = PDFString(elem.actual_text)
        if elem.ident is not None:
            entries["ID"] = PDFString(elem.ident)
        if elem.attributes:
            entries["A"] = PDFDictionary({k: PDFArray(v) if isinstance(v, list) else v
                                          for k, v in elem.attributes.items()})
        self._doc.Reference(PDFDictionary(entries), ref.name)
        for kid in kids:
            if isinstance(kid, StructElem):
                self.element(kid, ref)
        return ref


def write_structure(doc: pdfdoc.PDFDocument, tagger: Tagger) -> None:
    """Add StructTreeRoot, ParentTree, IDTree and MarkInfo to the document's catalog."""
    writer = _Writer(doc)
    root_name = "StructTreeRoot"
    root_ref = PDFObjectReference(root_name)
    document = writer.element(tagger.root, root_ref)
    nums: list[object] = []
    for key in sorted(tagger.parent_tree):
        owner = tagger.parent_tree[key]
        nums.append(key)
        nums.append(PDFArray([writer.ref(e) for e in owner]) if isinstance(owner, list)
                    else writer.ref(owner))
    parent_tree = doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}))
    entries: dict[str, object] = {"Type": PDFName("StructTreeRoot"), "K": PDFArray([document]),
                                  "ParentTree": parent_tree,
                                  "ParentTreeNextKey": max(tagger.parent_tree, default=-1) + 1}
    ids = sorted((e.ident, e) for e in tagger.notes.values() if e.ident)
    if ids:
        names: list[object] = []
        for ident, elem in ids:
            names += [PDFString(ident), writer.ref(elem)]
        entries["IDTree"] = PDFDictionary({"Names": PDFArray(names)})
    doc.Reference(PDFDictionary(entries), root_name)
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
