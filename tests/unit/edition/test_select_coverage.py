"""Issue #17: content the hand-written selection forgot, each class with its exact outcome."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from standgen.compose import compose_document, dump_document
from standgen.edition.select import select_edition
from standgen.errors import SourceError
from standgen.model.report import BijlageVerwijzing, TableBlock, TextBlock
from tests.reports import load_text, one_topic

SECRET = "dep-vertrouwelijk"


def _dumps(nodes: Sequence[BaseModel]) -> list[dict[str, Any]]:
    """Nodes as plain data (equality of nodes would also compare where they were read)."""
    return [n.model_dump() for n in nodes]


def _front(inleiding: str) -> str:
    indented = "\n".join("    " + line for line in inleiding.strip().splitlines())
    return f"front_matter:\n  inleiding:\n{indented}\n" + one_topic("- text: Openbaar.")


INLEIDING = f"""\
blocks:
  - text: Openbare inleiding.
leeswijzer:
  - text: Openbare leeswijzer.
  - text: {{text: "Leeswijzer GEHEIM-LW.", rubricering: {SECRET}}}
  - table:
      id: lw
      title: Tabel GEHEIM-LWT
      rubricering: {SECRET}
      columns: [2025]
      rows: [{{id: a, label: A, values: [1]}}]
rapportage_in_ontwikkeling:
  blocks:
    - text: Openbare ontwikkeling.
    - text: {{text: "Ontwikkeling GEHEIM-RO.", rubricering: {SECRET}}}
  changes: [Een openbare wijziging.]
"""


def test_secret_leeswijzer_and_rapportage_content_stay_out_of_openbaar(tmp_path: Path) -> None:
    report = load_text(tmp_path, _front(INLEIDING))
    inleiding = select_edition(report, "openbaar").report.front_matter.inleiding
    assert inleiding is not None
    assert [(type(b), getattr(b, "text", None)) for b in inleiding.leeswijzer] == [
        (TextBlock, "Openbare leeswijzer.")]
    changes = inleiding.rapportage_in_ontwikkeling
    assert changes is not None
    assert [getattr(b, "text", None) for b in changes.blocks] == ["Openbare ontwikkeling."]
    assert changes.changes == ["Een openbare wijziging."]
    text = dump_document(compose_document(report, "openbaar"))
    assert "GEHEIM" not in text
    assert "Openbare leeswijzer." in text and "Openbare ontwikkeling." in text


def test_secret_leeswijzer_and_rapportage_reach_the_confidential_editions(
        tmp_path: Path) -> None:
    report = load_text(tmp_path, _front(INLEIDING))
    whole = dump_document(compose_document(report, "vertrouwelijk"))
    assert all(word in whole for word in ("GEHEIM-LW.", "GEHEIM-LWT", "GEHEIM-RO."))
    bijlage = select_edition(report, "bijlage").report.front_matter.inleiding
    assert bijlage is not None
    assert bijlage.blocks == []  # public blocks stay out of the bijlage
    assert [getattr(b, "text", None) for b in bijlage.leeswijzer] == [
        "Leeswijzer GEHEIM-LW.", None]
    assert isinstance(bijlage.leeswijzer[1], TableBlock)
    assert bijlage.rapportage_in_ontwikkeling is not None
    assert [getattr(b, "text", None) for b in bijlage.rapportage_in_ontwikkeling.blocks] == [
        "Ontwikkeling GEHEIM-RO."]


def test_a_wholly_secret_rapportage_in_ontwikkeling_is_left_out(tmp_path: Path) -> None:
    report = load_text(tmp_path, _front(f"""\
rapportage_in_ontwikkeling:
  rubricering: {SECRET}
  blocks: [{{text: Geheime ontwikkeling.}}]
  changes: [GEHEIM-WIJZIGING]
"""))
    inleiding = select_edition(report, "openbaar").report.front_matter.inleiding
    assert inleiding is not None and inleiding.rapportage_in_ontwikkeling is None
    assert "GEHEIM" not in dump_document(compose_document(report, "openbaar"))
    assert "Rapportage in ontwikkeling" not in dump_document(compose_document(report,
                                                                               "openbaar"))


def test_secret_bijlage_verwijzing_is_replaced_by_the_standard_sentence(
        tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(f"""\
        - text: Openbaar.
        - bijlage_verwijzing: {{onderwerp: "GEHEIM-BV", rubricering: {SECRET}}}"""))
    (topic,) = select_edition(report, "openbaar").report.chapters[0].sections[0].topics
    assert _dumps(topic.blocks) == _dumps([TextBlock(kind="text", text="Openbaar."),
                                           BijlageVerwijzing(onderwerp="onderwerp")])
    assert "GEHEIM" not in dump_document(compose_document(report, "openbaar"))
    for edition in ("vertrouwelijk", "bijlage"):
        selected = select_edition(report, edition).report  # type: ignore[arg-type]
        assert "GEHEIM" not in str(selected.model_dump())


def test_topic_without_title_points_to_the_bijlage_under_its_section_title(
        tmp_path: Path) -> None:
    body = one_topic(f"- text: {{text: Geheim., rubricering: {SECRET}}}")
    report = load_text(tmp_path, body.replace("            title: Onderwerp\n", ""))
    (topic,) = select_edition(report, "openbaar").report.chapters[0].sections[0].topics
    assert _dumps(topic.blocks) == _dumps([BijlageVerwijzing(onderwerp="sectie")])


TABLE_INSIDE = f"""\
- text: Openbaar.
- kind: table
  table:
    id: geheim
    title: Titel GEHEIM-TITEL
    rubricering: {SECRET}
    stub: Kop GEHEIM-STUB
    columns: [{{id: k, label: Kolom GEHEIM-KOLOM}}]
    rows: [{{id: a, label: Rij GEHEIM-RIJ, values: [1]}}]
    notes: [Noot GEHEIM-NOOT]
    source_note: Bron GEHEIM-BRON
    alt: Alt GEHEIM-ALT"""


def test_rubricering_inside_table_removes_the_whole_block(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(TABLE_INSIDE))
    selected = select_edition(report, "openbaar").report
    (topic,) = selected.chapters[0].sections[0].topics
    assert _dumps(topic.blocks) == _dumps([TextBlock(kind="text", text="Openbaar."),
                                           BijlageVerwijzing(onderwerp="onderwerp")])
    assert "GEHEIM" not in str(selected.model_dump())
    text = dump_document(compose_document(report, "openbaar"))
    for word in ("TITEL", "STUB", "KOLOM", "RIJ", "NOOT", "BRON", "ALT"):
        assert f"GEHEIM-{word}" not in text
    whole = dump_document(compose_document(report, "vertrouwelijk"))
    assert all(f"GEHEIM-{word}" in whole for word in ("TITEL", "STUB", "KOLOM", "RIJ"))


def test_rows_with_the_same_label_and_no_id_are_refused_at_load(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        load_text(tmp_path, one_topic(f"""\
            - table:
                id: t
                title: T
                columns: [2025]
                rows:
                  - {{label: Munitie, values: [10]}}
                  - {{label: Munitie, values: [7], rubricering: {SECRET}}}"""))
    (problem,) = caught.value.problems
    assert problem.location.file == tmp_path / "report.yaml"
    assert problem.location.line == 25
    assert problem.location.field == ("chapters[0].sections[0].topics[0].blocks[0].table"
                                      ".rows[1].label")
    assert problem.message.startswith(
        "row 2 has the key 'Munitie' (from its label), like row 1 at line 24 (from its "
        "label); give each row its own `id`")


def test_unknown_rubricering_below_a_removed_node_is_still_an_error(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(f"""\
        - table:
            id: t
            title: T
            rubricering: {SECRET}
            columns: [2025]
            rows: [{{id: a, label: A, values: [1], rubricering: geheimpje}}]"""))
    with pytest.raises(SourceError) as caught:
        select_edition(report, "openbaar")
    (problem,) = caught.value.problems
    assert "unknown rubricering 'geheimpje'" in problem.message
    assert problem.location.line == 24
    assert problem.location.field.endswith("blocks[0].table.rows[0].rubricering")


def test_blank_rubricering_is_refused_not_read_as_public(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        load_text(tmp_path, one_topic("- text: {text: GEHEIM, rubricering: }"))
    (problem,) = caught.value.problems
    assert problem.location.line == 19
    assert problem.location.field.endswith("blocks[0].text.rubricering")
    assert problem.message.startswith("rubricering has no value; write a level")


def test_empty_rubricering_is_an_unknown_level_not_an_inherited_one(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic('- text: {text: GEHEIM, rubricering: ""}'))
    with pytest.raises(SourceError) as caught:
        select_edition(report, "openbaar")
    (problem,) = caught.value.problems
    assert "unknown rubricering ''" in problem.message
    assert problem.location.line == 19


def test_bijlage_keeps_every_footnote_so_confidential_text_can_refer_to_any(
        tmp_path: Path) -> None:
    body = one_topic(f"- text: {{text: 'Geheim[^open] en[^fm].', rubricering: {SECRET}}}",
                     "- {id: open, text: Openbare bron.}")
    report = load_text(tmp_path, f"""\
front_matter:
  voorwoord:
    blocks: [{{text: "Openbaar voorwoord."}}]
    footnotes: [{{id: fm, text: Geheime bron GEHEIM-FM., rubricering: {SECRET}}}]
""" + body)
    selected = select_edition(report, "bijlage")
    assert selected.report.front_matter.voorwoord is None  # nothing confidential in it
    assert [(n.id, n.rubricering) for n in selected.report.footnotes] == [
        ("fm", SECRET), ("open", "openbaar")]
    assert selected.level.id == SECRET
    text = dump_document(compose_document(report, "bijlage"))
    assert "Openbare bron." in text and "GEHEIM-FM." in text
    assert "Openbaar voorwoord." not in text
    public = dump_document(compose_document(report, "openbaar"))
    assert "GEHEIM" not in public and "Geheim" not in public
