"""Captioned tables found in pdftotext -layout lines, with heads spread over their columns."""

from __future__ import annotations

from standgen.snapshot.pdf_snapshot import body_lines
from standgen.snapshot.pdf_tables import parse_table, table_extent

PAGE = [
    "Tabel 2 Personeel per onderdeel (VTE'n)",
    "",
    "                         1 januari 2025               1 januari 2026",
    " Onderdeel                Vast     Tijdelijk          Vast     Tijdelijk",
    " Zeestrijdkrachten       8.100         1.200         8.350         1.300",
    " Totaal                 43.000         5.700        44.500         6.150",
    "",
    "Toelichting",
    "In 2025 stroomden 4.500 mensen in.",
]


def test_extent_stops_at_the_text_after_the_table() -> None:
    assert table_extent(PAGE, 0) == 6


def test_two_level_head_names_every_column() -> None:
    table = parse_table(PAGE[0], PAGE[1:6])
    assert table.head == [["", "1 januari 2025", "1 januari 2025", "1 januari 2026",
                           "1 januari 2026"],
                          ["Onderdeel", "Vast", "Tijdelijk", "Vast", "Tijdelijk"]]
    assert table.rows[1] == ["Totaal", "43.000", "5.700", "44.500", "6.150"]


def test_group_rows_and_a_blank_line_inside_the_table() -> None:
    lines = ["Tabel 6 Uitgaven", "",
             " Categorie                   2024     2025",
             " Personeel", "",
             " Salarissen                 410,5    432,0",
             " Totaal                     886,1    969,1", "", "Doelen"]
    end = table_extent(lines, 0)
    table = parse_table(lines[0], lines[1:end])
    assert [row[0] for row in table.rows] == ["Personeel", "Salarissen", "Totaal"]
    assert table.rows[0] == ["Personeel", "", ""]


def test_column_without_data_keeps_its_head() -> None:
    lines = ["            Realisatie 2025    Doel 2026    Doel 2027    Doel 2028",
             " Gereedheid             72%          75%                      85%",
             " Vulling                81%                                   90%"]
    table = parse_table("Tabel 7 Doelen", lines)
    assert table.head == [["", "Realisatie 2025", "Doel 2026", "Doel 2027", "Doel 2028"]]
    assert table.rows == [["Gereedheid", "72%", "75%", "", "85%"],
                          ["Vulling", "81%", "", "", "90%"]]


def test_body_lines_mark_headings_tables_and_escape_markup() -> None:
    from standgen.snapshot.pdf_extract import OutlineEntry

    lines = ["2.2 Instroom en uitstroom", "# not a heading", *PAGE]
    out = body_lines(lines, [OutlineEntry(2, "2.2 Instroom en uitstroom", 24)])
    assert out[0] == "## 2.2 Instroom en uitstroom"
    assert out[1] == "\\# not a heading"
    assert out[2] == "table: Tabel 2 Personeel per onderdeel (VTE'n)"
    assert out[-1] == "In 2025 stroomden 4.500 mensen in."
