"""Markdown no writer prints is refused: by `standgen validate` (exit 1) and by a build
(exit 2, nothing written), with the same message naming the construct, the file, the
line and what to use instead. One row of docs/markdown.md per case."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.cli import main
from standgen.compose import mdrefuse as m
from standgen.compose import richtext
from standgen.errors import Location, SourceError
from standgen.validate.links import link_problem
from tests.unit.load.support import BLOCKS_LINE, REPORT, TOPIC_PATH, chapter, run_validate, write
from tests.unit.markdown.support import make_report

FIELD = f"{TOPIC_PATH}.blocks[0].text"
FIRST = BLOCKS_LINE + 1  # a `text: |` block scalar starts on the line after its key

# (case, Markdown text, line in the text (0-based), exact message)
CASES = [
    ("atx heading", "# Kop", 0, m.HEADING.format(mark="'# …'")),
    ("atx heading after text", "Tekst.\n\n### Kop", 2, m.HEADING.format(mark="'### …'")),
    ("setext heading from dashes", "Tekst van de alinea\n---", 1, m.SETEXT.format(mark="'---'")),
    ("setext heading from equals", "Titel\n===", 1, m.SETEXT.format(mark="'==='")),
    ("setext under two lines", "Een regel\nnog een\n---", 2, m.SETEXT.format(mark="'---'")),
    ("indented code", "Tekst.\n\n    ingesprongen", 2, m.INDENTED_CODE),
    ("fenced code", "```\nx = 1\n```", 0, m.FENCED_CODE.format(mark="```")),
    ("tilde fence", "~~~\nx\n~~~", 0, m.FENCED_CODE.format(mark="~~~")),
    ("image", "Zie ![kaart](kaart.png) hier.", 0, m.IMAGE),
    ("image on a later line", "Zie\nde ![kaart](kaart.png).", 1, m.IMAGE),
    ("inline html", "Dit is <b>vet</b>.", 0, m.HTML.format(snippet="<b>")),
    ("inline span after break", "Regel\nmet <span style='x'>", 1,
     m.HTML.format(snippet="<span style='x'>")),
    ("html block", "<div>\ninhoud\n</div>", 0, m.HTML.format(snippet="<div>")),
    ("html table pasted", "<table><tr><td>1</td></tr></table>", 0,
     m.HTML.format(snippet="<table><tr><td>1</td></tr></table>")),
    ("unclosed inline comment", "Tekst <!-- TODO later", 0, m.UNCLOSED_COMMENT),
    ("unclosed block comment", "<!-- TODO\n\nDe rest van de tekst.", 0, m.UNCLOSED_COMMENT),
    ("comment then text in one html block", "<!-- x --> <div>", 0,
     m.HTML.format(snippet="<div>")),
    ("lazy list line", "- eerste punt\nvervolg zonder inspringen", 1, m.LAZY_LINE.format(
        owner="list item", how="being indented",
        fix="indent it to continue the item, or leave a blank line before it to end the list")),
    ("lazy quote line", "> citaat\nvervolg", 1, m.LAZY_LINE.format(
        owner="quote", how="a >", fix="start it with > to keep it in the quote, or leave a "
        "blank line before it to end the quote")),
    ("second paragraph in an item", "- punt\n\n  tweede alinea", 2, m.SECOND_PARAGRAPH),
    ("quote in a list item", "- punt\n  > citaat", 1, m.IN_ITEM.format(what="quote")),
    ("table in a list item", "- punt\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |", 2,
     m.IN_ITEM.format(what="table")),
    ("rule in a list item", "- punt\n\n  ***", 2, m.IN_ITEM.format(what="horizontal rule")),
    ("heading in a list item", "- # kop", 0, m.HEADING.format(mark="'# …'")),
    ("code in a list item", "- punt\n\n      code", 2, m.INDENTED_CODE),
    ("list in a quote", "> - punt", 0, m.IN_QUOTE.format(what="list")),
    ("quote in a quote", "> a\n>\n> > b", 2, m.IN_QUOTE.format(what="quote")),
    ("heading in a quote", "> ## kop", 0, m.HEADING.format(mark="'## …'")),
    ("two nested lists in one item", "- a\n  - b\n  * c", 2, m.TWO_SUBLISTS),
    ("text after a nested list", "- a\n  - b\n\n  c", 3, m.TEXT_AFTER_SUBLIST),
    # found while attacking with text pasted from Word and e-mail
    ("numbered line glued to a paragraph", "Stappen:\n2. tweede stap", 1,
     m.LIST_LIKE_LINE.format(mark="2.")),
    ("word bullets", "• eerste punt uit Word\n• tweede punt", 0,
     m.WORD_BULLET.format(mark="•")),
    ("word bullet on a later line", "Punten:\n◦ eerste", 1, m.WORD_BULLET.format(mark="◦")),
    ("unclosed bold", "Dit is **belangrijk, maar nooit gesloten.", 0,
     m.UNMATCHED.format(mark="**", escaped="\\*\\*")),
    ("strikethrough", "Het budget is ~~verlaagd~~ verhoogd.", 0, m.STRIKE),
    ("table row with too many cells", "| a | b |\n|---|---|\n| 1 | 2 | 3 |", 2,
     m.EXTRA_CELLS.format(found=3, expected=2)),
    ("pipe inside a code span splits a cell", "| a | b |\n|---|---|\n| x | `c|d` |", 2,
     m.EXTRA_CELLS.format(found=3, expected=2)),
    ("table without separator line", "| a | b |\n| 1 | 2 |", 0, m.PIPE_ROW),
    ("separator line with too few columns", "Tekst.\n\n| a | b |\n|---|\n| 1 | 2 |", 2,
     m.PIPE_ROW),
    ("footnote definition in text", "Tekst.[^bron]\n\n[^bron]: de noot", 2,
     m.NOTE_DEFINITION.format(ident="bron")),
    ("list nested ten levels deep", "\n".join("  " * i + f"- niveau {i}" for i in range(10)),
     9, m.TOO_DEEP.format(levels=9)),
    ("quotes nested past the parser's limit", "> " * 60 + "diep", 0, m.NESTED_TOO_DEEP),
    ("link never closed", "Zie [de site](https://www.defensie.nl voor meer.", 0,
     m.BROKEN_LINK),
    ("link with a refused address", "Klik [hier](javascript:alert(1)).", 0,
     link_problem("javascript:alert(1)")),
    ("comment in a code span", "Zie `<!-- x -->` hier.", 0, m.COMMENT_IN_CODE),
]


@pytest.mark.parametrize(("text", "offset", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_refused_by_validate_and_build(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       text: str, offset: int, message: str) -> None:
    report = make_report(tmp_path / "src", {"x": text})
    before = {p: p.read_bytes() for p in report.parent.iterdir()}
    outcome = run_validate(capsys, report)
    assert outcome.code == 1
    found = outcome.find("h1.yaml", FIRST + offset, FIELD)
    assert (found.severity, found.message) == ("error", message)
    out = tmp_path / "out"
    assert main(["build", str(report), "--out", str(out), "--format", "docx", "--format",
                 "pdf", "--format", "md", "--jobs", "1"]) == 2
    printed = capsys.readouterr().err
    assert f"h1.yaml:{FIRST + offset}: {FIELD}: error: {message}" in printed
    assert not out.exists() or not any(out.iterdir())
    assert {p: p.read_bytes() for p in report.parent.iterdir()} == before


def test_inline_text_is_refused_where_it_stands(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    report = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": chapter(
        "- list:\n    items:\n      - goed\n      - met <font color=red>kleur</font>\n")})
    outcome = run_validate(capsys, report)
    assert outcome.code == 1
    found = outcome.find("h1.yaml", BLOCKS_LINE + 1, f"{TOPIC_PATH}.blocks[0].items[1]")
    assert found.message == m.HTML.format(snippet="<font color=red>")


def test_tab_indented_line_is_refused_as_code() -> None:
    """A tab cannot stand in a YAML block scalar, but can in a quoted string or a cell."""
    with pytest.raises(SourceError) as caught:
        richtext.blocks("Tekst.\n\n\tingesprongen met tab", lambda ref: None,
                        Location(Path("h1.yaml"), 7, "x.text"))
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.message) == (9, m.INDENTED_CODE)


def test_comment_in_a_plain_text_field_is_refused(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    """Titles and headings are not Markdown: a comment there would print, so it is an
    error, located at its key."""
    h1 = chapter("- heading: Kop <!-- nog kiezen -->\n- text: Tekst <!-- mag wel -->.\n")
    report = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": h1.replace(
        "title: Hoofdstuk", "title: Hoofdstuk <!-- TODO -->")})
    outcome = run_validate(capsys, report)
    assert outcome.code == 1
    assert [(Path(p.file).name, p.line, p.field) for p in outcome.problems] == [
        ("h1.yaml", 2, "chapters[0].title"),
        ("h1.yaml", BLOCKS_LINE, f"{TOPIC_PATH}.blocks[0].text")]
    assert outcome.problems[0].message == ("an HTML comment (<!-- … -->) in 'title' would "
                                           "print: this field is plain text, not Markdown; "
                                           "remove the comment")


def test_bold_closes_before_a_footnote_mark() -> None:
    """Found while attacking: '**Let op:**[^n]' is bold in CommonMark (the mark starts
    with a bracket); protecting the mark must not turn it into an unclosed '**'."""
    from standgen.compose import tree as t

    note = t.FootnoteRef(1, (t.Text("noot"),))
    assert richtext.blocks("**Let op:**[^n] tekst", lambda ref: note) == [
        t.Paragraph((t.Text("Let op:", bold=True), note, t.Text(" tekst")))]
