"""A canvas that wraps every page in an artifact sequence, gives each page its
StructParents and tab order, and hands every link annotation to the structure tree."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from standgen.compose import tree as t
from standgen.write.pdf.tagging.tagger import CLOSE, OPEN_ARTIFACT, Tagger

PAGE_KEYS = ("StructParents", "Tabs")
PRINT_FLAG = 4


class TaggedCanvas(Canvas):  # type: ignore[misc]
    """Set `standgen_tagger` right after construction; without it the canvas is plain."""

    standgen_tagger: Tagger | None = None
    standgen_link_text: str = ""
    _standgen_target: str = ""

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kw: Any) -> Any:
        self._standgen_target = f"#{destinationname}"
        return super().linkRect(contents, destinationname, *args, **kw)

    def linkURL(self, url: str, *args: Any, **kw: Any) -> Any:
        self._standgen_target = url
        return super().linkURL(url, *args, **kw)

    def showPage(self) -> None:
        tagger = self.standgen_tagger
        if tagger is None:
            super().showPage()
            return
        name = self._doc.thisPageName()
        self._code.insert(0, OPEN_ARTIFACT)
        self._code.append(CLOSE)
        super().showPage()
        page = self._doc.Pages.pages[-1]
        key = tagger.end_page(name)
        page.__NoDefault__ = [*page.__NoDefault__, *PAGE_KEYS]
        page.Tabs = pdfdoc.PDFName("S")
        page.StructParents = key

    def _addAnnotation(self, annotation: Any, name: str | None = None,
                       addtopage: int = 1) -> Any:
        tagger = self.standgen_tagger
        if tagger is None:
            return super()._addAnnotation(annotation, name, addtopage)
        if isinstance(annotation, pdfdoc.Annotation):
            annotation = annotation.Dict()
        count = self._annotationCount + 1
        name = name or f"NUMBER{count}"
        contents = (self.standgen_link_text or tagger.link_texts.get(self._standgen_target)
                    or _describe(annotation, tagger.words))
        key = tagger.annotation(self, self._doc.annotationName(name), contents)
        annotation["StructParent"] = key
        annotation["F"] = PRINT_FLAG
        annotation["Contents"] = pdfdoc.PDFString(contents)
        return super()._addAnnotation(annotation, name, addtopage)


def _describe(annotation: pdfdoc.PDFDictionary, words: t.Words) -> str:
    """A link's description for assistive technology: where it goes, in the templates'
    words."""
    action = annotation.dict.get("A")
    if isinstance(action, pdfdoc.PDFDictionary):
        uri = action.dict.get("URI")
        target = getattr(uri, "s", None)
        if isinstance(target, str | bytes):
            text = target.decode("latin-1") if isinstance(target, bytes) else target
            before, after = words.link_to
            return f"{before}{text}{after}"
    return words.link_inside
