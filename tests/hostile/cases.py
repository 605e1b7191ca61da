"""Hostile report sources: each writes a project into a folder and says where it must fail."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from tests.reports import HEADER, one_topic, write_report
from tests.unit.load.support import DATA_TABLE

Maker = Callable[[Path], Path]


@dataclass(frozen=True)
class Hostile:
    """A hostile input: how to make it, which file (and line) the message names, and a
    fragment of the message. `line` is a text whose first line in `file` is expected."""

    name: str
    make: Maker
    file: str
    message: str
    line: str | int | None = None
    codes: tuple[int, ...] = (2,)


def _topic(blocks: str, files: dict[str, str] | None = None, notes: str = "") -> Maker:
    def make(folder: Path) -> Path:
        return write_report(folder, one_topic(blocks, notes), files)
    return make


def _raw(name: str, data: bytes, main: str | None = None) -> Maker:
    """Write `data` as file `name` next to a report that includes it as its first chapter."""
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        if main is not None:
            return folder / main
        (folder / "report.yaml").write_text(HEADER + f"chapters:\n  - include: {name}\n",
                                            encoding="utf-8")
        return folder / "report.yaml"
    return make


def _chapter_bytes(text: bytes) -> bytes:
    return b"number: 1\ntitle: Hoofdstuk\nblocks:\n" + text


def _with(setup: Callable[[Path], object], make: Maker) -> Maker:
    def both(folder: Path) -> Path:
        main = make(folder)
        setup(folder)
        return main
    return both




def _data_table(name: str, data: bytes | Callable[[], bytes]) -> Maker:
    def make(folder: Path) -> Path:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data() if callable(data) else data)
        return write_report(folder, one_topic(DATA_TABLE.format(data=name)))
    return make


def _hundred_thousand_rows() -> bytes:
    lines = ["id;2024;2025"] + [f"r{i};{i};{i + 1}" for i in range(100_000)]
    return ("\n".join(lines) + "\n").encode()


def _zip_bomb(honest: bool) -> Callable[[], bytes]:
    """A real XLSX whose sheet XML inflates to 60 MB; the dishonest one declares 1 KB."""
    def make() -> bytes:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["id", 2024, 2025])
        saved = io.BytesIO()
        book.save(saved)
        member = "xl/worksheets/sheet1.xml"
        head = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheetData>')
        body = head + b" " * (60 * 1024 * 1024) + b"</sheetData></worksheet>"
        buffer = io.BytesIO()
        with zipfile.ZipFile(saved) as source, \
                zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = body if info.filename == member else source.read(info)
                target.writestr(info.filename, data)
        data = buffer.getvalue()
        return data if honest else _declare_size(data, member, 1024)
    return make


def _declare_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size of one member in both headers of a zip archive."""
    blob = bytearray(data)
    encoded = name.encode()
    local = blob.find(b"PK\x03\x04")
    while local != -1:
        if blob[local + 30: local + 30 + len(encoded)] == encoded:
            struct.pack_into("<I", blob, local + 22, size)
        local = blob.find(b"PK\x03\x04", local + 4)
    central = blob.find(b"PK\x01\x02")
    while central != -1:
        if blob[central + 46: central + 46 + len(encoded)] == encoded:
            struct.pack_into("<I", blob, central + 24, size)
        central = blob.find(b"PK\x01\x02", central + 4)
    return bytes(blob)


def _png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A PNG of the given size: grey pixels, or `rows` as its compressed image data."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = rows if rows is not None else zlib.compress(b"\x00" * (width + 1) * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw)
            + chunk(b"IEND", b""))


def _figure(image: str) -> str:
    return f"- figure: {{id: f1, title: Figuur, image: {image!r}}}\n"


def _image(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return write_report(folder, one_topic(_figure(name)))
    return make


def _outside_image(folder: Path) -> Path:
    (folder.parent / f"{folder.name}-buiten.png").write_bytes(_png(4, 4))
    return folder.parent / f"{folder.name}-buiten.png"


def _image_outside(kind: str) -> Maker:
    def make(folder: Path) -> Path:
        outside = _outside_image(folder)
        if kind == "relative":
            image = f"../{outside.name}"
        elif kind == "absolute":
            image = str(outside)
        else:
            os.symlink(outside, folder / "link.png")
            image = "link.png"
        return write_report(folder, one_topic(_figure(image)))
    return make


def _include_outside(kind: str) -> Maker:
    def make(folder: Path) -> Path:
        outside = folder.parent / f"{folder.name}-buiten.yaml"
        outside.write_text("number: 1\ntitle: Buiten\n", encoding="utf-8")
        if kind == "relative":
            target = f"../{outside.name}"
        elif kind == "absolute":
            target = str(outside)
        else:
            os.symlink(outside, folder / "link.yaml")
            target = "link.yaml"
        (folder / "report.yaml").write_text(HEADER + f"chapters:\n  - include: {target}\n",
                                            encoding="utf-8")
        return folder / "report.yaml"
    return make


def _files(files: dict[str, str], main: str = "report.yaml") -> Maker:
    def make(folder: Path) -> Path:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder / main
    return make


def _alias_bomb(kind: str) -> bytes:
    if kind == "lists":
        rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        rows += [f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]"
                 for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    else:
        rows = ["a: &a {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol}"]
        for p, n in zip("abcdefgh", "bcdefghi", strict=True):
            rows.append(f"{n}: &{n} {{{', '.join(f'k{i}: *{p}' for i in range(10))}}}")
    return ("\n".join(rows) + "\n").encode()


def _template(expression: str) -> Maker:
    return _topic(f"- toelichting: {expression!r}\n")


INCLUDE_LINE = "include"
TEXT = "toelichting"
CASES: list[Hostile] = [
    # Characters XML cannot hold.
    Hostile("escaped BEL in text", _topic('- toelichting: "Tekst met \\x07 bel."\n'),
            "report.yaml", "U+0007", TEXT),
    Hostile("escaped NUL in text", _topic('- toelichting: "Tekst met \\0 nul."\n'),
            "report.yaml", "U+0000", TEXT),
    Hostile("escaped U+001F in a footnote", _topic(
        '- toelichting: "Tekst[^n]."\n', notes='- {id: n, text: "Noot \\x1f."}\n'),
            "report.yaml", "U+001F", "Noot"),
    Hostile("escaped U+FFFE in text", _topic('- toelichting: "Tekst \\uFFFE."\n'),
            "report.yaml", "U+FFFE", TEXT),
    Hostile("escaped lone surrogate in text", _topic('- toelichting: "Tekst \\ud800."\n'),
            "report.yaml", "U+D800", TEXT),
    Hostile("raw control byte in a file", _raw("h1.yaml", _chapter_bytes(
        b"  - toelichting: Tekst \x01 hier.\n")), "h1.yaml", "U+0001", 4),
    Hostile("raw U+FFFE in a file", _raw("h1.yaml", _chapter_bytes(
        b"  - toelichting: Tekst \xef\xbf\xbe hier.\n")), "h1.yaml", "U+FFFE", 4),
    Hostile("lone surrogate bytes in a UTF-8 file", _raw("h1.yaml", _chapter_bytes(
        b"  - toelichting: Tekst \xed\xa0\x80 hier.\n")), "h1.yaml", "UTF-8", 4),
    Hostile("NUL byte in a YAML file", _raw("h1.yaml", _chapter_bytes(
        b"  - toelichting: Tekst \x00 hier.\n")), "h1.yaml", "binary"),
    Hostile("control character in a CSV cell", _data_table(
        "data.csv", b"id;2024;2025\na;1;2\nb;3;4\x07\n"), "data.csv", "U+0007", 3),
    # Size.
    Hostile("multi-megabyte string", _topic("- toelichting: " + "woord " * 500_000 + "\n"),
            "report.yaml", "limit", TEXT),
    Hostile("multi-megabyte file", _raw("h1.yaml", _chapter_bytes(
        b"  - toelichting: " + b"x" * (9 * 1024 * 1024) + b"\n")), "h1.yaml", "limit"),
    Hostile("100,000-row CSV", _data_table("data.csv", _hundred_thousand_rows),
            "data.csv", "rows", 10_002),
    Hostile("zip bomb spreadsheet", _data_table("data.xlsx", _zip_bomb(honest=True)),
            "data.xlsx", "zip bomb"),
    Hostile("zip bomb spreadsheet with a lying header", _data_table(
        "data.xlsx", _zip_bomb(honest=False)), "data.xlsx", "spreadsheet"),
    Hostile("deeply nested YAML", _raw("h1.yaml", b"x: " + b"[" * 50_000 + b"]" * 50_000
                                       + b"\n"), "h1.yaml", "nested", 1),
    Hostile("deeply nested block YAML", _raw("h1.yaml", b"x:\n  " + b"- " * 5_000 + b"x\n"),
            "h1.yaml", "nesting"),
    # Paths that leave the project.
    Hostile("include with ../", _include_outside("relative"), "report.yaml",
            "outside the report folder", INCLUDE_LINE),
    Hostile("include with an absolute path", _include_outside("absolute"), "report.yaml",
            "outside the report folder", INCLUDE_LINE),
    Hostile("include through a symbolic link", _include_outside("symlink"), "report.yaml",
            "outside the report folder", INCLUDE_LINE),
    Hostile("image with ../", _image_outside("relative"), "report.yaml",
            "outside the report folder", "figure", (1, 2)),
    Hostile("image with an absolute path", _image_outside("absolute"), "report.yaml",
            "outside the report folder", "figure", (1, 2)),
    Hostile("image through a symbolic link", _image_outside("symlink"), "report.yaml",
            "outside the report folder", "figure", (1, 2)),
    Hostile("data file with ../", _topic(DATA_TABLE.format(data="../elders.csv")),
            "report.yaml", "outside the report folder", "data:"),
    # Recursion and expansion.
    Hostile("include of itself", _files({"report.yaml": HEADER + "chapters:\n"
                                         "  - include: report.yaml\n"}),
            "report.yaml", "recursive include", INCLUDE_LINE),
    Hostile("includes in a circle", _files({
        "report.yaml": HEADER + "chapters:\n  - include: a.yaml\n",
        "a.yaml": "number: 1\ntitle: A\nsections:\n  - include: b.yaml\n",
        "b.yaml": "number: '1.1'\ntitle: B\ntopics:\n  - include: a.yaml\n"}),
            "b.yaml", "recursive include", 4),
    Hostile("billion laughs with lists", _raw("h1.yaml", _alias_bomb("lists")),
            "h1.yaml", "aliases"),
    Hostile("billion laughs with mappings", _raw("h1.yaml", _alias_bomb("maps")),
            "h1.yaml", "aliases"),
    # Template sandbox escapes in a toelichting.
    Hostile("template reaching object subclasses",
            _template("{{ ''.__class__.__mro__[1].__subclasses__() }}"),
            "report.yaml", "template", TEXT),
    Hostile("template reaching globals through cycler",
            _template("{{ cycler.__init__.__globals__ }}"), "report.yaml", "template", TEXT),
    Hostile("template reaching globals through lipsum",
            _template("{{ lipsum.__globals__['os'].system('true') }}"),
            "report.yaml", "template", TEXT),
    Hostile("template computing a huge power", _template("{{ 9 ** (9 ** 9) }}"),
            "report.yaml", "template", TEXT),
    Hostile("template repeating a string", _template("{{ 'x' * 10 ** 9 }}"),
            "report.yaml", "template", TEXT),
    Hostile("template with a huge range", _template("{{ range(10 ** 9) | list }}"),
            "report.yaml", "template", TEXT),
    Hostile("template growing a string through filters", _template(
        "{{ 'xxxxxxxxxx' | replace('x', 'xxxxxxxxxx') | replace('x', 'xxxxxxxxxx') }}"),
            "report.yaml", "template", TEXT),
    Hostile("template with a loop", _template(
        "{% for i in 'abcdefghij' %}{% for j in 'abcdefghij' %}x{% endfor %}{% endfor %}"),
            "report.yaml", "loop", TEXT),
    Hostile("template doubling a variable", _template(
        "{% set x = 'xx' %}{% set x = x ~ x %}{{ x }}"), "report.yaml", "set", TEXT),
    Hostile("template calling a string method", _template("{{ 'x'.center(10 ** 9) }}"),
            "report.yaml", "template", TEXT),
    # Files that are not what they say.
    Hostile("report file that is binary", _raw("report.yaml", b"\x89PNG\r\n\x1a\n\x00\x00",
                                               main="report.yaml"), "report.yaml", "binary"),
    Hostile("report file that is empty", _raw("report.yaml", b"", main="report.yaml"),
            "report.yaml", "empty"),
    Hostile("report path that is a directory", lambda folder: _mkdir(folder / "map"),
            "map", "directory"),
    Hostile("CSV in Latin-1", _data_table("data.csv", "id;2024;2025\na;1;2\nb;3;4\n"
                                          "c;café;5\n".encode("latin-1")),
            "data.csv", "UTF-8", 4),
    Hostile("XLSX that is really a PDF", _data_table(
        "data.xlsx", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
            "data.xlsx", "not a valid XLSX"),
    Hostile("title too long to name a file", _files({
        "report.yaml": HEADER.replace("title: Stand van Test", "title: " + "Lang " * 80)}),
            "report.yaml", "limit is 150", "title"),
    Hostile("figure image that is text", _image("figuur.png", b"dit is geen plaatje\n"),
            "report.yaml", "not a PNG or JPEG image", "figure"),
    Hostile("figure image that is a truncated PNG", _image("figuur.png", _png(40, 40)[:60]),
            "report.yaml", "image", "figure"),
    Hostile("figure image that is a decompression bomb",
            _image("figuur.png", _png(60_000, 60_000, zlib.compress(b"\x00" * 4096))),
            "report.yaml", "pixels", "figure"),
]


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _include(name: str, setup: Callable[[Path], object]) -> Maker:
    """A report whose first chapter is `include: <name>`, after `setup(folder)`."""
    def make(folder: Path) -> Path:
        setup(folder)
        (folder / "report.yaml").write_text(HEADER + f"chapters:\n  - include: {name}\n",
                                            encoding="utf-8")
        return folder / "report.yaml"
    return make


def _merge_bomb() -> bytes:
    rows = ["a: &a {k0: x, k1: y}"]
    for p, n in zip("abcdefghijklmno", "bcdefghijklmnop", strict=True):
        rows.append(f"{n}: &{n} {{<<: [{', '.join([f'*{p}'] * 10)}], z{n}: 1}}")
    return ("\n".join(rows) + "\n").encode()


def _include_chain(depth: int) -> Callable[[Path], object]:
    def setup(folder: Path) -> None:
        for i in range(depth):
            (folder / f"i{i}.yaml").write_text(f"include: i{i + 1}.yaml\n", encoding="utf-8")
        (folder / f"i{depth}.yaml").write_text("number: 1\ntitle: X\n", encoding="utf-8")
    return setup


def _symlink_loop(folder: Path) -> None:
    os.symlink("b.yaml", folder / "a.yaml")
    os.symlink("a.yaml", folder / "b.yaml")


def _header(replace: str, by: str) -> Maker:
    def make(folder: Path) -> Path:
        main = write_report(folder, one_topic("- toelichting: Tekst.\n"))
        main.write_text(main.read_text(encoding="utf-8").replace(replace, by, 1),
                        encoding="utf-8")
        return main
    return make


def _long_cell(chars: int) -> Maker:
    cell = ("Status lang verhaal " * (chars // 20 + 1))[:chars].strip()
    return _topic(f"""\
- table:
    id: t
    title: Tabel
    unit: text
    columns: [2024, 2025]
    rows:
      - {{id: a, label: A, values: [kort, "{cell}"]}}
""")


def _chart(categories: int, series: int) -> Maker:
    values = ", ".join(str(i % 7) for i in range(categories))
    rows = "".join(f"      - {{label: S{j}, values: [{values}]}}\n" for j in range(series))
    return _topic("- figure:\n    id: f1\n    title: Figuur\n    chart:\n      type: bar\n"
                  f"      categories: [{', '.join(f'c{i}' for i in range(categories))}]\n"
                  f"      series:\n{rows}")


def _many_rows(count: int) -> Maker:
    rows = "".join(f"      - {{id: r{i}, label: Rij {i}, values: [{i}, {i + 1}]}}\n"
                   for i in range(count))
    return _topic("- table:\n    id: t\n    title: T\n    columns: [2024, 2025]\n"
                  "    rows:\n" + rows)


def _link(target: str) -> Maker:
    return _topic(f"- toelichting: 'Zie [de stukken]({target}) voor meer.'\n")


TEMPLATE = "template"
CASES += [
    # Expansion and paths (issue #19).
    Hostile("merge keys nested and repeated", _raw("h1.yaml", _merge_bomb()), "h1.yaml",
            "merge keys", "<<"),
    Hostile("mapping with 100,000 keys", _raw("h1.yaml", b"number: 1\ntitle: X\n" + b"".join(
        b"k%d: 1\n" % i for i in range(100_000))), "h1.yaml", "unknown key", 3),
    Hostile("include that is a FIFO", _include("h1.yaml", lambda f: os.mkfifo(f / "h1.yaml")),
            "report.yaml", "not a regular file", INCLUDE_LINE),
    Hostile("include through a symbolic link loop", _include("a.yaml", _symlink_loop),
            "report.yaml", "loop of symbolic links", INCLUDE_LINE),
    Hostile("include name longer than the file system allows",
            _include("x" * 300 + ".yaml", lambda f: None), "report.yaml",
            "longer than the file system allows", INCLUDE_LINE),
    Hostile("include chain hundreds deep", _include("i0.yaml", _include_chain(300)),
            "i18.yaml", "includes nested more than 20", 1),
    Hostile("python tag on a mapping", _topic(
        "- !!python/object:os.system {kind: toelichting, text: hoi}\n"),
            "report.yaml", "python/object", "!!python"),
    Hostile("id with a zero-width space", _header("- id: onderwerp",
                                                  '- id: "onder\\u200bwerp"'),
            "report.yaml", "U+200B", "- id:"),
    Hostile("id with a bidi override", _header("- id: onderwerp",
                                               '- id: "onder\\u202ewerp"'),
            "report.yaml", "U+202E", "- id:"),
    Hostile("title without ASCII letters", _header("title: Stand van Test",
                                                   "title: Ελληνικά"),
            "report.yaml", "no letter", "title"),
    Hostile("heading too long to fit a page", _header("title: Onderwerp",
                                                      "title: " + "Lang woord " * 400),
            "report.yaml", "heading of", "title: Lang"),
    Hostile("table cell too long to lay out", _long_cell(60_000), "report.yaml",
            "table cell of", "id: a"),
    Hostile("caption too long", _topic("- figure: {id: f1, title: '" + "Lang " * 300
                                       + "', placeholder: volgt}\n"),
            "report.yaml", "caption of", "figure"),
    Hostile("footnote too long", _topic("- toelichting: 'Tekst[^n].'\n",
                                        notes="- {id: n, text: '" + "Noot " * 5_000 + "'}\n"),
            "report.yaml", "footnote of", "Noot"),
    Hostile("table with 4,000 rows", _many_rows(4_000), "report.yaml", "rows; the limit",
            "rows:"),
    Hostile("chart with 2,000 categories", _chart(2_000, 1), "report.yaml", "categories",
            "type: bar"),
    Hostile("chart with 200 series", _chart(20, 200), "report.yaml", "series", "type: bar"),
    # Templates that allocate or expose what is behind the values.
    Hostile("template repeating a list 20,000 times", _template(
        "{{ ['x' * 99999] * 20000 }}"), "report.yaml", TEMPLATE, TEXT),
    Hostile("template multiplying huge integers", _template(
        "{{ " + " * ".join(["(9 ** 999)"] * 60) + " }}"), "report.yaml", TEMPLATE, TEXT),
    Hostile("template summing lists", _template("{{ [[1]] * 50000 | sum(start=[]) }}"),
            "report.yaml", TEMPLATE, TEXT),
    Hostile("template printing an object", _template("{{ waarde }}"),
            "report.yaml", "numbers and text only", TEXT),
    Hostile("template reaching the tables behind waarde", _template("{{ waarde.tables }}"),
            "report.yaml", TEMPLATE, TEXT),
    # Links a reader's click would open outside the web.
    Hostile("link to an smb: share", _link("smb://server/geheim"), "report.yaml",
            "scheme smb:", TEXT),
    Hostile("link with ms-word:", _link("ms-word:ofe|u|https://x.nl/a.docx"),
            "report.yaml", "scheme ms-word:", TEXT),
    Hostile("link with file:", _link("file:///etc/passwd"), "report.yaml", "scheme file:",
            TEXT),
    Hostile("relative link climbing out", _link("../../geheim.docx"), "report.yaml",
            "relative path", TEXT),
]
