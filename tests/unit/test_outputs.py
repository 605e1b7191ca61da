"""The one place that explains operating-system errors on output, and the guard that keeps
outputs off the files a build reads."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from standgen import cli
from standgen.outputs import OutputError, output_error, refuse_overwriting, writing


@pytest.mark.parametrize(("code", "fragment"), [
    (errno.ENOSPC, "no space left"), (errno.EROFS, "read-only"),
    (errno.EACCES, "permission denied"), (errno.EEXIST, "give --out a folder"),
    (errno.ENOTDIR, "not a folder"), (errno.EDQUOT, "quota"), (errno.EFBIG, "size"),
    (errno.ENAMETOOLONG, "longer than the file system allows"), (errno.EIO, "check the"),
])
def test_each_os_error_becomes_a_message_with_what_to_do(code: int, fragment: str) -> None:
    error = output_error(OSError(code, os.strerror(code), "/uit/rapport.pdf"))
    assert isinstance(error, OutputError)
    assert str(error).startswith("cannot write /uit/rapport.pdf: ")
    assert fragment in str(error) and "Errno" not in str(error)


def test_writing_turns_os_errors_into_output_errors(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="no space left"), writing(tmp_path):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_target_resolving_to_a_source_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "report.yaml"
    source.write_text("title: x\n", encoding="utf-8")
    (tmp_path / "uit").mkdir()
    os.symlink(source, tmp_path / "uit" / "rapport.pdf")
    with pytest.raises(OutputError, match="which this build reads"):
        refuse_overwriting([tmp_path / "uit" / "rapport.pdf"], [source])
    refuse_overwriting([tmp_path / "uit" / "ander.pdf"], [source])


def test_an_os_error_in_a_command_is_no_internal_error(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def refused(args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", "/bron/data.csv")

    monkeypatch.setitem(cli.COMMANDS, "validate", refused)
    assert cli.main(["validate", "x"]) == cli.EXIT_UNUSABLE
    err = capsys.readouterr().err
    assert "/bron/data.csv: Permission denied" in err and "internal error" not in err
