"""Read a DOCX back as an indented text outline, for tests and structural snapshots.

The outline lists properties, then each section with its header and footer texts and its
body (paragraphs with style names, bookmarks, fields as {INSTRUCTION|cached result},
hyperlinks as [text](target), footnote marks as [^n], images with alt text, and tables
row by row), then the footnotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from standgen.write.docx.oxml import Element

_R_ID = qn("r:id")


@dataclass
class _Story:
    """Reading state of one story (body, header, footnotes): fields and footnote numbers."""

    part: Part
    notes: dict[str, str] = field(default_factory=dict)
    auto: int = 0
    stack: list[list[str]] = field(default_factory=list)


def _style_names(document: DocxDocument) -> dict[str, str]:
    return {s.style_id: s.name for s in document.styles if s.style_id}


def _field_char(story: _Story, kind: str | None, out: list[str]) -> None:
    if kind == "begin":
        story.stack.append(["", "", "instr"])
    elif kind == "separate" and story.stack:
        story.stack[-1][2] = "result"
        if story.stack[-1][0].strip().startswith("TOC"):
            out.append(f"<<{story.stack[-1][0].strip()}>>")
            story.stack.pop()
            story.stack.append(["TOC", "", "block"])
    elif kind == "end" and story.stack:
        instr, result, phase = story.stack.pop()
        if phase != "block":
            _emit(story, f"{{{instr.strip()}|{result}}}", out)


def _emit(story: _Story, text: str, out: list[str]) -> None:
    if story.stack and story.stack[-1][2] != "block":
        story.stack[-1][1] += text
    else:
        out.append(text)


def _is_mark(run: Element) -> bool:
    style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    return style is not None and style.get(qn("w:val")) == "FootnoteReference"


def _run(story: _Story, run: Element, out: list[str]) -> None:
    if _is_mark(run) and run.find(qn("w:footnoteReference")) is None:
        label = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if label:
            _emit(story, f"[^{label}]", out)
        return
    for child in run:
        tag = child.tag
        if tag == qn("w:t"):
            _emit(story, child.text or "", out)
        elif tag == qn("w:tab"):
            _emit(story, "\t", out)
        elif tag == qn("w:br"):
            _emit(story, "<page>" if child.get(qn("w:type")) == "page" else "\n", out)
        elif tag == qn("w:fldChar"):
            _field_char(story, child.get(qn("w:fldCharType")), out)
        elif tag == qn("w:instrText") and story.stack:
            story.stack[-1][0] += child.text or ""
        elif tag == qn("w:footnoteReference"):
            _footnote_mark(story, run, child, out)
            return
        elif tag == qn("w:drawing"):
            for props in child.iter(qn("wp:docPr")):
                _emit(story, f"[image title={props.get('title')!r} "
                             f"descr={props.get('descr')!r}]", out)


def _footnote_mark(story: _Story, run: Element, mark: Element, out: list[str]) -> None:
    ident = mark.get(qn("w:id")) or ""
    if mark.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
        label = "".join(t.text or "" for t in run.iter(qn("w:t")))
    else:
        story.auto += 1
        label = str(story.auto)
    story.notes[ident] = label
    _emit(story, f"[^{label}]", out)


def _inline_text(story: _Story, parent: Element) -> str:
    out: list[str] = []
    for child in parent:
        if child.tag == qn("w:r"):
            _run(story, child, out)
        elif child.tag == qn("w:hyperlink"):
            inner = _inline_text(story, child)
            anchor = child.get(qn("w:anchor"))
            r_id = child.get(_R_ID)
            target = f"#{anchor}" if anchor else story.part.rels[r_id].target_ref if r_id else ""
            out.append(f"[{inner}]({target})")
        elif child.tag == qn("w:bookmarkStart"):
            out.append(f"{{#{child.get(qn('w:name'))}}}")
        elif child.tag in (qn("w:smartTag"), qn("w:ins"), qn("w:fldSimple")):
            out.append(_inline_text(story, child))
    return "".join(out)


def paragraph_line(story: _Story, p: Element, styles: dict[str, str]) -> str:
    """One paragraph as "[Style] text" (style name as Word shows it)."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    name = styles.get(style.get(qn("w:val")) or "", "?") if style is not None else "Normal"
    brk = "<page>" if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None else ""
    return f"[{name}] {brk}{_inline_text(story, p)}".replace("\t", " » ").replace("\n", " / ")


def _cell_text(story: _Story, tc: Element) -> str:
    texts = [_inline_text(story, p) for p in tc.iter(qn("w:p"))]
    tc_pr = tc.find(qn("w:tcPr"))
    marks = ""
    if tc_pr is not None:
        span = tc_pr.find(qn("w:gridSpan"))
        merge = tc_pr.find(qn("w:vMerge"))
        if span is not None:
            marks += f"<span {span.get(qn('w:val'))}>"
        if merge is not None:
            marks += f"<vmerge {merge.get(qn('w:val')) or 'continue'}>"
    return marks + " / ".join(texts)


def _row_look(tr: Element) -> str:
    runs = [r for r in tr.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    flags = []
    for tag, name in (("w:b", "bold"), ("w:i", "italic")):
        if runs and all(r.find(f"{qn('w:rPr')}/{qn(tag)}") is not None for r in runs):
            flags.append(name)
    if tr.find(f".//{qn('w:tcBorders')}/{qn('w:top')}") is not None:
        flags.append("rule-above")
    if tr.find(f".//{qn('w:tcPr')}/{qn('w:shd')}") is not None:
        flags.append("shaded")
    return f"({','.join(flags)})" if flags else ""


def table_lines(story: _Story, tbl: Element, indent: str) -> list[str]:
    """A table as a header line and one line per row (header rows marked)."""
    pr = tbl.find(qn("w:tblPr"))
    desc = pr.find(qn("w:tblDescription")) if pr is not None else None
    widths = [g.get(qn("w:w")) for g in tbl.iter(qn("w:gridCol"))]
    lines = [f"{indent}table cols={len(widths)} widths={','.join(map(str, widths))} "
             f"descr={desc.get(qn('w:val')) if desc is not None else None!r}"]
    for tr in tbl.findall(qn("w:tr")):
        header = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        cells = " | ".join(_cell_text(story, tc) for tc in tr.findall(qn("w:tc")))
        lines.append(f"{indent}  {'header-row' if header else 'row'}{_row_look(tr)}: {cells}")
    return lines


def _root(part: Part) -> Element:
    return part.element if isinstance(part, XmlPart) else parse_xml(part.blob)


def _part_lines(document: DocxDocument, r_id: str) -> str:
    part = document.part.rels[r_id].target_part
    root = _root(part)
    story = _Story(part)
    return " // ".join(_inline_text(story, p) for p in root.iter(qn("w:p")))


def _section_lines(document: DocxDocument, sect_pr: Element, number: int) -> list[str]:
    lines = [f"section {number}"]
    for kind in ("header", "footer"):
        for ref in sect_pr.findall(qn(f"w:{kind}Reference")):
            text = _part_lines(document, ref.get(_R_ID) or "")
            lines.append(f"  {kind}({ref.get(qn('w:type'))}): {text}")
    return lines


def _footnote_lines(document: DocxDocument, numbers: dict[str, str]) -> list[str]:
    lines = ["footnotes"]
    for rel in document.part.rels.values():
        if rel.reltype != RT.FOOTNOTES:
            continue
        part = rel.target_part
        root = _root(part)
        for note in root.findall(qn("w:footnote")):
            ident = note.get(qn("w:id")) or ""
            if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
                continue
            story = _Story(part)
            text = " / ".join(_inline_text(story, p) for p in note.findall(qn("w:p")))
            label = numbers.get(ident, "?")
            text = text.strip().removeprefix(f"[^{label}]").strip()
            lines.append(f"  [{label}] {text}")
    return lines


def _property_lines(document: DocxDocument) -> list[str]:
    props = document.core_properties
    return ["properties",
            f"  title={props.title!r} subject={props.subject!r} author={props.author!r}",
            f"  language={props.language!r} keywords={props.keywords!r} "
            f"created={props.created} modified={props.modified} revision={props.revision}",
            f"  last_modified_by={props.last_modified_by!r}"]


def _is_cover_band(tbl: Element) -> bool:
    """The cover's layout table (the coloured band) reads as the paragraphs it holds: the
    one table standgen sets out into the margin (its caption is a template's word)."""
    indent = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblInd')}")
    return indent is not None and (indent.get(qn("w:w")) or "").startswith("-")


def read_docx_structure(path: Path) -> str:
    """The structure of the DOCX at `path` as an indented text outline."""
    document = docx.Document(str(path))
    styles = _style_names(document)
    story = _Story(document.part)
    lines = _property_lines(document)
    pending: list[str] = []
    number = 0
    for child in document.element.body:
        if child.tag == qn("w:p"):
            pending.append("  " + paragraph_line(story, child, styles))
            sect_pr = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        elif child.tag == qn("w:tbl") and _is_cover_band(child):
            pending += ["  " + paragraph_line(story, p, styles)
                        for p in child.iter(qn("w:p"))]
            sect_pr = None
        elif child.tag == qn("w:tbl"):
            pending.extend(table_lines(story, child, "  "))
            sect_pr = None
        else:
            sect_pr = child if child.tag == qn("w:sectPr") else None
        if sect_pr is not None:
            number += 1
            lines += _section_lines(document, sect_pr, number) + pending
            pending = []
    return "\n".join(lines + _footnote_lines(document, story.notes)) + "\n"
