"""Render the teaching notebooks into a reproducible report folder (``newslab render``).

Each notebook in ``notebooks/`` is executed with papermill on a fresh ``python3`` kernel, with
its ``parameters`` cell overridden by the corpus and the parameters you pass. For every notebook
the report folder gets the executed ``.ipynb``, a self-contained ``.html`` (nbconvert; images
are embedded and no script is loaded from the internet) and a ``figures/<notebook>/`` folder
with each chart as PNG and SVG plus the tables (CSV) and a ``results.json`` of the numbers the
narrative quotes. ``index.html`` links everything; ``manifest.json`` records what was run:
newslab and dependency versions, Python, the parameters, the SHA-256 of every input file and
notebook, and the time each notebook took.

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
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import yaml

from .errors import InputNotFoundError, NewslabError, ParameterError
from .reporting import repo_root, resolve_path

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
        """PNG figures the notebook saved, sorted by name."""
        return sorted(self.figures_dir.glob("*.png")) if self.figures_dir and self.figures_dir.exists() else []


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
    """The folder holding the teaching notebooks (``notebooks/`` beside the package)."""
    return repo_root() / "notebooks"


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

    Read with papermill's own parser, so this is exactly what papermill will override.
    """
    from papermill.inspection import _infer_parameters
    from papermill.iorw import load_notebook_node

    nb = load_notebook_node(str(path))  # adds the empty tag lists papermill's parser expects
    out: dict[str, Any] = {}
    for p in _infer_parameters(nb, name=KERNEL_NAME, language="python"):
        try:
            out[p.name] = ast.literal_eval(p.default)
        except (ValueError, SyntaxError):
            out[p.name] = p.default  # an expression such as Path(...); keep its source text
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
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    valid = sorted(set().union(*declared.values())) if declared else []
    for key in params:
        if key not in valid:
            raise ParameterError(f"unknown notebook parameter {key!r} — valid parameters: {', '.join(valid)}.")
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
        raise KernelSetupError(
            f"the Jupyter kernel {kernel_name!r} ({spec.resource_dir}) runs {exe}, which cannot import "
            f"newslab — {fix}, or remove that kernelspec with `jupyter kernelspec remove {kernel_name}`.")
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
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
            lines = [ln.strip() for ln in cell.source.strip().splitlines()]
            title = lines[0].lstrip("#").strip()
            rest = " ".join(ln for ln in lines[1:] if ln and not ln.startswith(("#", "-", "*", "|")))
            return title, re.sub(r"\*\*|\*|`", "", rest)  # plain text for the index page
    return "", ""


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
           timeout: int = 600) -> RenderResult:
    """Execute notebooks with papermill and write executed .ipynb, HTML, index and manifest.

    Parameters
    ----------
    notebooks : names, optional
        Which notebooks to render ("01_first_look", "01", "first_look" or a path); default all
        ``notebooks/NN_*.ipynb`` in order. The CLI's ``--notebook NAME...``.
    corpus : path, optional
        A .txt/.html article, a folder of them, or a CSV/JSONL with a ``text`` column; becomes the
        ``corpus`` parameter of every notebook. Default: each notebook's own default (the seed
        article). The CLI's ``--corpus PATH``. Relative paths are taken from the current folder.
    out : path
        The report folder (created). The CLI's ``--out DIR``.
    params : mapping, optional
        Extra notebook parameters, e.g. ``{"scheme": "policy", "max_articles": "20"}``; strings
        are converted to the type of the notebook's default (the CLI's ``-p KEY VALUE`` pairs
        can be passed as ``dict(pairs)``). A key that no selected notebook declares raises
        :class:`~newslab.errors.ParameterError` naming the valid ones; a key only some notebooks
        declare goes to those.
    progress : bool
        Print one line per notebook to stderr.

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
    KernelSetupError
        The ``python3`` Jupyter kernel cannot import newslab (the message gives the fix).

    Example (the CLI is a thin wrapper)::

        result = render(args.notebook or None, corpus=args.corpus, out=args.out,
                        params=dict(args.param or []))
        sys.exit(result.exit_code)
    """
    import nbformat
    import papermill as pm

    started = time.perf_counter()
    created = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    selected = select_notebooks(notebooks, notebook_dir)
    if not selected:
        raise InputNotFoundError(f"{notebook_dir or notebooks_dir()}: no NN_name.ipynb notebooks found — "
                                 "run from the newslab repository or pass notebook_dir.")
    params = dict(params or {})
    if corpus is not None:
        corpus_path = Path(corpus).expanduser()
        if not corpus_path.exists():
            raise InputNotFoundError(f"{corpus}: no such file or folder — pass a .txt file, a folder of .txt "
                                     "files, or a CSV/JSONL with a 'text' column.")
        params["corpus"] = str(corpus_path.resolve())
    declared = _check_parameters(selected, params)
    check_kernel()

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    exporter = _html_exporter()
    runs: list[NotebookRun] = []
    input_paths: set[Path] = set()
    old_hashseed = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = "0"  # kernels inherit it: set/dict-of-set iteration is stable
    try:
        for k, source in enumerate(selected, 1):
            name = source.stem
            run = NotebookRun(name=name, source=source)
            defaults = declared[source]
            nb_params = {key: coerce_parameter(key, value, defaults.get(key))
                         for key, value in params.items() if key in defaults}
            run.figures_dir = (out / "figures" / name).resolve()
            if "figures_dir" in defaults and "figures_dir" not in params:
                nb_params["figures_dir"] = str(run.figures_dir)
            elif "figures_dir" in nb_params:
                run.figures_dir = Path(nb_params["figures_dir"]).resolve()
            _clear_folder(run.figures_dir)
            run.parameters = nb_params
            corpus_value = nb_params.get("corpus", defaults.get("corpus"))
            if isinstance(corpus_value, str) and corpus_value:
                try:
                    input_paths.add(resolve_path(corpus_value))
                except NewslabError:
                    pass  # the notebook itself reports a missing corpus
            for key, value in {**defaults, **nb_params}.items():
                if key != "figures_dir" and _looks_like_path(value):
                    try:
                        found = resolve_path(value)
                    except NewslabError:
                        continue
                    if found.is_file():
                        input_paths.add(found)
            if progress:
                print(f"[{k}/{len(selected)}] {name} ...", end="", file=sys.stderr, flush=True)
            run.ipynb = out / f"{name}.ipynb"
            t0 = time.perf_counter()
            executed = None
            try:
                executed = pm.execute_notebook(
                    str(source), str(run.ipynb), parameters=nb_params, kernel_name=KERNEL_NAME,
                    language="python", progress_bar=False, log_output=False,
                    request_save_on_cell_execute=False, cwd=str(source.parent), execution_timeout=timeout,
                    extra_arguments=["--IPKernelApp.log_level=CRITICAL"])  # no start/stop notices per kernel
                run.status = "ok"
            except Exception as exc:  # noqa: BLE001 — any failure is reported, the others still render
                run.status = "failed"
                if run.ipynb.exists():
                    executed = nbformat.read(str(run.ipynb), as_version=4)
                run.error, run.cell = _error_line(exc, executed)
            run.seconds = round(time.perf_counter() - t0, 2)
            if executed is not None:
                executed = _clean_executed(executed)
                nbformat.write(executed, str(run.ipynb))
                body, _ = exporter.from_notebook_node(executed, resources={"metadata": {"name": name}})
                run.html = out / f"{name}.html"
                run.html.write_text(body, encoding="utf-8")
            if progress:
                tail = f"ok ({run.seconds:.1f} s)" if run.ok else f"FAILED ({run.seconds:.1f} s) — {run.error}"
                print(f" {tail}", file=sys.stderr, flush=True)
            runs.append(run)
    finally:
        if old_hashseed is None:
            os.environ.pop("PYTHONHASHSEED", None)
        else:
            os.environ["PYTHONHASHSEED"] = old_hashseed

    total = round(time.perf_counter() - started, 2)
    manifest = _write_manifest(out, runs, params, sorted(input_paths), created, total)
    index = _write_index(out, runs, total)
    if progress:
        n_ok = sum(r.ok for r in runs)
        print(f"rendered {n_ok}/{len(runs)} notebooks in {total:.1f} s → {index}", file=sys.stderr, flush=True)
    return RenderResult(out=out, runs=runs, index=index, manifest=manifest, seconds=total)


def _clear_folder(folder: Path) -> None:
    """Empty a notebook's figures folder so stale charts from an earlier render never linger."""
    if folder.exists():
        for f in folder.iterdir():
            if f.is_file():
                f.unlink()
    folder.mkdir(parents=True, exist_ok=True)


def _rel(path: Path | None, out: Path) -> str | None:
    if path is None:
        return None
    try:
        return Path(path).resolve().relative_to(out.resolve()).as_posix()
    except ValueError:
        return str(path)


def _write_manifest(out: Path, runs: list[NotebookRun], params: Mapping[str, Any], inputs: list[Path],
                    created: str, total: float) -> Path:
    from . import __version__
    from .resources import resources_fingerprint

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
            "figures": [{"path": _rel(f, out), "sha256": _sha256(f)} for f in r.figures],
        } for r in runs],
    }
    path = out / "manifest.json"
    path.write_text(json.dumps(doc, indent=2, sort_keys=False, default=str) + "\n", encoding="utf-8")
    return path


_INDEX_CSS = """body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;
border-bottom:1px solid #ddd;vertical-align:top}.ok{color:#009E73}.failed{color:#D55E00;font-weight:bold}
.figs img{height:70px;margin:2px;border:1px solid #eee}small{color:#666}"""


def _write_index(out: Path, runs: list[NotebookRun], total: float) -> Path:
    """A plain HTML page linking every rendered notebook (all text escaped; the date is in the manifest)."""
    import nbformat

    from . import __version__

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
                    f'<div class="figs">{figs}</div></td><td>{status}</td><td>{r.seconds:.1f}&nbsp;s</td></tr>')
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>newslab reports</title>'
            f"<style>{_INDEX_CSS}</style></head><body>\n<h1>newslab reports</h1>\n"
            f"<p>Rendered with newslab {esc(__version__)} in {total:.1f} s. "
            f'Versions, parameters and input checksums: <a href="manifest.json">manifest.json</a>.</p>\n'
            f"<table><thead><tr><th>notebook</th><th>report</th><th>status</th><th>time</th></tr></thead>"
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table>\n</body></html>\n")
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
