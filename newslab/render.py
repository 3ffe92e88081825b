"""Render the teaching notebooks into a reproducible report folder (``newslab render``).

Each lesson notebook (:func:`notebooks_dir`: a student copy here, a clone's ``notebooks/`` or the
copy installed with newslab) is executed with papermill on a fresh ``python3`` kernel, with its
``parameters`` cell overridden by the corpus and the parameters you pass. For every notebook
the report folder gets the executed ``.ipynb``, a self-contained ``.html`` (nbconvert; images
are embedded and no script is loaded from the internet) and a ``figures/<notebook>/`` folder
with each chart as PNG and SVG plus the tables (CSV) and a ``results.json`` of the numbers the
narrative quotes. ``index.html`` links everything; ``manifest.json`` records what was run:
newslab and dependency versions, Python, the parameters, the SHA-256 of every input file and
notebook, the time each notebook took, and every file newslab wrote — a later render replaces or
removes only those, so nothing of the user's in the report folder is ever deleted.

Reproducible by design: figures are saved with fixed metadata (``newslab.plots.style``), tables
are sorted, the kernels run with ``PYTHONHASHSEED=0`` and the executed notebooks are stripped of
timestamps, so rendering the same inputs twice gives byte-identical figures, tables and
notebooks. Timestamps live only in ``manifest.json``.

Example
-------
>>> from newslab.render import render
>>> result = render(["01_first_look"], corpus="data/", out="reports")   # doctest: +SKIP
[1/1] 01_first_look ... ok (6.2 s)
>>> result.ok, result.index                                             # doctest: +SKIP
(True, PosixPath('reports/index.html'))
>>> render(params={"actor": "Russia"})                                  # doctest: +SKIP
Traceback (most recent call last):
newslab.errors.ParameterError: unknown notebook parameter 'actor' — valid parameters: actors, corpus, ...
"""
from __future__ import annotations

import ast
import datetime as _dt
import html
import json
import os
import platform
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import yaml

from .errors import InputNotFoundError, NewslabError, ParameterError
from .classroom import lessons_dir
from .reporting import resolve_path

KERNEL_NAME = "python3"
# Parameters that render() fills itself for every notebook that declares them.
MANAGED_PARAMETERS = ("corpus", "figures_dir")
# Distributions whose versions go into the manifest (besides everything newslab requires).
_EXTRA_DISTRIBUTIONS = ("papermill", "nbconvert", "nbformat", "nbclient", "ipykernel", "jupyter_client",
                        "numpy", "networkx")


class KernelSetupError(NewslabError):
    """The Jupyter kernel that papermill would start cannot run newslab."""


@dataclass
class NotebookRun:
    """The outcome of rendering one notebook."""

    name: str
    source: Path
    status: str = "pending"  # "ok" | "failed"
    seconds: float = 0.0
    ipynb: Path | None = None
    html: Path | None = None
    figures_dir: Path | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # one line: "cell 7: KeyError: 'net'"
    cell: int | None = None  # 1-based cell number in the source notebook
    written: list[Path] = field(default_factory=list)  # files this run wrote (new or changed)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def results(self) -> dict[str, Any]:
        """The ``results.json`` the notebook wrote (empty when it wrote none)."""
        if self.figures_dir is None or not (self.figures_dir / "results.json").exists():
            return {}
        return json.loads((self.figures_dir / "results.json").read_text(encoding="utf-8"))

    @property
    def figures(self) -> list[Path]:
        """PNG figures the notebook saved in this render, sorted by name (a user's own files in a
        shared ``figures_dir`` are not among them)."""
        if self.figures_dir is None or not self.figures_dir.exists():
            return []
        if self.written:
            return sorted(p for p in self.written if p.suffix == ".png" and p.parent == self.figures_dir)
        return sorted(self.figures_dir.glob("*.png"))


@dataclass
class RenderResult:
    """What :func:`render` produced; ``exit_code`` is 0 only when every notebook rendered."""

    out: Path
    runs: list[NotebookRun]
    index: Path
    manifest: Path
    seconds: float = 0.0

    @property
    def failures(self) -> list[NotebookRun]:
        return [r for r in self.runs if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def __getitem__(self, name: str) -> NotebookRun:
        for r in self.runs:
            if r.name == name or r.name.split("_", 1)[0] == name:
                return r
        raise KeyError(name)


# -- notebooks and their parameters -----------------------------------------------------------
def notebooks_dir() -> Path:
    """The folder holding the teaching notebooks: the current folder when it is a student copy
    (``newslab notebooks copy``), a clone's ``notebooks/``, else the copy installed with newslab."""
    return lessons_dir()


def available_notebooks(folder: str | os.PathLike[str] | None = None) -> list[Path]:
    """The notebooks that render by default: ``NN_name.ipynb`` files, in order."""
    folder = Path(folder) if folder else notebooks_dir()
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def select_notebooks(names: Iterable[str] | str | None = None,
                     folder: str | os.PathLike[str] | None = None) -> list[Path]:
    """Resolve notebook names ("03_actors", "03", "actors", "03_actors.ipynb" or a path).

    >>> [p.stem for p in select_notebooks(["01", "frames"])]   # doctest: +SKIP
    ['01_first_look', '06_frames']
    """
    known = available_notebooks(folder)
    if names is None:
        return known
    if isinstance(names, str):
        names = [names]
    chosen: list[Path] = []
    for name in names:
        p = Path(name)
        if p.suffix == ".ipynb" and p.exists():
            chosen.append(p.resolve())
            continue
        key = p.name.removesuffix(".ipynb")
        hits = [k for k in known if key in (k.stem, k.stem.split("_", 1)[0], k.stem.split("_", 1)[-1])]
        if len(hits) != 1:
            valid = ", ".join(k.stem for k in known) or "(none found in notebooks/)"
            raise ParameterError(f"unknown notebook {name!r} — choose from: {valid}.")
        chosen.append(hits[0])
    return chosen


def notebook_parameters(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The names and default values in a notebook's ``parameters`` cell.

    Read with papermill's own parser (its public ``inspect_notebook``), so this is exactly what
    papermill will override.
    """
    from papermill import inspect_notebook

    out: dict[str, Any] = {}
    for name, p in inspect_notebook(str(path)).items():
        try:
            out[name] = ast.literal_eval(p["default"])
        except (ValueError, SyntaxError):
            out[name] = p["default"]  # an expression such as Path(...); keep its source text
    return out


def coerce_parameter(name: str, value: Any, default: Any) -> Any:
    """Turn a command-line string into the type of the notebook's default.

    ``-p max_articles 20`` → 20; ``-p actors Russia,Turkey`` → ["Russia", "Turkey"];
    ``-p show_code false`` → False. Non-strings pass through unchanged.

    >>> coerce_parameter("actors", "Russia, Turkey", ["Russia"])
    ['Russia', 'Turkey']
    >>> coerce_parameter("max_articles", "20", None)
    20
    """
    if not isinstance(value, str) or isinstance(default, str):
        return value
    if isinstance(default, (list, tuple)):
        if value.lstrip().startswith("["):
            parsed = yaml.safe_load(value)
        else:
            parsed = [v.strip() for v in value.split(",") if v.strip()]
        return list(parsed)
    try:
        parsed = yaml.safe_load(value)
    except yaml.YAMLError:
        parsed = value
    if default is None:
        return parsed
    expected = type(default)
    if expected is float and isinstance(parsed, int) and not isinstance(parsed, bool):
        return float(parsed)
    if not isinstance(parsed, expected) or (expected is int and isinstance(parsed, bool)):
        raise ParameterError(f"parameter {name!r} expects {expected.__name__} (default {default!r}), "
                             f"got {value!r} — pass e.g. -p {name} {default!r}.")
    return parsed


def _check_parameters(notebooks: Sequence[Path], params: Mapping[str, Any]) -> dict[Path, dict[str, Any]]:
    """Each notebook's declared parameters; an unknown key raises, suggesting the closest name.

    >>> _check_parameters([], {"max_articels": 5})   # doctest: +SKIP
    Traceback (most recent call last):
    newslab.errors.ParameterError: unknown notebook parameter 'max_articels' — did you mean 'max_articles'? ...
    """
    import difflib

    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    valid = sorted(set().union(*declared.values())) if declared else []
    for key in params:
        if key not in valid:
            close = difflib.get_close_matches(key, valid, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ParameterError(f"unknown notebook parameter {key!r} — {hint}valid parameters: {', '.join(valid)}.")
    return declared


# -- kernel -----------------------------------------------------------------------------------
def check_kernel(kernel_name: str = KERNEL_NAME) -> str:
    """Make sure the ``python3`` kernel runs an interpreter that can import newslab.

    Returns the interpreter the kernel will use. jupyter_client replaces an ``argv[0]`` of
    ``python``/``python3`` by the running interpreter, so the usual kernelspec is fine; a
    kernelspec pinned to another interpreter (say a user-wide one) is checked by importing
    newslab with it, and fails with the command that fixes it.
    """
    import subprocess

    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    fix = f"run `{sys.executable} -m ipykernel install --sys-prefix --name {kernel_name}`"
    try:
        spec = KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise KernelSetupError(f"no Jupyter kernel named {kernel_name!r} — {fix}.") from None
    exe = spec.argv[0] if spec.argv else ""
    if exe in {"python", f"python{sys.version_info[0]}", "python%d.%d" % sys.version_info[:2]}:
        return sys.executable
    if Path(exe).exists() and Path(exe).resolve() == Path(sys.executable).resolve():
        return sys.executable
    try:
        works = subprocess.run([exe, "-c", "import newslab"], capture_output=True, text=True).returncode == 0
    except OSError:
        works = False  # the interpreter does not exist or cannot run
    if not works:
        # A user-wide kernelspec shadows the environment's own one, so installing another does
        # not help until this one is removed: say that first.
        raise KernelSetupError(
            f"the Jupyter kernel {kernel_name!r} ({spec.resource_dir}) runs {exe}, which cannot import "
            f"newslab — remove that kernelspec with `jupyter kernelspec remove {kernel_name}`, then if "
            f"rendering still fails {fix}.")
    return exe


# -- inputs and provenance --------------------------------------------------------------------
def _input_files(paths: Iterable[Path]) -> list[Path]:
    files: set[Path] = set()
    for p in paths:
        if p.is_dir():
            files.update(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif p.is_file():
            files.add(p)
            for side in (".meta.yml", ".meta.yaml", ".meta.json"):
                if p.with_suffix(side).exists():
                    files.add(p.with_suffix(side))
    return sorted(files)


def _looks_like_path(value: Any) -> bool:
    """A parameter value that names a file (has a folder part or a suffix), e.g. a coding sheet."""
    return isinstance(value, str) and bool(value) and ("/" in value or os.sep in value or bool(Path(value).suffix))


def _sha256(path: Path) -> str:
    from .resources import file_sha256

    return file_sha256(path)


def dependency_versions() -> dict[str, str]:
    """Installed versions of newslab's requirements and the rendering stack."""
    import re

    names: set[str] = set(_EXTRA_DISTRIBUTIONS)
    try:
        for req in metadata.requires("newslab") or []:
            if "extra ==" in req:
                continue
            names.add(re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0])
    except metadata.PackageNotFoundError:
        pass
    out = {}
    for name in sorted(names, key=str.lower):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _clean_executed(nb: Any) -> Any:
    """Drop timestamps and durations papermill/nbclient write, so re-renders are identical."""
    pm = nb.metadata.get("papermill", {})
    fixed_ids = {"injected-parameters": "injected-parameters", "papermill-error-cell-tag": "papermill-error"}
    for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
        pm.pop(key, None)
    for k, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        for tag, cell_id in fixed_ids.items():
            if tag in cell.metadata.get("tags", []) and "id" in cell:
                cell["id"] = f"{cell_id}-{k}"  # papermill gives these cells random ids
        cpm = cell.metadata.get("papermill")
        if cpm is not None:
            for key in ("start_time", "end_time", "duration"):
                cpm.pop(key, None)
    return nb


def _report_relative(nb: Any, out: Path) -> Any:
    """Show the report folder in papermill's injected-parameters cell as a relative path.

    render passes ``figures_dir`` as an absolute path (the notebook runs in its own folder), and
    that cell is printed in the report: without this the HTML would show the renderer's folders.

    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell('figures_dir = "/srv/r/figures/01"')
    >>> cell.metadata["tags"] = ["injected-parameters"]
    >>> _report_relative(nbformat.v4.new_notebook(cells=[cell]), Path("/srv/r")).cells[0].source
    '# Parameters (paths relative to the report folder)\\nfigures_dir = "figures/01"'
    """
    root = str(Path(out).resolve())
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []) and root in cell.source:
            body = cell.source.replace(root + os.sep, "").replace(root, ".")
            body = re.sub(r"^# Parameters\s*\n", "", body)
            cell.source = "# Parameters (paths relative to the report folder)\n" + body
    return nb


_CAPTION_RE = re.compile(r"<caption>.*?</caption>", re.S)
_CSV_NAME_RE = re.compile(r"(?<![\w./-])([\w.-]+\.csv)\b")


def _link_table_files(nb: Any, figures_dir: Path | None, out: Path) -> Any:
    """Turn the CSV names a table caption gives ("all columns: quotes.csv") into links.

    Only names of files the notebook's figures folder holds become links, with an address
    relative to the report folder (where both the .html and the .ipynb live), so a reader can
    open the full table from the page that shows its first rows.

    >>> import nbformat, tempfile
    >>> tmp = Path(tempfile.mkdtemp()); (tmp / "figures").mkdir(); _ = (tmp / "figures" / "q.csv").write_text("a")
    >>> cell = nbformat.v4.new_code_cell("")
    >>> cell.outputs = [nbformat.v4.new_output("display_data", {"text/html": "<caption>Rows (all: q.csv, r.csv)</caption>"})]
    >>> nb = _link_table_files(nbformat.v4.new_notebook(cells=[cell]), tmp / "figures", tmp)
    >>> nb.cells[0].outputs[0].data["text/html"]
    '<caption>Rows (all: <a href="figures/q.csv">q.csv</a>, r.csv)</caption>'
    """
    if figures_dir is None or not figures_dir.is_dir():
        return nb

    def link(name: re.Match) -> str:
        path = figures_dir / name.group(1)
        return f'<a href="{html.escape(_rel(path, out))}">{name.group(1)}</a>' if path.is_file() else name.group(0)

    def in_captions(markup: str) -> str:
        return _CAPTION_RE.sub(lambda cap: _CSV_NAME_RE.sub(link, cap.group(0)), markup)

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html")
            if isinstance(markup, str) and "<caption>" in markup:
                output.data["text/html"] = in_captions(markup)
    return nb


def _html_exporter():
    """nbconvert's lab HTML exporter, with every CDN script removed (the HTML is self-contained)."""
    import jinja2
    from nbconvert import HTMLExporter

    template = ("{%- extends 'lab/index.html.j2' -%}"
                "{%- block html_head_js_requirejs -%}{%- endblock -%}"
                "{%- block html_head_js_mathjax -%}{%- endblock -%}"
                "{%- block html_head_js_mermaidjs -%}{%- endblock -%}"
                # PNG outputs keep the alt text newslab.reporting.show_figure gives them (lab drops it).
                "{% block data_png scoped %}"
                '<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">'
                "<img src=\"data:image/png;base64,{{ output.data['image/png'] | escape_html }}\" "
                "alt=\"{{ ((output | get_metadata('alt', 'image/png')) or 'chart') | escape_html }}\">"
                "</div>{% endblock data_png %}")
    exporter = HTMLExporter(extra_loaders=[jinja2.DictLoader({"newslab_report.html.j2": template})],
                            template_file="newslab_report.html.j2", embed_images=True)
    return exporter


def _title_and_summary(nb: Any) -> tuple[str, str]:
    """The notebook's title and its first paragraph as plain text, for the index page.

    The summary is whole sentences of the paragraph under the title, never cut mid-phrase.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "# 5 · Stance\\n\\nEvent coders such as GDELT/CAMEO code\\n*who does what to whom*. "
    ...     "Files: `newslab/resources/frames_*.yml`.\\n\\n**Learning goals**\\n\\n- one")])
    >>> _title_and_summary(nb)
    ('5 · Stance', 'Event coders such as GDELT/CAMEO code who does what to whom. Files: newslab/resources/frames_*.yml.')
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
            head, _, body = cell.source.strip().partition("\n")
            return head.lstrip("#").strip(), _summary(body)
    return "", ""


def _summary(markdown: str, limit: int = 400) -> str:
    """The first paragraph of ``markdown`` as plain text: whole sentences up to ``limit`` characters."""
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown.strip()) if p.strip()]
    prose = next((p for p in paragraphs if not p.lstrip().startswith(("#", "-", "|", "**Learning"))), "")
    text = " ".join(prose.split())
    # Code spans keep their characters (frames_*.yml); emphasis markers around words go.
    parts = re.split(r"(`[^`]*`)", text)
    text = "".join(p.strip("`") if p.startswith("`") else re.sub(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", p)
                   for p in parts)
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    kept = ""
    for s in sentences:
        if kept and len(kept) + 1 + len(s) > limit:
            break
        kept = f"{kept} {s}".strip()
    return kept


def _error_line(exc: BaseException, executed: Any | None) -> tuple[str, int | None]:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        cell = exc.cell_index
        if executed is not None:
            # Count source cells only: skip papermill's injected-parameters cell and error banners.
            extra = {"injected-parameters", "papermill-error-cell-tag"}
            source_cells = [c for c in executed.cells if not set(c.metadata.get("tags", [])) & extra]
            failing = [i for i, c in enumerate(source_cells) if c.cell_type == "code"
                       and any(o.get("output_type") == "error" for o in c.get("outputs", []))]
            if failing:
                cell = failing[0]
        number = cell + 1
        first = (exc.source or "").strip().splitlines()[:1]
        code = f" (`{first[0][:60]}`)" if first else ""
        return f"cell {number}{code}: {exc.ename}: {exc.evalue}", number
    return f"{type(exc).__name__}: {exc}", None


# -- render -----------------------------------------------------------------------------------
def render(notebooks: Iterable[str] | str | None = None, corpus: str | os.PathLike[str] | None = None,
           out: str | os.PathLike[str] = "reports", params: Mapping[str, Any] | None = None,
           progress: bool = True, *, notebook_dir: str | os.PathLike[str] | None = None,
           timeout: int = 600, force: bool = False, jobs: int | None = None) -> RenderResult:
    """Execute notebooks with papermill and write executed .ipynb, HTML, index and manifest.

    Parameters
    ----------
    notebooks : names, optional
        Which notebooks to render ("01_first_look", "01", "first_look" or a path); default all
        ``NN_*.ipynb`` of :func:`notebooks_dir` in order. The CLI's ``--notebook NAME...``.
    corpus : path, optional
        A .txt/.html article, a folder of them, or a CSV/JSONL with a ``text`` column; becomes the
        ``corpus`` parameter of every notebook. Default: each notebook's own default (the seed
        article). The CLI's ``--corpus PATH``. Relative paths are taken from the current folder.
    out : path
        The report folder (created). The CLI's ``--out DIR``. A folder that already holds files
        newslab did not write is refused unless ``force``; files newslab did not write are never
        deleted (``manifest.json`` lists the ones it wrote, so the next render replaces only those).
    params : mapping, optional
        Extra notebook parameters, e.g. ``{"scheme": "policy", "max_articles": "20"}``; strings
        are converted to the type of the notebook's default (the CLI's ``-p KEY VALUE`` pairs
        can be passed as ``dict(pairs)``). A key that no selected notebook declares raises
        :class:`~newslab.errors.ParameterError` naming the closest valid one; a key only some
        notebooks declare goes to those.
    progress : bool
        Print one line per notebook to stderr.
    notebook_dir : path, optional
        Render the notebooks of this folder instead (the CLI's ``--notebook-dir DIR``).
    force : bool
        Write into a non-empty folder newslab did not make (the CLI's ``--force``); files with
        the names newslab writes are replaced, nothing else is touched.
    jobs : int, optional
        Notebooks executed at once, each in its own kernel (the CLI's ``--jobs N``); default
        :func:`default_jobs`. The reports are the same whatever the number.

    Returns
    -------
    RenderResult
        ``.runs`` (one :class:`NotebookRun` each, with status, seconds, paths, error),
        ``.failures``, ``.index``, ``.manifest`` and ``.exit_code`` (0 when all rendered,
        1 otherwise). A failing notebook does not stop the others.

    Raises
    ------
    ParameterError
        Unknown notebook name or parameter, or a value of the wrong type.
    InputNotFoundError
        ``corpus`` does not exist.
    OutputFolderError
        ``out`` is a file, or a non-empty folder newslab did not write (without ``force``).
    KernelSetupError
        The ``python3`` Jupyter kernel cannot import newslab (the message gives the fix).

    The CLI is a thin wrapper: ``sys.exit(render(args.notebook, corpus=args.corpus, ...).exit_code)``.
    """
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise ParameterError(f"jobs={jobs!r}: give how many notebooks to run at once (1 or more).")
    started = time.perf_counter()
    created = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    selected, params, declared = _prepare(notebooks, corpus, params, notebook_dir)
    out = Path(out)
    previous = _claim_out_folder(out, force)  # what newslab wrote there last time
    check_kernel()
    out.mkdir(parents=True, exist_ok=True)
    with _stable_hash_seed():
        runs, input_paths = _run_notebooks(selected, declared, params, out, previous, timeout, progress,
                                           default_jobs() if jobs is None else jobs)
    total = round(time.perf_counter() - started, 2)
    index = _write_index(out, runs)
    manifest_path = out / "manifest.json"
    # Files an earlier render wrote and this one did not rewrite (other notebooks) stay listed,
    # unless changed since: then they are the user's.
    written: dict[Path, str | None] = {f.resolve(): None for r in runs for f in [*r.written, index, manifest_path]}
    written.update({p: sha for p, sha in previous.items() if p not in written and _unchanged(p, sha)})
    manifest = _write_manifest(out, runs, params, sorted(input_paths), created, total, written)
    if progress:
        n_ok = sum(r.ok for r in runs)
        print(f"rendered {n_ok}/{len(runs)} notebooks in {total:.1f} s → {index}", file=sys.stderr, flush=True)
    return RenderResult(out=out, runs=runs, index=index, manifest=manifest, seconds=total)


def _run_notebooks(selected: Sequence[Path], declared: Mapping[Path, dict[str, Any]], params: Mapping[str, Any],
                   out: Path, previous: Mapping[Path, str | None], timeout: int, progress: bool,
                   jobs: int = 1) -> tuple[list[NotebookRun], set[Path]]:
    """Execute the notebooks, ``jobs`` kernels at a time (a failure does not stop the others);
    returns the runs, in the order given, and the inputs."""
    runs: list[NotebookRun] = []
    input_paths: set[Path] = set()
    cleaned: set[Path] = set()
    for source in selected:
        run = _plan_run(source, out, params, declared[source])
        if run.figures_dir not in cleaned:  # once per folder: notebooks may share one
            _remove_previous(run.figures_dir, previous)
            cleaned.add(run.figures_dir)
        input_paths |= _notebook_inputs(declared[source], run.parameters)
        runs.append(run)
    if len(cleaned) < len(runs):  # a shared figures folder: what each notebook wrote is told by
        jobs = 1                  # the files that changed while it ran, so one at a time
    jobs = max(1, min(jobs, len(runs)))
    done = 0

    def report(run: NotebookRun) -> None:
        nonlocal done
        done += 1
        if progress:
            tail = f"ok ({run.seconds:.1f} s)" if run.ok else f"FAILED ({run.seconds:.1f} s) — {run.error}"
            print(f"[{done}/{len(runs)}] {run.name} {tail}", file=sys.stderr, flush=True)

    if jobs == 1:
        exporter = _html_exporter()
        for run in runs:
            _execute(run, exporter, out, timeout)
            report(run)
        return runs, input_paths
    from concurrent.futures import ThreadPoolExecutor, as_completed

    # Threads are enough: each notebook runs in its own kernel process; the thread waits on it.
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_execute_in_thread, run, out, timeout): run for run in runs}
        for future in as_completed(futures):
            future.result()
            report(futures[future])
    return runs, input_paths


def _execute_in_thread(run: NotebookRun, out: Path, timeout: int) -> None:
    """:func:`_execute` in a worker thread, closing the event loop jupyter made for the thread."""
    try:
        _execute(run, _html_exporter(), out, timeout)
    finally:
        from jupyter_core.utils import ensure_event_loop

        ensure_event_loop().close()  # else "unclosed event loop" when the thread's loop is collected


def default_jobs() -> int:
    """Kernels run at once by :func:`render`: two on a machine with two cores or more (the
    kernels' start-up and imports overlap), else one.

    >>> default_jobs() in (1, 2)
    True
    """
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def _prepare(notebooks: Iterable[str] | str | None, corpus: str | os.PathLike[str] | None,
             params: Mapping[str, Any] | None, notebook_dir: str | os.PathLike[str] | None
             ) -> tuple[list[Path], dict[str, Any], dict[Path, dict[str, Any]]]:
    """Check every argument before any work: the notebooks, the corpus and the parameters."""
    selected = select_notebooks(notebooks, notebook_dir)
    if not selected:
        raise InputNotFoundError(f"{notebook_dir or notebooks_dir()}: no NN_name.ipynb notebooks found — "
                                 "pass --notebook-dir naming a folder of lessons, or make one with "
                                 "`newslab notebooks copy DIR`.")
    params = dict(params or {})
    if corpus is not None:
        corpus_path = Path(corpus).expanduser()
        if not corpus_path.exists():
            raise InputNotFoundError(f"{corpus}: no such file or folder — pass a .txt file, a folder of .txt "
                                     "files, or a CSV/JSONL with a 'text' column.")
        params["corpus"] = str(corpus_path.resolve())
    declared = _check_parameters(selected, params)
    return selected, params, declared


def _plan_run(source: Path, out: Path, params: Mapping[str, Any], defaults: Mapping[str, Any]) -> NotebookRun:
    """A notebook's run before execution: its parameters, figures folder and output paths."""
    name = source.stem
    run = NotebookRun(name=name, source=source, ipynb=out / f"{name}.ipynb")
    nb_params = {key: coerce_parameter(key, value, defaults.get(key))
                 for key, value in params.items() if key in defaults}
    run.figures_dir = (out / "figures" / name).resolve()
    if "figures_dir" in defaults and "figures_dir" not in params:
        nb_params["figures_dir"] = str(run.figures_dir)
    elif "figures_dir" in nb_params:
        # Absolute, so the notebook (which runs in its own folder) writes where we look.
        run.figures_dir = Path(nb_params["figures_dir"]).expanduser().resolve()
        nb_params["figures_dir"] = str(run.figures_dir)
    run.parameters = nb_params
    return run


def _notebook_inputs(defaults: Mapping[str, Any], nb_params: Mapping[str, Any]) -> set[Path]:
    """The input files a notebook reads: its corpus and every parameter that names an existing file."""
    found: set[Path] = set()
    corpus_value = nb_params.get("corpus", defaults.get("corpus"))
    if isinstance(corpus_value, str) and corpus_value:
        try:
            found.add(resolve_path(corpus_value))
        except NewslabError:
            pass  # the notebook itself reports a missing corpus
    for key, value in {**defaults, **nb_params}.items():
        if key != "figures_dir" and _looks_like_path(value):
            try:
                path = resolve_path(value)
            except NewslabError:
                continue
            if path.is_file():
                found.add(path)
    return found


def _execute(run: NotebookRun, exporter: Any, out: Path, timeout: int) -> None:
    """Run one notebook with papermill, then write its cleaned .ipynb and HTML; fills in ``run``."""
    import nbformat
    import papermill as pm

    before = _snapshot(run.figures_dir)
    t0 = time.perf_counter()
    executed = None
    for attempt in (1, 2):
        try:
            executed = pm.execute_notebook(
                str(run.source), str(run.ipynb), parameters=run.parameters, kernel_name=KERNEL_NAME,
                language="python", progress_bar=False, log_output=False, request_save_on_cell_execute=False,
                # The kernel starts in the notebook's folder (nbclient's resources path), not through
                # papermill's cwd=, which changes this whole process's folder: two at once would clash.
                resources={"metadata": {"path": str(run.source.parent)}}, execution_timeout=timeout,
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"])  # no start/stop notices per kernel
            run.status, run.error, run.cell = "ok", None, None
            break
        except Exception as exc:  # noqa: BLE001 — any failure is reported, the others still render
            run.status = "failed"
            executed = nbformat.read(str(run.ipynb), as_version=4) if run.ipynb.exists() else None
            run.error, run.cell = _error_line(exc, executed)
            if attempt == 2 or _ran_a_cell(executed):
                break
            # No cell ran: the kernel failed to start (two kernels started at once can race for
            # the same free port), not the notebook. One more try in a fresh kernel.
    run.seconds = round(time.perf_counter() - t0, 2)
    if executed is not None:
        executed = _report_relative(_clean_executed(executed), out)
        executed = _link_table_files(executed, run.figures_dir, out)
        nbformat.write(executed, str(run.ipynb))
        body, _ = exporter.from_notebook_node(executed, resources={"metadata": {"name": run.name}})
        run.html = out / f"{run.name}.html"
        run.html.write_text(body, encoding="utf-8")
    after = _snapshot(run.figures_dir)
    run.written = sorted({p for p, stamp in after.items() if before.get(p) != stamp}
                         | {p for p in (run.ipynb, run.html) if p is not None and p.exists()})


def _ran_a_cell(executed: Any | None) -> bool:
    """True once any code cell of an executed notebook ran (its kernel had started)."""
    return executed is not None and any(c.get("cell_type") == "code" and c.get("execution_count")
                                        for c in executed.get("cells", []))


@contextmanager
def _stable_hash_seed() -> Iterator[None]:
    """Kernels inherit ``PYTHONHASHSEED=0``, so set and dict-of-set iteration is the same every render."""
    old = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = "0"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("PYTHONHASHSEED", None)
        else:
            os.environ["PYTHONHASHSEED"] = old


# -- the report folder: only ever remove what newslab wrote ----------------------------------
class OutputFolderError(NewslabError):
    """The report folder is a file, or holds files newslab did not write."""


def _snapshot(folder: Path | None) -> dict[Path, tuple[int, int]]:
    """``{file: (mtime_ns, size)}`` of the files directly in ``folder`` (what a notebook may rewrite)."""
    if folder is None or not folder.is_dir():
        return {}
    return {f.resolve(): (f.stat().st_mtime_ns, f.stat().st_size) for f in folder.iterdir() if f.is_file()}


def _claim_out_folder(out: Path, force: bool) -> dict[Path, str | None]:
    """The files newslab wrote in ``out`` last time, each with its SHA-256 then (None from a
    manifest that recorded none); empty for a new or empty folder.

    A non-empty folder without newslab's ``manifest.json`` is refused unless ``force``.
    """
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"{out}: is a file — pass a folder (new, empty or an earlier report) as --out.")
    if not out.exists() or not any(out.iterdir()):
        return {}
    try:
        doc = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        doc = None
    if not isinstance(doc, dict) or "newslab" not in doc or "notebooks" not in doc:
        if force:
            return {}
        raise OutputFolderError(f"{out}: the folder holds files newslab did not write — pass a new or empty "
                                "folder as --out, or add --force to write into it (nothing of yours is deleted).")
    listed = doc.get("written")
    if listed is None:  # a manifest from before newslab listed its files
        listed = ["index.html", "manifest.json"] + [
            p for n in doc["notebooks"] for p in [n.get("ipynb"), n.get("html")]
            + [f.get("path") for f in n.get("figures", [])] if p]
    hashes = doc.get("written_sha256") if isinstance(doc.get("written_sha256"), dict) else {}
    return {(out / p).resolve(): hashes.get(p) for p in listed if isinstance(p, str)}


def _unchanged(path: Path, sha: str | None) -> bool:
    """Is ``path`` as newslab wrote it (sha None: no hash was recorded, so it counts as newslab's)?"""
    return path.is_file() and (sha is None or _sha256(path) == sha)


def _remove_previous(folder: Path | None, previous: Mapping[Path, str | None]) -> None:
    """Remove from ``folder`` the files an earlier render wrote there, so stale charts never linger;
    any other file stays, and so does one changed since (a coding sheet a student filled in)."""
    if folder is not None and folder.is_dir():
        for f in folder.iterdir():
            p = f.resolve()
            if p in previous and _unchanged(f, previous[p]):
                f.unlink()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)


def _rel(path: Path | None, out: Path) -> str | None:
    if path is None:
        return None
    try:
        return Path(path).resolve().relative_to(out.resolve()).as_posix()
    except ValueError:
        return str(path)


def _write_manifest(out: Path, runs: list[NotebookRun], params: Mapping[str, Any], inputs: list[Path],
                    created: str, total: float, written: Mapping[Path, str | None]) -> Path:
    from .version import __version__
    from .resources import resources_fingerprint

    path = out / "manifest.json"
    # The hash of each file written (None: not known yet) except the manifest's own.
    hashes = {_rel(p, out): sha or _sha256(p) for p, sha in written.items()
              if p.is_file() and p.resolve() != path.resolve()}
    doc = {
        "newslab": __version__,
        "created": created,
        "total_seconds": total,
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "kernel": KERNEL_NAME,
        "dependencies": dependency_versions(),
        "parameters": {k: v for k, v in sorted(params.items())},
        "inputs": [{"path": str(p), "sha256": _sha256(p), "bytes": p.stat().st_size} for p in _input_files(inputs)],
        "resources_sha256": resources_fingerprint(),
        "notebooks": [{
            "name": r.name, "source": str(r.source), "source_sha256": _sha256(r.source),
            "status": r.status, "seconds": r.seconds, "error": r.error, "cell": r.cell,
            "parameters": r.parameters, "ipynb": _rel(r.ipynb, out), "html": _rel(r.html, out),
            "figures": [{"path": _rel(f, out), "sha256": hashes.get(_rel(f, out)) or _sha256(f)} for f in r.figures],
        } for r in runs],
        # Every file newslab wrote (relative to this folder, or absolute): the only ones a later
        # render may replace or remove, and only while their SHA-256 is still the one written.
        "written": sorted({_rel(p, out) for p in written}),
        "written_sha256": dict(sorted(hashes.items())),
    }
    path.write_text(json.dumps(doc, indent=2, sort_keys=False, default=str) + "\n", encoding="utf-8")
    return path


_INDEX_CSS = """body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;
border-bottom:1px solid #ddd;vertical-align:top}.ok{color:#009E73}.failed{color:#D55E00;font-weight:bold}
.figs img{height:70px;margin:2px;border:1px solid #eee}small{color:#666}"""


def _write_index(out: Path, runs: list[NotebookRun]) -> Path:
    """A plain HTML page linking every rendered notebook (all text escaped).

    It holds no date and no timings (those are in ``manifest.json``), so two renders of the same
    inputs give the same bytes.
    """
    import nbformat

    from .version import __version__

    esc = html.escape
    rows = []
    for r in runs:
        try:
            title, summary = _title_and_summary(nbformat.read(str(r.source), as_version=4))
        except Exception:  # noqa: BLE001 — a broken source notebook still gets a row
            title, summary = r.name, ""
        link = f'<a href="{esc(_rel(r.html, out))}">{esc(title or r.name)}</a>' if r.html else esc(title or r.name)
        nb_link = f' · <a href="{esc(_rel(r.ipynb, out))}">.ipynb</a>' if r.ipynb and r.ipynb.exists() else ""
        figs = "".join(f'<a href="{esc(_rel(f, out))}"><img src="{esc(_rel(f, out))}" alt="{esc(f.stem)}"></a>'
                       for f in r.figures)
        status = (f'<span class="ok">ok</span>' if r.ok
                  else f'<span class="failed">failed</span><br><small>{esc(r.error or "")}</small>')
        rows.append(f"<tr><td><code>{esc(r.name)}</code></td><td>{link}{nb_link}<br><small>{esc(summary)}</small>"
                    f'<div class="figs">{figs}</div></td><td>{status}</td></tr>')
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>newslab reports</title>'
            f"<style>{_INDEX_CSS}</style></head><body>\n<h1>newslab reports</h1>\n"
            f"<p>Rendered with newslab {esc(__version__)}. "
            f'Times, versions, parameters and input checksums: <a href="manifest.json">manifest.json</a>.</p>\n'
            f"<table><thead><tr><th>notebook</th><th>report</th><th>status</th></tr></thead>"
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table>\n</body></html>\n")
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
