"""Loaders: a .txt file, a folder of .txt files, CSV/JSONL with a text column, a saved HTML page.

Every loader returns :class:`~newslab.article.Article` objects whose ``text`` is the decoded
original. Bytes are decoded as UTF-8 (a BOM is dropped) or UTF-16 (with a BOM, or recognised by
its zero bytes), else as cp1252, with a warning naming the file and the encoding used. Input a
user can fix (empty, binary, unreadable, missing column, nothing to read) raises
:class:`~newslab.errors.InputError` with one sentence naming the file and the fix.

Nothing is dropped silently. In a folder or a table, whatever is not read as an article (a file
that cannot be read, a hidden or unsupported file, a dangling link, a CSV row with an empty text
cell or the wrong number of cells, a JSONL line that is not JSON) is listed in ``corpus.skipped``
as ``(path, reason)`` (a row's reason starts with its row and line) and announced with a
:class:`SkippedInputWarning`.

Example
-------
>>> a = load_article(seed_path())  # data/afp_2017-11-13_sochi_putin_erdogan.txt
>>> a.source, a.date
('AFP', '2017-11-13')
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from .article import Article, Corpus
from .errors import InputError, InputNotFoundError

TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
META_FIELDS = ("id", "title", "date", "source", "url", "dateline")
FETCH_LOG_NAME = "fetch_log.jsonl"
"""The log ``newslab fetch`` keeps in the folder it writes: newslab's own file, passed over by
the folder loader like a ``.meta.yml`` sidecar, not read as a table of articles."""
_FIX = "pass a .txt file, a folder of .txt files, a CSV/JSONL with a 'text' column, or a saved .html page"
_BOMS_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

OnSkip = Callable[[str, str], None]
"""Called with ``(path, reason)`` for whatever a loader does not read as an article."""


class EncodingFallbackWarning(UserWarning):
    """The file was not UTF-8 (or was UTF-16 without a BOM); the warning names the encoding used."""


class SkippedInputWarning(UserWarning):
    """A file, folder, row or line was not read as an article; the message says why."""


class DuplicateIdWarning(UserWarning):
    """Two rows of a table had one id: the later article was given a new one (the message names it)."""


# cp1252 as browsers decode it (WHATWG "windows-1252"): the five bytes cp1252 leaves undefined
# become the Latin-1 characters of the same number. One such byte in a file then costs one
# character, instead of turning every curly quote of the file into a control character.
_UNDEFINED_IN_CP1252 = b"\x81\x8d\x8f\x90\x9d"
_WINDOWS_1252 = "".join(chr(b) if b in _UNDEFINED_IN_CP1252 else bytes([b]).decode("cp1252")
                        for b in range(256))


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes as cp1252; return the text and the encoding, as said in warnings.

    >>> _decode_legacy(b"\\x93Caf\\xe9\\x94 \\x81")
    ('“Café” \\x81', 'cp1252 (1 byte cp1252 does not define kept as its Latin-1 character)')
    """
    text = codecs.charmap_decode(data, "strict", _WINDOWS_1252)[0]
    undefined = len(data) - len(data.translate(None, _UNDEFINED_IN_CP1252))
    if not undefined:
        return text, "cp1252"
    return text, (f"cp1252 ({undefined} byte{'s' if undefined > 1 else ''} cp1252 does not define "
                  "kept as its Latin-1 character)")


def _utf16_without_bom(sample: bytes) -> str | None:
    """``'utf-16-le'``/``'utf-16-be'`` when the zero bytes all sit at odd/even offsets, as in
    UTF-16 text of mostly Latin letters; None otherwise (a binary file)."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    if odd.count(0) >= 0.1 * len(odd) and even.count(0) <= 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.1 * len(even) and odd.count(0) <= 0.02 * len(odd):
        return "utf-16-be"
    return None


def _binary(path: Any) -> InputError:
    return InputError(f"{path}: looks like a binary file, not text — {_FIX}.")


def _encoding_warning(path: Any, what: str, encoding: str) -> None:
    warnings.warn(f"{path}: {what}; decoded as {encoding}. Save it as UTF-8 to silence this.",
                  EncodingFallbackWarning, stacklevel=4)


def decode_bytes(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str:
    """Decode file bytes: UTF-8 (BOM dropped), UTF-16 (BOM, or recognised by its zero bytes),
    else cp1252, with an :class:`EncodingFallbackWarning` naming the encoding for the last two.

    Binary data (zero bytes that are not UTF-16, or many control characters) raises
    :class:`InputError`.

    >>> decode_bytes(codecs.BOM_UTF16_LE + "Ankara".encode("utf-16-le"))
    'Ankara'
    """
    if data.startswith(b"PK\x03\x04"):  # a zip: .docx, .odt, .pages, .epub …
        raise InputError(f"{path}: is a Word/office document (a zip file), not plain text — open it and "
                         "save it as plain text (.txt, UTF-8).")
    if data.startswith(_BOMS_UTF16):
        text = _strict(data, "utf-16", path)
    elif b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data[:8192])
        if encoding is None:
            raise _binary(path)
        text = _strict(data, encoding, path)
        _encoding_warning(path, "UTF-16 without a byte-order mark", encoding.upper())
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data)
            _encoding_warning(path, "not valid UTF-8", encoding)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise _binary(path)
    return text


def _strict(data: bytes, encoding: str, path: Any) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _binary(path) from None


def _unreadable(path: Any, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot be read ({exc.strerror or exc}) — check that you may read it, "
                      "or copy it to a folder of your own.")


def _read_bytes(p: Path) -> bytes:
    try:
        mode = p.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{p}: is a folder, not a file — load it with load_corpus, or name one file in it.")
        if not stat.S_ISREG(mode):  # a pipe or a device would block or never end
            raise InputError(f"{p}: not a regular file (a pipe or a device) — {_FIX}.")
        return p.read_bytes()
    except OSError as exc:
        raise _unreadable(p, exc) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a text file, refusing missing, unreadable, empty or binary files."""
    p = Path(path)
    if not p.exists():
        if p.is_symlink():
            raise InputError(f"{p}: a link to a file that does not exist — point it at the file, or pass the file itself.")
        raise InputNotFoundError(f"{p}: no such file or folder — check the path; {_FIX}.")
    data = _read_bytes(p)
    if not data.strip():
        raise InputError(f"{p}: the file is empty — {_FIX}.")
    text = decode_bytes(data, p)
    if not text.strip():
        raise InputError(f"{p}: the file has no text — {_FIX}.")
    return text


def _sidecar(path: Path) -> dict[str, Any]:
    for cand in (path.with_suffix(".meta.yml"), path.with_suffix(".meta.yaml"), path.with_suffix(".meta.json")):
        if cand.exists():
            return _read_sidecar(cand)
    return {}


def _read_sidecar(path: Path) -> dict[str, str]:
    """The fields of a ``.meta.yml``/``.meta.json`` file; InputError if it cannot be used."""
    fix = "fix it, or delete it to load the article without it"
    try:
        text = _read_bytes(path).decode("utf-8-sig")
        meta = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except UnicodeDecodeError:
        raise InputError(f"{path}: the metadata file is not UTF-8 — save it as UTF-8, or delete it "
                         "to load the article without it.") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}) — {fix}.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise InputError(f"{path}: not valid YAML{where} — {fix}.") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(f"{path}: holds a {type(meta).__name__}, not 'field: value' lines such as "
                         f"'date: 2019-01-02' — {fix}.")
    return {str(k): ("" if v is None else str(v)) for k, v in meta.items()}


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def load_article(path: str | os.PathLike[str], **meta: Any) -> Article:
    """Load one .txt (first line = title) or .html file, with its ``.meta.yml`` sidecar if any."""
    p = Path(path)
    if p.suffix.lower() in HTML_SUFFIXES:
        return load_html(p, **meta)
    text = read_text(p)
    if _looks_like_html(text):
        return load_html(p, **meta)
    fields = {"id": p.stem, **_sidecar(p), **{k: v for k, v in meta.items() if v}}
    known = {k: fields.pop(k) for k in META_FIELDS if k in fields}
    return Article(text, title_line=True, path=str(p), meta=fields, **known)


def load_html(path: str | os.PathLike[str], **meta: Any) -> Article:
    """Extract the main text of a saved news page with trafilatura (boilerplate removed).

    ``article.text`` is then the extracted text (title on the first line), so offsets point into
    that text rather than into the HTML source.
    """
    import trafilatura

    p = Path(path)
    html = read_text(p)
    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if extracted is None:
        raise InputError(f"{p}: no article text found in this HTML page — save the article page itself, "
                         "or copy its text into a .txt file.")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (data.get("text") or "").strip()
    # Fewer than ten words is navigation or a stub page, not an article (trafilatura's fallback
    # extractors return such scraps rather than nothing).
    if len(body.split()) < 10:
        raise InputError(f"{p}: no article text found in this HTML page — save the article page itself, "
                         "or copy its text into a .txt file.")
    title = (data.get("title") or "").strip()
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    fields = {"id": p.stem, "date": data.get("date") or "", "source": data.get("sitename") or "",
              "url": data.get("url") or "", **_sidecar(p), **{k: v for k, v in meta.items() if v}}
    known = {k: str(fields.pop(k)) for k in META_FIELDS if k in fields}
    return Article(text, title_line=bool(title), path=str(p), meta=fields, **known)


# -- tables -------------------------------------------------------------------------------------
def _warn_skip(path: str, reason: str) -> None:
    warnings.warn(f"skipped {path}: {reason}", SkippedInputWarning, stacklevel=2)


def _ignore_skip(path: str, reason: str) -> None:
    pass


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and value != value


def _row_article(row: dict[str, Any], text_column: str, path: Path, n: int) -> Article | str:
    """The article of a table row, or the reason it is not one."""
    text = row.get(text_column)
    if text_column not in row:
        return f"no '{text_column}' field"
    if text is None:
        return f"'{text_column}' is null"
    if not isinstance(text, str) and not _is_nan(text):
        return f"'{text_column}' is a {type(text).__name__}, not a string"
    if _is_nan(text) or not text.strip():
        return f"the '{text_column}' cell is empty"
    meta = {k: ("" if v is None or _is_nan(v) else str(v)) for k, v in row.items() if k != text_column}
    known = {k: meta.pop(k) for k in META_FIELDS if k in meta}
    if not known.get("id"):
        known["id"] = f"{path.stem}-{n}"
    return Article(text, title_line=False, path=str(path), meta=meta, **known)


def _check_column(columns: list[str], text_column: str, path: Path) -> None:
    if text_column not in columns:
        shown = ", ".join(repr(c) for c in columns[:12]) or "none"
        raise InputError(f"{path}: no '{text_column}' column (columns: {shown}) — rename the text "
                         f"column to '{text_column}' or pass --text-column NAME.")


def iter_table(path: str | os.PathLike[str], text_column: str = "text", *,
               on_skip: OnSkip | None = None) -> Iterator[Article]:
    """Stream articles from a CSV/TSV or JSONL file, one row at a time.

    A row that is not an article (empty or null text, no text field, the wrong number of cells,
    a line that is not JSON) is passed to ``on_skip(path, reason)``, by default a
    :class:`SkippedInputWarning`; the reason starts with the row and line.
    """
    p = Path(path)
    return _unique_ids(_table_rows(p, text_column, on_skip or _warn_skip))


def _table_rows(p: Path, text_column: str, report: OnSkip) -> Iterator[Article]:
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        return _iter_jsonl(p, text_column, report)
    return _iter_csv(p, text_column, report)


def _unique_ids(articles: Iterator[Article]) -> Iterator[Article]:
    """The articles with a repeated id renamed ``<id>-2``, ``<id>-3`` …, each with a
    :class:`DuplicateIdWarning`: under one id their rows would merge in every table."""
    seen: set[str] = set()
    for art in articles:
        if art.id in seen:
            k = 2
            while f"{art.id}-{k}" in seen:
                k += 1
            new = f"{art.id}-{k}"
            warnings.warn(f"{art.path or 'an article'}: the id {art.id!r} is taken by an earlier article, so this "
                          f"one is {new!r} — give each article its own id.", DuplicateIdWarning, stacklevel=3)
            art.id = new
        seen.add(art.id)
        yield art


_CSV_QUOTING = ("put a cell that holds a comma, a tab or a quotation mark in double quotes, and double "
                "the quotation marks inside it")


def _delimiter(p: Path, text: str) -> str:
    """Tab for .tsv; for .csv a comma, unless the header line has none but has semicolons (the CSV
    of spreadsheets set to a decimal comma) or tabs.

    >>> _delimiter(Path("a.csv"), "id;date;text\\n1;2020-06-17;Talks resumed, officials said.")
    ';'
    """
    if p.suffix.lower() == ".tsv":
        return "\t"
    header = text.split("\n", 1)[0]  # read_text has dropped a BOM
    if "," in header:
        return ","
    return ";" if ";" in header else "\t" if "\t" in header else ","


def _iter_csv(p: Path, text_column: str, report: OnSkip) -> Iterator[Article]:
    text = read_text(p)  # decoding and binary checks; CSVs are small enough to decode whole
    csv.field_size_limit(1 << 30)
    # newline="": the csv module, not str.splitlines, decides where a record ends, so U+2028,
    # \x0c or \x85 inside a cell (as pandas writes them) stay in the cell. strict: a stray quote
    # is reported instead of silently merging cells.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(p, text), strict=True)
    header: list[str] | None = None
    n = 0  # data rows so far (the article id of a row without one is "<file stem>-<n>")
    while True:
        where = f"row {n + 1} (line {reader.line_num + 1})"
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                report(str(p), f"{where}: a quotation mark is never closed, so the rest of the file "
                               f"was read as one cell — {_CSV_QUOTING}.")
                return
            report(str(p), f"{where}: not valid CSV ({exc}) — {_CSV_QUOTING}.")
            n += 1
            continue
        if not cells:  # a blank line
            continue
        if header is None:
            header = cells
            _check_column(header, text_column, p)
            continue
        if len(cells) != len(header):
            report(str(p), f"{where}: {len(cells)} cells but the header has {len(header)} — {_CSV_QUOTING}.")
        else:
            art = _row_article(dict(zip(header, cells)), text_column, p, n)
            if isinstance(art, str):
                report(str(p), f"{where}: {art}.")
            else:
                yield art
        n += 1


def _jsonl_lines(p: Path) -> Iterator[tuple[int, str]]:
    """``(line number, decoded line)``; UTF-8 line by line, a UTF-16 file decoded whole."""
    try:
        fh = open(p, "rb")  # noqa: SIM115 - closed by the with below, after the error check
    except OSError as exc:
        raise _unreadable(p, exc) from None
    with fh:
        head = fh.read(8192)
        fh.seek(0)
        if head.startswith(_BOMS_UTF16) or b"\x00" in head:
            yield from enumerate(decode_bytes(fh.read(), p).split("\n"), 1)
            return
        warned = False
        for lineno, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                line, encoding = _decode_legacy(raw)
                if not warned:
                    _encoding_warning(p, f"line {lineno} is not valid UTF-8 (nor maybe others)", encoding)
                    warned = True
            yield lineno, line


def _iter_jsonl(p: Path, text_column: str, report: OnSkip) -> Iterator[Article]:
    missing: list[str] = []  # lines without the text field, reported once some line has it
    first_fields: list[str] | None = None
    has_field = False
    n = 0  # JSON objects so far (the article id of one without an id is "<file stem>-<n>")
    for lineno, line in _jsonl_lines(p):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            report(str(p), f"line {lineno}: not valid JSON ({exc.msg}, column {exc.colno}) — each line "
                           "must be one JSON object such as {\"text\": \"...\"}.")
            continue
        if not isinstance(row, dict):
            report(str(p), f"line {lineno}: a JSON {type(row).__name__}, not an object such as "
                           "{\"text\": \"...\"}.")
            continue
        first_fields = list(row) if first_fields is None else first_fields
        art = _row_article(row, text_column, p, n)
        n += 1
        if text_column in row and not has_field:
            has_field = True
            for reason in missing:
                report(str(p), reason)
        if isinstance(art, Article):
            yield art
        elif has_field:
            report(str(p), f"line {lineno}: {art}.")
        else:
            missing.append(f"line {lineno}: {art}.")
    if first_fields is not None and not has_field:
        _check_column(first_fields, text_column, p)  # no line has the field: a wrong --text-column


# -- folders ------------------------------------------------------------------------------------
def _not_read(f: Path) -> str | None:
    """Why a file in a folder is not read (None: read it; '': a sidecar, read with its article)."""
    if f.name.startswith("."):
        return "a hidden file, not read."
    if ".meta." in f.name or f.name == FETCH_LOG_NAME:
        return ""
    if f.is_symlink() and not f.exists():
        return "a link to a file that does not exist."
    suffix = f.suffix.lower()
    if suffix == ".md":
        return "a Markdown file, not read — rename it to .txt to analyse it."
    if suffix not in SUPPORTED:
        return "not a .txt, .html, .csv, .tsv or .jsonl file, not read."
    try:
        if not stat.S_ISREG(f.stat().st_mode):
            return "not a regular file (a pipe or a device), not read."
    except OSError as exc:
        return str(_unreadable(f, exc)).split(": ", 1)[1]
    return None


def _scan_folder(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files of a folder tree to read, and ``(path, reason)`` for everything else in it."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []

    def unreadable(exc: OSError) -> None:
        skipped.append((exc.filename or str(folder),
                        f"the folder cannot be read ({exc.strerror}) — check that you may read it."))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        base = Path(root)
        for d in sorted(dirs):
            if d.startswith("."):
                skipped.append((str(base / d), "a hidden folder, not read."))
                dirs.remove(d)
            elif (base / d).is_symlink():  # os.walk does not follow it; say so
                skipped.append((str(base / d), "a link to a folder, not followed — pass that folder itself."))
        for name in names:
            reason = _not_read(base / name)
            if reason is None:
                files.append(base / name)
            elif reason:
                skipped.append((str(base / name), reason))
    return sorted(files), sorted(skipped)


def _reason(exc: Exception, path: Path) -> str:
    """The message of ``exc`` without a leading ``"<path>: "`` (the path is listed beside it)."""
    msg = str(exc)
    return msg[len(f"{path}: "):] if msg.startswith(f"{path}: ") else msg


def _load_folder(p: Path, text_column: str, skip_bad: bool) -> Corpus:
    try:
        with os.scandir(p):
            pass
    except OSError as exc:
        raise InputError(f"{p}: the folder cannot be read ({exc.strerror}) — check that you may read it.") from None
    files, scan_skips = _scan_folder(p)
    if not files:
        also = f" ({len(scan_skips)} other entries skipped, such as {scan_skips[0][0]})" if scan_skips else ""
        raise InputError(f"{p}: the folder has no .txt, .html, .csv or .jsonl files{also} — {_FIX}.")
    skipped = list(scan_skips)
    for where, reason in scan_skips:
        _warn_skip(where, reason)

    def record(where: str, reason: str) -> None:
        skipped.append((where, reason))
        _warn_skip(where, reason)

    def read_files() -> Iterator[Article]:
        skipped[:] = scan_skips
        for f in files:
            try:
                if f.suffix.lower() in TABLE_SUFFIXES:
                    yield from _table_rows(f, text_column, record)  # ids made unique below, across files
                else:
                    yield load_article(f)
            except InputError as exc:
                if not skip_bad:
                    raise
                record(str(f), _reason(exc, f))

    def load_folder() -> Iterator[Article]:
        return _unique_ids(read_files())  # one id per article across files ('a.txt' and 'a.html')

    corpus = Corpus(loader=load_folder, name=p.name)
    corpus.skipped = skipped
    return corpus


def load_corpus(path: str | os.PathLike[str], text_column: str = "text", *,
                skip_bad: bool = True) -> Corpus:
    """Open a corpus lazily: a .txt/.html file, a folder of them, or a CSV/TSV/JSONL table.

    Articles are read when iterated, so a folder of 100k files or a large JSONL is never held in
    memory at once. Whatever is not read as an article (in a folder: hidden, unsupported,
    unreadable, empty or binary files, dangling links; in a table: rows without text, ragged
    rows, lines that are not JSON) is listed in ``corpus.skipped`` as ``(path, reason)`` and
    announced with a :class:`SkippedInputWarning`. ``skip_bad=False`` raises on the first file
    that cannot be read instead.

    >>> c = load_corpus(find_data_dir())  # the seed and lesson 08's demonstration outlets
    >>> len(c), [(Path(p).name, why) for p, why in c.skipped]
    (19, [('README.md', 'a Markdown file, not read — rename it to .txt to analyse it.')])
    """
    p = Path(path)
    if not p.exists():
        return Corpus([load_article(p)])  # raises: no such file, or a dangling link
    if p.is_dir():
        return _load_folder(p, text_column, skip_bad)
    suffix = p.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        if p.stat().st_size == 0:
            raise InputError(f"{p}: the file is empty — {_FIX}.")
        # Check the header now so a missing text column fails before any work starts.
        if next(iter_table(p, text_column, on_skip=_ignore_skip), None) is None:
            raise InputError(f"{p}: no rows with text in column '{text_column}' — {_FIX}.")
        skipped: list[tuple[str, str]] = []

        def record(where: str, reason: str) -> None:
            skipped.append((where, reason))
            _warn_skip(where, reason)

        def load_table() -> Iterator[Article]:
            skipped.clear()  # when iteration starts: each pass over the table reports afresh
            yield from iter_table(p, text_column, on_skip=record)

        corpus = Corpus(loader=load_table, name=p.stem)
        corpus.skipped = skipped
        return corpus
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES or suffix == "":
        return Corpus([load_article(p)], name=p.stem)
    raise InputError(f"{p}: unsupported file type '{suffix}' — {_FIX}.")


def load(path: str | os.PathLike[str], text_column: str = "text") -> Article | Corpus:
    """Load a single article for a .txt/.html file, else a :class:`Corpus`."""
    p = Path(path)
    if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
        return load_article(p)
    return load_corpus(p, text_column)


def find_data_dir() -> Path:
    """The folder holding the seed article: the clone's ``data/``, else the copy installed with
    the package (``newslab/lessons/data/``), so notebooks and the README's commands work anywhere."""
    package = Path(__file__).resolve().parent
    here = package.parent / "data"
    if (here / "afp_2017-11-13_sochi_putin_erdogan.txt").is_file():
        return here
    return package / "lessons" / "data"


def seed_path() -> Path:
    """Path of the worked example, the AFP article of 13 November 2017."""
    return find_data_dir() / "afp_2017-11-13_sochi_putin_erdogan.txt"
