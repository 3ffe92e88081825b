"""Loaders: a .txt file, a folder of .txt files, CSV/JSONL with a text column, a saved HTML page.

Every loader returns :class:`~newslab.article.Article` objects whose ``text`` is the decoded
original. Bytes are decoded as UTF-8 (a BOM is dropped), falling back to cp1252 / Latin-1 with a
warning naming the file. Input a user can fix (empty, binary, missing column, nothing to read)
raises :class:`~newslab.errors.InputError` with one sentence naming the file and the fix.

Example
-------
>>> a = load_article("data/afp_2017-11-13_sochi_putin_erdogan.txt")  # doctest: +SKIP
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
    if not body:
        raise InputError(f"{p}: no article text found in this HTML page — save the article page itself, "
                         "or copy its text into a .txt file.")
    title = (data.get("title") or "").strip()
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    fields = {"id": p.stem, "date": data.get("date") or "", "source": data.get("sitename") or "",
              "url": data.get("url") or "", **_sidecar(p), **{k: v for k, v in meta.items() if v}}
    known = {k: str(fields.pop(k)) for k in META_FIELDS if k in fields}
    return Article(text, title_line=bool(title), path=str(p), meta=fields, **known)
