"""LeakGuard: a source's confidential candidates, gathered once and checked per artifact."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from standgen.errors import BuildError
from standgen.leaks.extract import WHOLE, Part
from standgen.leaks.rendered import Unit
from standgen.leaks.text import Candidate

if TYPE_CHECKING:
    from collections.abc import Mapping

    from standgen.compose import tree as t
    from standgen.edition.levels import Edition, Levels
    from standgen.model.report import Report


@dataclass(frozen=True)
class LeakGuard:
    """What a public artifact of one report must not contain: confidential text and figures,
    and the hashes of confidential chart images. Small enough to send to a worker."""

    levels: Levels
    candidates: tuple[Candidate, ...]
    chart_hashes: dict[str, str]
    public: tuple[Unit, ...] = ()

    @classmethod
    def for_report(cls, report: Report, chart_dir: Path,
                   documents: Mapping[Edition, t.Document] | None = None,
                   templates: Path | None = None) -> LeakGuard:
        """Gather the candidates of `report` (charts as cached in `chart_dir`; editions
        the build composed already in `documents`), and name on stderr every
        declared-public entry that exempted one."""
        from standgen.edition.levels import load_levels
        from standgen.leaks.candidates import gather
        from standgen.leaks.images import confidential_chart_hashes

        levels = load_levels()
        gathered = gather(report, levels, documents, templates)
        gathered.print_notices()
        return cls(levels, tuple(gathered.candidates),
                   confidential_chart_hashes(report, levels, chart_dir),
                   tuple(gathered.public))

    def assert_clean(self, path: Path, part: Part = WHOLE) -> None:
        """Remove the artifact and fail the build if it (or `part` of its pages) holds
        anything confidential."""
        from standgen.leaks.check import check_artifact  # in the worker that checks

        leaks = check_artifact(path, None, self.levels, list(self.candidates),
                               self.chart_hashes, part, self.public)
        if leaks:
            path.unlink(missing_ok=True)
            listed = "\n".join(f"  - {leak}" for leak in leaks[:20])
            raise BuildError(f"the public artifact {path.name} contains confidential content "
                             f"and was removed:\n{listed}")
