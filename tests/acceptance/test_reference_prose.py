"""The reference report reproduced: every prose sentence of the real public edition stands
in the public PDF, apart from the listed corrections of the reference's own typos.

Which lines count as prose, and how both sides are normalised, is documented in
tests/acceptance/reference_prose.py. The sentences are kept in fixtures/reference/ so that
the test runs from a plain clone; where the reference text is at hand they are read from it
too, and must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.build import BuildResult
from tests.acceptance.reference_prose import (
    Correction,
    corrected,
    corrections,
    extract,
    frozen,
    pattern,
    prose_lines,
    sentences,
    squash,
)
from tests.conftest import REFERENCE_TEXT, ROOT, artifact

PROSE = ROOT / "fixtures" / "reference" / "stand-van-defensie-voorjaar-2026-prose.json"
CORRECTIONS = ROOT / "fixtures" / "reference" / "stand-van-defensie-voorjaar-2026-corrections.json"

Sentences = list[tuple[int, str]]


@pytest.fixture(scope="module")
def reference_prose() -> Sentences:
    kept = frozen(PROSE)
    if REFERENCE_TEXT.is_file() and extract(REFERENCE_TEXT) != kept:
        pytest.fail(f"{PROSE} no longer matches {REFERENCE_TEXT}; write it again with "
                    f"python -m tests.acceptance.reference_prose {REFERENCE_TEXT} {PROSE}")
    return kept


@pytest.fixture(scope="module")
def listed() -> list[Correction]:
    return corrections(CORRECTIONS)


@pytest.fixture(scope="module")
def pdf_text(reference_build: BuildResult) -> list[str]:
    from tests.acceptance.reference_prose import haystacks

    return haystacks(artifact(reference_build, "openbare-versie.pdf"))


def _found(sentence: str, texts: list[str]) -> bool:
    wanted = pattern(sentence)
    return any(wanted.search(text) for text in texts)


def test_every_prose_sentence_of_the_reference_is_in_the_public_pdf(
        reference_prose: Sentences, listed: list[Correction], pdf_text: list[str]) -> None:
    missing = [(line, sentence) for line, sentence in corrected(reference_prose, listed)
               if not _found(sentence, pdf_text)]
    assert missing == []


def test_every_listed_correction_is_needed_and_applies(
        reference_prose: Sentences, listed: list[Correction], pdf_text: list[str]) -> None:
    """A correction must change a sentence on its line that the PDF does not print as the
    reference has it: the list stays short and says why for each."""
    stale = []
    for fix in listed:
        on_line = [s for line, s in reference_prose if line == fix.line and fix.reference in s]
        if not on_line or fix.reason.strip() == "" or fix.reference == fix.fixture or any(
                _found(s, pdf_text) for s in on_line):
            stale.append(fix)
    assert stale == []


def test_the_last_paragraph_of_7_2_is_kept_and_checked(reference_prose: Sentences) -> None:
    last_line = max(line for line, _ in reference_prose)
    last = [s for line, s in reference_prose if line == last_line]
    assert len(last) == 7
    assert last[0].startswith("Een transparante overheid is een belangrijk goed")
    assert last[-1].endswith("Wet Open Overheid om informatiecategorieën openbaar te maken.")


def test_the_prose_rule_skips_tables_headings_and_residue(tmp_path: Path) -> None:
    text = tmp_path / "reference.txt"
    text.write_text("\n" * 41 + "Voorwoord\n\nToelichting\n2021\t2022\nBesturen en "
                    "commandovoering\n**UNMPKI**\nDit is zin één. Dit is zin twee³ met "
                    "noot.\n³ Kamerstuk 36 592, nr. 52\nb. Kamerbrief d.d. 15/11\n"
                    "- Dienjaar;\n* Berekend zonder Oekraïne\nHet staat in de tabel:\n",
                    encoding="utf-8")
    assert [line for _, line in prose_lines(text)] == [
        "Dit is zin één. Dit is zin twee³ met noot.", "³ Kamerstuk 36 592, nr. 52",
        "b. Kamerbrief d.d. 15/11", "- Dienjaar;", "* Berekend zonder Oekraïne",
        "Het staat in de tabel:"]
    assert sentences("b. Kamerbrief d.d. 15/11") == ["Kamerbrief d.d. 15/11"]
    assert sentences("Zie d.d. 15/11 en nr. 52. Daarna 2300 sorties.") == [
        "Zie d.d. 15/11 en nr. 52.", "Daarna 2300 sorties."]
    assert sentences("¹⁷ Motie Piri c.s. van 5 maart.") == ["Motie Piri c.s. van 5 maart."]


@pytest.mark.parametrize(("reference", "printed", "found"), [
    ("Duurzaamheid¹ van 10 oktober", "Duurzaamheid20 van 10\noktober", True),
    ("Duurzaamheid¹ van 10 oktober", "Duurzaamheid van 10 oktober", True),
    ("de 1.000^e *dienjaarmilitair*", "de 1.000ᵉ dienjaar\u00admilitair", False),
    ("de 1.000^e *dienjaarmilitair*", "de 1.000ᵉ dienjaarmilitair", True),
    ("de CO₂-reductie", "de CO2-reductie", True),
    ("'Denk Vooruit' gestart", "‘Denk Vooruit’ gestart", True),
    ("een € 26,3 miljard", "een €\u00a026,3 miljard", True),
    ("officiële cijfers", "ofﬁciële cijfers", True),
    ("de officiële cijfers", "de officieuze cijfers", False),
])
def test_normalisation(reference: str, printed: str, found: bool) -> None:
    assert bool(pattern(reference).search(squash(printed))) is found
