"""The `standgen` command line: a thin layer over the public API.

Exit status: 0 clean, 1 problems found (validation) or build refused, 2 unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from standgen.errors import BuildError, Problem, Severity, SourceError, StandgenError

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(str(problem), file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    """Load and validate a report; print every problem with its location."""
    from standgen.api import load, validate

    report = load(args.path)
    problems = validate(report)
    _print_problems(problems.items)
    errors, warnings = len(problems.errors), len(problems.warnings)
    print(f"{args.path}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    if errors or (args.strict and warnings):
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the input format."""
    from standgen.schema import input_schema

    print(json.dumps(input_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "schema": cmd_schema,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="standgen", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check a report's sources")
    validate.add_argument("path", type=Path)
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    sub.add_parser("schema", help="print the JSON Schema of the input format")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; never shows a traceback for a report author's mistake."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except SourceError as exc:
        _print_problems(exc.problems)
        return EXIT_UNUSABLE
    except BuildError as exc:
        print(f"standgen: build failed: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except StandgenError as exc:
        print(f"standgen: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
