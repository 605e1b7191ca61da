"""Themes as a hurried author writes them: empty, a list, a text file named .ttf, a GIF
named .png. Each is refused before anything is written, naming the file and the key; a
real logo appears on the cover of both writers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from standgen.build import BuildRequest, build
from standgen.errors import SourceError
from standgen.theme.load import load_theme_file

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "fixtures" / "example" / "report.yaml"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    load_theme_file.cache_clear()
    return path


@pytest.mark.parametrize(("text", "extra", "message"), [
    ("", None, r"thema\.yaml:1: .*theme file is empty"),
    ("- naam\n- kleur\n", None, r"thema\.yaml:1: .*holds a mapping"),
    ("name: x\nfonts:\n  regular: Nep.ttf\n", ("Nep.ttf", b"geen font"),
     r"fonts\.regular: .*Nep\.ttf is not a TrueType"),
    ("name: x\ncover:\n  logo: logo.png\n", ("logo.png", b"GIF89a\x01\x00"),
     r"cover\.logo: .*logo\.png is not a PNG or JPEG"),
])
def test_bad_theme_refused_before_any_output(tmp_path: Path, text: str,
                                             extra: tuple[str, bytes] | None,
                                             message: str) -> None:
    if extra is not None:
        (tmp_path / extra[0]).write_bytes(extra[1])
    theme = _write(tmp_path, "thema.yaml", text)
    out = tmp_path / "out"
    with pytest.raises(SourceError, match=message):
        build(BuildRequest(SOURCE, out, jobs=1, theme=str(theme), cache_dir=tmp_path / "c"))
    assert not out.exists() or not any(out.iterdir())


def test_own_logo_on_both_covers(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), (200, 30, 30)).save(buffer, format="PNG")
    (tmp_path / "logo.png").write_bytes(buffer.getvalue())
    theme = _write(tmp_path, "eigen.yaml", "name: eigen\ncover:\n  logo: logo.png\n")
    result = build(BuildRequest(SOURCE, tmp_path / "out", jobs=1, theme=str(theme),
                                cache_dir=tmp_path / "c"))
    by_format = {p.suffix: p for p in result.artifacts}
    assert b"/Subtype /Image" in by_format[".pdf"].read_bytes()
    with zipfile.ZipFile(by_format[".docx"]) as docx:
        media = [n for n in docx.namelist() if n.startswith("word/media/")]
        document = docx.read("word/document.xml").decode("utf-8")
    assert media and document.index("<w:drawing>") < document.index("Ministerie")
