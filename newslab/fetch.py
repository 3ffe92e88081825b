"""Build a corpus from the web, on an explicit user command (``newslab fetch``).

This is newslab's only network code: nothing here runs at import or analysis time, and no other
module downloads anything. From a text file of URLs (one per line; blank lines and ``#``
comments ignored) and, optionally, a GDELT DOC 2.0 article-list query, :func:`fetch` downloads
each page with :mod:`urllib`, extracts the article with trafilatura (title, date, site name as
``source``) and writes ``OUT/<slug>.txt`` (title on the first line, then the text, as
:func:`newslab.io.load_article` expects) and ``OUT/<slug>.meta.yml`` (title, date, source, url,
fetched_at), ready for ``newslab analyze OUT`` and ``newslab render --corpus OUT``.

Polite by default: one request at a time, a delay between two requests to the same site
(``delay``, 1 s; longer when the site's robots.txt asks for a ``Crawl-delay``), a User-Agent
naming newslab and its version, robots.txt respected, a timeout on every request, and sites
taken in turn so that no site gets a burst. Resumable: ``OUT/fetch_log.jsonl`` records every
attempt, and a URL whose article is already in OUT is not fetched again. A URL that fails (an
HTTP error such as 404, a timeout, a page that is not HTML, a robots.txt disallow, a page with
no article text) is listed with its reason in the log and to ``on_event``, and the run goes on.
Nothing in OUT is ever overwritten: a new article whose name is taken gets a ``-2`` suffix.

Example (the URL list and the query URL; the download itself needs a network):

>>> gdelt_query_url("India China border", "2024-03-01", "2024-03-07", max_records=50)
'https://api.gdeltproject.org/api/v2/doc/doc?query=India%20China%20border&mode=artlist&format=json&maxrecords=50&startdatetime=20240301000000&enddatetime=20240307235959'
"""
from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import re
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from .errors import InputError, InputNotFoundError, ParameterError
from .io import FETCH_LOG_NAME
from .version import __version__

GDELT_ENDPOINT = "https://api.gdeltproject.org/api/v2/doc/doc"
USER_AGENT = (f"newslab/{__version__} (framing analysis of news for teaching and research; "
              "one request at a time, robots.txt respected)")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_BYTES = 5_000_000  # a news page is well under this; more is a file, not an article
MIN_WORDS = 10  # as newslab.io.load_html: fewer words is navigation or a stub, not an article

OnEvent = Callable[[str, str, str], None]
"""Called with ``(kind, url, detail)``: kind is ``"fetched"`` (detail: the file written),
``"kept"`` (already in OUT), ``"failed"`` (detail: the reason) or ``"listed"`` (the GDELT query;
detail: how many articles it listed)."""


class FetchFailure(Exception):
    """One URL could not be turned into an article; ``str(exc)`` is the reason shown to the user,
    ``status`` the HTTP status when the server answered with an error."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


@dataclass
class Target:
    """A URL to fetch, with what a GDELT listing says about it (used where the page says nothing)."""

    url: str
    title: str = ""
    date: str = ""
    source: str = ""
    language: str = ""


@dataclass
class FetchReport:
    """What a :func:`fetch` run did: ``fetched`` and ``kept`` as ``(url, file name)``, ``failed``
    as ``(url, reason)``."""

    out: Path
    fetched: list[tuple[str, str]] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when OUT holds at least one article of this run's URLs (new or from before)."""
        return bool(self.fetched or self.kept)

    def summary(self) -> str:
        """One line for the user.

        >>> r = FetchReport(Path("corpus"), fetched=[("http://a/1", "a.txt")], failed=[("http://a/2", "HTTP 404 Not Found")])
        >>> r.summary()
        'fetched 1 new article into corpus (0 already there, 1 failed: 1 HTTP 404) — analyze them with `newslab analyze corpus`'
        """
        kinds: dict[str, int] = {}
        for _, reason in self.failed:
            kind = " ".join(reason.split()[:2]) if reason.startswith("HTTP") else reason.split(" (")[0].split(":")[0]
            kinds[kind] = kinds.get(kind, 0) + 1
        why = ": " + ", ".join(f"{n} {k}" for k, n in kinds.items()) if kinds else ""
        n = len(self.fetched)
        return (f"fetched {n} new article{'s' if n != 1 else ''} into {self.out} ({len(self.kept)} already "
                f"there, {len(self.failed)} failed{why}) — analyze them with `newslab analyze {self.out}`")


# -- inputs -------------------------------------------------------------------------------------
def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """The URLs of a text file: one per line; blank lines and ``#`` comments are ignored.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "urls.txt"
    >>> _ = p.write_text("# Delhi–Beijing talks\\nhttps://example.org/a  # first\\n\\nhttps://example.org/b\\n")
    >>> read_url_list(p)
    ['https://example.org/a', 'https://example.org/b']
    """
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"{p}: no such file — pass a text file with one URL per line.")
    if p.is_dir():
        raise InputError(f"{p}: is a folder — pass a text file with one URL per line.")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError):
        raise InputError(f"{p}: cannot be read as UTF-8 text — save it as a plain text file with one URL per line.") from None
    # A comment is a line starting with "#", or " #" after a URL; a "#" inside a URL is a fragment.
    urls = [u for u in (re.split(r"\s#", line, maxsplit=1)[0].strip() for line in text.splitlines())
            if u and not u.startswith("#")]
    if not urls:
        raise InputError(f"{p}: holds no URLs — write one URL per line (lines starting with # are comments).")
    return urls


def parse_day(value: str, option: str) -> dt.date:
    """A ``YYYY-MM-DD`` date from the command line; ParameterError naming the option otherwise.

    >>> parse_day("2024-03-05", "--start")
    datetime.date(2024, 3, 5)
    """
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ParameterError(f"{option} {value}: give a date as YYYY-MM-DD, such as 2024-03-05.") from None


def gdelt_query_url(query: str, start: str | dt.date | None = None, end: str | dt.date | None = None, *,
                    endpoint: str = GDELT_ENDPOINT, max_records: int = 75) -> str:
    """The GDELT DOC 2.0 API URL listing articles (``mode=artlist&format=json``) for a query.

    ``start`` and ``end`` are days (``end`` included). GDELT's DOC API searches roughly the last
    three months, and lists at most 250 articles per query.

    >>> gdelt_query_url('"European Union" fisheries', endpoint="http://127.0.0.1:8000/doc", max_records=10)
    'http://127.0.0.1:8000/doc?query=%22European%20Union%22%20fisheries&mode=artlist&format=json&maxrecords=10'
    """
    if not query.strip():
        raise ParameterError("--gdelt-query is empty: give the words to search for, such as \"India China border\".")
    if not 1 <= max_records <= 250:
        raise ParameterError(f"--max-records {max_records}: GDELT lists 1 to 250 articles per query.")
    first = parse_day(start, "--start") if isinstance(start, str) else start
    last = parse_day(end, "--end") if isinstance(end, str) else end
    if first and last and first > last:
        raise ParameterError(f"--start {first} is after --end {last}: give the earlier day as --start.")
    params = {"query": query.strip(), "mode": "artlist", "format": "json", "maxrecords": str(max_records)}
    if first:
        params["startdatetime"] = first.strftime("%Y%m%d000000")
    if last:
        params["enddatetime"] = last.strftime("%Y%m%d235959")
    return f"{endpoint}?{urllib.parse.urlencode(params, quote_via=urllib.parse.quote)}"


def gdelt_day(seendate: str) -> str:
    """``YYYY-MM-DD`` of a GDELT ``seendate`` such as ``20240305T081500Z`` ('' if it is not one).

    >>> gdelt_day("20240305T081500Z"), gdelt_day("")
    ('2024-03-05', '')
    """
    m = re.match(r"(\d{4})(\d{2})(\d{2})", seendate or "")
    return f"{m[1]}-{m[2]}-{m[3]}" if m else ""


def parse_gdelt_articles(payload: str | bytes) -> list[Target]:
    """The articles of a GDELT DOC 2.0 ``artlist`` JSON answer, as :class:`Target` objects.

    GDELT answers a query it cannot run with a sentence instead of JSON; that sentence is raised
    as :class:`FetchFailure`.

    >>> doc = '{"articles": [{"url": "https://news.example/uk-eu", "title": "UK and EU settle fish quotas",'
    >>> doc += ' "seendate": "20240305T081500Z", "domain": "news.example", "language": "English"}]}'
    >>> parse_gdelt_articles(doc)
    [Target(url='https://news.example/uk-eu', title='UK and EU settle fish quotas', date='2024-03-05', source='news.example', language='English')]
    >>> parse_gdelt_articles("Your search contained a phrase that was too short.")
    Traceback (most recent call last):
    ...
    newslab.fetch.FetchFailure: GDELT answered: Your search contained a phrase that was too short.
    """
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
    if not text.strip():
        return []  # GDELT sends an empty body when nothing matches
    try:
        data = json.loads(text, strict=False)  # GDELT's titles can hold raw control characters
    except json.JSONDecodeError:
        raise FetchFailure(f"GDELT answered: {' '.join(text.split())[:200]}") from None
    rows = data.get("articles", []) if isinstance(data, dict) else []
    return [Target(url=str(a["url"]).strip(), title=str(a.get("title") or "").strip(),
                   date=gdelt_day(str(a.get("seendate") or "")), source=str(a.get("domain") or ""),
                   language=str(a.get("language") or ""))
            for a in rows if isinstance(a, dict) and a.get("url")]


def site_of(url: str) -> str:
    """The site a URL belongs to (scheme and host, with the port): the unit of politeness.

    >>> site_of("https://News.Example:8443/world/a?x=1")
    'https://news.example:8443'
    """
    u = urllib.parse.urlsplit(url)
    return f"{u.scheme.lower()}://{u.netloc.lower()}"


def interleave(targets: Iterable[Target]) -> list[Target]:
    """Targets taken one site at a time, in turn, each site's in their order, so that the delay
    for one site is spent fetching from the others.

    >>> [t.url for t in interleave([Target("http://a/1"), Target("http://a/2"), Target("http://b/1")])]
    ['http://a/1', 'http://b/1', 'http://a/2']
    """
    by_site: dict[str, list[Target]] = {}
    for t in targets:
        by_site.setdefault(site_of(t.url), []).append(t)
    queues = list(by_site.values())
    out: list[Target] = []
    while queues:
        out.extend(q.pop(0) for q in queues)
        queues = [q for q in queues if q]
    return out


def slugify(text: str, max_len: int = 60) -> str:
    """A file-name-safe slug: accents dropped, lower case, words joined by ``-``, at most
    ``max_len`` characters, cut at a word.

    >>> slugify("Türkiye and Russia: the S-400 deal, five years on")
    'turkiye-and-russia-the-s-400-deal-five-years-on'
    >>> slugify("Индия и Китай", 12)
    'индия-и'
    """
    flat = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[\W_]+", "-", flat.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len + 1].rsplit("-", 1)[0] if "-" in slug[:max_len + 1] else slug[:max_len]
    return slug.strip("-")


# -- the polite client --------------------------------------------------------------------------
@dataclass
class Page:
    """A downloaded page: the URL it came from after redirects, its content type, its bytes."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


class PoliteClient:
    """One request at a time, a pause between two requests to one site, robots.txt obeyed.

    ``delay`` is the least time in seconds between the end of one request to a site and the
    start of the next (a robots.txt ``Crawl-delay`` for newslab lengthens it, up to a minute);
    ``timeout`` bounds the connection and each read. robots.txt is read once per site: a 401 or
    403 answer disallows the whole site, another 4xx (no robots.txt) allows it, and a 5xx or a
    network error skips the site for this run, since its rules are unknown.

    >>> client = PoliteClient(delay=0.5, timeout=5, user_agent="newslab-test/0")
    >>> client.user_agent, client.site_delay("http://127.0.0.1:9")
    ('newslab-test/0', 0.5)
    """

    def __init__(self, *, delay: float = 1.0, timeout: float = 20.0, user_agent: str = USER_AGENT) -> None:
        self.delay, self.timeout, self.user_agent = delay, timeout, user_agent
        self._last: dict[str, float] = {}  # site -> when its last request ended (monotonic clock)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}  # str: why the site is skipped
        self._opener = urllib.request.build_opener(_CheckedRedirect(self))

    def site_delay(self, site: str) -> float:
        """Seconds between two requests to ``site``: ``delay``, or the site's Crawl-delay if longer."""
        rules = self._robots.get(site)
        asked = rules.crawl_delay(self.user_agent) if isinstance(rules, urllib.robotparser.RobotFileParser) else None
        return max(self.delay, min(float(asked or 0), 60.0))

    def _wait_turn(self, site: str) -> None:
        last = self._last.get(site)
        if last is not None:
            pause = last + self.site_delay(site) - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def get(self, url: str, accept: str = "text/html,application/xhtml+xml") -> Page:
        """Download ``url`` (at most :data:`MAX_BYTES`, within ``timeout`` seconds in all);
        :class:`FetchFailure` says why not. A redirect is followed only to an http(s) page that
        the robots.txt of its site allows."""
        site = site_of(url)
        self._wait_turn(site)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": accept})
        try:
            with self._opener.open(request, timeout=self.timeout) as resp:
                body = self._read_body(resp, time.monotonic() + self.timeout)
                return Page(resp.geturl(), resp.headers.get_content_type() if resp.headers.get("Content-Type") else "",
                            resp.headers.get_content_charset(), body)
        except urllib.error.HTTPError as exc:
            exc.close()
            raise FetchFailure(f"HTTP {exc.code} {exc.reason}", exc.code) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise FetchFailure(f"timeout (no answer within {self.timeout:g} s)") from None
            raise FetchFailure(f"network error ({exc.reason})") from None
        except TimeoutError:
            raise FetchFailure(f"timeout (no answer within {self.timeout:g} s)") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchFailure(f"network error ({exc.__class__.__name__}: {exc})") from None
        finally:
            self._last[site] = time.monotonic()

    def _read_body(self, resp: Any, deadline: float) -> bytes:
        # Chunk by chunk, so that a server sending a byte now and then cannot hold the run forever.
        chunks: list[bytes] = []
        size = 0
        while chunk := resp.read1(65536):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchFailure(f"too large (over {MAX_BYTES // 1_000_000} MB), not an article page")
            if time.monotonic() > deadline:
                raise FetchFailure(f"timeout (the page took more than {self.timeout:g} s)")
        return b"".join(chunks)

    def check_robots(self, url: str) -> None:
        """Raise :class:`FetchFailure` unless the site's robots.txt lets newslab fetch ``url``."""
        site = site_of(url)
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        if isinstance(rules, str):
            raise FetchFailure(rules)
        if not rules.can_fetch(self.user_agent, url):
            raise FetchFailure("robots disallow (the site's robots.txt does not let newslab fetch this page)")

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | str:
        rules = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
        try:
            page = self.get(f"{site}/robots.txt", accept="text/plain")
        except FetchFailure as exc:
            if exc.status in (401, 403):
                rules.disallow_all = True
            elif exc.status is not None and 400 <= exc.status < 500:
                rules.allow_all = True
            else:
                return f"robots.txt unreadable ({exc}), so the site is skipped this run"
            return rules
        rules.parse(page.body.decode(page.charset or "utf-8", "replace").splitlines())
        return rules


class _CheckedRedirect(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an http(s) page that the robots.txt of its site allows, after
    the pause that site is owed."""

    def __init__(self, client: PoliteClient) -> None:
        self.client = client

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        try:
            if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
                raise FetchFailure(f"redirected to {newurl}, not an http:// or https:// URL")
            if not newurl.endswith("/robots.txt"):
                try:
                    self.client.check_robots(newurl)
                except FetchFailure as exc:
                    raise FetchFailure(f"{exc} — redirected to {newurl}") from None
        except FetchFailure:
            fp.close()
            raise
        target = site_of(newurl)
        if target != site_of(req.full_url):  # another site: it waits its own turn too
            self.client._wait_turn(target)
            self.client._last[target] = time.monotonic()
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# -- extraction and files -----------------------------------------------------------------------
def extract_article(page: Page) -> dict[str, str]:
    """Title, date, source (the site name) and text of a downloaded HTML page, by trafilatura.

    The text's paragraphs are separated by blank lines, and a first line repeating the title is
    dropped; :class:`FetchFailure` when the page holds no article text.
    """
    import trafilatura  # here, not at import: only `newslab fetch` needs it

    html: str | bytes = page.body
    if page.charset:
        try:
            html = page.body.decode(page.charset, "replace")
        except LookupError:  # an unknown charset name: trafilatura guesses from the bytes
            pass
    doc = trafilatura.bare_extraction(html, url=page.url, include_comments=False, with_metadata=True)
    data = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    title = " ".join((data.get("title") or "").split())
    lines = [" ".join(line.split()) for line in (data.get("text") or "").splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].lower() == title.lower():
        lines = lines[1:]
    if sum(len(line.split()) for line in lines) < MIN_WORDS:
        raise FetchFailure("extraction empty (no article text found in the page)")
    return {"title": title, "date": str(data.get("date") or ""), "source": str(data.get("sitename") or ""),
            "text": "\n\n".join(lines)}


SIDECAR_SUFFIXES = (".txt", ".meta.yml", ".meta.yaml", ".meta.json", ".html", ".htm")


def free_stem(out: Path, stem: str) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` … : the first name no file in ``out`` already uses,
    so that nothing there is ever overwritten.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "x.txt").write_text("mine")
    >>> free_stem(d, "x"), free_stem(d, "y")
    ('x-2', 'y')
    """
    n, name = 1, stem
    while any((out / f"{name}{suffix}").exists() for suffix in SIDECAR_SUFFIXES):
        n += 1
        name = f"{stem}-{n}"
    return name


def article_stem(meta: dict[str, str]) -> str:
    """``<source>_<date>_<title>``, as the seed article's file name.

    >>> article_stem({"source": "Teaching Times", "date": "2024-03-05", "title": "India and China pull back"})
    'teaching-times_2024-03-05_india-and-china-pull-back'
    """
    return "_".join((slugify(meta.get("source", ""), 30) or "web", meta.get("date") or "undated",
                     slugify(meta.get("title", "")) or "untitled"))


def _write_atomic(path: Path, text: str) -> None:
    part = path.with_name(f".{path.name}.part")  # hidden: a run stopped here leaves no article behind
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)


def write_article(out: Path, meta: dict[str, str], text: str) -> str:
    """Write ``<stem>.meta.yml`` then ``<stem>.txt`` (title line, blank line, text) into ``out``;
    returns the ``.txt`` file name."""
    stem = free_stem(out, article_stem(meta))
    header = "# written by newslab fetch: the metadata of the article in the .txt file of the same name\n"
    _write_atomic(out / f"{stem}.meta.yml", header + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False))
    _write_atomic(out / f"{stem}.txt", f"{meta['title']}\n\n{text}\n")
    return f"{stem}.txt"


# -- the log and the run ------------------------------------------------------------------------
def check_out_folder(out: str | os.PathLike[str]) -> Path:
    """The folder to write into, created if need be; InputError if a file is in the way.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "notes.txt").write_text("mine")
    >>> check_out_folder(d / "notes.txt")
    Traceback (most recent call last):
    ...
    newslab.errors.InputError: --out .../notes.txt is a file, and newslab fetch writes one .txt and one .meta.yml per article into a folder — pass a folder name, such as .../corpus.
    """
    p = Path(out)
    blocker = next((q for q in (p, *p.parents) if q.exists() and not q.is_dir()), None)
    if blocker is not None:
        raise InputError(f"--out {p} is a file, and newslab fetch writes one .txt and one .meta.yml per article "
                         f"into a folder — pass a folder name, such as {p.parent / 'corpus'}.")
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {p}: the folder cannot be created ({exc.strerror}) — pass a folder you may write in.") from None
    return p


class FetchLog:
    """``OUT/fetch_log.jsonl``: one JSON line per attempt (``url``, ``ok``, then ``file`` or
    ``reason``, ``at``). ``done`` maps each URL whose article is still in OUT to its file name."""

    def __init__(self, out: Path) -> None:
        self.path = out / FETCH_LOG_NAME
        self.done: dict[str, str] = {}
        if not self.path.exists():
            return
        lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        entries = [self._entry(line) for line in lines if line.strip()]
        if entries and entries[0] is None:  # a file of the user's that happens to have this name
            raise InputError(f"{self.path}: is not newslab's fetch log — move it out of the folder, "
                             "or pass another --out folder.")
        for e in entries:  # a broken last line (a run killed mid-write) is simply not counted
            if e and e["ok"] and (out / str(e.get("file", ""))).is_file():
                self.done[e["url"]] = str(e["file"])

    @staticmethod
    def _entry(line: str) -> dict[str, Any] | None:
        try:
            e = json.loads(line)
        except json.JSONDecodeError:
            return None
        return e if isinstance(e, dict) and "url" in e and "ok" in e else None

    def add(self, url: str, *, file: str = "", reason: str = "") -> None:
        """Append one attempt (flushed at once, so an interrupted run keeps what it did)."""
        entry = {"url": url, "ok": bool(file), **({"file": file} if file else {"reason": reason}), "at": now_utc()}
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")


def now_utc() -> str:
    """The time now, UTC, to the second: ``2024-03-05T08:15:00Z``."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fetch_one(client: PoliteClient, target: Target, out: Path) -> str:
    """Fetch one page into ``out``; the ``.txt`` file name, or :class:`FetchFailure` saying why not."""
    if urllib.parse.urlsplit(target.url).scheme not in ("http", "https") or not urllib.parse.urlsplit(target.url).netloc:
        raise FetchFailure("not an http:// or https:// URL")
    client.check_robots(target.url)
    page = client.get(target.url)
    looks_html = page.body.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html"))
    if page.content_type not in HTML_TYPES and not (not page.content_type and looks_html):
        raise FetchFailure(f"not an HTML page (content type {page.content_type or 'not given'})")
    found = extract_article(page)
    meta = {"title": found["title"] or target.title or target.url, "date": found["date"] or target.date,
            "source": found["source"] or target.source or urllib.parse.urlsplit(page.url).hostname or "",
            "url": target.url, "fetched_at": now_utc()}
    if target.language:
        meta["language"] = target.language
    return write_article(out, meta, found["text"])


def fetch(targets: Iterable[str | Target], out: str | os.PathLike[str], *, delay: float = 1.0,
          timeout: float = 20.0, user_agent: str = USER_AGENT, client: PoliteClient | None = None,
          on_event: OnEvent | None = None) -> FetchReport:
    """Fetch each URL into the folder ``out``: one ``.txt`` + ``.meta.yml`` per article.

    URLs already in ``out`` (by its fetch log) are kept, not fetched again; every failure is
    reported and logged, and the run goes on. See the module docstring for the politeness rules.

    >>> import tempfile
    >>> report = fetch(["ftp://files.example/eu-uk-quotas.html"], tempfile.mkdtemp(), delay=0)
    >>> report.failed, report.ok
    ([('ftp://files.example/eu-uk-quotas.html', 'not an http:// or https:// URL')], False)
    """
    folder = check_out_folder(out)
    log = FetchLog(folder)
    client = client or PoliteClient(delay=delay, timeout=timeout, user_agent=user_agent)
    report = FetchReport(Path(out))
    tell = on_event or _quiet
    seen: set[str] = set()
    todo: list[Target] = []
    for t in targets:
        t = Target(t) if isinstance(t, str) else t
        t = replace(t, url=urllib.parse.urldefrag(t.url.strip())[0])  # a #fragment is never sent
        if t.url in seen:
            continue
        seen.add(t.url)
        if t.url in log.done:
            report.kept.append((t.url, log.done[t.url]))
            tell("kept", t.url, log.done[t.url])
        else:
            todo.append(t)
    for t in interleave(todo):
        try:
            name = fetch_one(client, t, folder)
        except FetchFailure as exc:
            report.failed.append((t.url, str(exc)))
            log.add(t.url, reason=str(exc))
            tell("failed", t.url, str(exc))
            continue
        report.fetched.append((t.url, name))
        log.add(t.url, file=name)
        tell("fetched", t.url, name)
    return report


def fetch_corpus(out: str | os.PathLike[str], url_file: str | os.PathLike[str] | None = None, *,
                 gdelt_query: str | None = None, start: str | None = None, end: str | None = None,
                 gdelt_endpoint: str = GDELT_ENDPOINT, max_records: int = 75, delay: float = 1.0,
                 timeout: float = 20.0, contact: str | None = None,
                 on_event: OnEvent | None = None) -> FetchReport:
    """``newslab fetch``: the URLs of ``url_file`` and those a GDELT query lists, into ``out``.

    Every argument is checked before the first request. A GDELT query that fails is reported
    (and logged) like a page that fails, and the URL file is still fetched.

    >>> fetch_corpus("corpus", gdelt_query="Iran sanctions", start="2024-04-30", end="2024-04-01")
    Traceback (most recent call last):
    ...
    newslab.errors.ParameterError: --start 2024-04-30 is after --end 2024-04-01: give the earlier day as --start.
    """
    if url_file is None and not gdelt_query:
        raise ParameterError("nothing to fetch: pass a file of URLs (one per line), or --gdelt-query \"WORDS\".")
    if (start or end) and not gdelt_query:
        raise ParameterError("--start and --end are the dates of a GDELT query: add --gdelt-query \"WORDS\", or drop them.")
    if delay < 0 or timeout <= 0:
        raise ParameterError(f"--delay {delay:g} / --timeout {timeout:g}: give a delay of 0 or more seconds and a "
                             "timeout of more than 0 seconds, such as --delay 1 --timeout 20.")
    targets: list[Target] = [Target(u) for u in read_url_list(url_file)] if url_file is not None else []
    query_url = gdelt_query_url(gdelt_query, start, end, endpoint=gdelt_endpoint, max_records=max_records) \
        if gdelt_query else None
    folder = check_out_folder(out)
    log = FetchLog(folder)  # refuses a user's file that has the log's name, before any request
    client = PoliteClient(delay=delay, timeout=timeout, user_agent=f"{USER_AGENT} +{contact}" if contact else USER_AGENT)
    tell = on_event or _quiet
    failed: list[tuple[str, str]] = []
    if query_url:
        try:
            listed = parse_gdelt_articles(client.get(query_url, accept="application/json").body)
        except FetchFailure as exc:
            failed.append((query_url, f"GDELT query failed: {exc}"))
            log.add(query_url, reason=failed[-1][1])
            tell("failed", *failed[-1])
        else:
            tell("listed", query_url, f"{len(listed)} articles")
            targets += listed
    report = fetch(targets, folder, client=client, on_event=on_event)
    report.out = Path(out)
    report.failed[:0] = failed
    return report


def _quiet(kind: str, url: str, detail: str) -> None:
    """The default ``on_event``: say nothing (the report says it all at the end)."""
