"""A new author's first hour: --version, --strict refusals that say why, `standgen init`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from standgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example"
STRICT_NOTE = "refused because of --strict"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "standgen", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300, check=False)


def test_version_is_the_package_version() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    done = _run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"standgen {declared['project']['version']}"


@pytest.fixture()
def slipped(tmp_path: Path) -> Path:
    """A copy of the example whose published total differs from its sum: a warning."""
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy)
    chapter = copy / "hoofdstuk-2.yaml"
    text = chapter.read_text(encoding="utf-8")
    assert "values: [886.1, 969.1]" in text
    chapter.write_text(text.replace("values: [886.1, 969.1]", "values: [886.1, 969.2]"),
                       encoding="utf-8")
    return copy / "report.yaml"


def test_build_strict_says_the_refusal_is_because_of_strict(slipped: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = _run("build", str(slipped), "--strict", "--format", "md", "--out", str(out))
    assert refused.returncode == 2
    assert STRICT_NOTE in refused.stderr
    assert "warning(s) count as errors under --strict" in refused.stderr
    assert "969,2 differs" in refused.stderr
    assert not out.exists()
    relaxed = _run("build", str(slipped), "--format", "md", "--out", str(out))
    assert relaxed.returncode == 0, relaxed.stderr
    assert STRICT_NOTE not in relaxed.stderr


def test_validate_strict_says_the_refusal_is_because_of_strict(
        slipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(slipped), "--strict"]) == 1
    assert STRICT_NOTE in capsys.readouterr().err
    assert main(["validate", str(slipped)]) == 0
    assert STRICT_NOTE not in capsys.readouterr().err


def test_an_error_is_not_blamed_on_strict(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy)
    report = copy / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "rubricering: openbaar", "rubricering: geheimpje", 1), encoding="utf-8")
    assert main(["build", str(report), "--strict", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "geheimpje" in err
    assert STRICT_NOTE not in err


def test_init_writes_a_skeleton_that_builds_in_every_edition(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nieuw" / "rapport"
    assert main(["init", str(folder)]) == 0
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == ["data/instroom.csv", "hoofdstuk-1.yaml", "report.yaml"]
    assert "standgen build" in capsys.readouterr().out
    assert main(["validate", str(folder / "report.yaml"), "--strict"]) == 0
    out = tmp_path / "out"
    code = main(["build", str(folder / "report.yaml"), "--out", str(out), "--jobs", "1",
                 "--edition", "openbaar", "--edition", "vertrouwelijk", "--edition", "bijlage",
                 "--format", "docx", "--format", "pdf", "--format", "md"])
    assert code == 0, capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 9
    assert {n.rsplit(".", 1)[1] for n in names} == {"docx", "pdf", "md"}
    public = (out / "stand-van-voorbeeld-voorjaar-2026-openbare-versie.md").read_text(
        encoding="utf-8")
    assert "In 2025 stroomden 4.500 mensen in, 86,5% van het plan." in public
    assert "per eenheid staat alleen" not in public


def test_every_part_of_the_skeleton_is_explained(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "r")]) == 0
    for name in ("report.yaml", "hoofdstuk-1.yaml"):
        lines = (tmp_path / "r" / name).read_text(encoding="utf-8").splitlines()
        assert sum(line.lstrip().startswith("#") for line in lines) >= 5, name


@pytest.mark.parametrize("occupant", ["notities.txt", ".git/HEAD"])
def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, occupant: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "rapport"
    (folder / occupant).parent.mkdir(parents=True)
    (folder / occupant).write_text("van mij\n", encoding="utf-8")
    before = sorted(folder.rglob("*"))
    assert main(["init", str(folder)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert sorted(folder.rglob("*")) == before
    assert sorted(tmp_path.iterdir()) == [folder]
    assert (folder / occupant).read_text(encoding="utf-8") == "van mij\n"


def test_init_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.yaml"
    target.write_text("title: mijn rapport\n", encoding="utf-8")
    assert main(["init", str(target)]) == 2
    assert "this is a file" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "title: mijn rapport\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.yaml"]


def test_init_into_an_existing_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "leeg"
    folder.mkdir()
    assert main(["init", str(folder)]) == 0
    assert (folder / "report.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leeg"]


def test_init_into_the_current_empty_folder(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "hier"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert main(["init", "."]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["data", "hoofdstuk-1.yaml",
                                                         "report.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hier"]


@pytest.mark.parametrize("kind", ["link-to-empty", "dangling-link", "under-a-file"])
def test_init_refuses_links_and_paths_through_files(
        tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "notities.txt").write_text("van mij\n", encoding="utf-8")
    target = {"link-to-empty": tmp_path / "link", "dangling-link": tmp_path / "link",
              "under-a-file": tmp_path / "notities.txt" / "rapport"}[kind]
    if kind != "under-a-file":
        target.symlink_to(tmp_path / ("leeg" if kind == "link-to-empty" else "weg"))
    before = sorted(tmp_path.rglob("*"))
    assert main(["init", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err
    assert "internal error" not in err
    assert sorted(tmp_path.rglob("*")) == before
    assert (tmp_path / "notities.txt").read_text(encoding="utf-8") == "van mij\n"
