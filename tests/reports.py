"""Helpers that write small report sources into a temporary folder for tests."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from standgen.load import load_report
from standgen.model.report import Report

HEADER = """\
title: Stand van Test
period: voorjaar 2026
report_year: 2025
ministry: Ministerie van Test
date: 2026-05-20
rubricering: openbaar
"""


def write_report(directory: Path, body: str, files: dict[str, str] | None = None) -> Path:
    """Write report.yaml (the header plus `body`) and extra files; return the main path."""
    main = directory / "report.yaml"
    main.write_text(HEADER + dedent(body), encoding="utf-8")
    for name, text in (files or {}).items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return main


def load_text(directory: Path, body: str, files: dict[str, str] | None = None) -> Report:
    """Write and load a report in one step."""
    return load_report(write_report(directory, body, files))


def one_topic(blocks: str, footnotes: str = "") -> str:
    """A report body with one chapter, one section and one topic holding `blocks`
    (a YAML list of blocks, written without indentation)."""
    indented = "\n".join("              " + line for line in dedent(blocks).strip().splitlines())
    notes = "\n".join("      " + line for line in dedent(footnotes).strip().splitlines())
    return f"""\
chapters:
  - number: 1
    title: Hoofdstuk
    footnotes:
{notes if notes else "      []"}
    sections:
      - number: "1.1"
        title: Sectie
        topics:
          - id: onderwerp
            title: Onderwerp
            blocks:
{indented}
"""


def leaking_templates(folder: Path) -> Path:
    """A templates folder whose standard phrase prints a confidential canary row's name and
    value into public text (a template mistake the leak check must catch); its path."""
    text = folder / "templates" / "text"
    text.mkdir(parents=True)
    (text / "nl.yaml").write_text(
        "phrases:\n  bijlage_verwijzing_operationeel: >-\n"
        "    Zie de bijlage; daar staat Systeem CANARY-ROW op 52,8%.\n", encoding="utf-8")
    return folder / "templates"
