"""A pytest plugin: the `standgen_snapshot` fixture compares built artifacts with goldens.

Goldens live in `snapshots/<test name>.txt` beside the test file unless a path is given;
`--standgen-update` (or the environment variable STANDGEN_UPDATE=1) rewrites them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from standgen.snapshot.golden import check_golden

_WRITTEN = pytest.StashKey[list[str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add --standgen-update."""
    group = parser.getgroup("standgen", "standgen layout snapshots")
    group.addoption("--standgen-update", action="store_true", default=False,
                    help="rewrite standgen golden snapshots instead of comparing")


def _updating(config: pytest.Config) -> bool:
    flag = bool(config.getoption("standgen_update", default=False))
    return flag or os.environ.get("STANDGEN_UPDATE", "") not in ("", "0")


def _default_name(node: pytest.Item, count: int) -> str:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", node.name).strip("_")
    return f"{name}.txt" if count == 1 else f"{name}-{count}.txt"


@pytest.fixture
def standgen_snapshot(request: pytest.FixtureRequest) -> Callable[..., None]:
    """Call with an artifact path (and optionally a golden path) to compare or update it."""
    node = request.node
    base = Path(str(node.path)).parent
    calls = [0]

    def check(artifact: Path | str, golden: Path | str | None = None) -> None:
        calls[0] += 1
        target = Path(golden) if golden is not None else Path("snapshots") / _default_name(
            node, calls[0])
        target = target if target.is_absolute() else base / target
        result = check_golden(Path(artifact), target, _updating(request.config))
        if result.written:
            request.config.stash.setdefault(_WRITTEN, []).append(str(target))
        if not result.ok:
            pytest.fail(result.message, pytrace=False)

    return check


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    """List the golden snapshots this run wrote."""
    written = config.stash.get(_WRITTEN, [])
    if written:
        terminalreporter.write_sep("-", f"standgen: {len(written)} golden snapshot(s) written")
        for path in written:
            terminalreporter.write_line(path)
