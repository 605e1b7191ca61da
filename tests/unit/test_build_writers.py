"""The build picks each format's writer, with a project's own reference DOCX when it has one."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from standgen.errors import BuildError
from standgen.write import writer_for as _writer
from standgen.write.docx import write_docx


def test_a_projects_reference_docx_reaches_the_docx_writer(tmp_path: Path) -> None:
    reference = tmp_path / "docx" / "reference.docx"
    reference.parent.mkdir()
    reference.write_bytes(b"stand-in")
    writer = _writer("docx", tmp_path)
    assert isinstance(writer, functools.partial)
    assert writer.func is write_docx
    assert writer.keywords == {"reference_docx": reference}


def test_without_an_override_the_shipped_house_style_is_used(tmp_path: Path) -> None:
    assert _writer("docx", tmp_path) is write_docx
    assert _writer("docx") is write_docx


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(BuildError, match="unknown format 'odt'"):
        _writer("odt")
