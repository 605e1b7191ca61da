"""Reading an edited DOCX: origins from hidden bookmarks, every kind of tracked change,
comments anchored inside or between paragraphs."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from standgen.review.changes import changes_of
from standgen.review.docxread import read_edited
from standgen.write.docx.origins import pack

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BY = 'w:author="A" w:date="2026-06-01T00:00:00Z"'
BODY = f"""<w:document {W}><w:body>
<w:commentRangeStart w:id="5"/>
<w:p><w:bookmarkStart w:id="1" w:name="_sg3"/><w:r><w:t>Een </w:t></w:r>
<w:del w:id="10" {BY}><w:r><w:delText>oude</w:delText></w:r></w:del>
<w:ins w:id="11" {BY}><w:r><w:t>nieuwe</w:t></w:r></w:ins><w:r><w:t> zin.</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:ins w:id="12" {BY}/></w:rPr></w:pPr>
<w:ins w:id="13" {BY}><w:r><w:t>Heel nieuw.</w:t></w:r></w:ins>
<w:bookmarkEnd w:id="1"/></w:p>
<w:p><w:moveFrom w:id="14" {BY}><w:r><w:t>Weg</w:t></w:r></w:moveFrom>
<w:r><w:t> blijft</w:t></w:r><w:moveTo w:id="15" {BY}><w:r><w:t> hier</w:t></w:r></w:moveTo></w:p>
<w:commentRangeEnd w:id="5"/>
</w:body></w:document>"""
COMMENTS = (f'<w:comments {W}><w:comment w:id="5" w:author="B" w:date="2026-06-02T00:00:00Z">'
            "<w:p><w:r><w:t>Waarom?</w:t></w:r></w:p></w:comment></w:comments>")


def _docx(path: Path) -> Path:
    record = json.dumps({"version": 1, "origins": {"3": {"kind": "prose"}}})
    custom = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
              '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              f'pid="2" name="standgen.provenance.aaa"><vt:lpwstr>{pack(record)}</vt:lpwstr>'
              "</property></Properties>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", BODY)
        archive.writestr("word/comments.xml", COMMENTS)
        archive.writestr("docProps/custom.xml", custom)
    return path


def test_every_kind_of_change_and_a_comment_between_paragraphs(tmp_path: Path) -> None:
    edited = read_edited(_docx(tmp_path / "x.docx"))
    first, second, third = edited.paragraphs
    assert (first.origin, second.origin, third.origin) == ("3", "3", None)
    [replacement] = changes_of(first)
    assert (replacement.name, replacement.deleted, replacement.inserted) == (
        "replacement", "oude", "nieuwe")
    assert (replacement.before, replacement.after, replacement.author) == ("Een ", " zin.", "A")
    assert second.inserted_mark and changes_of(second)[0].inserted == "Heel nieuw."
    moved = changes_of(third)
    assert [(c.kind, c.deleted, c.inserted) for c in moved] == [
        ("moveFrom", "Weg", ""), ("moveTo", "", " hier")]
    assert moved[1].before == "Weg blijft"
    [comment] = edited.comments
    assert (comment.text, comment.author, comment.para) == ("Waarom?", "B", first)
