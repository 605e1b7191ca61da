"""The DOCX is byte-identical for the same tree and is written atomically."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from standgen import files
from standgen.write.docx import write_docx
from tests.sample_tree import sample_document
from tests.unit.write.test_docx_support import MARKING, build

ROOT = Path(__file__).resolve().parents[3]

_SCRIPT = """
import sys
from pathlib import Path
from standgen.compose import tree as t
from standgen.write.docx import write_docx
from tests.sample_tree import sample_document
work = Path(sys.argv[1])
marking = t.Marking("Dep. Vertrouwelijk", copy_number="3", extra=("CONCEPT",))
write_docx(sample_document(work, marking=marking), work / "other.docx")
"""


def test_two_writes_are_byte_identical(tmp_path: Path) -> None:
    _, first = build(tmp_path, MARKING, "a.docx")
    _, second = build(tmp_path, MARKING, "b.docx")
    assert first.read_bytes() == second.read_bytes()


def test_identical_in_another_process_and_directory(tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    _, first = build(one, MARKING)
    other = tmp_path / "two"
    other.mkdir()
    path = os.pathsep.join([str(ROOT / "src"), str(ROOT)])  # this checkout's code first
    env = {**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": "123", "TZ": "Asia/Tokyo"}
    subprocess.run([sys.executable, "-c", _SCRIPT, str(other)], check=True, cwd=other, env=env)
    assert (other / "other.docx").read_bytes() == first.read_bytes()


def test_zip_members_have_fixed_order_and_time(tmp_path: Path) -> None:
    _, path = build(tmp_path)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def broken(data: bytes, out: object) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        raise RuntimeError("disk full")

    monkeypatch.setattr("standgen.write.docx.document.normalise_zip", broken)
    target = tmp_path / "out.docx"
    with pytest.raises(RuntimeError, match="disk full"):
        write_docx(sample_document(tmp_path), target)
    assert any(name.endswith(".tmp") for name in seen[0])
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_failed_write_keeps_older_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, target = build(tmp_path, name="out.docx")
    old = target.read_bytes()

    def broken(data: bytes, out: object) -> None:
        raise RuntimeError("interrupted")

    monkeypatch.setattr("standgen.write.docx.document.normalise_zip", broken)
    with pytest.raises(RuntimeError):
        write_docx(sample_document(tmp_path, marking=MARKING), target)
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_write_atomically_partial_content_never_visible(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    target.write_bytes(b"old")

    def half(stream: object) -> None:
        assert hasattr(stream, "write")
        stream.write(b"new-partial")  # type: ignore[attr-defined]
        raise OSError("boom")

    with pytest.raises(OSError):
        files.write_atomically(target, half)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.bin"]


def test_output_is_readable_by_others(tmp_path: Path) -> None:
    _, path = build(tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
