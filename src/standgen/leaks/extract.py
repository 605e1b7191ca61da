"""Every text an artifact holds: all XML parts of a DOCX, or page text, metadata, outline
and annotations of a PDF."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from standgen.errors import BuildError

MAX_PART = 64 * 1024 * 1024
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


Part = tuple[int, int]  # (index, count): this share of an artifact's pages
WHOLE: Part = (0, 1)


def carries_whole(part: Part) -> bool:
    """Whether this share also reads what belongs to no page: a PDF's information and
    outline, the file name, embedded images, formats without pages. The last share does,
    having the fewest pages."""
    return part[0] == part[1] - 1


def artifact_text(path: Path, part: Part = WHOLE) -> str:
    """All text of a DOCX or PDF, parts separated by newlines. With `part`, a PDF gives
    the text of that share of its pages (one page more, so that nothing split across the
    boundary is missed); what belongs to no page comes with the share that
    `carries_whole`, as other formats do."""
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".pdf", ".md", ".txt"):
        raise BuildError(f"cannot check {path.name}: not a .docx, .pdf or .md file")
    if suffix == ".pdf":
        from pypdf.errors import PyPdfError

        try:
            return pdf_text(path, part)
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError,
                RecursionError) as exc:
            raise BuildError(f"cannot check {path.name}: not a readable PDF "
                             f"({type(exc).__name__}: {exc}); rebuild the artifact") from None
    if not carries_whole(part):
        return ""
    if suffix == ".docx":
        return docx_text(path)
    return path.read_text(encoding="utf-8")


def docx_text(path: Path) -> str:
    """Text nodes and attribute values of every XML part, file names of every part."""
    from lxml import etree  # here: a build's parent process never reads a DOCX

    pieces: list[str] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                pieces.append(info.filename)
                if info.file_size > MAX_PART or not info.filename.endswith((".xml", ".rels")):
                    continue
                data = archive.read(info)
                if _DECLARATION.search(data):
                    raise BuildError(f"cannot check {path.name}: its part {info.filename} "
                                     "declares a DTD or entities, which hide text from a "
                                     "check and no DOCX from Word or standgen holds; rebuild "
                                     "the artifact")
                pieces.extend(_xml_strings(etree.fromstring(data, parser)))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, EOFError) as exc:
        raise BuildError(f"cannot check {path.name}: not a readable DOCX ({exc}); rebuild "
                         "the artifact") from None
    return "\n".join(pieces)


_SHOWN = ("descr", "title", "name")


def _xml_strings(root: Any) -> list[str]:
    """Every attribute value (but whole numbers in layout attributes: ids, sizes and
    positions, which would pass for figures) and every non-blank leading text of the
    elements, comments and processing instructions (Word does not show the last two, but
    they are in the file), in document order; then the text of each paragraph (w:p), its
    runs joined."""
    out: list[str] = []
    for element in root.iter():
        values = element.values()
        if values:
            out.extend([v for v in values if not v.lstrip("-").isdigit()])
        text = element.text
        if text and not text.isspace():
            out.append(text)
    for shown in _SHOWN:  # alt text and titles of drawings, whatever they hold
        out.extend(root.xpath(f"//@{shown}"))
    for paragraph in root.iterfind(".//{*}p"):
        out.append("".join([t.text or "" for t in paragraph.iter("{*}t")]))
    return out


def pdf_text(path: Path, part: Part = WHOLE) -> str:
    """Page text, document information, outline titles and annotation contents (of the
    pages in `part`; the information and outline if it `carries_whole`)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = PageTextReader()
    pieces: list[str] = []
    for page in _share(reader.pages, part):
        pieces.append(pages.text(page))
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            for key in ("/Contents", "/T", "/TU"):
                if key in obj:
                    pieces.append(str(obj[key]))
            action = obj.get("/A")
            if action is not None and "/URI" in action.get_object():
                pieces.append(str(action.get_object()["/URI"]))
    if carries_whole(part):
        info: dict[str, Any] = dict(reader.metadata or {})
        pieces.extend(str(v) for v in info.values())
        pieces.extend(_outline_titles(reader.outline))
        pieces.extend(_structure_texts(reader.trailer["/Root"]))
    return "\n".join(pieces)


_SPOKEN = ("/Alt", "/ActualText", "/E", "/T")


def _structure_texts(catalog: Any) -> list[str]:
    """What a screen reader speaks instead of the page text: the alternate, actual and
    expansion texts and titles of the tagged structure (every element, walked once)."""
    root = catalog.get("/StructTreeRoot")
    found: list[str] = []
    stack = [root] if root is not None else []
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        ref = getattr(node, "idnum", None)
        node = node.get_object() if hasattr(node, "get_object") else node
        if ref is not None:
            if ref in seen:
                continue
            seen.add(ref)
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        found.extend(str(node[key]) for key in _SPOKEN if key in node)
        kids = node.get("/K")
        if kids is not None:
            stack.extend(kids if isinstance(kids, list) else [kids])
    return found


def _share(pages: Any, part: Part) -> list[Any]:
    """The pages of one share, and the first page of the next one."""
    index, count = part
    size = -(-len(pages) // count)
    return [pages[i] for i in range(index * size, min(len(pages), (index + 1) * size + 1))]


def _outline_titles(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_outline_titles(item))
        else:
            out.append(str(getattr(item, "title", "")))
    return out


def normalise(text: str) -> str:
    """Undo hyphenation at line ends so split words compare whole."""
    return re.sub(r"-\n(?=\w)", "", text)


_DELIMITER = rb"\s/\[\]()<>{}%"
_TEXT_OPS = rb"(?:Tf|Tj|TJ|Do|BT|Td|TD|Tm|T\*|BI|ID|'|\")(?=[" + _DELIMITER + rb"]|$)"
_TOKEN = re.compile(rb"""
    (?P<string>\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))   # (literal), one nesting level
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<dict><<|>>)
  | (?P<name>/[^""" + _DELIMITER + rb"""]*)
  | (?P<open>\[) | (?P<close>\])
  | (?P<comment>%[^\r\n]*)
  | (?P<op>""" + _TEXT_OPS + rb""")
  | (?P<skip>[^""" + _DELIMITER + rb"""]+                   # numbers and other operators,
      (?:\s+(?!""" + _TEXT_OPS + rb""")[^""" + _DELIMITER + rb"""]+)*)  # a run in one match
""", re.VERBOSE | re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_NEWLINE_OPS = {b"BT", b"Td", b"TD", b"T*", b"Tm", b"'", b'"'}


FontMap = tuple[int, dict[bytes, str], dict[int, str]]  # width, code → text, translate table


class _Unsupported(Exception):
    """A construct the fast reader does not decode; pypdf reads that page instead."""


_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)


def _literal(raw: bytes) -> bytes:
    """The bytes of a PDF literal string (without its parentheses)."""
    return _ESCAPE.sub(_unescape, raw) if b"\\" in raw else raw


def _unescape(match: re.Match[bytes]) -> bytes:
    code = match.group(1)
    if code[:1].isdigit():
        return bytes([int(code, 8) & 0xFF])
    if code in (b"\n", b"\r"):
        return b""
    return _ESCAPES.get(code, code)


def _tokens(data: bytes) -> Iterator[tuple[str, bytes]]:
    for match in _TOKEN.finditer(data):
        kind = match.lastgroup or ""
        if kind not in ("comment", "skip"):
            yield kind, match.group()


class PageTextReader:
    """Page text of a PDF, decoded with each font's ToUnicode map (read once per font).

    It reads what pypdf's extract_text reads (every text-showing operator of the page and
    of the form XObjects it draws), far faster; a page using anything it does not decode
    (a font without ToUnicode, an inline image) is read with pypdf instead.
    """

    def __init__(self) -> None:
        self.maps: dict[int, FontMap] = {}

    def text(self, page: Any) -> str:
        """All text of one page; lines separated by newlines."""
        try:
            out: list[str] = []
            data = _contents(page)
            if data:
                self._stream(data, page.get("/Resources"), out, 0)
            return "".join(out)
        except _Unsupported:
            return str(page.extract_text() or "")

    def _stream(self, data: bytes, resources: Any, out: list[str], depth: int) -> None:
        if depth > 8:
            raise _Unsupported("form XObjects nested too deeply")
        resources = resources.get_object() if resources is not None else {}
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if fonts is not None else {}
        font: FontMap | None = None
        operands: list[tuple[str, bytes]] = []
        array: list[tuple[str, bytes]] | None = None
        for kind, raw in _tokens(data):
            if kind == "open":
                array = []
            elif kind == "close":
                self._array = array or []
                array = None
            elif array is not None:
                array.append((kind, raw))
            elif kind == "op":
                font = self._operator(raw, operands, fonts, font, resources, out, depth)
                operands = []
            else:
                operands.append((kind, raw))

    def _operator(self, op: bytes, operands: list[tuple[str, bytes]], fonts: Any,
                  font: FontMap | None, resources: Any, out: list[str],
                  depth: int) -> FontMap | None:
        if op in _NEWLINE_OPS:
            out.append("\n")
        if op == b"Tf":
            name = _last(operands, "name")
            entry = fonts.get(name.decode("latin-1")) if name is not None else None
            if entry is None:
                raise _Unsupported("unknown font")
            return self._font_map(entry)
        if op in (b"Tj", b"'", b'"'):
            shown = _last(operands, "string", "hex")
            if shown is not None:
                out.append(self._show([("hex" if shown[:1] == b"<" else "string", shown)],
                                      font))
        elif op == b"TJ":
            out.append(self._show(self._array, font))
        elif op == b"Do":
            name = _last(operands, "name")
            if name is not None:
                self._xobject(name, resources, out, depth)
        elif op in (b"BI", b"ID"):
            raise _Unsupported("inline image")
        return font

    def _xobject(self, name: bytes, resources: Any, out: list[str], depth: int) -> None:
        xobjects = resources.get("/XObject")
        entry = xobjects.get_object().get(name.decode("latin-1")) if xobjects else None
        if entry is None:
            raise _Unsupported("unknown XObject")
        form = entry.get_object()
        if form.get("/Subtype") == "/Form":
            self._stream(form.get_data(), form.get("/Resources") or resources, out, depth + 1)

    def _show(self, items: list[tuple[str, bytes]], font: FontMap | None) -> str:
        if font is None:
            raise _Unsupported("text without a font")
        text: list[str] = []
        for kind, raw in items:
            if kind == "string":
                data = _literal(raw[1:-1])
            elif kind == "hex":
                digits = re.sub(rb"\s", b"", raw[1:-1])
                data = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
            else:
                continue
            text.append(_decode(data, font))
        return "".join(text)

    def _font_map(self, entry: Any) -> FontMap:
        key = id(entry.get_object()) if not hasattr(entry, "idnum") else entry.idnum
        if key not in self.maps:
            font = entry.get_object()
            cmap = font.get("/ToUnicode")
            if cmap is None:
                raise _Unsupported("font without ToUnicode")
            self.maps[key] = _parse_cmap(cmap.get_object().get_data())
        return self.maps[key]


def _contents(page: Any) -> bytes:
    """The decoded content stream of a page (its parts joined when it has several)."""
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    if isinstance(contents, list):
        return b"\n".join(part.get_object().get_data() for part in contents)
    return bytes(contents.get_data())


def _decode(data: bytes, font: FontMap) -> str:
    """The text of shown bytes, code by code through a font's ToUnicode map."""
    width, mapping, table = font
    if width == 1:
        if not table.keys() >= set(data):
            raise _Unsupported("code without a Unicode mapping")
        return data.decode("latin-1").translate(table)
    text: list[str] = []
    for start in range(0, len(data), width):
        code = data[start:start + width]
        if code not in mapping:
            raise _Unsupported("code without a Unicode mapping")
        text.append(mapping[code])
    return "".join(text)


def _last(operands: list[tuple[str, bytes]], *kinds: str) -> bytes | None:
    """The last operand of these kinds: only text-related operators end an operand list, so
    operands of other operators (numbers, colours) may stand before it."""
    for found, raw in reversed(operands):
        if found in kinds:
            return raw
    return None


def _parse_cmap(data: bytes) -> FontMap:
    """Code width and code → text of a ToUnicode CMap (bfchar and bfrange sections)."""
    space = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", data)
    width = len(space.group(1)) // 2 if space else 1
    mapping: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.DOTALL):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[bytes.fromhex(src.decode())] = _utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.DOTALL):
        for low, high, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            _bfrange(mapping, low, high, dst)
    table = {code[0]: text for code, text in mapping.items() if len(code) == 1}
    return width, mapping, table


def _bfrange(mapping: dict[bytes, str], low: bytes, high: bytes, dst: bytes) -> None:
    first, last, size = int(low, 16), int(high, 16), len(low) // 2
    if last - first > 65535:
        raise _Unsupported("bfrange too large")
    targets = re.findall(rb"<([0-9A-Fa-f]*)>", dst)
    for offset, code in enumerate(range(first, last + 1)):
        if dst.startswith(b"["):
            if offset >= len(targets):
                break
            text = _utf16(targets[offset])
        else:
            base = _utf16(targets[0])
            text = base[:-1] + chr(ord(base[-1]) + offset) if base else ""
        mapping[code.to_bytes(size, "big")] = text


def _utf16(hexdigits: bytes) -> str:
    """A CMap destination: UTF-16BE in hex; NUL (unmapped in reportlab's subsets) drops."""
    text = bytes.fromhex(hexdigits.decode()).decode("utf-16-be", "replace")
    return text.replace("\0", "")


def embedded_image_hashes(path: Path) -> set[str]:
    """sha256 of every media file in a DOCX, and of every image in a Markdown file's figure
    folder (other formats: none)."""
    if path.suffix.lower() == ".md":
        from standgen.write.markdown import figure_folder

        folder = figure_folder(path)
        return ({hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())
                 if f.is_file()} if folder.is_dir() else set())
    if path.suffix.lower() != ".docx":
        return set()
    with zipfile.ZipFile(path) as archive:
        return {hashlib.sha256(archive.read(name)).hexdigest()
                for name in archive.namelist() if name.startswith("word/media/")}
