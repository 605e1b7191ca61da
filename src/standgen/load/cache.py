"""A cache of loaded reports, so that a repeated build skips parsing and validating
unchanged sources.

An entry holds the loaded report with the content hash of every file its load read, and
is used only while all of them, standgen's version and its model and loader code are
unchanged. Reading an entry unpickles it, which can run code, so entries are signed with
a key kept in the user's own cache folder: an entry this user's standgen did not write is
ignored, as is any entry that cannot be read.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from standgen import __version__
from standgen.files import OWNER_ONLY, write_bytes_atomically
from standgen.resources import user_cache_dir

if TYPE_CHECKING:
    from standgen.model.report import Report

PACKAGE = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("model", "load")
KEY_BYTES = 32


@dataclass(frozen=True)
class Entry:
    """A loaded report, the code that loaded it, and the files it was read from."""

    code: str
    main: Path
    files: tuple[tuple[Path, str | None], ...]
    report: Report


def load_cached(main: Path, cache_dir: Path) -> tuple[Report, Entry | None]:
    """The report at `main`: from `cache_dir` when nothing it was read from has changed,
    else loaded (and validated by the model), with the entry to `store` once the build
    has accepted it (None when it came from the cache)."""
    main = _main_file(main)
    stored = _read(_entry_path(cache_dir, main))
    if stored is not None and stored.code == code_digest() and stored.main == main and all(
            _digest(path) == digest for path, digest in stored.files):
        return stored.report, None
    from standgen.load.report import load_report_and_files

    report, files = load_report_and_files(main)
    return report, Entry(code_digest(), main, tuple((p, _digest(p)) for p in files), report)


def store(cache_dir: Path, entry: Entry) -> None:
    """Keep an entry for the next build (whole or not at all; a cache that cannot be
    written is no error)."""
    _write(_entry_path(cache_dir, entry.main), entry)


def _main_file(main: Path) -> Path:
    """The main YAML file (report.yaml of a folder); as given when there is none, for the
    loader to explain."""
    main = main.resolve()
    inside = main / "report.yaml"
    return inside if main.is_dir() and inside.is_file() else main


@lru_cache(maxsize=1)
def code_digest() -> str:
    """standgen's and pydantic's versions and the source of the model and the loader."""
    from pydantic import VERSION as PYDANTIC_VERSION

    digest = hashlib.sha256(f"{__version__}|{PYDANTIC_VERSION}".encode())
    for folder in CODE_FOLDERS:
        for path in sorted((PACKAGE / folder).glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _entry_path(cache_dir: Path, main: Path) -> Path:
    name = hashlib.sha256(str(main).encode()).hexdigest()[:16]
    return cache_dir / f"report-{name}.pickle"


def _read(path: Path) -> Entry | None:
    key = _key()
    try:
        data = path.read_bytes()
    except OSError:
        return None
    signature, body = data[:32], data[32:]
    if key is None or not hmac.compare_digest(signature, _sign(key, body)):
        return None
    try:
        entry = pickle.loads(body)
    except Exception:  # an entry from another standgen: load the sources instead
        return None
    return entry if isinstance(entry, Entry) else None


def _write(path: Path, entry: Entry) -> None:
    key = _key()
    if key is None:
        return
    try:
        body = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, _sign(key, body) + body, OWNER_ONLY)
    except (OSError, pickle.PicklingError, RecursionError):
        return


def _sign(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).digest()


@lru_cache(maxsize=1)
def _key() -> bytes | None:
    """This user's signing key (in standgen's user cache folder, readable by the user
    only), made on first use; None when it cannot be kept."""
    path = user_cache_dir() / "cache-key"
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else _new_key(path)


def _new_key(path: Path) -> bytes | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, os.urandom(KEY_BYTES), OWNER_ONLY)
        return path.read_bytes()  # another process's key, if it replaced ours meanwhile
    except OSError:
        return None
