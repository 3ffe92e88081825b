"""Optional NLTK data packages: which are present, what each enables, and how to install them.

newslab's default path needs no NLTK data (its splitter, tokenizer, stopwords and TextBlob's
bundled Pattern tools are enough). These packages switch on optional backends. Nothing here
downloads unless the user runs ``newslab data install`` (online) or copies from a local folder
with ``newslab data install --from DIR`` (a classroom without internet).

>>> table = data_status()
>>> list(table.columns)
['package', 'resource', 'present', 'enables']
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from .errors import InputNotFoundError, MissingResourceError


@dataclass(frozen=True)
class OptionalPackage:
    name: str  # the NLTK downloader id
    resource: str  # what nltk.data.find looks for
    subdir: str  # folder under an nltk_data root
    enables: str


OPTIONAL_PACKAGES = (
    OptionalPackage("punkt_tab", "tokenizers/punkt_tab/english/", "tokenizers",
                    "Punkt sentence splitter as an alternative to newslab's rule-based splitter "
                    "(split_sentences(..., backend='punkt'))"),
    OptionalPackage("averaged_perceptron_tagger_eng", "taggers/averaged_perceptron_tagger_eng/", "taggers",
                    "NLTK's perceptron POS tagger for entity discovery (default: capitalisation rules)"),
    OptionalPackage("maxent_ne_chunker_tab", "chunkers/maxent_ne_chunker_tab/english_ace_binary/", "chunkers",
                    "NLTK's ne_chunk as an alternative entity-discovery backend"),
    OptionalPackage("words", "corpora/words", "corpora", "word list used by NLTK's ne_chunk"),
    OptionalPackage("wordnet", "corpora/wordnet", "corpora", "lemmatizing word frequencies (lemmatize=True)"),
    OptionalPackage("stopwords", "corpora/stopwords", "corpora",
                    "NLTK's stopword lists for other languages (English uses newslab's own list)"),
    OptionalPackage("vader_lexicon", "sentiment/vader_lexicon.zip", "sentiment",
                    "nltk.sentiment.vader (newslab uses the vaderSentiment wheel's lexicon instead)"),
)
_BY_NAME = {p.name: p for p in OPTIONAL_PACKAGES}


def _find(resource: str) -> str | None:
    import nltk

    for candidate in (resource, resource.rstrip("/") + ".zip"):
        try:
            return str(nltk.data.find(candidate))
        except LookupError:
            continue
        except (OSError, ValueError):  # unreadable or insecure file: treat as absent
            continue
    return None


def is_available(name: str) -> bool:
    """True when the optional NLTK package ``name`` can be loaded."""
    return _find(_BY_NAME[name].resource) is not None


def require(name: str, purpose: str = "") -> None:
    """Raise :class:`MissingResourceError` with the install command when ``name`` is absent."""
    if not is_available(name):
        why = f" for {purpose}" if purpose else ""
        raise MissingResourceError(
            f"NLTK data package '{name}' is needed{why} but not installed — run "
            f"`newslab data install {name}` (or `newslab data install --from DIR` from a local copy), "
            "or set NLTK_DATA to a folder that has it.")


def data_status() -> pd.DataFrame:
    """One row per optional package: name, resource path, present (bool), what it enables."""
    return pd.DataFrame([{"package": p.name, "resource": p.resource, "present": is_available(p.name),
                          "enables": p.enables} for p in OPTIONAL_PACKAGES],
                        columns=["package", "resource", "present", "enables"])


def default_target() -> Path:
    """Where ``data install`` writes: $NLTK_DATA's first entry, else ~/nltk_data."""
    env = os.environ.get("NLTK_DATA", "").split(os.pathsep)[0]
    return Path(env) if env else Path.home() / "nltk_data"


def install(packages: list[str] | None = None, source: str | os.PathLike[str] | None = None,
            target: str | os.PathLike[str] | None = None) -> list[str]:
    """Install optional packages: copy from a local nltk_data folder, or use NLTK's downloader.

    Only called by the explicit ``newslab data install`` command, never at analysis time.
    Returns the names installed. With ``source``, each package is looked up under
    ``source/<subdir>/<name>`` (folder or ``.zip``) and copied; file modes are set to 0644/0755
    because NLTK refuses group- or world-writable data files.
    """
    names = packages or [p.name for p in OPTIONAL_PACKAGES]
    unknown = [n for n in names if n not in _BY_NAME]
    if unknown:
        raise MissingResourceError(f"unknown NLTK package(s) {', '.join(unknown)} — choose from "
                                   f"{', '.join(_BY_NAME)}.")
    dest_root = Path(target) if target else default_target()
    done = []
    if source is not None:
        src_root = Path(source)
        if not src_root.is_dir():
            raise InputNotFoundError(f"{src_root}: no such folder — pass the nltk_data folder to copy from.")
        for n in names:
            pkg = _BY_NAME[n]
            for cand in (src_root / pkg.subdir / n, src_root / pkg.subdir / f"{n}.zip"):
                if cand.exists():
                    dest = dest_root / pkg.subdir / cand.name
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    if cand.is_dir():
                        shutil.copytree(cand, dest, dirs_exist_ok=True)
                    else:
                        shutil.copy2(cand, dest)
                    _fix_modes(dest)
                    done.append(n)
                    break
        return done
    import nltk  # the downloader needs the network; only reached by an explicit user command

    for n in names:
        if nltk.download(n, download_dir=str(dest_root), quiet=True):
            done.append(n)
    return done


def _fix_modes(path: Path) -> None:
    paths = [path] + (list(path.rglob("*")) if path.is_dir() else [])
    for p in paths:
        p.chmod(0o755 if p.is_dir() else 0o644)
