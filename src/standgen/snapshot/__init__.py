"""Layout regression testing: text snapshots of built artifacts and diffs in report terms."""

from standgen.snapshot.artifact import snapshot_artifact
from standgen.snapshot.compare import SnapshotDiff, compare_snapshots
from standgen.snapshot.inputs import SnapshotInputError

__all__ = ["SnapshotDiff", "SnapshotInputError", "compare_snapshots", "snapshot_artifact"]
