"""Theme files: the shipped ones load, bad ones are refused with file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.errors import Location, SourceError
from standgen.theme import load_theme, shipped_themes
from standgen.theme.load import load_theme_file
from standgen.theme.select import choose_theme


def test_shipped_themes_load_with_existing_font_files() -> None:
    assert {"rijkshuisstijl", "sober"} <= set(shipped_themes())
    for name in shipped_themes():
        theme = load_theme(name)
        assert theme.name == name
        for face in ("regular", "bold", "italic", "bold_italic"):
            assert Path(getattr(theme.fonts, face)).is_file()
    assert load_theme().colours.primary == "#154273"  # the default: logoblauw


def _theme(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "eigen.yaml"
    path.write_text(text, encoding="utf-8")
    load_theme_file.cache_clear()
    return path


@pytest.mark.parametrize(("text", "line", "field", "words"), [
    ("name: x\ncolours:\n  primary: blauw\n", 3, "colours.primary", "#RRGGBB"),
    ("name: x\ncolours:\n  primry: '#000000'\n", 3, "colours.primry", "allowed here: accent"),
    ("name: x\ncover:\n  band: links\n", 3, "cover.band", "'top', 'none'"),
    ("name: x\nsizes:\n  body: -3\n", 3, "sizes.body", "more than 0"),
    ("name: x\nchapter_opener:\n  style: fancy\n", 3, "chapter_opener.style", "'band'"),
    ("naam: x\n", 1, "naam", "unknown theme key"),
])
def test_bad_theme_is_refused_where_it_is_wrong(tmp_path: Path, text: str, line: int,
                                                 field: str, words: str) -> None:
    path = _theme(tmp_path, text)
    with pytest.raises(SourceError) as caught:
        load_theme(path)
    message = str(caught.value)
    assert f"{path}:{line}: {field}:" in message and words in message


def test_missing_font_or_logo_file_is_named(tmp_path: Path) -> None:
    path = _theme(tmp_path, "name: x\nfonts:\n  bold: Rijksoverheid-Bold.ttf\n")
    with pytest.raises(SourceError, match=r"fonts\.bold.*Rijksoverheid-Bold\.ttf"):
        load_theme(path)
    path = _theme(tmp_path, "name: x\ncover:\n  logo: logo.png\n")
    with pytest.raises(SourceError, match=r"cover\.logo.*logo\.png"):
        load_theme(path)


def test_own_files_are_found_next_to_the_theme(tmp_path: Path) -> None:
    shipped = Path(load_theme().fonts.regular)
    (tmp_path / "Eigen-Regular.ttf").write_bytes(shipped.read_bytes())
    path = _theme(tmp_path, "name: eigen\nfonts:\n  family: Eigen\n"
                            "  regular: Eigen-Regular.ttf\n")
    theme = load_theme(path)
    assert theme.fonts.regular == str((tmp_path / "Eigen-Regular.ttf").resolve())
    assert theme.fonts.bold == load_theme().fonts.bold  # not named: the shipped file


def test_command_line_overrides_report_and_unknown_names_are_located(tmp_path: Path) -> None:
    at = Location(tmp_path / "report.yaml", 7, "theme")
    assert choose_theme("sober", "rijkshuisstijl", at, tmp_path).stem == "sober"
    assert choose_theme(None, "sober", at, tmp_path).stem == "sober"
    assert choose_theme(None, None, at, tmp_path).stem == "rijkshuisstijl"
    with pytest.raises(SourceError, match=r"report\.yaml:7: theme: .*unknown theme 'blauw'"):
        choose_theme(None, "blauw", at, tmp_path)
    with pytest.raises(SourceError, match=r"--theme: .*not found"):
        choose_theme("geen/thema.yaml", None, at, tmp_path)
    own = _theme(tmp_path, "name: eigen\n")
    assert choose_theme(None, own.name, at, tmp_path) == own.resolve()
