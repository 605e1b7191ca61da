"""A hostile templates folder (--templates): texts that are not UTF-8, an alias bomb, the
wrong shape, a Python tag, a reference document that is no DOCX. Each is refused with the
file named, in bounded time and memory, without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.guard import run_cli
from tests.reports import one_topic, write_report


def _bomb() -> bytes:
    rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    rows += [f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]"
             for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    return ("\n".join(rows) + "\n").encode()


CASES = {
    "texts in Latin-1": ("text/nl.yaml", 'labels:\n  inhoud: "caf\xe9"\n'.encode("latin-1"),
                         "UTF-8"),
    "texts with an alias bomb": ("text/nl.yaml", _bomb(), "aliases"),
    "texts that are a list": ("text/nl.yaml", b"- a\n- b\n", "mapping of groups"),
    "texts with a Python tag": ("text/nl.yaml", b"labels: !!python/object:os.system {}\n",
                                "not supported"),
    "reference that is no DOCX": ("docx/reference.docx", b"geen docx\n", "cannot be read"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_templates_are_refused(name: str, tmp_path: Path) -> None:
    relative, data, fragment = CASES[name]
    (tmp_path / "project").mkdir()
    main = write_report(tmp_path / "project", one_topic("- toelichting: Tekst.\n"))
    target = tmp_path / "sjablonen" / relative
    target.parent.mkdir(parents=True)
    target.write_bytes(data)
    run = run_cli(["build", str(main), "--out", str(tmp_path / "out"), "--templates",
                   str(tmp_path / "sjablonen")])
    run.assert_bounded()
    assert run.code in (1, 2), run.output
    assert "Traceback" not in run.output and "internal error" not in run.output
    assert str(target) in run.stderr and fragment.lower() in run.stderr.lower(), run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert target.read_bytes() == data
