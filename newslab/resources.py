"""Load the editable resource files that ship in ``newslab/resources/``.

Lexicons, actor lists, frame dictionaries and cue lists are plain YAML, CSV or text files a teacher
can open, edit and re-run. Every loader takes an optional path so a user's own file can replace
(or extend) the packaged one. Files are parsed once per process and cached by path and
modification time, so editing a file and re-running a notebook cell picks up the change.

Example
-------
>>> 'mr' in {w.lower().rstrip('.') for w in load_word_list('abbreviations.txt')}
True
"""
from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from .errors import InputNotFoundError, ResourceFileError

# libyaml's parser is ~10x faster than the pure-Python one (the resources took ~0.4 s to parse);
# both use SafeConstructor, which refuses tags such as !!python/object.
SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RESOURCE_DIR = Path(__file__).resolve().parent / "resources"
# Folders searched before RESOURCE_DIR for a resource given by name (see :func:`resource_dir`).
_overrides: list[Path] = []


def resource_path(name: str | os.PathLike[str]) -> Path:
    """Return the path of a packaged resource, or ``name`` itself when it is an existing path.

    A name is looked up in the folders of :func:`resource_dir` first, then in the package."""
    p = Path(name)
    if p.is_absolute() or p.exists():
        if not p.exists():
            raise InputNotFoundError(f"{p}: resource file not found — check the path you passed.")
        return p
    for folder in reversed(_overrides):
        if (folder / p).exists():
            return folder / p
    packaged = RESOURCE_DIR / p
    if not packaged.exists():
        raise InputNotFoundError(
            f"{name}: no such resource file in newslab/resources/ or on disk — pass an existing path."
        )
    return packaged


# While resources are pinned (a corpus run, whose cache key already fixed the files' contents),
# each file is located and stat'ed once: otherwise every lookup costs about three system calls,
# tens of thousands per corpus.
_pinned: dict[str, tuple[str, float]] | None = None
_pin_memo: dict[Any, Any] | None = None


def resource_stamp(name: str | os.PathLike[str]) -> tuple[str, float]:
    """``(path, modification time)`` of a packaged or user resource: the key its parsers cache on.

    >>> path, mtime = resource_stamp("stance_cues.yml")
    >>> path.endswith("stance_cues.yml") and mtime > 0
    True
    """
    key = os.fspath(name)
    if _pinned is not None and key in _pinned:
        return _pinned[key]
    path = resource_path(name)
    stamp = (str(path), path.stat().st_mtime_ns / 1e9)
    if _pinned is not None:
        _pinned[key] = stamp
    return stamp


@contextmanager
def resource_dir(folder: str | os.PathLike[str]) -> Iterator[Path]:
    """Within this block, resources named without a path are read from ``folder`` when it has
    them (a classroom's edited copies of the dictionaries), else from the package.

    >>> import tempfile, shutil
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = shutil.copy(RESOURCE_DIR / "stance_cues.yml", tmp)
    ...     with resource_dir(tmp):
    ...         resource_path("stance_cues.yml").parent == Path(tmp)
    True
    """
    path = Path(folder).resolve()
    if not path.is_dir():
        raise InputNotFoundError(f"{folder}: not a folder — pass a folder holding resource files.")
    _overrides.append(path)
    try:
        yield path
    finally:
        _overrides.remove(path)


def override_folders() -> list[Path]:
    """The folders of :func:`resource_dir` now in force, innermost last."""
    return list(_overrides)


def use_resource_dir(folder: str | os.PathLike[str]) -> None:
    """Read resources from ``folder`` first for the rest of this process (a Dask worker given
    the user's dictionaries); :func:`resource_dir` is the same for one block."""
    _overrides.append(Path(folder).resolve())


@contextmanager
def pinned_resources() -> Iterator[None]:
    """Within this block resource files are looked up once; edits made meanwhile are not seen.

    >>> with pinned_resources():
    ...     load_yaml("stance_cues.yml") is load_yaml("stance_cues.yml")
    True
    """
    global _pinned, _pin_memo
    outer = _pinned
    if outer is None:
        _pinned, _pin_memo = {}, {}
    try:
        yield
    finally:
        if outer is None:
            _pinned = _pin_memo = None


def pin_resources() -> None:
    """Pin resource lookups for the rest of this process (corpus worker processes)."""
    global _pinned, _pin_memo
    if _pinned is None:
        _pinned, _pin_memo = {}, {}


def pinned_memo() -> dict[Any, Any] | None:
    """While resources are pinned, a dict that lives as long as the pin, for values derived from
    the pinned files (layer fingerprints); None when they are not pinned.

    >>> pinned_memo() is None
    True
    >>> with pinned_resources():
    ...     pinned_memo() == {}
    True
    """
    return _pin_memo


def _read_resource_text(path: str) -> str:
    """A resource file's text; ResourceFileError when it cannot be read or is not UTF-8."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except UnicodeDecodeError as exc:
        raise ResourceFileError(f"{path}: not UTF-8 (byte {exc.start + 1} cannot be read) — save the file "
                                "as UTF-8 in your editor and re-run.") from None
    except OSError as exc:
        raise ResourceFileError(f"{path}: cannot be read ({exc.strerror or exc}) — check that you may "
                                "read it, or copy it to a folder of your own.") from None


@lru_cache(maxsize=64)
def _read_yaml(path: str, mtime: float) -> Any:
    text = _read_resource_text(path)
    try:
        return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = str(getattr(exc, "problem", ""))
        if problem.startswith("could not determine a constructor for the tag"):
            # safe_load refuses tags such as !!python/object/apply: they would run code.
            tag = problem.rsplit(" ", 1)[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
            raise ResourceFileError(
                f"{path}: the tag {tag!r}{where} is not allowed (newslab reads plain YAML and never "
                "runs code from a file) — write the value as a plain list or mapping."
            ) from None
        raise ResourceFileError(
            f"{path}: not valid YAML{where} — fix the indentation or quoting there and re-run."
        ) from None


def load_yaml(name: str | os.PathLike[str]) -> Any:
    """Parse a packaged or user YAML resource (cached until the file changes)."""
    return _read_yaml(*resource_stamp(name))


def lemma_forms(name: str | os.PathLike[str], section: str) -> frozenset[str]:
    """Every form listed under a ``lemma: {forms: [...]}`` section of a YAML resource, in lower
    case (multi-word forms keep their spaces); empty when the file has no such section.

    >>> forms = lemma_forms("quote_cues.yml", "verbs")
    >>> "told" in forms, "pointed out" in forms, "called" in forms
    (True, True, False)
    """
    data = load_yaml(name)
    entries = data.get(section) if isinstance(data, dict) else None
    out: set[str] = set()
    for entry in (entries or {}).values() if isinstance(entries, dict) else ():
        forms = entry.get("forms") if isinstance(entry, dict) else None
        out.update(" ".join(str(f).lower().split()) for f in (forms if isinstance(forms, list) else [forms]) if f)
    return frozenset(out)


@lru_cache(maxsize=64)
def _read_words(path: str, mtime: float) -> tuple[str, ...]:
    words = []
    for line in _read_resource_text(path).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return tuple(words)


def load_word_list(name: str | os.PathLike[str]) -> tuple[str, ...]:
    """Read a one-entry-per-line text resource; ``#`` starts a comment."""
    return _read_words(*resource_stamp(name))


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes (used in manifests and cache keys)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=256)
def _hash_file(path: str, mtime: float) -> str:
    return file_sha256(path)  # re-read only when the file's modification time (ns) changes


def content_hash(name: str | os.PathLike[str]) -> str:
    """SHA-256 of a resource file's contents (re-read only when the file's stamp changes).

    >>> content_hash("stance_cues.yml") == file_sha256(resource_path("stance_cues.yml"))
    True
    """
    path, mtime = resource_stamp(name)
    return _hash_file(path, mtime)


def resources_fingerprint() -> str:
    """One hash over every packaged resource file; changes when any dictionary is edited."""
    h = hashlib.sha256()
    for p in sorted(RESOURCE_DIR.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(RESOURCE_DIR).as_posix().encode())
            h.update(file_sha256(p).encode())
    return h.hexdigest()


NUMERIC_DEPENDENCIES = ("vaderSentiment", "textblob", "nltk", "pyyaml")


def code_fingerprint() -> str:
    """One hash over newslab's own source files and the versions of the libraries that produce
    its numbers: a cached result from other code is never reused (the package version alone does
    not change between commits)."""
    from importlib import metadata

    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for p in sorted(package.rglob("*.py")):
        h.update(p.relative_to(package).as_posix().encode())
        h.update(file_sha256(p).encode())
    for dist in NUMERIC_DEPENDENCIES:
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=absent".encode())
    return h.hexdigest()
