"""The provenance record compose puts on the tree: origins for every block an author or a
template wrote, and digests that never let a public reader test a guess."""

from __future__ import annotations

import json
from pathlib import Path

from standgen.api import load
from standgen.compose import compose_document
from standgen.compose import tree as t

EXAMPLE = Path(__file__).resolve().parents[3] / "fixtures" / "example" / "report.yaml"


def _record(edition: str) -> tuple[t.Document, dict[str, dict[str, object]]]:
    document = compose_document(load(EXAMPLE), edition)  # type: ignore[arg-type]
    return document, json.loads(document.provenance)


def test_the_public_record_holds_no_file_digest_and_the_confidential_one_does() -> None:
    _, public = _record("openbaar")
    _, confidential = _record("vertrouwelijk")
    assert "sources" not in public
    sources = confidential["sources"]
    assert {"report.yaml", "hoofdstuk-1.yaml", "data/instroom.csv",
            "data/personeel.xlsx"} <= set(sources)
    assert all(len(str(d)) == 64 for d in sources.values())


def test_every_origin_on_the_tree_is_in_the_record() -> None:
    document, record = _record("vertrouwelijk")
    origins = record["origins"]
    used = {b.origin for s in document.sections for b in s.blocks
            if not isinstance(b, t.PageBreak | t.Rule) and b.origin is not None}
    assert used and used <= set(origins)
    kinds = {origins[o]["kind"] for o in used}  # type: ignore[index]
    assert {"prose", "data"} <= kinds
    prose = [origins[o] for o in used if origins[o]["kind"] == "prose"]  # type: ignore[index]
    assert all(p["file"] and p["line"] and len(p["digest"]) == 64 for p in prose)


def test_the_record_is_the_same_on_every_compose() -> None:
    assert _record("openbaar")[0].provenance == _record("openbaar")[0].provenance


def test_the_stored_record_has_no_digit_a_leak_check_could_read_as_a_figure() -> None:
    from standgen.write.docx.origins import pack, unpack

    document, _ = _record("vertrouwelijk")
    packed = pack(document.provenance)
    assert not any(c.isdigit() for c in packed)
    assert unpack(packed, 10**8) == document.provenance


def test_each_part_of_a_split_table_maps_its_own_columns() -> None:
    wide = EXAMPLE.parents[1] / "voortgang-woningbouw-2025" / "report.yaml"
    document = compose_document(load(wide), "vertrouwelijk")
    origins = json.loads(document.provenance)["origins"]
    parts = [b for s in document.sections for b in s.blocks
             if isinstance(b, t.Table) and b.layout.mode == "split"]
    assert len(parts) >= 2
    keys = [[c["key"] for c in origins[p.origin]["columns"]] for p in parts]  # type: ignore[index]
    assert all(len(k) == len(p.layout.column_groups[0]) for k, p in zip(keys, parts,
                                                                           strict=True))
    flat = [key for part in keys for key in part]
    assert len(flat) == len(set(flat))
