"""Compose, node by node: small reports in, small literal trees out."""

from __future__ import annotations

from pathlib import Path

from standgen.compose import compose_document
from standgen.compose import tree as t
from tests.reports import load_text, one_topic


def _blocks(tmp_path: Path, blocks: str, footnotes: str = "") -> tuple[t.Block, ...]:
    report = load_text(tmp_path, one_topic(blocks, footnotes))
    document = compose_document(report)
    chapter = document.sections[-1]
    start = next(i for i, b in enumerate(chapter.blocks)
                 if isinstance(b, t.Heading) and b.level == 3)
    return chapter.blocks[start + 1:]


def test_labelled_text_gets_the_standard_label_and_rich_runs(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, "- doelstelling: De *eerste* 7^e^ keer CO~2~ en **vet**.")
    heading, paragraph = blocks
    assert heading == t.Heading(4, "Doelstelling", "onderwerp-doelstelling", kind="label")
    assert paragraph == t.Paragraph((
        t.Text("De "), t.Text("eerste", italic=True), t.Text(" 7"),
        t.Text("e", script="super"), t.Text(" keer CO"), t.Text("2", script="sub"),
        t.Text(" en "), t.Text("vet", bold=True), t.Text(".")))


def test_label_is_not_repeated_for_consecutive_blocks_of_one_kind(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, "- toelichting: Een.\n- toelichting: Twee.")
    assert [type(b).__name__ for b in blocks] == ["Heading", "Paragraph", "Paragraph"]


def test_footnotes_are_numbered_in_order_of_first_reference(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, "- text: Eerst[^b] dan[^a] weer[^b].",
                     "- {id: a, text: Noot A}\n- {id: b, text: Noot *B*}")
    (paragraph,) = blocks
    assert isinstance(paragraph, t.Paragraph)
    refs = [i for i in paragraph.inlines if isinstance(i, t.FootnoteRef)]
    assert [r.number for r in refs] == [1, 2, 1]
    assert refs[0].content == (t.Text("Noot "), t.Text("B", italic=True))


def test_markdown_list_and_link(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, """\
        - text: |
            Inleiding met [een link](https://example.org).

            - punt een
            - punt twee""")
    paragraph, listing = blocks
    assert isinstance(paragraph, t.Paragraph)
    assert t.Link("https://example.org", (t.Text("een link"),)) in paragraph.inlines
    assert listing == t.ListBlock(((t.Text("punt een"),), (t.Text("punt twee"),)))


def test_heading_and_list_blocks(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, "- heading: Woensdrecht\n- list: {items: [a, b], ordered: true}")
    assert blocks == (t.Heading(4, "Woensdrecht", "onderwerp-woensdrecht", kind="label"),
                      t.ListBlock(((t.Text("a"),), (t.Text("b"),)), ordered=True))


def test_table_header_body_and_derived_percentage(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, """\
        - table:
            id: instroom
            title: Instroom
            columns: [2024, 2025]
            rows:
              - {id: real, label: Realisatie, values: [4326, 5138]}
              - {id: plan, label: Plan, values: [6217, 6969]}
              - {id: pct, label: "% realisatie", unit: {kind: percent, decimals: 1},
                 derived: {percent_of: [real, plan]}}
              - {label: Totaal, role: total, derived: {sum: [real, plan]}}""")
    (table,) = blocks
    assert isinstance(table, t.Table)
    assert table.number == 1
    assert table.header_rows == (t.TableRow((
        t.Cell(()), t.Cell((t.Text("2024"),), "right"), t.Cell((t.Text("2025"),), "right"))),)
    texts = [[c.inlines[0].text for c in row.cells if c.inlines] for row in table.body_rows]
    assert texts == [["Realisatie", "4.326", "5.138"], ["Plan", "6.217", "6.969"],
                     ["% realisatie", "69,6%", "73,7%"], ["Totaal", "10.543", "12.107"]]
    assert table.body_rows[-1].role == "total"
    assert abs(sum(table.column_widths) - 1) < 0.01


def test_grouped_columns_give_two_header_rows_with_spans(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, """\
        - table:
            id: geluid
            title: Geluid
            stub: Vliegbasis
            columns:
              - {id: m24, group: "2024", label: Melders}
              - {id: n24, group: "2024", label: Meldingen}
              - {id: m25, group: "2025", label: Melders}
            rows:
              - {label: Volkel, values: [396, 3035, 222]}""")
    (table,) = blocks
    assert isinstance(table, t.Table)
    top, bottom = table.header_rows
    assert [(c.colspan, c.rowspan) for c in top.cells] == [(1, 2), (2, 1), (1, 1)]
    assert [c.inlines[0].text for c in bottom.cells if isinstance(c.inlines[0], t.Text)] == [
        "Melders", "Meldingen", "Melders"]
    assert table.body_rows[0].cells[2].inlines == (t.Text("3.035"),)


def test_cells_of_every_kind_are_formatted_the_dutch_way(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, """\
        - table:
            id: soorten
            title: Soorten
            columns: [Waarde]
            rows:
              - {label: rang, values: [{value: 7, unit: rank}]}
              - {label: top, values: [{value: 10, top: true, unit: rank}]}
              - {label: deel, values: [{value: 5, of: 8}]}
              - {label: euro, values: [{value: 26.3, unit: {kind: euro, scale: miljard}}]}
              - {label: status, values: [n.t.b.]}
              - {label: gedeeld, values: [{text: Werkdruk, value: 25, unit: percent}]}
              - {label: merk, values: [{value: 1.42, marker: "*", unit: percent}]}""")
    (table,) = blocks
    assert isinstance(table, t.Table)
    printed = ["".join(i.text for i in r.cells[1].inlines if isinstance(i, t.Text))
               for r in table.body_rows]
    assert printed == ["7ᵉ\u00a0plaats", "Top\u00a010", "5\u00a0van\u00a08",
                       "€\u00a026,3\u00a0miljard", "n.t.b.",
                       "Werkdruk (25%)", "1,42%*"]


def test_placeholder_figure_and_bijlage_sentence(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, """\
        - figure: {id: kaart, title: Kaart, placeholder: Niet beschikbaar.}
        - bijlage_verwijzing: de materiële gereedheid""")
    figure, sentence = blocks
    assert figure == t.Figure(caption="Kaart", alt_text="Kaart", kind="placeholder",
                              placeholder_text="Niet beschikbaar.", number=1,
                              anchor="figuur-kaart")
    assert isinstance(sentence, t.Paragraph)
    assert sentence.inlines == (t.Text(
        "Meer gedetailleerde informatie over de materiële gereedheid is vertrouwelijk en is "
        "daarom opgenomen in de vertrouwelijke bijlage."),)


def test_document_has_cover_toc_and_running_headers(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic("- text: Hallo."))
    document = compose_document(report)
    assert document.cover.edition_label == "Openbare versie"
    assert document.cover.period == "Voorjaar 2026"
    assert [e.display for e in document.toc.entries] == ["1 Hoofdstuk", "1.1 Sectie"] \
        if document.toc else False
    assert [s.running_header for s in document.sections] == ["Hoofdstuk"]
    assert document.marking is None
    assert document.metadata.language == "nl-NL"
    assert document.metadata.author == "Ministerie van Test"
