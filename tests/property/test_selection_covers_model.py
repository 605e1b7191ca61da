"""Selection covers the whole model: a secret node anywhere never reaches `openbaar`.

For every place a Classified node can stand in a report (found by walking the model's
own types, see `model_positions`), generated reports put a secret node there holding a
canary in every text below it. The canary must be absent from the selected `openbaar`
report (every field of its dump) and from its composed document, and present in the
`vertrouwelijk` and `bijlage` selections.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from standgen.compose import compose_document, dump_document
from standgen.edition.select import select_edition
from standgen.model.report import BijlageVerwijzing, Report
from tests.property.model_positions import (
    CANARY,
    Position,
    describe,
    positions,
    report_with_secret,
)

POSITIONS = positions()
EXAMPLES = 8  # per position: with about 200 positions, some 1,600 reports in CI


def _dump(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False)


def test_positions_reach_every_corner_of_the_model() -> None:
    names = {describe(p) for p in POSITIONS}
    for expected in (
        "front_matter:FrontMatter.inleiding:Inleiding.leeswijzer[]:BijlageVerwijzing",
        "front_matter:FrontMatter.inleiding:Inleiding.rapportage_in_ontwikkeling:ChangeList"
        ".blocks[]:TableBlock.table:IndicatorTable.rows[]:Row.values{}:Cell",
        "chapters[]:Chapter.sections[]:Section.topics[]:Topic.blocks[]:TableBlock.table:"
        "IndicatorTable",
        "front_matter:FrontMatter.voorwoord:Part.footnotes[]:Footnote",
        "chapters[]:Chapter.blocks[]:FigureBlock",
    ):
        assert expected in names
    assert len(POSITIONS) > 80


@pytest.mark.parametrize("position", POSITIONS, ids=describe)
def test_secret_node_never_reaches_the_public_edition(position: Position) -> None:
    pointer = position[-1].cls is BijlageVerwijzing

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(report_with_secret(position))
    def check(report: Report) -> None:
        assert CANARY in _dump(report)
        assert CANARY not in _dump(select_edition(report, "openbaar").report)
        assert CANARY not in dump_document(compose_document(report, "openbaar"))
        for edition in ("vertrouwelijk", "bijlage"):
            # a pointer to the bijlage is itself dropped from the confidential editions
            assert (CANARY in _dump(select_edition(report, edition).report)) != pointer

    check()
