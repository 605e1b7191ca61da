"""Page policy in layers: a part's own new_page > the command line > the report's
settings.page_policy > the theme's page_policy > the built-in default. One test per layer,
each failing if that layer lost to the one below it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from standgen.build import BuildRequest, _options, page_policy
from standgen.compose import ComposeOptions, compose_document
from standgen.compose import tree as t
from standgen.errors import SourceError
from standgen.model.report import Report
from standgen.model.settings import PagePolicy
from standgen.theme.load import load_theme_file
from tests.unit.anyreport.support import report


def _theme(folder: Path, policy: dict[str, bool] | None) -> Path:
    path = folder / "eigen.yaml"
    text = "name: eigen\n"
    if policy is not None:
        text += "page_policy:\n" + "".join(f"  {k}: {str(v).lower()}\n"
                                          for k, v in policy.items())
    path.write_text(text, encoding="utf-8")
    load_theme_file.cache_clear()
    return path


def _report(folder: Path, policy: dict[str, bool] | None = None, **more: Any) -> Report:
    changes: dict[str, Any] = dict(more)
    if policy is not None:
        changes["settings"] = {"page_policy": policy}
    return report(folder, **changes)


def _section_breaks(document: t.Document) -> int:
    return sum(isinstance(b, t.PageBreak) for s in document.sections for b in s.blocks)


def _composed(loaded: Report, policy: PagePolicy) -> t.Document:
    return compose_document(loaded, options=ComposeOptions(page_policy=policy))


def test_built_in_defaults_without_theme_report_or_command_line(tmp_path: Path) -> None:
    policy = page_policy(_report(tmp_path), _theme(tmp_path, None), None)
    assert policy == PagePolicy()
    assert (policy.chapter, policy.section, policy.front_matter, policy.back_matter) == (
        True, False, True, True)


def test_the_theme_sets_what_the_report_does_not_write(tmp_path: Path) -> None:
    theme = _theme(tmp_path, {"section": True, "back_matter": False})
    policy = page_policy(_report(tmp_path), theme, None)
    assert policy.section and not policy.back_matter and policy.chapter
    assert _section_breaks(_composed(_report(tmp_path), policy)) == 2


def test_a_report_that_writes_the_default_still_beats_the_theme(tmp_path: Path) -> None:
    theme = _theme(tmp_path, {"section": True, "chapter": False})
    loaded = _report(tmp_path, {"section": False})
    policy = page_policy(loaded, theme, None)
    assert not policy.section  # written by the report, though equal to the default
    assert not policy.chapter  # not written by the report: the theme's
    assert _section_breaks(_composed(loaded, policy)) == 0


def test_the_command_line_beats_the_report(tmp_path: Path) -> None:
    theme = _theme(tmp_path, {"front_matter": False})
    loaded = _report(tmp_path, {"section": True, "chapter": False})
    policy = page_policy(loaded, theme, ("chapter",))
    assert policy.chapter and not policy.section
    assert not policy.front_matter  # the command line says nothing about it: the theme's
    assert _section_breaks(_composed(loaded, policy)) == 0


def test_a_part_of_its_own_beats_the_command_line(tmp_path: Path) -> None:
    chapters = [{"number": 1, "title": "Voortgang", "blocks": [{"text": "De MPR loopt."}],
                 "sections": [
                     {"number": "1.1", "title": "Eerste", "blocks": [{"text": "Een."}]},
                     {"number": "1.2", "title": "Tweede", "new_page": False,
                      "blocks": [{"text": "Twee."}]}]},
                {"number": 2, "title": "Verder", "new_page": False,
                 "blocks": [{"text": "Drie."}]}]
    loaded = _report(tmp_path, chapters=chapters)
    policy = page_policy(loaded, _theme(tmp_path, {"section": True}), ("chapter", "section"))
    document = _composed(loaded, policy)
    assert _section_breaks(document) == 1  # 1.1 breaks after the chapter's text, 1.2 not
    assert not document.sections[-1].new_page


def test_a_build_composes_with_the_layered_policy(tmp_path: Path) -> None:
    theme = _theme(tmp_path, {"section": True, "chapter": False})
    loaded = _report(tmp_path, {"chapter": True})
    request = BuildRequest(tmp_path / "report.yaml", tmp_path / "out", theme=str(theme))
    options = _options(request, tmp_path / "cache", None, loaded)
    assert options.page_policy == PagePolicy(section=True, chapter=True)


def test_a_bad_key_in_the_theme_page_policy_is_located(tmp_path: Path) -> None:
    path = tmp_path / "eigen.yaml"
    path.write_text("name: eigen\npage_policy:\n  hoofdstuk: true\n", encoding="utf-8")
    load_theme_file.cache_clear()
    with pytest.raises(SourceError) as caught:
        load_theme_file(path)
    assert f"{path}:3: page_policy.hoofdstuk:" in str(caught.value)
    assert "allowed here: back_matter, chapter" in str(caught.value)


def test_dump_follows_the_theme_named_in_the_report(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from standgen.cli import main

    _theme(tmp_path, {"chapter": False})
    _report(tmp_path, theme="eigen.yaml")
    assert main(["dump", str(tmp_path / "report.yaml")]) == 0
    chapter = next(line for line in capsys.readouterr().out.splitlines()
                   if "section header='Voortgang'" in line)
    assert chapter.endswith("follows-on")
