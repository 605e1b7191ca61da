"""A hurried author's templates override (text/nl.yaml of another ministry): a typo in a
key or group, a text at the wrong level, an empty text, a template that does not parse or
uses a name it is not given, a split text without its names. Each is refused when the
texts are loaded, naming file, line and key, even where the report never prints the
text (a mistake lying in wait would surface in the next report's build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.compose.templating import TextTemplates
from standgen.errors import SourceError
from tests.hostile.guard import run_cli
from tests.reports import one_topic, write_report

CASES = {
    "key at group level": ("tabel: Table\n", 1, "tabel", "stands where a group belongs"),
    "typo in a key": ("words:\n  tabell: Table\n", 2, "words.tabell",
                      "did you mean words.tabel"),
    "typo in a group": ("word:\n  tabel: Table\n", 1, "word", "did you mean words"),
    "group inside a group": ("words:\n  words:\n    tabel: Table\n", 2, "words.words",
                             "not a map"),
    "empty text": ("words:\n  tabel:\n", 2, "words.tabel", "not nothing"),
    "list for a text": ("words:\n  tabel: [a, b]\n", 2, "words.tabel", "not a seq"),
    "empty group": ("words:\n", 1, "words", "stands where a group belongs"),
    "syntax error in an unprinted text": ('labels:\n  doelstelling: Aim\n'
                                          '  bron: "Source: {{ text }"\n', 3, "labels.bron",
                                          "syntax error"),
    "unknown name in an unprinted text": ('labels:\n  bron: "Source: {{ tekst }}"\n', 2,
                                          "labels.bron",
                                          "'tekst' is undefined; this text is given text"),
    "unknown name in a folded text": ("phrases:\n  tabel_herberekend: >-\n    Recomputed\n"
                                      "    {{ figuur }}.\n", 2, "phrases.tabel_herberekend",
                                      "given no names"),
    "page words without the count": ('words:\n  pagina_x_van_y: "page {{ x }}"\n', 2,
                                     "words.pagina_x_van_y", "{{ x }}, then {{ y }}"),
    "chart alt text without the type": ('charts:\n  alt: "Chart: {{ onderwerp }}"\n', 2,
                                        "charts.alt", "{{ soort }}, then {{ onderwerp }}"),
    "twelve months expected": ("getallen:\n  maanden: jan feb mrt\n", 2, "getallen.maanden",
                               "twelve month names"),
    "date without the year": ('getallen:\n  datum: "{{ maand }} {{ dag }}"\n', 2,
                              "getallen.datum", "{{ jaar }}, each once"),
    "copy file name without the number": ('files:\n  exemplaar: copy\n', 2,
                                          "files.exemplaar", "use {{ n }}"),
    "filter Jinja has but the texts do not": ('labels:\n  bron: "{{ text|list }}"\n', 2,
                                               "labels.bron", "named 'list'"),
    "unknown filter": ('labels:\n  bron: "{{ text|nosuchfilter }}"\n', 2, "labels.bron",
                       "author guide lists"),
    "unknown test": ('labels:\n  bron: "{% if text is nosuchtest %}x{% endif %}"\n', 2,
                     "labels.bron", "no test named 'nosuchtest'"),
    "confidential mark as a zero": ('waarden:\n  vertrouwelijk: "0"\n', 2,
                                    "waarden.vertrouwelijk", "holds a digit"),
    "recomputed mark as a digit": ('labels:\n  herberekend: "1"\n', 2, "labels.herberekend",
                                   "never look like a figure"),
    "blank recomputed mark": ('labels:\n  herberekend: " "\n', 2, "labels.herberekend",
                              "blank"),
    "no-break space note": ('phrases:\n  tabel_vertrouwelijk: "\u00a0 "\n', 2,
                            "phrases.tabel_vertrouwelijk", "blank"),
    "zero-width and ideographic spaces": ('phrases:\n  tabel_vertrouwelijk: "\u200b\u3000"\n',
                                          2, "phrases.tabel_vertrouwelijk", "blank"),
    "roman numeral as a mark": ('waarden:\n  ntb: "Ⅻ"\n', 2, "waarden.ntb", "holds a digit"),
    "blank recomputed note": ('phrases:\n  tabel_herberekend: "  "\n', 2,
                              "phrases.tabel_herberekend", "blank"),
    "public file reads as confidential": ("files:\n  openbaar: vertrouwelijk\n", 2,
                                          "files.openbaar", "must not read as confidential"),
    "public file named as the annex": ("files:\n  openbaar: Vertrouwelijke-Bijlage\n", 2,
                                       "files.openbaar", "confidential"),
    "two editions one file name": ("files:\n  bijlage: extra\n  vertrouwelijk: extra\n",
                                   3, "files.vertrouwelijk", "files.bijlage"),
    "public and confidential one name": ("files:\n  openbaar: versie\n  vertrouwelijk: "
                                         "Versie\n", 2, "files.openbaar",
                                         "also the file name of files.vertrouwelijk"),
    "annex named as the public file": ("files:\n  bijlage: openbare-versie\n", 2,
                                       "files.bijlage", "each edition needs its own"),
    "unknown filter in an untaken branch": ('labels:\n  bron: "{% if false %}{{ text|nosuch }}'
                                            '{% endif %}"\n', 2, "labels.bron",
                                            "no filter named 'nosuch'"),
    "unknown filter on a later line": ("phrases:\n  tabel_herberekend: |-\n    Recomputed\n"
                                       "    {{ 'x'|nosuch }}\n", 3,
                                       "phrases.tabel_herberekend", "filter named"),
}


def _override(folder: Path, text: str) -> Path:
    (folder / "text").mkdir(parents=True)
    (folder / "text" / "nl.yaml").write_text(text, encoding="utf-8")
    return folder


def _words_and_files(texts: TextTemplates) -> None:
    """What a build renders of the writers' words and copy file names."""
    from standgen.build import copy_part
    from standgen.compose.figures import chart_words
    from standgen.compose.titles import writer_words

    writer_words(texts)
    chart_words(texts)
    copy_part(texts, 1)
    texts.numbers()


@pytest.mark.parametrize("name", list(CASES))
def test_a_bad_override_is_a_located_error(name: str, tmp_path: Path) -> None:
    text, line, key, fragment = CASES[name]
    folder = _override(tmp_path / "sjablonen", text)
    with pytest.raises(SourceError) as caught:
        _words_and_files(TextTemplates(folder))
    (problem,) = caught.value.problems
    assert problem.location.file == folder / "text" / "nl.yaml"
    assert (problem.location.line, problem.location.field) == (line, key)
    assert fragment in problem.message


def test_the_command_line_refuses_a_typo_without_output(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    main = write_report(tmp_path / "project", one_topic("- toelichting: Tekst.\n"))
    folder = _override(tmp_path / "sjablonen", "words:\n  tabel: Table\n  figur: Figure\n")
    run = run_cli(["build", str(main), "--out", str(tmp_path / "out"), "--templates",
                   str(folder)])
    assert run.code == 2, run.output
    assert "Traceback" not in run.output
    assert f"{folder / 'text' / 'nl.yaml'}:3: words.figur" in run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("source", ['"{{ text|list }}"', '"{{ text|nosuchfilter }}"'])
def test_an_unknown_filter_in_an_override_is_exit_2_without_output(source: str,
                                                                  tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    main = write_report(tmp_path / "project", one_topic("- toelichting: Tekst.\n"))
    folder = _override(tmp_path / "sjablonen", f"labels:\n  bron: {source}\n")
    run = run_cli(["build", str(main), "--out", str(tmp_path / "out"), "--templates",
                   str(folder)])
    assert run.code == 2, run.output
    assert "Traceback" not in run.output and "internal error" not in run.output
    assert f"{folder / 'text' / 'nl.yaml'}:2: labels.bron" in run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
