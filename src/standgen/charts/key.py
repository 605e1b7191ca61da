"""The content key of a chart: a sha256 over its data, style, drawing code and versions."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from standgen import __version__
from standgen.charts.data import ChartData
from standgen.charts.style import ChartStyle

if TYPE_CHECKING:
    from standgen.model.values import Unit

CHARTS_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of this package's own source, so a change in drawing code redraws charts."""
    digest = hashlib.sha256()
    for path in sorted(CHARTS_DIR.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def matplotlib_version() -> str:
    """The installed matplotlib version, without importing matplotlib: from the name of the
    `.dist-info` folder beside the package (one directory listing), else from the package
    metadata (importlib.metadata scans every installed distribution: 20 ms of a build)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin is not None:
        beside = Path(spec.origin).parent.parent
        found = [entry.name for entry in os.scandir(beside)
                 if entry.name.startswith("matplotlib-") and entry.name.endswith(".dist-info")]
        if len(found) == 1:
            return found[0][len("matplotlib-"):-len(".dist-info")]
    from importlib.metadata import version

    return version("matplotlib")


def _unit_payload(unit: Unit) -> dict[str, Any]:
    """The unit's fields as its JSON dump has them, without building pydantic's serializer
    for it (a fifth of a warm build's first compose)."""
    return {"kind": unit.kind, "decimals": unit.decimals, "scale": unit.scale,
            "suffix": unit.suffix}


def _data_payload(data: ChartData) -> dict[str, Any]:
    payload = _plain_payload(data)
    if data.sort != "none":
        payload["sort"] = data.sort
    return payload


def _plain_payload(data: ChartData) -> dict[str, Any]:
    return {
        "type": data.type,
        "title": data.title,
        "categories": list(data.categories),
        "series": [{"label": s.label, "role": s.role,
                    "values": [None if v is None else str(v) for v in s.values]}
                   for s in data.series],
        "unit": _unit_payload(data.unit),
        "norm": None if data.norm is None else str(data.norm),
        "norm_label": data.norm_label,
        "y_label": data.y_label,
        "height_cm": data.height_cm,
        "words": asdict(data.words),
    }


def chart_key(data: ChartData, style: ChartStyle) -> str:
    """The hex sha256 that names a chart's files; equal keys mean byte-identical output."""
    payload = {
        "data": _data_payload(data),
        "style": asdict(style),
        "standgen": __version__,
        "matplotlib": matplotlib_version(),
        "code": code_digest(),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
