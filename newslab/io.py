"""Loaders: a .txt file, a folder of .txt files, CSV/JSONL with a text column, a saved HTML page.

Every loader returns :class:`~newslab.article.Article` objects whose ``text`` is the decoded
original. Bytes are decoded as UTF-8 (a BOM is dropped), falling back to cp1252 / Latin-1 with a
warning naming the file. Input a user can fix (empty, binary, missing column, nothing to read)
raises :class:`~newslab.errors.InputError` with one sentence naming the file and the fix.

Example
-------
>>> a = load_article(seed_path())  # data/afp_2017-11-13_sochi_putin_erdogan.txt
>>> a.source, a.date
('AFP', '2017-11-13')
"""
from __future__ import annotations

import csv
import json
import os
import warnings
from pathlib import Path
from typing import Any, Iterator

import yaml

from .article import Article, Corpus
from .errors import InputError, InputNotFoundError

TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
META_FIELDS = ("id", "title", "date", "source", "url", "dateline")
_FIX = "pass a .txt file, a folder of .txt files, a CSV/JSONL with a 'text' column, or a saved .html page"


class EncodingFallbackWarning(UserWarning):
    """The file was not UTF-8 and was decoded as cp1252/Latin-1."""


def decode_bytes(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str:
    """Decode file bytes: UTF-8 (BOM dropped), else cp1252, else Latin-1, warning on fallback.

    Binary data (NUL bytes or many control characters) raises :class:`InputError`.
    """
    if data.startswith(b"PK\x03\x04"):  # a zip: .docx, .odt, .pages, .epub …
        raise InputError(f"{path}: is a Word/office document (a zip file), not plain text — open it and "
                         "save it as plain text (.txt, UTF-8).")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: looks like a binary file, not text — {_FIX}.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "Latin-1"
        warnings.warn(f"{path}: not valid UTF-8; decoded as {enc}. Save it as UTF-8 to silence this.",
                      EncodingFallbackWarning, stacklevel=3)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{path}: looks like a binary file, not text — {_FIX}.")
    return text


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a text file, refusing empty or binary files."""
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"{p}: no such file or folder — check the path; {_FIX}.")
    data = p.read_bytes()
    if not data.strip():
        raise InputError(f"{p}: the file is empty — {_FIX}.")
    text = decode_bytes(data, p)
    if not text.strip():
        raise InputError(f"{p}: the file has no text — {_FIX}.")
    return text


def _sidecar(path: Path) -> dict[str, Any]:
    for cand in (path.with_suffix(".meta.yml"), path.with_suffix(".meta.yaml"), path.with_suffix(".meta.json")):
        if cand.exists():
            with open(cand, encoding="utf-8") as fh:
                meta = json.load(fh) if cand.suffix == ".json" else yaml.safe_load(fh)
            return {k: ("" if v is None else str(v)) for k, v in (meta or {}).items()}
    return {}


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


def _row_article(row: dict[str, Any], text_column: str, path: Path, n: int) -> Article | None:
    text = row.get(text_column)
    if text is None or (isinstance(text, float) and text != text) or not str(text).strip():
        return None
    meta = {k: ("" if v is None or (isinstance(v, float) and v != v) else str(v))
            for k, v in row.items() if k != text_column}
    known = {k: meta.pop(k) for k in META_FIELDS if k in meta}
    known.setdefault("id", f"{path.stem}-{n}")
    if not known["id"]:
        known["id"] = f"{path.stem}-{n}"
    return Article(str(text), title_line=False, path=str(path), meta=meta, **known)


def _check_column(columns: list[str], text_column: str, path: Path) -> None:
    if text_column not in columns:
        shown = ", ".join(repr(c) for c in columns[:12]) or "none"
        raise InputError(f"{path}: no '{text_column}' column (columns: {shown}) — rename the text "
                         f"column to '{text_column}' or pass --text-column NAME.")


def iter_table(path: str | os.PathLike[str], text_column: str = "text") -> Iterator[Article]:
    """Stream articles from a CSV/TSV or JSONL file, one row at a time (rows with empty text skipped)."""
    p = Path(path)
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        with open(p, "rb") as fh:
            n = 0
            for lineno, raw in enumerate(fh, 1):
                line = decode_bytes(raw, p).strip()
                if not line:
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    raise InputError(f"{p}: line {lineno} is not valid JSON — each line must be one "
                                     "JSON object with a text field.") from None
                if not isinstance(row, dict):
                    raise InputError(f"{p}: line {lineno} is not a JSON object — each line must be "
                                     "one object such as {\"text\": \"...\"}.")
                if n == 0:
                    _check_column(list(row), text_column, p)
                art = _row_article(row, text_column, p, n)
                n += 1
                if art is not None:
                    yield art
        return
    text = read_text(p)  # decoding and binary checks; CSVs are small enough to decode whole
    delimiter = "\t" if p.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    _check_column(list(reader.fieldnames or []), text_column, p)
    for n, row in enumerate(reader):
        art = _row_article(row, text_column, p, n)
        if art is not None:
            yield art


def _files_in(folder: Path) -> list[Path]:
    return sorted(f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                  and not f.name.startswith(".") and ".meta." not in f.name)


def load_corpus(path: str | os.PathLike[str], text_column: str = "text", *,
                skip_bad: bool = True) -> Corpus:
    """Open a corpus lazily: a .txt/.html file, a folder of them, or a CSV/TSV/JSONL table.

    Articles are read when iterated, so a folder of 100k files or a large JSONL is never held in
    memory at once. In a folder, a file that cannot be read (empty, binary) is skipped and recorded
    in ``corpus.skipped`` with the reason (set ``skip_bad=False`` to raise instead).

    >>> c = load_corpus(find_data_dir())  # the project's data/ folder
    >>> len(c)
    1
    """
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"{p}: no such file or folder — check the path; {_FIX}.")
    if p.is_dir():
        files = _files_in(p)
        if not files:
            raise InputError(f"{p}: the folder has no .txt, .html, .csv or .jsonl files — {_FIX}.")
        corpus = Corpus(name=p.name)

        def load_folder() -> Iterator[Article]:
            corpus.skipped.clear()
            for f in files:
                try:
                    if f.suffix.lower() in TABLE_SUFFIXES:
                        yield from iter_table(f, text_column)
                    else:
                        yield load_article(f)
                except InputError as exc:
                    if not skip_bad:
                        raise
                    corpus.skipped.append((str(f), str(exc)))
                    warnings.warn(f"skipped {exc}", stacklevel=2)

        corpus._loader = load_folder
        return corpus
    suffix = p.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        if p.stat().st_size == 0:
            raise InputError(f"{p}: the file is empty — {_FIX}.")
        # Check the header now so a missing text column fails before any work starts.
        first = next(iter_table(p, text_column), None)
        if first is None:
            raise InputError(f"{p}: no rows with text in column '{text_column}' — {_FIX}.")
        return Corpus(loader=lambda: iter_table(p, text_column), name=p.stem)
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
