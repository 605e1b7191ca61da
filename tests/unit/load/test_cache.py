"""The loaded-report cache: used only while every source is unchanged, and only when signed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import standgen.load.report as report_module
from standgen.load import cache
from standgen.load.report import load_report

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "fixtures" / "example"


@pytest.fixture()
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    cache._key.cache_clear()
    shutil.copytree(EXAMPLE, tmp_path / "bron")
    yield tmp_path / "bron" / "report.yaml"
    cache._key.cache_clear()  # the key of this test's cache folder must not outlive it


def _load(source: Path, folder: Path) -> object:
    """A build's use of the cache: load, and store what was loaded anew."""
    report, entry = cache.load_cached(source, folder)
    if entry is not None:
        cache.store(folder, entry)
    return report


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    original = report_module.load_report_and_files

    def counting(path: str | Path) -> tuple[object, list[Path]]:
        calls.append(Path(path))
        return original(path)

    monkeypatch.setattr(report_module, "load_report_and_files", counting)
    return calls


def test_an_unchanged_source_is_read_from_the_cache(source: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_loads(monkeypatch)
    first = _load(source, tmp_path / "model")
    second = _load(source, tmp_path / "model")
    assert len(calls) == 1
    assert second == first == load_report(source)


@pytest.mark.parametrize("changed", ["hoofdstuk-1.yaml", "data"])
def test_a_changed_yaml_or_data_file_loads_again(source: Path, tmp_path: Path, changed: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_loads(monkeypatch)
    _load(source, tmp_path / "model")
    target = (source.parent / changed if changed.endswith(".yaml")
              else sorted((source.parent / "data").glob("*.csv"))[0])
    target.write_bytes(target.read_bytes() + b"\n")
    again = _load(source, tmp_path / "model")
    assert len(calls) == 2
    assert again == load_report(source)


def test_an_entry_without_this_users_signature_is_ignored(source: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    calls = _count_loads(monkeypatch)
    _load(source, tmp_path / "model")
    (entry,) = (tmp_path / "model").glob("report-*.pickle")
    data = bytearray(entry.read_bytes())
    data[-1] ^= 0x01
    entry.write_bytes(bytes(data))
    _load(source, tmp_path / "model")
    assert len(calls) == 2
    (tmp_path / "user-cache" / "standgen" / "cache-key").write_bytes(b"k" * cache.KEY_BYTES)
    cache._key.cache_clear()
    _load(source, tmp_path / "model")
    assert len(calls) == 3


def test_other_loader_code_loads_again(source: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_loads(monkeypatch)
    _load(source, tmp_path / "model")
    monkeypatch.setattr(cache, "code_digest", lambda: "another standgen")
    _load(source, tmp_path / "model")
    assert len(calls) == 2


def test_nothing_is_stored_until_the_build_accepts_the_report(source: Path,
                                                             tmp_path: Path) -> None:
    report, entry = cache.load_cached(source, tmp_path / "model")
    assert entry is not None and entry.report == report
    assert not (tmp_path / "model").exists()


def test_a_build_keeps_its_caches_out_of_the_output_folder(source: Path,
                                                                  tmp_path: Path) -> None:
    from standgen.build import BuildRequest, build

    out = tmp_path / "out"
    from standgen.write.markdown import figure_folder

    result = build(BuildRequest(source, out, formats=("md",)))
    written = set(result.artifacts)  # and the Markdown's figure folders
    for folder in (figure_folder(a) for a in result.artifacts):
        written |= {folder, *folder.rglob("*")} if folder.is_dir() else set()
    assert sorted(out.rglob("*")) == sorted(written)  # nothing but artifacts
    assert list((tmp_path / "user-cache" / "standgen" / "build" / "model").glob("report-*"))


def test_a_build_works_when_the_users_cache_cannot_be_written(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from standgen.build import BuildRequest, build, cache_folder

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "cache"))
    cache._key.cache_clear()
    request = BuildRequest(source, tmp_path / "out", formats=("md",))
    result = build(request)
    assert result.artifacts and all(p.is_file() for p in result.artifacts)
    folder = cache_folder(request)
    assert folder.is_dir() and not folder.is_relative_to(tmp_path)
