"""The chart key: the unit payload is the unit's own JSON dump, and the matplotlib version is
the installed one."""

from __future__ import annotations

import pytest

from standgen.charts.key import _unit_payload
from standgen.model.values import Unit


@pytest.mark.parametrize("fields", [
    {"kind": "count"},
    {"kind": "percent", "decimals": 1},
    {"kind": "euro", "scale": "miljard", "decimals": 1},
    {"kind": "vte", "suffix": "vte"},
])
def test_unit_payload_equals_the_model_dump(fields: dict[str, object]) -> None:
    unit = Unit.model_validate(fields)
    assert _unit_payload(unit) == unit.model_dump(mode="json")


def test_unit_payload_names_every_field_of_the_unit() -> None:
    assert set(_unit_payload(Unit())) == set(Unit.model_fields) - {"source"}


def test_matplotlib_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    from standgen.charts.key import matplotlib_version

    matplotlib_version.cache_clear()
    assert matplotlib_version() == version("matplotlib")
