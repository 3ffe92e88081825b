"""Small helpers the teaching notebooks use: find inputs, show escaped text, save figures and results.

The notebooks stay short because the plumbing lives here, where tests reach it:

- :func:`resolve_path` finds ``data/...`` whether the notebook runs from ``notebooks/`` (JupyterLab),
  from the repository root, from papermill, in a student copy or from an installed package;
  :func:`open_corpus` loads an article or a corpus. Importing this module in a student copy
  (``newslab notebooks copy``) makes its ``resources/`` dictionaries the ones the analyzers read.
- :func:`md` shows narrative Markdown built from computed values; string values are escaped, so
  article text can never inject HTML or Markdown into a report.
- :func:`show_table`, :func:`show_kwic`, :func:`show_highlight` display escaped HTML.
- :func:`show_figure` saves a chart as PNG + SVG (reproducible bytes) and displays the PNG.
- :func:`save_table` and :func:`record` write CSV tables and ``results.json`` beside the figures,
  so tests and scripts can read the numbers a report quotes.

Example
-------
>>> esc("<script>*x*</script>")
'&lt;script&gt;\\\\*x\\\\*&lt;/script&gt;'
"""
from __future__ import annotations

import html
import json
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from .classroom import PACKAGED_LESSONS, lessons_dir, project_dir, use_copy_resources
from .errors import InputNotFoundError, NewslabError, ParameterError
from .plots.text import highlight_html, kwic_html, table_html

__all__ = ["repo_root", "resolve_path", "open_corpus", "corpus_label", "esc", "md", "show_html",
           "show_table", "show_kwic", "show_highlight", "highlight_html", "show_figure", "save_table",
           "record", "read_results", "pct", "signed", "has_dates", "output_dir", "slug"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~])")
# A notebook opened in a student copy reads the copy's dictionaries (resources/), not the package's.
use_copy_resources()


# -- locating inputs --------------------------------------------------------------------------
def repo_root() -> Path:
    """The project folder: a student copy (:mod:`newslab.classroom`) when the current folder is
    one, else the repository clone (the folder holding ``newslab/``, ``data/`` and
    ``notebooks/``), else the current folder (newslab installed without the repository).
    """
    return project_dir()


def _search_folders() -> list[Path]:
    """Where relative input paths are looked up, in order (duplicates dropped)."""
    cwd = Path.cwd()
    folders: list[Path] = []
    for base in (cwd, project_dir(), lessons_dir(), PACKAGED_LESSONS, cwd.parent):
        if base not in folders:
            folders.append(base)
    return folders


def resolve_path(path: str | os.PathLike[str]) -> Path:
    """An existing path: as given (absolute or from the current folder), else from the project
    folder, the lessons folder or the lessons shipped in the package.

    So the default ``"data/afp_2017-11-13_sochi_putin_erdogan.txt"`` works in JupyterLab (where
    the current folder is ``notebooks/``), under papermill, from the repository root, in a
    student copy and in an installed package run from any folder.

    >>> resolve_path("data/afp_2017-11-13_sochi_putin_erdogan.txt").name
    'afp_2017-11-13_sochi_putin_erdogan.txt'
    """
    p = Path(path).expanduser()
    if p.exists():
        return p.resolve()
    folders = _search_folders()
    if not p.is_absolute():
        for base in folders[1:]:
            if (base / p).exists():
                return (base / p).resolve()
    raise InputNotFoundError(f"{path}: no such file or folder (looked in {', '.join(map(str, folders[:3]))}) — "
                             "set `corpus` to a .txt file, a folder of .txt files, or a CSV/JSONL with a "
                             "'text' column.")


def open_corpus(corpus: str | os.PathLike[str], max_articles: int | None = None, text_column: str = "text",
                match: str | None = None):
    """Load ``corpus`` as a :class:`~newslab.article.Corpus` held in memory (a single file → one article).

    ``match`` keeps only articles whose text matches this regular expression (case-insensitive);
    ``max_articles`` then keeps the first N (in file order), so a big CSV renders quickly.

    >>> c = open_corpus("data/afp_2017-11-13_sochi_putin_erdogan.txt")
    >>> len(c), c[0].source
    (1, 'AFP')
    """
    from .article import Corpus
    from .io import SkippedInputWarning, load_corpus

    path = resolve_path(corpus)
    if max_articles is not None and (not isinstance(max_articles, int) or max_articles < 1):
        raise ParameterError(f"max_articles={max_articles!r}: pass a positive whole number, or None for all.")
    pattern = re.compile(match, re.IGNORECASE) if match else None
    articles = []
    loaded = load_corpus(path, text_column=text_column)
    no_body: list[tuple[str, str]] = []
    for art in loaded:
        if pattern is not None and not pattern.search(art.text):
            continue
        if not art.sentences:  # a lesson reads an article's sentences: a title alone gives it nothing
            reason = "it has a title but no body text — a lesson has nothing to read in it"
            no_body.append((art.path or art.id, reason))
            warnings.warn(f"skipped {art.path or art.id}: {reason}", SkippedInputWarning, stacklevel=2)
            continue
        articles.append(art)
        if max_articles is not None and len(articles) >= max_articles:
            break
    if not articles:
        why = f" matching {match!r}" if match else " with body text"
        raise InputNotFoundError(f"{path}: no articles{why} — check `corpus`{' and `match`' if match else ''}.")
    corpus = Corpus(articles, name=path.stem if path.is_file() else path.name)
    corpus.skipped = list(loaded.skipped) + no_body  # a table's loader lists its skipped rows as it reads
    return corpus


def body_span(article: Any) -> tuple[int, int]:
    """``(start, end)`` of the article's body, from its first paragraph to its last; an article
    with a title and no body (nothing to highlight) gives an empty span at the end of its text.

    >>> from newslab import Article
    >>> body_span(Article.from_text("Talks\\n\\nModi met Xi.")), body_span(Article("Talks", title_line=True))
    ((7, 19), (5, 5))
    """
    if not article.paragraphs:
        return len(article.text), len(article.text)
    return article.paragraphs[0].start, article.paragraphs[-1].end


def is_worked_example(corpus_or_article: Any) -> bool:
    """True when a lesson reads the worked example alone (the AFP article of 13 November 2017):
    the interpretation written for it holds there only, and on any other news a lesson says what
    that news's own numbers show.

    >>> from newslab import Article
    >>> is_worked_example(open_corpus("data/afp_2017-11-13_sochi_putin_erdogan.txt")), is_worked_example(
    ...     Article.from_text("Talks\\n\\nModi met Xi."))
    (True, False)
    """
    articles = [corpus_or_article] if hasattr(corpus_or_article, "text") else list(corpus_or_article)
    seed = _seed_text()
    return len(articles) == 1 and seed is not None and articles[0].text == seed


@lru_cache(maxsize=1)
def _seed_text() -> str | None:
    from .io import load_article, seed_path

    try:
        return load_article(seed_path()).text
    except NewslabError:  # an installation without the shipped data: nothing is the worked example
        return None


def has_dates(corpus: Iterable[Any]) -> bool:
    """True when at least two articles carry different parseable dates (time series make sense)."""
    dates = pd.to_datetime(pd.Series([getattr(a, "date", "") or None for a in corpus], dtype="object"),
                           errors="coerce").dropna()
    return dates.nunique() >= 2


def corpus_label(corpus: Any) -> str:
    """A short source line: 'AFP, 2017-11-13: Putin and Erdogan discuss…' or 'wikinews_2019 (12 articles)'."""
    articles = list(corpus) if not hasattr(corpus, "text") else [corpus]
    if len(articles) == 1:
        a = articles[0]
        bits = [b for b in (a.source, a.date) if b]
        title = a.title if len(a.title) <= 60 else a.title[:57] + "…"
        return (", ".join(bits) + ": " if bits else "") + (title or a.id)
    name = getattr(corpus, "name", "") or "corpus"
    return f"{name} ({len(articles)} articles)"


# -- escaped display --------------------------------------------------------------------------
def esc(value: Any) -> str:
    """Escape a value for Markdown *and* HTML: ``<script>`` stays text, ``*`` stays a star."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def _display(obj: Any) -> None:
    from IPython.display import display

    display(obj)


def md(template: str, *args: Any, **kwargs: Any) -> None:
    """Display narrative Markdown; with arguments, ``template.format(...)`` with strings escaped.

    Use it with values computed from results, never typed-in numbers::

        md("The article has **{n}** sentences; the most negative is “{s}”.", n=len(df), s=text)

    Non-string values keep their format spec (``{score:+.2f}``). Returns nothing, so a call as
    the last line of a cell does not echo the Markdown source.
    """
    from IPython.display import Markdown

    if args or kwargs:
        clean = lambda v: esc(v) if isinstance(v, str) else v  # noqa: E731
        template = template.format(*[clean(a) for a in args], **{k: clean(v) for k, v in kwargs.items()})
    _display(Markdown(template))


def show_html(markup: str) -> None:
    """Display HTML produced by :mod:`newslab.plots.text` (already escaped)."""
    from IPython.display import HTML

    _display(HTML(markup))


def show_table(df: pd.DataFrame, max_rows: int | None = 20, caption: str | None = None) -> None:
    """Display a DataFrame as an escaped HTML table (index dropped, floats rounded to 3 places)."""
    show_html(table_html(df, max_rows=max_rows, caption=caption))


def show_kwic(kwic_df: pd.DataFrame, max_rows: int | None = 30, caption: str | None = None) -> None:
    """Display a keyword-in-context table (see :func:`newslab.plots.text.kwic_html`)."""
    show_html(kwic_html(kwic_df, max_rows=max_rows, caption=caption))


def show_highlight(text: str, spans: Iterable[Sequence], offset: int = 0, title: str | None = None,
                   colours: Mapping[str, str] | None = None, legend: bool = True) -> None:
    """Display ``text`` with spans highlighted and a colour key (see :func:`newslab.plots.text.highlight_html`)."""
    show_html(highlight_html(text, spans, colours=colours, offset=offset, title=title, legend=legend))


# -- saving figures, tables and results -------------------------------------------------------
def show_figure(fig: Any, name: str, figures_dir: str | os.PathLike[str], display: bool = True) -> list[Path]:
    """Save ``fig`` as ``name.png`` and ``name.svg`` in ``figures_dir``, close it, display the PNG.

    Displaying the saved file (not the live figure) means the report shows exactly the bytes on
    disk, and closing the figure stops the inline backend from showing it a second time.
    """
    import matplotlib.pyplot as plt
    from IPython.display import Image

    from .plots.style import save_figure

    if not isinstance(fig, plt.Figure) and hasattr(fig, "figure"):
        fig = fig.figure  # an Axes
    paths = save_figure(fig, figures_dir, name)
    plt.close(fig)
    if display:
        _display(Image(filename=str(paths[0]), alt=name.replace("_", " ")))
    return paths


def save_table(df: pd.DataFrame, figures_dir: str | os.PathLike[str], name: str) -> Path:
    """Write ``df`` as ``name.csv`` (UTF-8, ``\\n`` line ends, floats to 6 significant digits)."""
    folder = Path(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.6g")
    return path


def _plain(value: Any) -> Any:
    from .jsonout import clean_json

    if isinstance(value, pd.DataFrame):
        return clean_json(value.to_dict(orient="records"))
    if isinstance(value, pd.Series):
        return clean_json(value.to_dict())
    if isinstance(value, float):
        return round(value, 6)
    return clean_json(value)


def record(figures_dir: str | os.PathLike[str], **values: Any) -> None:
    """Add named values to ``figures_dir/results.json`` (the numbers a report quotes).

    Keys are sorted and floats rounded, so the file is identical on every render. Tests and
    scripts read it back with :func:`read_results`.
    """
    folder = Path(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "results.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data.update({k: _plain(v) for k, v in values.items()})
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def read_results(figures_dir: str | os.PathLike[str]) -> dict[str, Any]:
    """The values a notebook recorded with :func:`record` (empty dict when none)."""
    path = Path(figures_dir) / "results.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# -- wording ----------------------------------------------------------------------------------
def pct(x: float, digits: int = 0) -> str:
    """0.237 → '24%'."""
    return f"{100 * x:.{digits}f}%"


def signed(x: float, digits: int = 2) -> str:
    """0.5 → '+0.50'; -1 → '−1.00' (typographic minus)."""
    return f"{x:+.{digits}f}".replace("-", "−")


def output_dir(path: str | os.PathLike[str]) -> Path:
    """The folder for a notebook's figures and tables: absolute as given, relative from the project.

    Relative defaults such as ``"reports/figures/01_first_look"`` therefore land in the project's
    ``reports/`` folder (the clone's, git-ignored, or a student copy's) whether the notebook runs
    in JupyterLab or under papermill.
    """
    p = Path(path).expanduser()
    if not p.is_absolute():
        p = project_dir() / p
    p.mkdir(parents=True, exist_ok=True)
    return p


def slug(text: str) -> str:
    """A file-name-safe version of ``text``: 'Turk*' → 'turk', 'political settlement' → 'political_settlement'."""
    s = re.sub(r"[^0-9a-z]+", "_", str(text).lower()).strip("_")
    return s or "x"
