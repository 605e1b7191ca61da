"""The template functions that cut a text around its names (TextTemplates.split) and the
words they give writers, charts and table cells, in the standard and another language."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from standgen.charts.alt import alt_text
from standgen.charts.table import data_rows
from standgen.compose.figures import chart_words
from standgen.compose.tables import NO_NUMBER, status_key, status_words
from standgen.compose.templating import TextTemplates
from standgen.compose.text_file import NAMES, names_of
from standgen.compose.titles import writer_words
from standgen.errors import SourceError
from standgen.model.values import Status
from tests.unit.charts.samples import LINE, PIE, STACKED

ENGLISH = """\
words:
  pagina_x_van_y: "page {{ x }} of {{ y }}"
  link_naar: "Link to {{ doel }}"
  link_intern: Link to a place in this document
  logo: "{{ ministry }} logo"
waarden:
  nog_niet_bekend: Not yet known
charts:
  line: Line chart
  alt: "{{ soort }} about {{ onderwerp }}"
  van_naar: "from {{ begin }} to {{ eind }}"
  norm: Standard
  totaal: Total
  aandeel: Share
"""


def _texts(tmp_path: Path, text: str) -> TextTemplates:
    (tmp_path / "text").mkdir(parents=True, exist_ok=True)
    (tmp_path / "text" / "nl.yaml").write_text(text, encoding="utf-8")
    return TextTemplates(tmp_path)


def test_split_cuts_a_text_around_its_names() -> None:
    texts = TextTemplates()
    assert texts.split("charts", "van_naar", ("begin", "eind")) == ("van ", " naar ", "")
    assert texts.split("words", "exemplaar", ("n",)) == ("Exemplaar nr. ", "")


@pytest.mark.parametrize("text", ['"{{ x }} / {{ x }} / {{ y }}"', '"{{ y }} of {{ x }}"',
                                  '"page {{ x }}"', '"{% if x %}{{ x }}{% endif %} {{ y }}"'])
def test_split_refuses_a_name_missing_twice_or_out_of_order(tmp_path: Path,
                                                            text: str) -> None:
    texts = _texts(tmp_path, f"words:\n  tabel: T\n  pagina_x_van_y: {text}\n")
    if "if" in text:  # a name inside a condition still stands once: accepted
        assert texts.split("words", "pagina_x_van_y", ("x", "y"))[1] == " "
        return
    with pytest.raises(SourceError) as caught:
        texts.split("words", "pagina_x_van_y", ("x", "y"))
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.location.field) == (3, "words.pagina_x_van_y")


def test_writer_words_follow_an_override(tmp_path: Path) -> None:
    words = writer_words(_texts(tmp_path, ENGLISH))
    assert words.page_x_of_y == ("page ", " of ", "")
    assert words.link_to == ("Link to ", "")
    assert words.link_inside == "Link to a place in this document"
    assert words.logo == ("", " logo")
    assert (words.table, words.cover_table) == ("Tabel", "Omslag")  # not overridden


def test_link_alternate_text_takes_the_words() -> None:
    from reportlab.pdfbase import pdfdoc

    from standgen.compose import tree as t
    from standgen.write.pdf.tagging.canvas import _describe

    words = dataclasses.replace(t.default_words(), link_to=("Zie ", " (extern)"),
                                link_inside="Elders")
    link = pdfdoc.PDFDictionary({"A": pdfdoc.PDFDictionary({"URI": pdfdoc.PDFString(
        "https://example.org")})})
    assert _describe(link, words) == "Zie https://example.org (extern)"
    assert _describe(pdfdoc.PDFDictionary({}), words) == "Elders"


def test_chart_alt_text_and_table_in_other_words(tmp_path: Path) -> None:
    words = chart_words(_texts(tmp_path, ENGLISH))
    line = dataclasses.replace(LINE, words=words, norm_label=None)
    assert alt_text(line) == ("Line chart about gemiddelde materiële gereedheid 2021–2025, "
                              "from 53,9% to 54,2%; standard 100%.")
    assert alt_text(dataclasses.replace(line, norm_label="Plafond")).endswith("plafond 100%.")
    assert data_rows(dataclasses.replace(STACKED, words=words))[1][-1][0] == "Total"
    assert data_rows(dataclasses.replace(PIE, words=words))[0][-1] == "Share"


def test_every_status_without_a_number_has_a_template() -> None:
    standard = TextTemplates()
    assert set(standard.data["waarden"]) == {status_key(s) for s in NO_NUMBER} | {"voorlopig"}
    assert status_words(standard)["nog niet bekend"] == "Nog niet bekend"
    assert status_words(standard)["voorlopig"] == "voorlopig"
    assert Status.DEFINITIEF not in NO_NUMBER and Status.VOORLOPIG not in NO_NUMBER


def test_status_words_follow_an_override(tmp_path: Path) -> None:
    words = status_words(_texts(tmp_path, ENGLISH))
    assert words["nog niet bekend"] == "Not yet known"
    assert words["n.t.b."] == "n.t.b."


def test_the_standard_texts_use_only_the_names_they_are_given() -> None:
    texts = TextTemplates()
    for group, entries in texts.data.items():
        for key, source in entries.items():
            texts.check(group, key, source)
    for place in NAMES:
        group, key = place.split(".")
        assert key == "*" or key in texts.data[group], place
    assert names_of("titles", "footer") == ("title", "period", "subtitle", "ministry", "year")
    assert names_of("words", "tabel") == ()


def test_the_author_guide_names_every_group_and_the_writers_chart_and_status_texts() -> None:
    guide = (Path(__file__).resolve().parents[3] / "docs" / "author-guide.md").read_text(
        encoding="utf-8")
    section = guide[guide.index("### Standard texts"):]
    texts = TextTemplates().data
    missing = [group for group in texts if f"`{group}`" not in section]
    missing += [f"{group}.{key}" for group in ("words", "waarden", "charts", "files", "getallen")
                for key in texts[group] if f"`{key}`" not in section]
    assert missing == []


def test_a_date_may_put_its_parts_in_any_order(tmp_path: Path) -> None:
    import datetime as dt

    texts = _texts(tmp_path, 'getallen:\n  datum: "{{ maand }} {{ dag }}, {{ jaar }}"\n'
                   "  maanden: January February March April May June July August September "
                   "October November December\n  rangtelwoord: '{{ n }}.'\n")
    numbers = texts.numbers()
    assert numbers.long_date(dt.date(2026, 5, 20)) == "May 20, 2026"
    assert numbers.ordinal(7) == "7."
    assert TextTemplates().numbers().long_date(dt.date(2025, 7, 3)) == "3 juli 2025"


def test_the_leak_check_knows_the_status_words_an_override_prints(tmp_path: Path) -> None:
    from standgen.leaks.candidates import status_texts, unit_candidates
    from standgen.leaks.rendered import Unit

    _texts(tmp_path, ENGLISH.replace("Not yet known", "Not yet known at the time of writing"))
    cell = Unit(text="Not yet known at the time of writing", where="t", cell=True)
    assert [c for c in unit_candidates(cell, statuses=status_texts(tmp_path))
            if c.kind == "text"] == []
    assert [c.kind for c in unit_candidates(cell, statuses=status_texts())] == ["text"]
