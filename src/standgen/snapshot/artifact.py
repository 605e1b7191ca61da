"""Snapshot any built artifact: dispatch on its kind."""

from __future__ import annotations

from pathlib import Path

from standgen.snapshot.inputs import SnapshotInputError, artifact_kind


def snapshot_artifact(path: Path | str) -> str:
    """A readable, deterministic text snapshot of a DOCX or PDF as written."""
    path = Path(path)
    kind = artifact_kind(path)
    if kind == "pdf":
        from standgen.snapshot.pdf_snapshot import snapshot_pdf

        return snapshot_pdf(path)
    from standgen.snapshot.docx_snapshot import snapshot_docx

    try:
        return snapshot_docx(path)
    except (KeyError, ValueError) as exc:
        raise SnapshotInputError(f"{path}: not a readable DOCX ({exc})") from exc
