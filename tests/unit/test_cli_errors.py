"""The CLI never shows a traceback: a bug in standgen is one line and exit status 70."""

from __future__ import annotations

import argparse

import pytest

from standgen import cli


def test_an_unexpected_error_is_one_line_without_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise RuntimeError("kapot")

    monkeypatch.setitem(cli.COMMANDS, "schema", broken)
    assert cli.main(["schema"]) == 70
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: kapot)" in err
    assert "Traceback" not in err


def test_running_out_of_memory_is_reported_as_unusable_input(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def hungry(args: argparse.Namespace) -> int:
        raise MemoryError

    monkeypatch.setitem(cli.COMMANDS, "schema", hungry)
    assert cli.main(["schema"]) == 2
    assert "out of memory" in capsys.readouterr().err
