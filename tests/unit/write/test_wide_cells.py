"""Wide-table cells in both writers: a header or text cell breaks after a hyphen where the
column widths allow it, a figure never breaks; the writers' page and padding are the
ones the table layout measures with; the DOCX never sets a fitted table larger than
measured."""

from __future__ import annotations

from docx.oxml.ns import qn
from reportlab.platypus import Paragraph

from standgen.compose import tree as t
from standgen.theme.metrics import (
    LANDSCAPE_BLOCK_PT,
    TEXT_BLOCK_PT,
    TIGHT_PADDING_PT,
    default_metrics,
)
from standgen.write.docx.keeps import keep_table
from standgen.write.docx.oxml import Element, el
from standgen.write.docx.styles import HouseStyle
from standgen.write.docx.wide import fit_table
from standgen.write.pdf.blocks import LANDSCAPE_WIDTH
from standgen.write.pdf.fonts import default_fonts, register_fonts
from standgen.write.pdf.styles import TEXT_WIDTH, make_styles
from standgen.write.pdf.wide import TIGHT_PADDING, cell_style


def _lines(text: str, header: bool, align: t.Align) -> list[str]:
    styles = make_styles(register_fonts(default_fonts()))
    style = cell_style(styles, align, header, 1.0, header)
    para = Paragraph(text, style)
    para.wrap(default_metrics().width("Holland", bold=True) + 2, 100)
    return [" ".join(str(w) for w in line[1]) if isinstance(line, tuple) else
            " ".join(str(w) for w in line.words) for line in para.blPara.lines]


def test_a_header_and_a_text_break_after_the_hyphen_not_inside_a_word() -> None:
    assert _lines("Noord-Holland", True, "right") == ["Noord-", "Holland"]
    assert _lines("Noord-Holland", False, "left") == ["Noord-", "Holland"]


def test_a_figure_is_never_broken() -> None:
    assert len(_lines("-123.456.789,5", False, "right")) == 1


def test_the_writers_page_and_padding_are_those_the_layout_measures_with() -> None:
    assert abs(TEXT_WIDTH - TEXT_BLOCK_PT) < 0.01
    assert abs(LANDSCAPE_WIDTH - LANDSCAPE_BLOCK_PT) < 0.01
    assert abs(HouseStyle().text_width_cm / 2.54 * 72 - TEXT_BLOCK_PT) < 0.01
    assert TIGHT_PADDING == TIGHT_PADDING_PT


def test_a_fitted_docx_table_is_set_at_or_below_the_measured_size() -> None:
    table = t.Table("x", (), (), (1.0,), layout=t.TableLayout("fit", 0.95))
    tbl = el("w:tbl", None, el("w:tblPr"), el("w:tr", None, el("w:tc", None,
                                                                el("w:p", None, el("w:r")))))
    fit_table(tbl, table, 8.5)
    size = next(tbl.iter(qn("w:sz"))).get(qn("w:val"))
    assert int(size) / 2 <= 8.5 * 0.95
    assert int(size) == 16


def _docx_table(width_twips: int, figure: str, fitted: bool) -> Element:
    tbl_pr = el("w:tblPr")
    if fitted:
        tbl_pr.append(el("w:tblCellMar", None, el("w:left", {"w:w": "40", "w:type": "dxa"}),
                         el("w:right", {"w:w": "40", "w:type": "dxa"})))
    r_pr = el("w:rPr", None, el("w:sz", {"w:val": "16"})) if fitted else el("w:rPr")
    run = el("w:r", None, r_pr, el("w:t"))
    run[1].text = figure
    cell = el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": str(width_twips),
                                                          "w:type": "dxa"})),
              el("w:p", None, run))
    return el("w:tbl", None, tbl_pr, el("w:tr", None, cell))


def _sizes(tbl: Element) -> set[str]:
    return {str(s.get(qn("w:val"))) for s in tbl.iter(qn("w:sz"))}


def test_the_docx_guard_leaves_a_fitted_table_that_fits_as_it_is() -> None:
    figure = "2.794,1"
    need = default_metrics().width(figure, True, 16 / 17) * 20  # twips at 8 pt
    tbl = _docx_table(round(need) + 80 + 10, figure, fitted=True)
    keep_table(tbl, 8.5)
    assert _sizes(tbl) == {"16"}


def test_the_docx_guard_still_shrinks_a_table_whose_figure_does_not_fit() -> None:
    figure = "123.456.789.012,5"
    need = default_metrics().width(figure, True) * 20
    tbl = _docx_table(round(need * 0.8) + 170, figure, fitted=False)
    keep_table(tbl, 8.5)
    (size,) = _sizes(tbl)
    assert int(size) <= 17 * 0.8 + 1e-9
