"""Small helpers to build WordprocessingML elements with python-docx's oxml layer."""

from __future__ import annotations

import re
from functools import cache

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement

Element = BaseOxmlElement
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def el(tag: str, attrs: dict[str, str] | None = None, *children: Element) -> Element:
    """A new element `tag` (prefixed, e.g. "w:p") with `w:`-style attributes and children.

    What OxmlElement does, with each tag's name and namespace worked out once: a report
    makes tens of thousands of elements (a tenth of the DOCX writer's time went to parsing
    the same few tags)."""
    clark, nsmap = _tag(tag)
    attrib = {_qualified(k): _NOT_XML.sub("", v) for k, v in attrs.items()} if attrs else None
    element: Element = oxml_parser.makeelement(clark, attrib=attrib, nsmap=nsmap)
    for child in children:
        element.append(child)
    return element


@cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


_qualified = cache(qn)


def text_run(text: str, rpr: Element | None = None) -> Element:
    """A `w:r` holding `text` (tabs and newlines become `w:tab`/`w:br`; characters XML
    cannot hold are dropped)."""
    text = _NOT_XML.sub("", text.replace("\r\n", "\n"))
    run = el("w:r")
    if rpr is not None:
        run.append(rpr)
    parts = text.split("\n")
    for index, line in enumerate(parts):
        if index:
            run.append(el("w:br"))
        chunks = line.split("\t")
        for chunk_index, chunk in enumerate(chunks):
            if chunk_index:
                run.append(el("w:tab"))
            if chunk:
                t = el("w:t")
                t.text = chunk
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(t)
    return run


def style_rpr(style_id: str) -> Element:
    """A `w:rPr` naming a character style."""
    return el("w:rPr", None, el("w:rStyle", {"w:val": style_id}))


def paragraph(style_id: str | None = None, *children: Element) -> Element:
    """A `w:p` with an optional paragraph style and children."""
    p = el("w:p")
    if style_id is not None:
        p.append(el("w:pPr", None, el("w:pStyle", {"w:val": style_id})))
    for child in children:
        p.append(child)
    return p
