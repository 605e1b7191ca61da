"""The theme, not the code, decides how a report looks: the example report built in two
themes carries each theme's colours and fonts in its PDF and its DOCX, byte-identically."""

from __future__ import annotations

import re
import shutil
import zipfile
import zlib
from pathlib import Path

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str

from standgen.build import BuildRequest, build
from standgen.errors import SourceError
from standgen.theme import load_theme

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "fixtures" / "example" / "report.yaml"


def _pdf_streams(path: Path) -> str:
    data = path.read_bytes()
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(out) + data.decode("latin-1")


def _fill(colour: str) -> str:
    c = HexColor(colour)
    return f"{fp_str(c.red, c.green, c.blue)} rg"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    out: dict[str, dict[str, Path]] = {}
    for theme in ("rijkshuisstijl", "sober"):
        folder = tmp_path_factory.mktemp(theme)
        result = build(BuildRequest(SOURCE, folder, jobs=1, theme=theme,
                                    cache_dir=tmp_path_factory.mktemp("cache")))
        out[theme] = {p.suffix[1:]: p for p in result.artifacts}
    return out


@pytest.mark.parametrize("name", ["rijkshuisstijl", "sober"])
def test_theme_colours_and_fonts_in_pdf_and_docx(built: dict[str, dict[str, Path]],
                                                 name: str) -> None:
    theme = load_theme(name)
    other = load_theme("sober" if name == "rijkshuisstijl" else "rijkshuisstijl")
    pdf = _pdf_streams(built[name]["pdf"])
    family = theme.fonts.family.replace(" ", "")
    assert f"/BaseFont /{family}" in pdf or f"{family}-" in pdf
    # (charts keep their own font and colours: the theme does not reach into them yet)
    assert _fill(theme.colours.primary) in pdf and _fill(theme.colours.accent) in pdf
    assert _fill(other.colours.primary) not in pdf
    with zipfile.ZipFile(built[name]["docx"]) as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
    assert f'w:ascii="{theme.fonts.family}"' in styles
    assert f'w:ascii="{other.fonts.family}"' not in styles
    for colour in (theme.colours.primary, theme.colours.accent):
        assert colour[1:].upper() in styles
    assert other.colours.primary[1:].upper() not in styles


def test_band_opener_only_where_the_theme_asks(built: dict[str, dict[str, Path]]) -> None:
    def heading1_fill(path: Path) -> bool:
        with zipfile.ZipFile(path) as docx:
            styles = docx.read("word/styles.xml").decode("utf-8")
        heading = styles[styles.index('w:styleId="Heading1"'):]
        heading = heading[:heading.index("</w:style>")]
        return "w:shd" in heading

    assert heading1_fill(built["rijkshuisstijl"]["docx"])
    assert not heading1_fill(built["sober"]["docx"])


def test_a_themed_build_is_byte_identical(built: dict[str, dict[str, Path]],
                                          tmp_path: Path) -> None:
    again = build(BuildRequest(SOURCE, tmp_path / "again", jobs=1, theme="sober",
                               cache_dir=tmp_path / "cache"))
    for path in again.artifacts:
        assert path.read_bytes() == built["sober"][path.suffix[1:]].read_bytes(), path.name


def _report_with(tmp_path: Path, line: str) -> Path:
    folder = tmp_path / "rapport"
    shutil.copytree(SOURCE.parent, folder)
    report = folder / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + line, encoding="utf-8")
    return report


def test_report_yaml_names_its_own_theme_file(tmp_path: Path) -> None:
    report = _report_with(tmp_path, "theme: huisstijl/eigen.yaml\n")
    (report.parent / "huisstijl").mkdir()
    (report.parent / "huisstijl" / "eigen.yaml").write_text(
        'name: eigen\ncolours:\n  primary: "#6A1B9A"\n', encoding="utf-8")
    result = build(BuildRequest(report, tmp_path / "out", jobs=1, formats=("docx",),
                                cache_dir=tmp_path / "c"))
    with zipfile.ZipFile(result.artifacts[0]) as docx:
        assert "6A1B9A" in docx.read("word/styles.xml").decode("utf-8")


def test_unknown_theme_in_report_yaml_is_located(tmp_path: Path) -> None:
    report = _report_with(tmp_path, "theme: blauw\n")
    line = len(report.read_text(encoding="utf-8").splitlines())
    with pytest.raises(SourceError, match=rf"report\.yaml:{line}: theme: .*unknown theme"):
        build(BuildRequest(report, tmp_path / "out", jobs=1, cache_dir=tmp_path / "c"))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
