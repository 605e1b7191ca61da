"""Which theme a build uses: `--theme` on the command line, else `theme:` in report.yaml,
else the default. A relative path is taken from where it was written: the working folder
for the command line, the report's folder for report.yaml."""

from __future__ import annotations

from pathlib import Path

from standgen.errors import Location
from standgen.theme.load import DEFAULT_THEME, load_theme_file, theme_file


def choose_theme(cli: str | None, report: str | None, report_at: Location,
                 report_dir: Path) -> Path:
    """The theme file of a build, read and checked (located errors for bad themes)."""
    if cli:
        path = theme_file(cli, Path.cwd(), Location(None, None, "--theme"))
    elif report:
        path = theme_file(report, report_dir, report_at)
    else:
        path = theme_file(DEFAULT_THEME)
    load_theme_file(path)
    return path
