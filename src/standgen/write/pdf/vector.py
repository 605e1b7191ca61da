"""Embed one page of a vector PDF (a rendered chart) as a form XObject, via pypdf objects."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf import generic as g
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from standgen.errors import BuildError
from standgen.write.pdf.tagging.cmaps import SIMPLE_FONTS, plain_cmap

_DECODABLE = {"/FlateDecode", "/LZWDecode", "/ASCII85Decode", "/ASCIIHexDecode"}


@dataclass(frozen=True)
class VectorPage:
    """The first page of a PDF file, ready to be drawn as a form."""

    key: str
    page: Any
    bbox: tuple[float, float, float, float]

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]


def load_vector_page(path: Path) -> VectorPage:
    """Read the first page of a PDF; BuildError if it cannot be read."""
    try:
        data = path.read_bytes()
        reader = PdfReader(path)
        page = reader.pages[0]
        box = tuple(float(v) for v in page.mediabox)
    except Exception as exc:  # pypdf raises many error types for broken files
        raise BuildError(f"cannot read chart PDF {path}: {exc}") from exc
    key = "chart" + hashlib.sha1(data, usedforsecurity=False).hexdigest()[:12]
    return VectorPage(key, page, (box[0], box[1], box[2], box[3]))


class _Converter:
    """Copies pypdf objects into a reportlab document, sharing indirect objects once."""

    def __init__(self, doc: pdfdoc.PDFDocument) -> None:
        self._doc = doc
        self._refs: dict[tuple[int, int], Any] = {}

    def convert(self, obj: Any) -> Any:
        if isinstance(obj, g.IndirectObject):
            return self._indirect(obj)
        if isinstance(obj, g.StreamObject):
            return self._doc.Reference(self._stream(obj))
        if isinstance(obj, g.DictionaryObject):
            self._font_cmap(obj)
            return pdfdoc.PDFDictionary({k[1:]: self.convert(v) for k, v in obj.items()})
        if isinstance(obj, g.ArrayObject):
            return pdfdoc.PDFArray([self.convert(v) for v in obj])
        return _scalar(obj)

    def _font_cmap(self, font: g.DictionaryObject) -> None:
        """A font's ToUnicode map in the plainest form (tagged PDF checkers read it)."""
        ref = font.raw_get("/ToUnicode") if "/ToUnicode" in font else None
        if not isinstance(ref, g.IndirectObject):
            return
        key = (ref.idnum, ref.generation)
        target = ref.get_object()
        if key not in self._refs and isinstance(target, g.StreamObject):
            simple = str(font.get("/Subtype")) in SIMPLE_FONTS
            data = plain_cmap(bytes(target.get_data()), simple)
            stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({}), data, [pdfdoc.PDFZCompress])
            self._refs[key] = self._doc.Reference(stream)

    def _indirect(self, ref: g.IndirectObject) -> Any:
        key = (ref.idnum, ref.generation)
        if key in self._refs:
            return self._refs[key]
        target = ref.get_object()
        if isinstance(target, g.StreamObject):
            holder: Any = pdfdoc.PDFStream(pdfdoc.PDFDictionary({}), b"")
        elif isinstance(target, g.DictionaryObject):
            holder = pdfdoc.PDFDictionary({})
        elif isinstance(target, g.ArrayObject):
            holder = pdfdoc.PDFArray([])
        else:
            return _scalar(target)
        reference = self._doc.Reference(holder)
        self._refs[key] = reference
        self._fill(holder, target)
        return reference

    def _fill(self, holder: Any, target: Any) -> None:
        if isinstance(target, g.StreamObject):
            filled = self._stream(target)
            holder.dictionary, holder.content, holder.filters = (
                filled.dictionary, filled.content, filled.filters)
        elif isinstance(target, g.DictionaryObject):
            self._font_cmap(target)
            holder.dict = {k[1:]: self.convert(v) for k, v in target.items()}
        else:
            holder.sequence = [self.convert(v) for v in target]

    def _stream(self, stream: g.StreamObject) -> pdfdoc.PDFStream:
        filters = stream.get("/Filter")
        names = [filters] if isinstance(filters, str) else list(filters or [])
        skip = {"/Length"}
        if all(str(n) in _DECODABLE for n in names):
            content, rl_filters = stream.get_data(), [pdfdoc.PDFZCompress]
            skip |= {"/Filter", "/DecodeParms"}
        else:
            content, rl_filters = stream._data, None
        entries = {k[1:]: self.convert(v) for k, v in stream.items() if k not in skip}
        return pdfdoc.PDFStream(pdfdoc.PDFDictionary(entries), content, rl_filters)


def _scalar(obj: Any) -> Any:
    if isinstance(obj, g.BooleanObject):
        return b"true" if obj else b"false"
    if isinstance(obj, g.NullObject) or obj is None:
        return b"null"
    if isinstance(obj, g.NameObject):
        return pdfdoc.PDFName(str(obj)[1:]).encode("latin-1")
    if isinstance(obj, g.NumberObject):
        return int(obj)
    if isinstance(obj, g.FloatObject):
        return float(obj)
    if isinstance(obj, g.TextStringObject):
        return b"<" + obj.original_bytes.hex().encode() + b">"
    if isinstance(obj, g.ByteStringObject):
        return b"<" + bytes(obj).hex().encode() + b">"
    raise BuildError(f"unsupported object in chart PDF: {type(obj).__name__}")


def _content(page: Any) -> bytes:
    contents = page.get_contents()
    return b"" if contents is None else bytes(contents.get_data())


def register_form(canv: Canvas, vector: VectorPage) -> str:
    """Add the page to the canvas's document as a form XObject (once); return its name."""
    doc = canv._doc
    if doc.hasForm(vector.key):
        return vector.key
    converter = _Converter(doc)
    resources = vector.page.get("/Resources")
    form = pdfdoc.PDFDictionary({
        "Type": b"/XObject", "Subtype": b"/Form", "FormType": 1,
        "BBox": pdfdoc.PDFArray(list(vector.bbox)),
        "Resources": converter.convert(resources) if resources is not None
        else pdfdoc.PDFDictionary({}),
    })
    stream = pdfdoc.PDFStream(form, _content(vector.page), [pdfdoc.PDFZCompress])
    doc.Reference(stream, pdfdoc.xObjectName(vector.key))
    return vector.key


def draw_vector(canv: Canvas, vector: VectorPage, x: float, y: float, scale: float) -> None:
    """Draw the page with its lower-left corner at (x, y), scaled."""
    name = register_form(canv, vector)
    canv.saveState()
    canv.translate(x, y)
    canv.scale(scale, scale)
    canv.translate(-vector.bbox[0], -vector.bbox[1])
    canv.doForm(name)
    canv.restoreState()
