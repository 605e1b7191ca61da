"""Every phrase standgen prints comes from the templates: both fixtures, built with a
templates folder that overrides every key of templates/text/nl.yaml with a marker, hold
none of the defaults' distinctive phrases in any text a reader sees or hears (DOCX text
and alt texts, PDF text, annotations, structure alternate texts and metadata, Markdown) of
the public edition, nor in the PDF of a numbered, marked concept copy of the
vertrouwelijke versie (page x of y, copy number, concept line).
A phrase written in code instead of a template fails here.

Left out of the check, by rule rather than by list: a literal of fewer than four letters
("h", "-", "van", "—"), which any text holds; and a literal the report's own sources hold
(the author wrote "Totaal" or "Staafdiagram van …" there, so it may print)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from tests.unit.phrases.overrides import fixed_words, markers, standard_texts, write_override
from tests.unit.phrases.reading import readable_text

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ("stand-van-defensie-voorjaar-2026", "voortgang-woningbouw-2025")
MIN_LETTERS = 4


def _sources(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*"))
                     if p.suffix in (".yaml", ".csv", ".md") and "templates" not in p.parts)


def _defaults(sources: str) -> dict[str, str]:
    """Each distinctive literal of the defaults, with the key it belongs to."""
    found: dict[str, str] = {}
    for group, entries in standard_texts().items():
        for key, default in entries.items():
            for literal in fixed_words(default):
                letters = sum(ch.isalpha() for ch in literal)
                if letters >= MIN_LETTERS and not _holds(sources, literal):
                    found.setdefault(literal, f"{group}.{key}")
    return found


def marks_public(path: Path) -> bool:
    """A public artifact (its name ends in the marker of `files.openbaar`)."""
    return path.stem.endswith(markers()["files", "openbaar"].lower())


def _holds(text: str, literal: str) -> bool:
    return literal in text and re.search(rf"(?<!\w){re.escape(literal)}(?!\w)",
                                         text) is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[Path]]]:
    folder = write_override(tmp_path_factory.mktemp("override") / "templates")
    out: dict[str, tuple[Path, list[Path]]] = {}
    for name in FIXTURES:
        source = ROOT / "fixtures" / name
        marked = name == FIXTURES[0]
        result = build(BuildRequest(
            source / "report.yaml", tmp_path_factory.mktemp(name), templates=folder,
            formats=("docx", "pdf", "md"),
            editions=("openbaar", "vertrouwelijk") if marked else ("openbaar",),
            copies=(1,) if marked else (), concept=marked))
        out[name] = source, [p for p in result.artifacts
                             if p.suffix in (".docx", ".pdf", ".md")]
    return out


@pytest.mark.parametrize("name", FIXTURES)
def test_no_default_phrase_survives_an_override_of_every_key(
        built: dict[str, tuple[Path, list[Path]]], name: str) -> None:
    source, artifacts = built[name]
    defaults = _defaults(_sources(source))
    assert len(defaults) > 40  # the rule leaves most of the defaults to check
    left = []
    read = [p for p in artifacts if marks_public(p) or p.suffix == ".pdf"]
    for path in read:
        text = readable_text(path)
        assert "Qz" in text, f"{path.name}: the override did not reach it"
        left += [f"{path.name}: {literal!r} ({key})" for literal, key in defaults.items()
                 if _holds(text, literal)]
    assert left == []


def test_the_override_reaches_the_writers_own_words(
        built: dict[str, tuple[Path, list[Path]]]) -> None:
    marks = markers()
    _, artifacts = built[FIXTURES[0]]
    pdf = next(p for p in artifacts if p.name.endswith(".pdf") and "vertrouwelijk" not in
               p.name.split("qz")[0] and "-01" in p.name)
    text = readable_text(pdf)
    for key in ("tabel", "figuur", "pagina_x_van_y", "exemplaar", "concept"):
        assert marks["words", key] + " " in text, key
    for key in ("alt", "van_naar"):
        assert marks["charts", key] + " " in text, key
    kinds = ("line", "bar", "stacked", "hbar", "pie", "donut")
    assert any(marks["charts", kind] + " " in text for kind in kinds)
