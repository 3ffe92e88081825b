"""Modules imported on first use, so that ``newslab analyze ONE --json`` never pays for pandas.

Importing pandas takes ~0.5 s, a third of a one-article run, and the JSON path needs no
DataFrame. A module that builds DataFrames only inside its functions imports the proxy instead::

    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        import pandas as pd
    else:
        from .lazy import pandas as pd

and ``pd.DataFrame(...)`` imports pandas the first time it runs (type checkers see the module).

>>> from newslab.lazy import LazyModule
>>> json = LazyModule("json")
>>> json.dumps([1, 2])
'[1, 2]'
>>> json
<lazy module 'json' (imported)>
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["LazyModule", "pandas"]


class LazyModule:
    """A stand-in for module ``name``: the first attribute read imports it; each attribute read
    is then copied onto the stand-in, so later reads cost what a module attribute costs."""

    def __init__(self, name: str) -> None:
        self.__dict__["_lazy_name"] = name
        self.__dict__["_lazy_module"] = None

    def _load(self) -> ModuleType:
        mod = self.__dict__["_lazy_module"]
        if mod is None:
            mod = self.__dict__["_lazy_module"] = importlib.import_module(self.__dict__["_lazy_name"])
        return mod

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)  # copy/pickle/doctest probes must not import the module
        value = getattr(self._load(), attr)
        self.__dict__[attr] = value
        return value

    def __repr__(self) -> str:
        state = "imported" if self.__dict__["_lazy_module"] is not None else "not imported yet"
        return f"<lazy module {self.__dict__['_lazy_name']!r} ({state})>"


pandas = LazyModule("pandas")
