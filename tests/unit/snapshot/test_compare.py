"""Snapshot comparison in report terms, on small hand-written snapshots."""

from __future__ import annotations

from standgen.snapshot.compare import compare_snapshots
from standgen.snapshot.text import truncate

OLD = """standgen snapshot 1: pdf
== document ==
Title: Stand
pages: 3
== outline ==
2 Personeel → p. 2
  2.2 Instroom en uitstroom van personeel → p. 2
  3.1 Staat van het materieel → p. 3
== body ==
-- page 2 --
header: Personeel
footer: Stand 2
# 2 Personeel
## 2.2 Instroom en uitstroom van personeel
table: Tabel 13 Instroom beroepsmilitairen (VTE'n)
  head:  | 2024 | 2025
  row: Realisatie instroom | 4.326 | 5.138
  row: Plancijfer instroom | 6.217 | 6.969
De instroom betreft in 2025 5.138 VTE'n. De instroom
bedraagt 73,7% van het plancijfer.
-- page 3 --
header: Materieel
footer: Stand 3
## 3.1 Staat van het materieel
Tekst.
"""


def _new(*pairs: tuple[str, str]) -> str:
    text = OLD
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new)
    return text


def test_identical_snapshots_have_no_changes() -> None:
    diff = compare_snapshots(OLD, OLD)
    assert not diff.changed
    assert diff.render() == "no changes\n"


def test_changed_cell_is_named_by_section_row_and_column() -> None:
    diff = compare_snapshots(OLD, _new(("| 4.326 | 5.138", "| 4.326 | 5.140")))
    assert diff.changes == [
        "2.2 Instroom en uitstroom van personeel, Realisatie instroom 2025: 5.138 → 5.140 "
        "(Tabel 13 Instroom beroepsmilitairen (VTE'n), p. 2)",
        "pages whose text lines differ: 2"]


def test_moved_heading_and_page_count() -> None:
    moved = _new(("pages: 3", "pages: 4"), ("materieel → p. 3", "materieel → p. 4"),
                 ("-- page 3 --", "-- page 3 --\nheader:\nfooter:\n-- page 4 --"))
    diff = compare_snapshots(OLD, moved)
    assert diff.changes[:2] == ["page count: 3 → 4",
                                "3.1 Staat van het materieel now starts on page 4, was 3"]


def test_rewrapped_text_is_no_text_change_but_a_changed_page() -> None:
    rewrapped = _new(("VTE'n. De instroom\nbedraagt", "VTE'n.\nDe instroom bedraagt"))
    assert compare_snapshots(OLD, rewrapped).changes == ["pages whose text lines differ: 2"]


def test_text_change_quotes_its_context() -> None:
    diff = compare_snapshots(OLD, _new(("73,7%", "73,8%")))
    assert diff.changes[0] == ("2.2 Instroom en uitstroom van personeel, p. 2, text: "
                               "“… 5.138 VTE'n. De instroom bedraagt [73,7% → 73,8%] van het "
                               "plancijfer. ## 3.1 …”")


def test_row_added_and_metadata_in_the_unified_rest() -> None:
    diff = compare_snapshots(OLD, _new(("row: Plancijfer instroom | 6.217 | 6.969",
                                        "row: Plancijfer instroom | 6.217 | 6.969\n"
                                        "  row: % realisatie | 69,6% | 73,7%"),
                                       ("Title: Stand", "Title: Stand 2026")))
    assert ("2.2 Instroom en uitstroom van personeel, Tabel 13 Instroom beroepsmilitairen "
            "(VTE'n): row added: % realisatie | 69,6% | 73,7%") in diff.changes
    assert "-Title: Stand" in diff.residual and "+Title: Stand 2026" in diff.residual


def test_truncation_keeps_a_hash_of_the_whole_text() -> None:
    one, two = "woord " * 80 + "einde", "woord " * 80 + "slot"
    assert truncate(one) != truncate(two)
    assert truncate(one).startswith("woord woord") and "[485 chars #" in truncate(one)
    assert truncate("kort") == "kort"


DOCX = """standgen snapshot 1: docx
== document ==
title='Stand'
== styles used ==
Normal ×2
== body ==
-- section 1 --
header: default: Inhoud
footer: default: Stand 2
## [Heading 2] 1.1 Instroom
[Normal] [image]
## [Heading 2] 6.2 Veiligheid
[Normal] [image]
== footnotes ==
== images ==
1. #aaaaaaaaaaaa 'Lijn van de instroom'
2. #bbbbbbbbbbbb 'Staafdiagram van meldingen'
"""


def test_images_are_matched_by_content_not_by_number() -> None:
    inserted = DOCX.replace("## [Heading 2] 6.2 Veiligheid\n",
                            "## [Heading 2] 6.2 Veiligheid\n[Normal] [image]\n").replace(
        "2. #bbbbbbbbbbbb", "2. #cccccccccccc 'Nieuw'\n3. #bbbbbbbbbbbb")
    changes = compare_snapshots(DOCX, inserted).changes
    assert changes[-1] == "6.2 Veiligheid, image added: #cccccccccccc 'Nieuw'"
    assert not any("redrawn" in change for change in changes)


def test_redrawn_image_keeps_its_alt_text_and_place() -> None:
    redrawn = DOCX.replace("#aaaaaaaaaaaa", "#dddddddddddd")
    assert compare_snapshots(DOCX, redrawn).changes == [
        "1.1 Instroom, image 'Lijn van de instroom' redrawn: #aaaaaaaaaaaa → #dddddddddddd"]
