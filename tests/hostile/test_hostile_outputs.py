"""Hostile output situations: an --out that is a file or the source folder, a full disk, a
read-only folder, a doctored artifact to check, a roll-forward whose data path climbs out.
Each ends with a clear message (exit 1 or 2, never 70), nothing partial written, no input
changed."""

from __future__ import annotations

import errno
import os
import resource
import signal
import tempfile
import zipfile
from pathlib import Path

import pytest

from tests.hostile.guard import Run, run_cli
from tests.reports import one_topic, write_report

ARTIFACT = "stand-van-test-voorjaar-2026-openbare-versie"
BLOCKS = "- toelichting: Het aantal steeg.\n"


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink()}


def _refused(run: Run, fragment: str, codes: tuple[int, ...] = (1, 2)) -> None:
    run.assert_bounded()
    assert run.code in codes, run.output
    assert "Traceback" not in run.output and "internal error" not in run.output
    assert fragment.lower() in run.stderr.lower(), run.stderr


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    return write_report(folder, one_topic(BLOCKS))


def test_out_naming_a_file_is_refused(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "uitvoer"
    target.write_text("niet overschrijven\n", encoding="utf-8")
    _refused(run_cli(["build", str(project), "--out", str(target)]), "is a file", (2,))
    assert target.read_text(encoding="utf-8") == "niet overschrijven\n"


def test_out_below_a_file_is_refused(project: Path, tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x\n", encoding="utf-8")
    _refused(run_cli(["build", str(project), "--out", str(tmp_path / "bestand" / "sub")]),
             "not a folder", (2,))


def test_a_source_named_like_an_artifact_is_never_overwritten(project: Path) -> None:
    source = project.parent / f"{ARTIFACT}.md"
    source.write_bytes(project.read_bytes())
    before = _contents(project.parent)
    run = run_cli(["build", str(source), "--out", str(project.parent), "--format", "md"])
    _refused(run, "which this build reads", (2,))
    assert _contents(project.parent) == before


def test_an_artifact_linked_to_a_source_is_refused(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(project, out / f"{ARTIFACT}.pdf")
    before = _contents(project.parent)
    _refused(run_cli(["build", str(project), "--out", str(out)]), "which this build reads",
             (2,))
    assert _contents(project.parent) == before and (out / f"{ARTIFACT}.pdf").is_symlink()


def _file_size_limit() -> None:
    """In the child: files may not grow past 8 KB, as on a disk that is full."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_is_reported_without_partial_files(project: Path, tmp_path: Path,
                                                       jobs: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    run = run_cli(["build", str(project), "--out", str(out), "--jobs", jobs],
                  prepare=_file_size_limit)
    _refused(run, "cannot write")
    assert list(out.iterdir()) == []


def _read_only_output() -> None:
    """In the child: making the staging folder fails as in a read-only output folder."""
    made = tempfile.mkdtemp

    def refuse(*args: object, **kwargs: object) -> str:
        if str(kwargs.get("prefix", "")).startswith(".standgen-staging"):
            raise OSError(errno.EROFS, "Read-only file system", str(kwargs.get("dir")))
        return made(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    tempfile.mkdtemp = refuse  # type: ignore[assignment]


def test_a_read_only_output_folder_is_reported(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    run = run_cli(["build", str(project), "--out", str(out), "--jobs", "1"],
                  prepare=_read_only_output)
    _refused(run, "read-only", (2,))
    assert list(out.iterdir()) == []


def test_check_leaks_refuses_a_docx_with_a_dtd(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli(["build", str(project), "--out", str(out), "--format", "docx"]).code == 0
    built = zipfile.ZipFile(out / f"{ARTIFACT}.docx")
    doctored = tmp_path / "met-dtd.docx"
    with zipfile.ZipFile(doctored, "w") as target:
        for info in built.infolist():
            data = built.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
                                    b'"file:///etc/hostname">]>', 1).replace(
                                        b"Het aantal", b"&x;Het aantal")
            target.writestr(info, data)
    _refused(run_cli(["check-leaks", str(doctored), "--source", str(project)]), "DTD", (1,))


def test_check_leaks_refuses_a_damaged_pdf(project: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "kapot.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj<<>>\n")
    _refused(run_cli(["check-leaks", str(damaged), "--source", str(project)]),
             "not a readable PDF", (1,))


def test_new_never_writes_into_the_previous_edition(tmp_path: Path) -> None:
    previous = tmp_path / "voorjaar"
    (previous / "data").mkdir(parents=True)
    (previous / "cijfers.csv").write_text("id;2024;2025\na;1;2\n", encoding="utf-8")
    write_report(previous, one_topic(f"""\
- table:
    id: t
    title: Tabel
    columns: [2024, 2025]
    data: data/../../{previous.name}/cijfers.csv
    rows:
      - {{id: a, label: A}}
"""))
    before = _contents(previous)
    run = run_cli(["new", "--from", str(previous), "--period", "najaar 2026",
                   "--out", str(tmp_path / "najaar")])
    run.assert_bounded()
    assert run.code == 0, run.output
    assert _contents(previous) == before
    assert "2026" in (tmp_path / "najaar" / "cijfers.csv").read_text(encoding="utf-8")


def test_new_copies_no_pipe_nor_link_out_of_the_folder(tmp_path: Path) -> None:
    previous = tmp_path / "voorjaar"
    previous.mkdir()
    write_report(previous, one_topic(BLOCKS))
    os.mkfifo(previous / "pijp")
    (tmp_path / "elders.txt").write_text("niet van het rapport\n", encoding="utf-8")
    os.symlink(tmp_path / "elders.txt", previous / "link.txt")
    os.symlink("/dev/zero", previous / "nullen")
    run = run_cli(["new", "--from", str(previous), "--period", "najaar 2026",
                   "--out", str(tmp_path / "najaar")])
    run.assert_bounded()
    assert run.code == 0, run.output
    assert sorted(p.name for p in (tmp_path / "najaar").iterdir()) == ["report.yaml"]
