"""Resource packs: the specifics of one story (frame scheme, stance targets) kept out of the core.

The core analyzers work the same on any news. A *pack* is a folder under
``newslab/resources/packs/<name>/`` with a ``pack.yml`` that says what it adds: issue frame
schemes (``frame_schemes``, scored next to "generic" and "policy") and default stance targets
(``stance_issues``, added to the issues of ``stance_cues.yml``). The worked example's pack,
``russia_turkey``, is active by default, so the seed's tables and JSON stay as they were.

Choose the active pack with the ``NEWSLAB_PACK`` environment variable (a pack name or ``none``),
or for a block of code with :func:`use_pack`:

>>> list_packs()
['russia_turkey']
>>> active_pack().name
'russia_turkey'
>>> with use_pack("none"):
...     active_pack() is None, stance_issue_files()
(True, [])
>>> sorted(frame_schemes())
['russia_turkey']
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping

from .errors import InputNotFoundError, ParameterError, ResourceFileError
from .resources import load_yaml, resource_path, resource_stamp

PACKS_FOLDER = "packs"
DEFAULT_PACK = "russia_turkey"
ENV_VAR = "NEWSLAB_PACK"
NO_PACK = "none"
_chosen: list[str] = []  # use_pack() blocks, innermost last


@dataclass(frozen=True)
class Pack:
    """One resource pack: its name, what it says it adds, and its files (resource names)."""

    name: str
    description: str
    frame_schemes: Mapping[str, str] = field(default_factory=dict)  # scheme -> resource name
    stance_issues: str | None = None  # resource name of a YAML with an `issues:` mapping


def list_packs() -> list[str]:
    """The names of the packaged packs."""
    folder = resource_path(PACKS_FOLDER)
    return sorted(p.name for p in Path(folder).iterdir() if (p / "pack.yml").exists())


def _member(name: str, file: str) -> str:
    return f"{PACKS_FOLDER}/{name}/{file}"


def load_pack(name: str) -> Pack:
    """The pack called ``name`` (a folder of ``newslab/resources/packs/``)."""
    where = _member(name, "pack.yml")
    try:
        stamp = resource_stamp(where)
    except InputNotFoundError:
        raise ParameterError(f"pack {name!r}: no such resource pack — use one of "
                             f"{', '.join(map(repr, list_packs()))} or {NO_PACK!r}.") from None
    return _read_pack(name, *stamp)


@lru_cache(maxsize=16)
def _read_pack(name: str, where: str, mtime: float) -> Pack:
    data = load_yaml(where) or {}
    if not isinstance(data, dict):
        raise ResourceFileError(f"{where}: expected a mapping with name, description, frame_schemes, "
                                "stance_issues — see newslab/resources/packs/russia_turkey/pack.yml.")
    schemes = {str(k): _member(name, str(v)) for k, v in (data.get("frame_schemes") or {}).items()}
    issues = data.get("stance_issues")
    return Pack(name, str(data.get("description", "")).strip(), schemes,
                _member(name, str(issues)) if issues else None)


def active_name() -> str:
    """The name of the active pack: the innermost :func:`use_pack`, else ``$NEWSLAB_PACK``, else
    the default (``russia_turkey``); ``none`` for no pack."""
    if _chosen:
        return _chosen[-1]
    return (os.environ.get(ENV_VAR) or DEFAULT_PACK).strip()


def active_pack() -> Pack | None:
    """The active :class:`Pack`, or None when the active pack is ``none``."""
    name = active_name()
    return None if name.lower() == NO_PACK else load_pack(name)


@contextmanager
def use_pack(name: str | None) -> Iterator[Pack | None]:
    """Within this block, ``name`` (or ``"none"``/None for no pack) is the active pack."""
    name = NO_PACK if name is None else str(name)
    pack = None if name.lower() == NO_PACK else load_pack(name)
    _chosen.append(name)
    try:
        yield pack
    finally:
        _chosen.pop()


def frame_schemes() -> dict[str, str]:
    """``{scheme name: resource name}`` of the active pack's frame schemes."""
    pack = active_pack()
    return dict(pack.frame_schemes) if pack else {}


def all_frame_schemes() -> dict[str, str]:
    """The frame schemes of every pack (a scheme asked for by name is found even when its pack
    is not active)."""
    out: dict[str, str] = {}
    for name in list_packs():
        out.update(load_pack(name).frame_schemes)
    return out


def stance_issue_files() -> list[str]:
    """The resource names of the active pack's stance issue files (0 or 1 of them)."""
    pack = active_pack()
    return [pack.stance_issues] if pack and pack.stance_issues else []


class SchemeTable(Mapping[str, str]):
    """The frame schemes on offer: the core ones plus the active pack's, looked up when read
    (so ``NEWSLAB_PACK`` and :func:`use_pack` change it); a pack's scheme asked for by name is
    found even while its pack is not active."""

    def __init__(self, core: Mapping[str, str]):
        self.core = dict(core)

    def _current(self) -> dict[str, str]:
        return {**self.core, **frame_schemes()}

    def __getitem__(self, key: str) -> str:
        cur = self._current()
        if key in cur:
            return cur[key]
        return all_frame_schemes()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._current() or key in all_frame_schemes()

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())

    def __repr__(self) -> str:
        return f"SchemeTable({self._current()!r})"


__all__ = ["Pack", "list_packs", "load_pack", "active_name", "active_pack", "use_pack", "frame_schemes",
           "all_frame_schemes", "stance_issue_files", "SchemeTable", "DEFAULT_PACK", "ENV_VAR"]
