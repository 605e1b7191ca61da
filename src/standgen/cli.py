"""The `standgen` command line: a thin layer over the public API.

Exit status: 0 clean, 1 problems found (validation) or build refused, 2 unusable input.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from standgen.errors import BuildError, Problem, Severity, SourceError, StandgenError
from standgen.init import add_parser as add_init_parser
from standgen.init import cmd_init

if TYPE_CHECKING:
    from standgen.build import BuildRequest
    from standgen.model.report import Report
    from standgen.watch import Rebuild

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 70


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(str(problem), file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    """Load and validate a report; print every problem with its location."""
    from standgen.api import load, validate

    report = load(args.path)
    problems = validate(report, args.templates)
    _print_problems(problems.items)
    errors, warnings = len(problems.errors), len(problems.warnings)
    if not errors:
        _print_settled(report)
    print(f"{args.path}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    if errors or (args.strict and warnings):
        note = _strict_refusal(problems.items) if args.strict else None
        if note:
            print(note, file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _print_settled(report: Report) -> None:
    """Information, not a problem: figures an edition withholds or recomputes."""
    from standgen.edition.listing import computable_secrets, settled_figures

    for figure in settled_figures(report):
        print(f"info: {figure}")
    for exposed in computable_secrets(report):
        print(f"info: {exposed}")


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the input format."""
    from standgen.schema import input_schema

    print(json.dumps(input_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _copies(spec: str | None) -> tuple[int, ...]:
    if not spec:
        return ()
    match = re.fullmatch(r"(\d+)(?:-(\d+))?", spec.strip())
    if not match:
        raise StandgenError(f"--exemplaren takes a number or a range such as 1-25, not {spec!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if not 1 <= first <= last <= 999:
        raise StandgenError("--exemplaren must be a range within 1-999")
    return tuple(range(first, last + 1))


def _build_request(args: argparse.Namespace) -> BuildRequest:
    from standgen.build import BuildRequest

    formats = tuple(args.format) if args.format else ("docx", "pdf")
    editions = tuple(args.edition) if args.edition else ("openbaar",)
    return BuildRequest(source=args.path, out_dir=args.out, editions=editions,
                        formats=formats, strict=args.strict, templates=args.templates,
                        jobs=args.jobs, copies=_copies(args.exemplaren), concept=args.concept,
                        new_page=_new_page(args.new_page), theme=args.theme)


def _new_page(given: list[str] | None) -> tuple[str, ...] | None:
    """`--new-page chapter --new-page section`, or `--new-page none`; None keeps the
    report's own page policy."""
    if not given:
        return None
    return tuple(level for level in given if level != "none")


def cmd_build(args: argparse.Namespace) -> int:
    """Build the requested editions and formats into the output folder."""
    from standgen.build import build

    result = build(_build_request(args))
    _print_problems(result.problems.items)
    for path in result.artifacts:
        print(path)
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"{stage:>10}: {seconds:6.2f} s", file=sys.stderr)
    return EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    """Build, then rebuild after every change to the sources, until interrupted."""
    from standgen.watch import watch

    request = _build_request(args)
    print(f"standgen: watching {request.source.parent} (Ctrl-C stops)", file=sys.stderr)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # stop the same way on SIGTERM
    try:
        watch(request, _report_rebuild)
    except KeyboardInterrupt:
        print("standgen: stopped watching", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return EXIT_OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _report_rebuild(rebuild: Rebuild) -> bool:
    """Print one build of a watch: its problems, then one line of what it did."""
    cause = f" after a change to {', '.join(p.name for p in rebuild.changed[:3])}" if (
        rebuild.changed) else ""
    if isinstance(rebuild.error, SourceError):
        _print_problems(rebuild.error.problems)
    elif rebuild.error is not None:
        print(f"standgen: build failed: {rebuild.error}", file=sys.stderr)
    if rebuild.result is not None:
        _print_problems(rebuild.result.problems.items)
        print(f"standgen: built {len(rebuild.result.artifacts)} artifact(s) in "
              f"{rebuild.seconds:.2f} s{cause}", file=sys.stderr)
    else:
        print(f"standgen: nothing written{cause}; the previous artifacts stay",
              file=sys.stderr)
    sys.stderr.flush()
    return True


def cmd_dump(args: argparse.Namespace) -> int:
    """Print the composed document tree of one edition as indented text."""
    from standgen.api import load
    from standgen.build import BuildRequest, page_policy, report_templates, report_theme
    from standgen.compose import ComposeOptions, compose_document, dump_document

    report = load(args.path)
    theme = report_theme(BuildRequest(args.path, Path()), report)
    options = ComposeOptions(templates=report_templates(report, args.templates),
                             page_policy=page_policy(report, theme, None))
    sys.stdout.write(dump_document(compose_document(report, args.edition, options=options)))
    return EXIT_OK


def cmd_check_leaks(args: argparse.Namespace) -> int:
    """Report confidential content of the source found in an artifact."""
    from standgen.api import load
    from standgen.edition.levels import load_levels
    from standgen.leaks import check_artifact
    from standgen.leaks.candidates import gather

    if not args.artifact.is_file():
        raise StandgenError(f"{args.artifact}: no such file")
    gathered = gather(load(args.source), load_levels())
    gathered.print_notices()
    leaks = check_artifact(args.artifact, None, candidates=gathered.candidates)
    for leak in leaks:
        print(str(leak))
    print(f"{args.artifact}: {len(leaks)} leak(s)", file=sys.stderr)
    return EXIT_PROBLEMS if leaks else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    """Start the next edition from the previous one (roll every year series forward)."""
    from standgen.draft import roll_forward

    result = roll_forward(args.source, args.out, args.period)
    print(f"{result.previous_period} -> {result.period}: {len(result.files)} files in {args.out}")
    print(f"  {len(result.extended_tables)} tables extended, {result.missing_cells} values "
          f"te leveren, {result.marked_blocks} text blocks marked TE HERZIEN")
    if result.marked_titles:
        print(f"  {result.marked_titles} title(s) name the period {result.previous_period!r}: "
              "marked TE HERZIEN")
    for note in result.notes:
        print(f"  note: {note}")
    print(f"  next: standgen validate {result.report}")
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    """List the structural changes between two editions, as change-list sentences."""
    from standgen.api import load
    from standgen.compose.templating import checked_templates
    from standgen.draft import changes_between

    templates = checked_templates(args.templates) if args.templates is not None else None
    changes = changes_between(load(args.previous), load(args.current), templates=templates)
    for change in changes:
        print(f"- {change.text}")
    if not changes:
        print("no structural changes", file=sys.stderr)
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    """List a reviewed DOCX's comments and tracked changes by source; apply prose edits."""
    from standgen.review import ReviewOptions, run_review

    return run_review(ReviewOptions(args.docx, args.source, args.apply, args.force,
                                    args.comments))


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "new": cmd_new,
    "changes": cmd_changes,
    "validate": cmd_validate,
    "schema": cmd_schema,
    "build": cmd_build,
    "watch": cmd_watch,
    "dump": cmd_dump,
    "check-leaks": cmd_check_leaks,
    "review": cmd_review,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command (snapshot and diff come from the
    snapshot package)."""
    from standgen.snapshot.cli import add_parsers as add_snapshot_parsers

    parser = argparse.ArgumentParser(prog="standgen", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="print standgen's version and exit")
    sub = parser.add_subparsers(dest="command", required=True)
    add_init_parser(sub)
    validate = sub.add_parser("validate", help="check a report's sources")
    validate.add_argument("path", type=Path)
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--templates", type=Path, help="folder with template overrides")
    sub.add_parser("schema", help="print the JSON Schema of the input format")
    build = sub.add_parser("build", help="build DOCX and PDF (and Markdown) artifacts")
    _add_build_options(build)
    build.add_argument("--timings", action="store_true", help="print the time per stage")
    watch = sub.add_parser("watch", help="build, then rebuild whenever a source changes")
    _add_build_options(watch)
    dump = sub.add_parser("dump", help="print the composed document tree as text")
    dump.add_argument("path", type=Path)
    dump.add_argument("--edition", default="openbaar",
                      choices=["openbaar", "vertrouwelijk", "bijlage"])
    dump.add_argument("--templates", type=Path, help="folder with template overrides")
    new = sub.add_parser("new", help="start the next edition from the previous one")
    new.add_argument("--from", dest="source", type=Path, required=True,
                     help="the previous edition's main YAML file or folder")
    new.add_argument("--to", "--period", dest="period",
                     help='the new period, e.g. "najaar 2026" or "Q2 2026" (default: the '
                     "next period of the report's cycle)")
    new.add_argument("--out", type=Path, required=True, help="a new, empty folder")
    changes = sub.add_parser("changes", help="structural changes between two editions")
    changes.add_argument("previous", type=Path)
    changes.add_argument("current", type=Path)
    changes.add_argument("--templates", type=Path, help="folder with template overrides")
    leaks = sub.add_parser("check-leaks", help="scan an artifact for confidential content")
    leaks.add_argument("artifact", type=Path)
    leaks.add_argument("--source", type=Path, required=True, help="the report's main file")
    _add_review_parser(sub)
    add_snapshot_parsers(sub)
    return parser


def _add_review_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser("review", help="comments and tracked changes of a reviewed DOCX, "
                            "by source file; --apply takes prose edits back")
    review.add_argument("docx", type=Path, help="the DOCX as edited in Word or LibreOffice")
    review.add_argument("--source", type=Path, required=True, help="the report's main file")
    review.add_argument("--apply", action="store_true",
                        help="write tracked prose edits into the YAML sources")
    review.add_argument("--force", action="store_true",
                        help="with --apply: go on when sources changed since the build "
                        "(only edits whose source text still matches are applied)")
    review.add_argument("--comments", type=Path,
                        help="write the comments as a review list (.csv or .md)")


class _VersionAction(argparse.Action):
    """`--version`, with the version read only when asked for: reading package metadata
    costs every other command 20 ms."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"standgen {_version()}")
        parser.exit()


def _version() -> str:
    """The installed package's version; the source tree's when it is run uninstalled."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("standgen")
    except PackageNotFoundError:
        from standgen import __version__

        return __version__


def _strict_refusal(problems: Sequence[Problem]) -> str | None:
    """Say so when --strict alone turned warnings into a refusal."""
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    if not warnings or len(warnings) < len(problems):
        return None
    return (f"standgen: refused because of --strict: {len(warnings)} warning(s) count as "
            "errors under --strict; fix them, or run without --strict")


def _add_build_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("path", type=Path)
    command.add_argument("--out", type=Path, default=Path("out"), help="output folder")
    command.add_argument("--format", action="append", choices=["docx", "pdf", "md"],
                         help="repeat for several; default: docx and pdf")
    command.add_argument("--edition", action="append",
                         choices=["openbaar", "vertrouwelijk", "bijlage"],
                         help="repeat for several; default: openbaar only")
    command.add_argument("--exemplaren",
                         help="numbered copies, e.g. 1-25 (classified editions)")
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.add_argument("--templates", type=Path, help="folder with template overrides")
    command.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                         help="parallel processes for charts and artifacts (default: one per "
                         "core; 1 builds in this process)")
    command.add_argument("--theme",
                         help="house style: a shipped theme (rijkshuisstijl, sober) or a theme "
                         "file; overrides report.yaml's theme:")
    command.add_argument("--new-page", action="append",
                         choices=["chapter", "section", "none"],
                         help="which levels start a new page (repeat; overrides the report's "
                         "settings.page_policy)")
    command.add_argument("--concept", action="store_true",
                         help="mark every page CONCEPT with the build date and source version")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; never shows a traceback for a report author's mistake."""
    from standgen.snapshot.cli import COMMANDS as SNAPSHOT_COMMANDS

    args = build_parser().parse_args(argv)
    commands = {**COMMANDS, **SNAPSHOT_COMMANDS}
    try:
        return commands[args.command](args)
    except SourceError as exc:
        _print_problems(exc.problems)
        note = _strict_refusal(exc.problems) if getattr(args, "strict", False) else None
        if note:
            print(note, file=sys.stderr)
        return EXIT_UNUSABLE
    except BuildError as exc:
        print(f"standgen: build failed: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except StandgenError as exc:
        print(f"standgen: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file the system refused outside a located read or a write
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"standgen: {where}{exc.strerror or exc}; check that the path exists and that "
              "you may read (or, for --out, write) it", file=sys.stderr)
        return EXIT_UNUSABLE
    except RecursionError:
        print("standgen: the sources are nested too deeply to process; flatten them",
              file=sys.stderr)
        return EXIT_UNUSABLE
    except MemoryError:
        print("standgen: out of memory; the sources are too large for this machine",
              file=sys.stderr)
        return EXIT_UNUSABLE
    except Exception as exc:  # a bug in standgen: one line for the author, not a traceback
        print(f"standgen: internal error ({type(exc).__name__}: {exc}); this is a bug in "
              "standgen, please report it with the command you ran", file=sys.stderr)
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The console entry point: main(), then exit without the collector's last sweep over
    every object of the build (a fifth of a second of a warm build's time)."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
