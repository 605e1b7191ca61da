"""The leak check cannot be blinded: a public repeat of a secret, another spelling of a
figure, a footnote mark, template value or link in a secret sentence, a short secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.build import BuildRequest, BuildResult, build
from standgen.edition.levels import load_levels
from standgen.errors import BuildError, SourceError
from standgen.leaks.candidates import gather
from standgen.leaks.check import check_artifact
from standgen.load import load_report
from tests.reports import one_topic, write_report

SECRET_TABLE = """\
- table:
    id: voorraad
    title: Voorraad per locatie
    rubricering: dep-vertrouwelijk
    columns: [2025]
    rows:
      - {id: noord, label: Locatie Noord, values: [34567]}
"""


def _build_public(folder: Path, body: str, fmt: str = "md") -> BuildResult:
    main = write_report(folder, body)
    return build(BuildRequest(main, folder / "out", ("openbaar",), (fmt,),
                              cache_dir=folder / "cache"))


def _refused(folder: Path, body: str, fmt: str = "md") -> str:
    with pytest.raises(BuildError) as caught:
        _build_public(folder, body, fmt)
    assert not list((folder / "out").glob("*.md")), "a leaking artifact was kept"
    return str(caught.value)


@pytest.mark.parametrize("spelling", ["34.567", "34567", "34 567", "34\u00a0567",
                                      "34\u202f567", "34,567", "-34.567"])
def test_a_public_sentence_repeating_a_secret_figure_fails(tmp_path: Path,
                                                           spelling: str) -> None:
    body = one_topic(SECRET_TABLE + f"- text: Er staan {spelling} stuks op voorraad.\n")
    message = _refused(tmp_path, body)
    assert "confidential figure" in message and "34.567" in message


def test_a_secret_figure_printed_with_a_scale_word_fails(tmp_path: Path) -> None:
    body = one_topic("""\
- table:
    id: budget
    title: Budget
    rubricering: dep-vertrouwelijk
    unit: {kind: euro, scale: miljoen, decimals: 1}
    columns: [2025]
    rows:
      - {id: a, label: Project Alfa, values: [26.3]}
- text: Het budget bedraagt 26.300.000 euro.
""")
    assert "26,3" in _refused(tmp_path, body)


def test_a_secret_topic_title_reused_as_public_footnote_fails(tmp_path: Path) -> None:
    body = one_topic("- text: Openbare zin over de planning.[^n]\n",
                     "- {id: n, text: Project Noorderlicht}\n").replace(
        "            blocks:\n", "            blocks:\n", 1)
    body += """\
          - id: geheim
            title: Project Noorderlicht
            rubricering: dep-vertrouwelijk
            blocks:
              - text: Alleen voor de bijlage bestemd.
"""
    assert "Project Noorderlicht" in _refused(tmp_path, body)


def test_a_public_sentence_is_never_a_candidate(tmp_path: Path) -> None:
    body = one_topic(SECRET_TABLE + "- text: Deze openbare zin staat in elke editie.\n")
    report = load_report(write_report(tmp_path, body))
    texts = [c.text for c in gather(report, load_levels()).candidates]
    assert "Deze openbare zin staat in elke editie." not in texts
    assert "34.567" in texts and "Voorraad per locatie" in texts


SECRET_SENTENCES = """\
- text: Openbare inleiding met een link naar [de site](https://example.org/openbaar).
- toelichting:
    rubricering: dep-vertrouwelijk
    text: "Het tekort[^n] blijft groot in het noorden van het land."
- toelichting:
    rubricering: dep-vertrouwelijk
    text: "De voorraad in het noorden is {{ waarde('voorraad', 'noord', 2025) }} stuks."
- toelichting:
    rubricering: dep-vertrouwelijk
    text: "Zie [het geheime plan](https://example.org/plan-zuid) voor de aanpak."
"""


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_secret_sentences_with_marks_templates_and_links_are_reported(
        tmp_path: Path, fmt: str) -> None:
    body = one_topic(SECRET_TABLE + SECRET_SENTENCES, "- {id: n, text: Een voetnoot.}\n")
    main = write_report(tmp_path, body)
    result = build(BuildRequest(main, tmp_path / "out", ("vertrouwelijk",), (fmt,),
                                cache_dir=tmp_path / "cache"))
    (artifact,) = result.artifacts
    found = {leak.text for leak in check_artifact(artifact, load_report(main))}
    assert "Het tekort blijft groot in het noorden van het land." in found
    assert "De voorraad in het noorden is 34.567 stuks." in found
    assert "Zie het geheime plan voor de aanpak." in found
    assert "https://example.org/plan-zuid" in found
    assert not any("openbaar" in text for text in found)


SHORT_SECRET = """\
- text: {public}
- table:
    id: schepen
    title: Schepen
    columns: [2025]
    rows:
      - {{id: a, label: Openbare rij, values: [12]}}
      - {{id: b, label: Geheime rij, values: [812], rubricering: dep-vertrouwelijk}}
"""


@pytest.mark.parametrize(("public", "leaks"), [
    ("Het project Orca loopt volgens plan.", True),
    ("Er zijn 812 schepen.", True),
    ("De orcaan raasde; de romp woog 8120 kilo en de 2812 stond klaar.", False),
])
def test_a_short_secret_is_found_as_a_whole_word_or_figure(tmp_path: Path, public: str,
                                                           leaks: bool) -> None:
    body = one_topic(SHORT_SECRET.format(public=public)) + """\
          - id: orca
            title: Orca
            rubricering: dep-vertrouwelijk
            blocks:
              - text: Geheime details.
"""
    if leaks:
        _refused(tmp_path, body)
    else:
        assert _build_public(tmp_path, body).artifacts


def test_a_declared_public_entry_lets_a_collision_pass_and_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = one_topic(SECRET_TABLE + "- text: Er staan 34.567 stuks op voorraad.\n")
    body += ("declared_public:\n"
             "  - {figure: 34567, reason: Het totaal is al openbaar gemaakt.}\n")
    for _ in range(2):  # every build that uses it says so
        assert _build_public(tmp_path, body).artifacts
        err = capsys.readouterr().err
        assert "report.yaml:" in err and "declared_public" in err
        assert "Het totaal is al openbaar gemaakt." in err and "34.567" in err


def test_a_declared_public_entry_needs_a_reason(tmp_path: Path) -> None:
    body = one_topic(SECRET_TABLE) + "declared_public:\n  - {text: Locatie Noord}\n"
    with pytest.raises(SourceError) as caught:
        load_report(write_report(tmp_path, body))
    assert "reason" in str(caught.value) and "report.yaml" in str(caught.value)


def test_a_declared_public_entry_takes_one_value(tmp_path: Path) -> None:
    body = one_topic(SECRET_TABLE) + ("declared_public:\n"
                                      "  - {text: A, figure: 1, reason: Twee waarden.}\n")
    with pytest.raises(SourceError) as caught:
        load_report(write_report(tmp_path, body))
    assert "exactly one of" in str(caught.value)


def test_a_secret_sentence_inside_a_longer_public_one_fails(tmp_path: Path) -> None:
    body = one_topic("""\
- text: Zoals gezegd is het tekort aan monteurs ernstig, aldus de minister.
- toelichting:
    rubricering: dep-vertrouwelijk
    text: Het tekort aan monteurs ernstig.
""")
    assert "tekort aan monteurs ernstig" in _refused(tmp_path, body)
