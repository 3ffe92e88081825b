"""The ``newslab`` command line (also ``python -m newslab``).

    newslab analyze PATH [--json] [--out FILE] [--text-column NAME]
    newslab analyze PATH --format csv|parquet|json --out DIR [--jobs N] [--steps ...] [--no-cache]
    newslab analyze PATH --format parquet --out DIR [--engine dask [--scheduler ADDRESS]] [--shard-size N]
    newslab render [--corpus PATH] [--out DIR] [--notebook NAME ...] [-p KEY VALUE ...] [--force]
    newslab notebooks copy DIR
    newslab data status
    newslab data install [PACKAGE ...] [--from DIR] [--to DIR]
    newslab fetch [URLS.txt] --out DIR [--gdelt-query WORDS --start DAY --end DAY] [--delay S] [--timeout S]

A user's mistake (missing or empty file, binary data, a CSV without the text column, an unknown
option or parameter) prints one sentence naming the file and the fix, and exits with status 2.
"""
from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import Sequence

from .version import __version__
from .errors import NewslabError, ParameterError
from .outputs import SUMMARY_LAST_LINE, claim, is_analysis_output, is_table_export


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one sentence (exit status 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"newslab: {message} — run `{self.prog} --help` for the options.\n")


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="newslab", description="Framing analysis of news: sentiment, actors, quotes, "
                "stance, relations and frames, with offsets into the original text.")
    p.add_argument("--version", action="version", version=f"newslab {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyze an article or a corpus",
                       description="Analyze a .txt/.html article, a folder of them, or a CSV/JSONL "
                       "with a text column. Prints a summary, or JSON with --json.")
    a.add_argument("path", metavar="PATH", help="a .txt or .html file, a folder, or a .csv/.tsv/.jsonl file")
    a.add_argument("--json", action="store_true", help="print one JSON object per article (a list for a corpus)")
    a.add_argument("--out", metavar="FILE", help="write the output to FILE instead of standard output")
    a.add_argument("--text-column", default="text", metavar="NAME",
                   help="name of the text column in a CSV/JSONL (default: text)")
    a.add_argument("--format", choices=("csv", "parquet", "json"),
                   help="write one table per analyzer (sentences, mentions, quotes, relations, stance, "
                   "frames, articles) into the --out folder; parquet writes a partitioned dataset "
                   "(one part per shard of articles) that a re-run resumes")
    a.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes for --format (-1 = all cores)")
    a.add_argument("--steps", nargs="+", metavar="STEP",
                   help="with --format: only these steps (sentences sentiment mentions quotes relations stance frames)")
    a.add_argument("--no-cache", action="store_true", help="with --format: do not read or write the result cache")
    a.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")
    a.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="with --format parquet: run on this machine's processes (default) or on Dask workers")
    a.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the Dask scheduler (tcp://host:8786); default: a local cluster")
    a.add_argument("--shard-size", type=int, default=512, metavar="N",
                   help="with --format parquet: articles per shard (default 512)")

    r = sub.add_parser("render", help="render the teaching notebooks into HTML reports",
                       description="Execute the notebooks with papermill and write HTML reports, "
                       "an index and a provenance manifest.")
    r.add_argument("--corpus", metavar="PATH", help="article or corpus to analyze (default: the seed article)")
    r.add_argument("--out", default="reports", metavar="DIR", help="report folder (default: reports)")
    r.add_argument("--notebook", nargs="+", metavar="NAME", help="only these notebooks (e.g. 02_sentiment)")
    r.add_argument("--notebook-dir", metavar="DIR", help="render the notebooks in DIR (default: this folder when "
                   "it is a copy made by `newslab notebooks copy`, else the lessons that come with newslab)")
    r.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                   help="set a notebook parameter (repeatable)")
    r.add_argument("--force", action="store_true", help="write into a non-empty folder newslab did not make "
                   "(files with newslab's names are replaced; nothing is deleted)")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    r.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="notebooks executed at once, each in its own kernel (default: 2 on two cores or more)")

    n = sub.add_parser("notebooks", help="the teaching notebooks: copy them to edit and run your own",
                       description="Copy the lessons, the seed article, the coding sheet and newslab's "
                       "dictionaries into a folder of your own.")
    nsub = n.add_subparsers(dest="notebooks_command", parser_class=_Parser, metavar="ACTION")
    nc = nsub.add_parser("copy", help="copy the lessons into DIR (never overwrites a file)")
    nc.add_argument("dest", metavar="DIR", help="a new or empty folder")

    d = sub.add_parser("data", help="optional NLTK data: status and install",
                       description="newslab works without NLTK data; these packages enable optional backends.")
    dsub = d.add_subparsers(dest="data_command", parser_class=_Parser, metavar="ACTION")
    dsub.add_parser("status", help="list optional NLTK packages, whether present, and what each enables")
    di = dsub.add_parser("install", help="install optional NLTK packages (online, or --from a local folder)")
    di.add_argument("packages", nargs="*", metavar="PACKAGE", help="package names (default: all)")
    di.add_argument("--from", dest="source", metavar="DIR", help="copy from this nltk_data folder instead of downloading")
    di.add_argument("--to", dest="target", metavar="DIR", help="install into DIR (default: $NLTK_DATA or ~/nltk_data)")
    _add_fetch_parser(sub)
    return p


def _add_fetch_parser(sub: argparse._SubParsersAction) -> None:
    f = sub.add_parser("fetch", help="build a corpus from the web: download and extract news pages (online)",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Download the pages of a URL list (and/or those a GDELT DOC 2.0 query lists),\n"
                       "extract each article with trafilatura, and write DIR/<name>.txt + <name>.meta.yml,\n"
                       "ready for `newslab analyze DIR`. Polite: one request at a time, a pause between two\n"
                       "requests to a site, robots.txt obeyed. A re-run keeps what DIR has and retries what\n"
                       "failed; DIR/fetch_log.jsonl lists every attempt and every failure with its reason.",
                       epilog="examples:\n  newslab fetch urls.txt --out corpus\n"
                       "  newslab fetch --out corpus --gdelt-query '\"Turkey\" \"Russia\" gas' "
                       "--start 2024-03-01 --end 2024-03-31")
    f.add_argument("urls", nargs="?", metavar="URLS.txt", help="a text file: one URL per line, # for comments")
    f.add_argument("--out", required=True, metavar="DIR", help="the corpus folder to write (created if need be; "
                   "nothing in it is overwritten)")
    f.add_argument("--gdelt-query", metavar="WORDS", help="also fetch the articles this GDELT DOC 2.0 query lists "
                   "(GDELT's search syntax; it covers about the last three months)")
    f.add_argument("--start", metavar="YYYY-MM-DD", help="with --gdelt-query: the first day")
    f.add_argument("--end", metavar="YYYY-MM-DD", help="with --gdelt-query: the last day (included)")
    f.add_argument("--max-records", type=int, default=75, metavar="N",
                   help="with --gdelt-query: at most N articles (1-250, default 75)")
    f.add_argument("--gdelt-endpoint", default=None, metavar="URL",
                   help="the GDELT DOC API address (default: https://api.gdeltproject.org/api/v2/doc/doc)")
    f.add_argument("--delay", type=float, default=1.0, metavar="S",
                   help="seconds between two requests to the same site (default 1; longer if its robots.txt asks)")
    f.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds to wait for a page (default 20)")
    f.add_argument("--contact", metavar="EMAIL_OR_URL", help="added to the User-Agent so a site can reach you")


def _check_analyze_args(args: argparse.Namespace) -> None:
    """Refuse arguments that cannot work before any article is read (one sentence, exit 2)."""
    if args.jobs < -1:
        raise ParameterError(f"--jobs {args.jobs}: give a number of worker processes (1, 2, ...) "
                             "or -1 for all cores.")
    if args.engine == "dask" and args.format != "parquet":
        raise ParameterError("--engine dask writes a partitioned dataset: add --format parquet --out DIR.")
    if args.shard_size < 1:
        raise ParameterError(f"--shard-size {args.shard_size}: give a number of articles per shard, such as 512.")
    if args.format:
        if not args.out:
            raise NewslabError("--format writes one file per table: add --out DIR naming the folder to write.")
        out = Path(args.out)
        blocker = next((q for q in (out, *out.parents) if q.exists() and not q.is_dir()), None)
        if blocker is not None:
            raise ParameterError(f"--out {args.out}: {blocker} is a file, and --format {args.format} writes "
                                 "one table per analyzer into a folder — pass a folder name.")
        if args.format != "parquet":  # (a results folder guards itself with its manifest)
            from .pipeline import export_paths

            claim(export_paths(out, args.format), is_table_export, "pass a new or empty folder as --out, "
                  "or move that file away")
        return
    if args.out:
        out = Path(args.out)
        if out.is_dir():
            raise ParameterError(f"--out {args.out} is a folder, and {'--json' if args.json else 'the summary'} "
                                 f"is one file — pass a file name such as {out / 'analysis.json'}, or add "
                                 "--format csv to write tables into the folder.")
        if not out.parent.is_dir():
            raise ParameterError(f"--out {args.out}: the folder {out.parent} does not exist — create it "
                                 "or name a file in an existing folder.")
        claim([out], is_analysis_output, "name a new file as --out, or move that file away")


def _report_skipped(skipped: list[tuple[str, str]]) -> None:
    for path, reason in skipped:
        print(f"newslab: skipped {path}: {reason}", file=sys.stderr)


def _cmd_analyze_tables(args: argparse.Namespace) -> int:
    from .io import load_corpus
    from .pipeline import analyze_corpus

    corpus = load_corpus(args.path, text_column=args.text_column)
    if args.format == "parquet":
        res = analyze_corpus(corpus, steps=args.steps, n_jobs=args.jobs, out=args.out, engine=args.engine,
                             scheduler=args.scheduler, shard_size=args.shard_size,
                             show_progress=True if args.progress else None)
        st = res.run
        print(f"analyzed {st['articles']} articles in {st['seconds']:.1f} s ({st['cache_hits']} kept from an "
              f"earlier run); {res.stats['shards']} shards of each table in {args.out} — read them with "
              f"newslab.open_results({args.out!r})")
        _report_skipped(res.skipped)
        return 0
    result = analyze_corpus(corpus, steps=args.steps, n_jobs=args.jobs, cache=not args.no_cache,
                            show_progress=True if args.progress else None)
    paths = result.export(args.out, args.format)
    st = result.stats
    print(f"analyzed {st['articles']} articles in {st['seconds']:.1f} s ({st['cache_hits']} from cache); "
          f"wrote {', '.join(p.name for p in paths)} to {args.out}")
    _report_skipped(result.skipped)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .io import SkippedInputWarning

    _check_analyze_args(args)
    # Every skipped file, row or line is listed once at the end, not also as a warning.
    warnings.filterwarnings("ignore", category=SkippedInputWarning)
    if args.format:
        return _cmd_analyze_tables(args)
    from .io import load
    from .jsonout import article_json
    from .progress import progress

    obj = load(args.path, text_column=args.text_column)
    from .article import Article

    articles = [obj] if isinstance(obj, Article) else obj
    # A bar only on a terminal (None = ask tqdm's TTY check) unless --progress; never for one article.
    show = False if isinstance(obj, Article) else (True if args.progress else None)
    docs = [article_json(a) for a in progress(articles, desc="analyzing", unit="article", enabled=show)]
    skipped = [] if isinstance(obj, Article) else obj.skipped
    if not docs:
        _report_skipped(skipped)
        raise NewslabError(f"{args.path}: no articles with text were found — check the file or the --text-column name.")
    if args.json:
        payload = docs[0] if isinstance(obj, Article) else docs
        out = json.dumps(payload, ensure_ascii=False, indent=2)
    else:
        out = _summary(docs)
    if args.out:
        Path(args.out).write_text(out + "\n", encoding="utf-8")
    else:
        sys.stdout.write(out + "\n")
    _report_skipped(skipped)
    return 0


def _summary(docs: list[dict]) -> str:
    lines = []
    for d in docs:
        a = d["article"]
        lines.append(f"{a['id']}: {a['title'] or '(untitled)'}")
        lines.append(f"  {a['source'] or '-'} {a['date'] or '-'} {a['dateline'] or ''}".rstrip())
        lines.append(f"  {a['n_paragraphs']} paragraphs, {a['n_sentences']} sentences, {a['n_tokens']} tokens")
        counts = ", ".join(f"{len(d[k])} {k}" for k in ("entities", "actors", "quotes", "stance", "relations", "frames"))
        lines.append(f"  {counts}")
        if a.get("sentiment"):
            lines.append(f"  sentiment: {a['sentiment']}")
        if a.get("dominant_frames"):
            lines.append(f"  dominant frames: {a['dominant_frames']}")
        if a.get("dyads"):
            lines.append(f"  dyads: {a['dyads']}")
    lines.append(SUMMARY_LAST_LINE)
    return "\n".join(lines)


def _cmd_render(args: argparse.Namespace) -> int:
    from .render import render

    result = render(notebooks=args.notebook, corpus=args.corpus, out=args.out, params=dict(args.parameter),
                    progress=not args.quiet, notebook_dir=args.notebook_dir, force=args.force, jobs=args.jobs)
    return 0 if result.ok else 1


def _cmd_notebooks(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .classroom import copy_lessons

    if args.notebooks_command != "copy":
        parser.parse_args(["notebooks", "--help"])
        return 2
    written = copy_lessons(args.dest)
    dest = Path(args.dest)
    lessons = sum(p.suffix == ".ipynb" and p.parent == dest for p in written)
    dictionaries = sum(dest / "resources" in p.parents for p in written)  # packs/ included
    print(f"copied {lessons} lessons, the seed article, the coding sheet and {dictionaries} dictionaries into {dest}")
    print(f"next: cd {dest} && jupyter lab   (or `newslab render` there to render your copies into reports/)")
    return 0


def _cmd_data(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .nltkdata import data_status, install

    if args.data_command == "status":
        table = data_status()
        for row in table.itertuples():
            mark = "present" if row.present else "missing"
            print(f"{row.package:32s} {mark:8s} {row.enables}")
        print("\nnewslab's default path needs none of these. Install with "
              "`newslab data install [PACKAGE ...] [--from DIR]`.")
        return 0
    if args.data_command == "install":
        done = install(args.packages or None, source=args.source, target=args.target)
        print(f"installed: {', '.join(done) if done else 'nothing'}")
        return 0 if done else 1
    parser.parse_args(["data", "--help"])
    return 2


def _cmd_fetch(args: argparse.Namespace) -> int:
    from .fetch import GDELT_ENDPOINT, fetch_corpus

    def show(kind: str, url: str, detail: str) -> None:
        if kind == "failed":
            print(f"newslab: failed {url}: {detail}", file=sys.stderr)
        elif kind == "listed":
            print(f"GDELT listed {detail}")
        elif kind == "fetched":
            print(f"fetched {url} -> {detail}")

    report = fetch_corpus(args.out, args.urls, gdelt_query=args.gdelt_query, start=args.start, end=args.end,
                          gdelt_endpoint=args.gdelt_endpoint or GDELT_ENDPOINT, max_records=args.max_records,
                          delay=args.delay, timeout=args.timeout, contact=args.contact, on_event=show)
    print(report.summary())
    return 0 if report.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newslab`` command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    warnings.simplefilter("default")
    warnings.formatwarning = lambda msg, cat, *a, **k: f"newslab: warning: {msg}\n"  # type: ignore[assignment]
    try:
        if args.command == "analyze":
            return _cmd_analyze(args)
        if args.command == "render":
            return _cmd_render(args)
        if args.command == "notebooks":
            return _cmd_notebooks(args, parser)
        if args.command == "fetch":
            return _cmd_fetch(args)
        return _cmd_data(args, parser)
    except NewslabError as exc:
        print(f"newslab: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        resumable = args.command == "analyze" and args.format == "parquet" or args.command == "fetch"
        print("newslab: interrupted." + (" Run the same command again to go on from where it stopped (finished "
                                          "work is kept)." if resumable else ""), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
