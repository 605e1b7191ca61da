"""ToUnicode maps of embedded chart PDFs rewritten in the plainest form (one `bfchar`
entry per code, upper-case hex), which every checker reads; matplotlib writes ranges with
arrays that some refuse."""

from __future__ import annotations

import re

_RANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.DOTALL)
_CHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.DOTALL)
_SPACE = re.compile(r"begincodespacerange\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_HEX = re.compile(r"<([0-9A-Fa-f]*)>")
_ENTRY = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
BLOCK = 100
ONE_BYTE = 0xFF
SIMPLE_FONTS = ("/Type1", "/TrueType", "/Type3", "/MMType1")


def _mappings(text: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in _RANGE.findall(text):
        for low, high, dest in _ENTRY.findall(block):
            first, last = int(low, 16), int(high, 16)
            if dest.startswith("["):
                for offset, value in enumerate(_HEX.findall(dest)):
                    out[first + offset] = value.upper()
            else:
                start = int(dest[1:-1], 16)
                width = len(dest) - 2
                for offset in range(last - first + 1):
                    out[first + offset] = f"{start + offset:0{width}X}"
    for block in _CHAR.findall(text):
        codes = _HEX.findall(block)
        for code, value in zip(codes[::2], codes[1::2], strict=False):
            out[int(code, 16)] = value.upper()
    return out


def plain_cmap(data: bytes, simple: bool = False) -> bytes:
    """The same ToUnicode map as bfchar entries only; unchanged when it cannot be read.
    A simple font (`simple`: Type1, TrueType, Type3) has one-byte codes, whatever code
    space the map was written with (matplotlib writes two bytes for Type3 fonts)."""
    text = data.decode("latin-1")
    space = _SPACE.search(text)
    mappings = _mappings(text)
    if space is None or not mappings:
        return data
    digits = len(space.group(1))
    if simple:
        mappings = {c: v for c, v in mappings.items() if c <= ONE_BYTE}
        digits, low, high = 2, "00", "FF"
    else:
        low, high = space.group(1).upper(), space.group(2).upper()
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange",
             f"<{low}> <{high}>", "endcodespacerange"]
    codes = sorted(c for c, v in mappings.items() if v.strip("0"))
    for start in range(0, len(codes), BLOCK):
        chunk = codes[start:start + BLOCK]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{c:0{digits}X}> <{mappings[c]}>" for c in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("latin-1")
