"""Builds of the example report shared by the snapshot tests (once per session)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.snapshot.builds import EXAMPLE, Builds, build_example, changed_copy


@pytest.fixture(scope="session")
def example_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Builds]:
    """The example report built twice: as it is and with one value changed."""
    base = tmp_path_factory.mktemp("snapshot-builds")
    cache = base / "cache"
    original = build_example(EXAMPLE / "report.yaml", base / "original", cache)
    changed = build_example(changed_copy(base / "source"), base / "changed", cache)
    yield Builds(original, changed, cache)
