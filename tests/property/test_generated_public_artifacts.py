"""No public artifact of a generated report holds a secret text, a secret figure, or a
figure equal to an aggregate that takes a secret input (see tests/property/secrets.py).

Every part of each artifact is read: all XML parts of the DOCX (docProps, alt text,
bookmarks included), the PDF's page text, metadata, outline, named destinations and
annotations, and the Markdown. A failure shrinks to a small report, printed as YAML.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

from standgen.build import BuildRequest, build
from standgen.errors import BuildError, SourceError
from tests.property.checks import write_source
from tests.property.secrets import Generated, secret_reports

EXAMPLES = int(os.environ.get("STANDGEN_PROPERTY_EXAMPLES", "15"))
# Fixed examples in CI (derandomize), about 15 s per test; raise the count to search more.
MARKDOWN_EXAMPLES = 20 * EXAMPLES
MIN_TEXT = 8
_INVISIBLE = re.compile(r"[\s\u00ad]+")


def squash(text: str) -> str:
    """NFC, without whitespace, soft hyphens and format characters, case-folded."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _INVISIBLE.sub("", text).casefold()


_READABLE = re.compile(r'\b(?:descr|title|name|Target|val)="([^"]*)"')


def docx_strings(path: Path) -> str:
    """Every XML part of a DOCX as text, entities resolved: the text of every element
    (runs of a paragraph joined) and every attribute a reader or tool can show (alt text
    and titles, bookmark and property names, link targets, field values). Layout numbers
    (sizes, margins, ids) are left out: Word's default cell margin is 108."""
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(name).decode("utf-8", "replace")
                 for name in archive.namelist() if name.endswith((".xml", ".rels"))]
    joined = [html.unescape(re.sub(r"<[^>]+>", "", part)) for part in parts]
    shown = [html.unescape(value) for part in parts for value in _READABLE.findall(part)
             if not re.fullmatch(r"[\d.,\s-]*", value)]
    return "\n".join(joined + shown)


SUM_REFUSALS = {"undeclared-total", "withheld-sum", "total-label"}
"""Refusals of validate/hidden_sums.py: random figures may add up to a withheld one by
chance, and the build must then refuse; that is a refusal, not a failure."""


def pdf_strings(path: Path) -> str:
    """Page text, metadata, outline titles, named destinations and annotations."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pieces = [page.extract_text() or "" for page in reader.pages]
    pieces += [str(v) for v in (reader.metadata or {}).values()]
    pieces += list(reader.named_destinations)
    stack: list[Any] = list(reader.outline)
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        else:
            pieces.append(str(getattr(item, "title", "")))
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            pieces += [str(obj[k]) for k in ("/Contents", "/T", "/TU") if k in obj]
            action = obj.get("/A")
            if action is not None and "/URI" in action.get_object():
                pieces.append(str(action.get_object()["/URI"]))
    return "\n".join(pieces)


def artifact_strings(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_strings(path)
    if path.suffix == ".pdf":
        return pdf_strings(path)
    return path.read_text(encoding="utf-8")


def figure_pattern(value: Decimal) -> re.Pattern[str]:
    """A printed value in any spelling: separators or none between its whole digits,
    a decimal comma or point before its decimals, no digit or letter around it."""
    whole, _, decimals = format(abs(value), "f").partition(".")
    body = r"[.,\s\u00a0\u202f]?".join(whole)
    if decimals.strip("0"):
        body += r"[.,]" + decimals
    elif decimals:
        body += r"(?:[.,]" + decimals + r")?"
    return re.compile(rf"(?<![\w.,]){body}(?![\w]|[.,]\d)")


def distinctive(value: Decimal) -> bool:
    """Three significant digits or more (the leak check's documented limit)."""
    return len(format(abs(value), "f").replace(".", "").strip("0")) >= 3


def secret_violations(generated: Generated, texts: dict[Path, str]) -> list[str]:
    """Secret texts and secret figures found in the artifacts."""
    found: list[str] = []
    for path, text in texts.items():
        squashed = squash(text)
        for secret in generated.ledger.texts:
            if len(squash(secret)) >= MIN_TEXT and squash(secret) in squashed:
                found.append(f"{path.name}: secret text {secret!r}")
        for value in generated.ledger.figures:
            if figure_pattern(value).search(text):
                found.append(f"{path.name}: secret figure {value}")
    return found


def aggregate_violations(generated: Generated, texts: dict[Path, str]) -> list[str]:
    """Figures equal to an aggregate with a secret input, found in the artifacts."""
    found: list[str] = []
    for path, text in texts.items():
        for kind, value in generated.ledger.aggregates:
            if distinctive(value) and figure_pattern(value).search(text):
                found.append(f"{path.name}: figure {value} equals a {kind} with a secret "
                             "input")
    return found


Check = Callable[[Generated, dict[Path, str]], list[str]]


def check_public_edition(generated: Generated, tmp_path: Path, check: Check,
                         rounds: tuple[tuple[str, ...], ...] = (("md",), ("docx", "pdf"))
                         ) -> bool:
    """Build the openbaar edition, Markdown first (cheap, so a shrinking failure fails
    fast), then DOCX and PDF; assert `check` finds nothing. False when the leak check
    refused the build (no artifact then exists)."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    main = write_source(generated.data, folder)
    for name, content in generated.files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    source = main.read_text(encoding="utf-8")
    for formats in rounds:
        request = BuildRequest(main, folder / "out", ("openbaar",), formats,
                               cache_dir=tmp_path / "cache")
        try:
            result = build(request)
        except BuildError as refused:  # the leak check's second line stopped it
            assert "confidential" in str(refused), f"{refused}\n--- report.yaml ---\n{source}"
            return False
        except SourceError as refused:  # generated figures that add up to a withheld one
            assert {p.code for p in refused.problems} <= SUM_REFUSALS, str(refused)
            return False
        texts = {path: artifact_strings(path) for path in result.artifacts}
        found = check(generated, texts)
        assert found == [], "\n".join(found[:10]) + f"\n--- report.yaml ---\n{source}"
    return True


SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                    phases=[Phase.explicit, Phase.generate, Phase.shrink],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_no_public_artifact_holds_a_secret_text_or_figure(tmp_path: Path) -> None:
    built: list[bool] = []

    @SETTINGS
    @given(secret_reports())
    def one(generated: Generated) -> None:
        built.append(check_public_edition(generated, tmp_path, secret_violations))

    one()
    assert sum(built) >= EXAMPLES // 2, "too few examples were built"


def test_no_public_figure_equals_an_aggregate_with_a_secret_input(tmp_path: Path) -> None:
    """Sums, percentages, deltas, differences and template results that take a secret
    input are withheld from the public edition (or recomputed without it)."""
    built: list[bool] = []

    @SETTINGS
    @given(secret_reports())
    def one(generated: Generated) -> None:
        built.append(check_public_edition(generated, tmp_path, aggregate_violations))

    one()
    assert sum(built) >= EXAMPLES // 2, "too few examples were built"


def test_the_public_markdown_of_many_reports_holds_no_secret(tmp_path: Path) -> None:
    """The same two properties over many more reports, through the Markdown artifact
    alone: selection, level flow and composing are shared by every writer, and the
    Markdown is cheap to write (a few hundred reports in CI)."""
    built: list[bool] = []

    def both(generated: Generated, texts: dict[Path, str]) -> list[str]:
        return secret_violations(generated, texts) + aggregate_violations(generated, texts)

    @settings(SETTINGS, max_examples=MARKDOWN_EXAMPLES)
    @given(secret_reports())
    def one(generated: Generated) -> None:
        built.append(check_public_edition(generated, tmp_path, both, (("md",),)))

    one()
    assert sum(built) >= MARKDOWN_EXAMPLES // 2, "too few examples were built"
