"""Snapshot any built artifact: dispatch on its kind."""

from __future__ import annotations

from pathlib import Path

from standgen.snapshot.inputs import SnapshotInputError, artifact_kind


def snapshot_artifact(path: Path | str) -> str:
    """A readable, deterministic text snapshot of a DOCX or PDF as written."""
    path = Path(path)
    kind = artifact_kind(path)
    from standgen.snapshot.docx_snapshot import snapshot_docx
    from standgen.snapshot.pdf_snapshot import snapshot_pdf

    reader = snapshot_pdf if kind == "pdf" else snapshot_docx
    try:
        return reader(path)
    except SnapshotInputError:
        raise
    except Exception as exc:  # a damaged file can fail anywhere inside the readers
        raise SnapshotInputError(f"{path}: not a readable {kind.upper()} "
                                 f"({type(exc).__name__}: {exc})") from exc
