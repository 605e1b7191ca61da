"""A leak refusal says where the public text holds the figure or text, where the confidential
original comes from, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from standgen.errors import BuildError
from tests.reports import one_topic, write_report

TOPIC = "1 Hoofdstuk > 1.1 Sectie > Onderwerp"
NOTE_LEAK = """\
- table:
    id: instroom
    title: Instroom (VTE'n)
    columns: [2024, 2025]
    rows:
      - {id: a, label: Realisatie, values: [3400, 3900]}
      - {id: geheim, label: Geheime eenheid, values: [222, 333], rubricering: dep-vertrouwelijk}
    notes:
      - "Exclusief 333 bijzondere instromers."
"""


def _refusal(tmp_path: Path, body: str, formats: tuple[str, ...] = ("md",)) -> str:
    source = write_report(tmp_path, body)
    with pytest.raises(BuildError) as caught:
        build(BuildRequest(source, tmp_path / "out", formats=formats,
                           cache_dir=tmp_path / "cache"))
    return str(caught.value)


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_figure_in_a_public_table_note_is_named_at_the_note(tmp_path: Path, fmt: str
                                                              ) -> None:
    message = _refusal(tmp_path, one_topic(NOTE_LEAK), (fmt,))
    assert "'333'" in message
    source, public = message.split("the openbare versie holds it at ")
    assert "row 'Geheime eenheid'" in source and "report.yaml:" in source
    assert public.startswith(f"{TOPIC}, table \"Instroom (VTE'n)\", note (report.yaml:")
    assert "declared_public: [{figure: 333, reason: ...}]" in public


def test_a_public_title_that_repeats_a_confidential_term_names_both_and_declared_public(
        tmp_path: Path) -> None:
    body = one_topic("""\
- text: Het klantcontactcentrum was dit kwartaal goed bereikbaar voor de MPR.
""") + """\
back_matter:
  afkortingen:
    entries:
      - {term: KCC, meaning: Klantcontactcentrum, rubricering: dep-vertrouwelijk}
      - {term: MPR, meaning: Monitor Proefregeling}
"""
    message = _refusal(tmp_path, body)
    assert "table ''" not in message
    assert "table without caption, row 'KCC', cell" in message
    assert f"the openbare versie holds it at {TOPIC} (report.yaml:" in message
    assert 'declared_public: [{text: "Klantcontactcentrum", reason: ...}]' in message


def test_the_declared_public_entry_the_message_suggests_lets_the_build_pass(
        tmp_path: Path) -> None:
    body = one_topic("""\
- text: "Alles loopt volgens plan; het budget is 4.567 miljoen."
- text:
    text: "Het geheime budget is 4.567 miljoen euro."
    rubricering: dep-vertrouwelijk
""")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    message = _refusal(tmp_path / "a", body)
    entry = message.split("`declared_public: ")[1].split("`")[0]
    assert entry == "[{figure: 4567, reason: ...}]"
    fixed = body + "declared_public: " + entry.replace("...", "Toeval.") + "\n"
    source = write_report(tmp_path / "b", fixed)
    result = build(BuildRequest(source, tmp_path / "b" / "out", formats=("md",),
                                cache_dir=tmp_path / "cache"))
    assert len(result.artifacts) == 1
