"""Document properties and settings: core and app properties, language, footnote settings."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from standgen.compose.tree import Metadata
from standgen.write.docx.oxml import Element, el

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    'docPropsVTypes"><Application>{generator}</Application><DocSecurity>0</DocSecurity>'
    "<ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

# Elements of w:settings that must come after w:footnotePr (schema order).
_AFTER_FOOTNOTE_PR = ("endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedTemplate",
                      "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                      "doNotAutoCompressPictures", "forceUpgrade", "captions",
                      "readModeInkLockDown",
                      "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                      "decimalSymbol", "listSeparator")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def set_core_properties(docx: DocxDocument, meta: Metadata) -> None:
    """Fill core properties from the metadata only, never from the machine."""
    props = docx.core_properties
    props.title = meta.title
    props.subject = meta.subject
    props.keywords = ", ".join(meta.keywords)
    props.language = meta.language
    props.author = meta.author
    props.last_modified_by = meta.author
    props.created = meta.created
    props.modified = meta.created
    props.revision = 1
    props.comments = ""
    props.category = meta.edition
    props.content_status = ""
    props.identifier = ""
    props.version = ""


def set_app_properties(docx: DocxDocument, meta: Metadata) -> None:
    """Replace the extended (app) properties with neutral ones naming the generator."""
    package = docx.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            xml = _APP_XML.format(generator=_escape(meta.generator),
                                  company=_escape(meta.author))
            rel.target_part._blob = xml.encode("utf-8")


def drop_thumbnail(docx: DocxDocument) -> None:
    """Remove a package thumbnail (it would show a stale page)."""
    package = docx.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]


def _insert_ordered(settings: Element, child: Element) -> None:
    for name in _AFTER_FOOTNOTE_PR:
        anchor = settings.find(qn(f"w:{name}"))
        if anchor is not None:
            anchor.addprevious(child)
            return
    settings.append(child)


def configure_settings(docx: DocxDocument, language: str) -> None:
    """Set language, footnote separators and Dutch decimal symbols; never updateFields."""
    settings: Element = docx.settings.element
    for tag in ("w:updateFields", "w:footnotePr"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    _insert_ordered(settings, el("w:footnotePr", None, el("w:footnote", {"w:id": "-1"}),
                                 el("w:footnote", {"w:id": "0"})))
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), language)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        found = settings.find(qn(tag))
        if found is not None:
            found.set(qn("w:val"), value)
