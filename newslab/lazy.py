"""Modules imported on first use, so that ``newslab analyze ONE --json`` never pays for pandas.

Importing pandas takes ~0.5 s, a third of a one-article run, and the JSON path needs no
DataFrame. A module that builds DataFrames only inside its functions imports the proxy instead::

    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        import pandas as pd
    else:
        from .lazy import pandas as pd

and ``pd.DataFrame(...)`` imports pandas the first time it runs (type checkers see the module).

:func:`submodule` imports a module of a package without running the package's ``__init__``:
``textblob/__init__.py`` imports NLTK (~0.3 s, a quarter of a one-article run) while the part
newslab scores with, Pattern's lexicon in ``textblob._text`` and ``textblob.en``, needs none of it.

>>> from newslab.lazy import LazyModule
>>> json = LazyModule("json")
>>> json.dumps([1, 2])
'[1, 2]'
>>> json
<lazy module 'json' (imported)>
"""
from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["LazyModule", "pandas", "package_dir", "submodule"]


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


def package_dir(package: str) -> Path:
    """The folder of installed top-level ``package``, found without importing it.

    >>> (package_dir("textblob") / "en" / "en-sentiment.xml").is_file()
    True
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"no package named {package!r} is installed")
    return Path(list(spec.submodule_search_locations)[0])


def submodule(name: str) -> ModuleType:
    """Import ``"package.module"`` (one level below a top-level package) without running the
    package's ``__init__`` when the package is not imported yet; otherwise a plain import.

    The module is registered under its own name, so a later ``import package`` (TextBlob itself,
    say) runs its ``__init__`` then and reuses this very module object: one copy, same values.
    Its modules' own imports must be ``from package.x import y`` (as TextBlob's are), which find
    ``package.x`` in ``sys.modules`` without importing the package.

    >>> import sys
    >>> text = submodule("textblob._text")
    >>> text.__name__, text is sys.modules["textblob._text"]
    ('textblob._text', True)
    """
    found = sys.modules.get(name)
    if found is not None:
        return found
    package, _, _ = name.partition(".")
    if package in sys.modules:
        return importlib.import_module(name)
    spec = importlib.machinery.PathFinder.find_spec(name, [str(package_dir(package))])
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
