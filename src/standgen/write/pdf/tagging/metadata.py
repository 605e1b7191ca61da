"""XMP metadata matching the Info dictionary (PDF/UA and PDF/A identification) and the sRGB
output intent that PDF/A asks for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString

from standgen.resources import template_path

ICC_NAME = "sRGB IEC61966-2.1"


@dataclass(frozen=True)
class DocInfo:
    """What the Info dictionary says, repeated in XMP; `marking` is the classification."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    producer: str
    language: str
    created: dt.datetime
    marking: str | None = None


def xmp_date(created: dt.datetime) -> str:
    """An XMP date equal to the Info dictionary's (offset only when the time has one)."""
    stamp = created.strftime("%Y-%m-%dT%H:%M:%S")
    offset = created.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{stamp}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _alt(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


_SCHEMA = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>standgen classification</pdfaSchema:schema>
<pdfaSchema:namespaceURI>https://standgen.invalid/ns/1/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>standgen</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>rubricering</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>
<pdfaProperty:category>external</pdfaProperty:category>
<pdfaProperty:description>Classification marking of the document</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>"""


def xmp_packet(info: DocInfo) -> bytes:
    """The XMP packet: Dublin Core, PDF and XMP basics, PDF/UA-1 and PDF/A-2a identifiers."""
    date = xmp_date(info.created)
    marking = (f"<standgen:rubricering>{escape(info.marking)}</standgen:rubricering>"
               if info.marking else "")
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"
 xmlns:standgen="https://standgen.invalid/ns/1/">
<dc:format>application/pdf</dc:format>
<dc:title>{_alt(info.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>{_alt(info.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>
<pdf:Producer>{escape(info.producer)}</pdf:Producer>
<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>{marking}
{_SCHEMA}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


class PlainStream(PDFStream):  # type: ignore[misc]
    """A stream written without filters (XMP must stay readable as text)."""

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        saved = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            data: bytes = super().format(document)
        finally:
            document.defaultStreamFilters = saved
        return data


@lru_cache(maxsize=1)
def _icc() -> bytes:
    return template_path("icc/sRGB.icc").read_bytes()


def add_metadata(doc: pdfdoc.PDFDocument, info: DocInfo) -> None:
    """The XMP stream and the sRGB output intent, on the document's catalog."""
    catalog = doc.Catalog
    meta = PlainStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                       xmp_packet(info))
    catalog.Metadata = doc.Reference(meta)
    profile = PDFStream(PDFDictionary({"N": 3}), _icc())
    intent = PDFDictionary({"Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFA1"),
                            "OutputConditionIdentifier": PDFString(ICC_NAME),
                            "Info": PDFString(ICC_NAME),
                            "DestOutputProfile": doc.Reference(profile)})
    catalog.OutputIntents = PDFArray([intent])
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
