"""One layout pass: notes found in what is placed, numbers filled in late, lines broken once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle

from standgen.compose import tree as t
from standgen.write.pdf import build as pdf_build
from standgen.write.pdf.notes_frame import notes_in
from standgen.write.pdf.para import Para
from tests.unit.write.test_pdf_support import base_document, build, chapter, page_texts

STYLE = ParagraphStyle("plain", fontSize=10, leading=12)
MARK = '<super>{n}</super><onDraw name="standgen_footnote" label="{n}"/>'


def _marked(count: int) -> Para:
    return Para("".join(f"Zin nummer {n} met een noot{MARK.format(n=n)}. " for n in
                        range(1, count + 1)), STYLE)


def test_notes_in_follows_a_paragraph_split() -> None:
    para = _marked(30)
    para.wrap(200, 10_000)
    head, tail = para.split(200, 120)
    first, rest = list(notes_in(head)), list(notes_in(tail))
    assert first and rest
    assert first + rest == list(range(1, 31))


def test_a_document_is_laid_out_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = pdf_build._layout

    def counted(*args: object, **kwargs: object) -> pdf_build.PassResult:
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_build, "_layout", counted)
    doc = base_document(tuple(chapter(n, paragraphs=8, first_note=1 + 20 * n)
                              for n in (1, 2, 3)))
    pages = page_texts(build(doc, tmp_path))
    assert calls == [1]
    assert len(pages) > 4


def test_marked_pages_print_the_final_total(tmp_path: Path) -> None:
    doc = base_document(tuple(chapter(n, paragraphs=8, first_note=None) for n in (1, 2, 3)))
    marked = t.Marking("DEPARTEMENTAAL VERTROUWELIJK", page_x_of_y=True)
    pages = page_texts(build(dataclasses.replace(doc, marking=marked), tmp_path))
    assert all(f"pagina {i} van {len(pages)}" in page for i, page in enumerate(pages, 1))


def test_line_breaking_is_reused_at_one_width() -> None:
    para = _marked(5)
    first = para.wrap(300, 500)
    lines = para.blPara
    assert para.wrap(300, 500) == first and para.blPara is lines
    para.wrap(200, 500)
    assert para.blPara is not lines
