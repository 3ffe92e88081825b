"""`newslab fetch` against a local web site on 127.0.0.1 (no test touches the internet).

The site serves article pages written for these tests (invented stories: India–China, US–Iran,
EU–UK), a robots.txt, a slow page, an image, a page without article text and a GDELT-shaped
JSON listing; anything else is a 404.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from newslab import __version__
from newslab.cli import main
from newslab.fetch import FetchFailure, FetchLog, PoliteClient, fetch

ROOT = Path(__file__).resolve().parents[1]


def page(title: str, site: str, paragraphs: list[str], date: str | None = None) -> bytes:
    when = f'<meta property="article:published_time" content="{date}T07:30:00Z">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>'
            f'<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">{when}'
            f'</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
            f"<article><h1>{title}</h1>{body}</article><footer>© {site}. All rights reserved.</footer>"
            "</body></html>").encode("utf-8")


INDIA_CHINA = page(
    "India and China agree to pull troops back from a Himalayan pass", "Teaching Times", [
        "Delhi and Beijing said on Tuesday that their soldiers would step back from a disputed mountain "
        "pass after a fourth round of talks between corps commanders.",
        "\u201cWe have found a way to keep the peace without giving up our claims,\u201d an Indian official "
        "told reporters, while the Chinese foreign ministry called the deal a sign of mutual trust.",
        "Analysts warned that the two armies still face each other along much of the frontier and that a "
        "single patrol clash could undo the agreement."], date="2024-03-05")
US_IRAN = page(
    "Washington and Tehran resume indirect talks in Muscat", "Gulf Ledger", [
        "American and Iranian negotiators returned to Oman on Thursday for a new round of indirect talks, "
        "with Omani diplomats carrying messages between the two delegations.",
        "Iran's deputy foreign minister said his country wanted sanctions relief before any limit on its "
        "enrichment, and a State Department spokesman said the United States would judge Tehran by its deeds.",
        "Neither side expected a breakthrough this week, but both said the channel would stay open."],
    date="2024-04-11")
EU_UK = page(  # no date in the page: the GDELT listing supplies it
    "Brussels and London settle next year's fishing quotas", "Channel Post", [
        "The European Union and the United Kingdom reached a deal late on Monday on how much cod, haddock "
        "and mackerel their fleets may land next year.",
        "A British minister praised a fair outcome for coastal towns, while French fishing crews complained "
        "that the licences for small boats were still too few.",
        "The agreement follows weeks of talks in which both sides accused the other of stalling."])
NO_TEXT = b"<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class Site:
    """A tiny web site in a thread; ``hits`` records (path with query, User-Agent, start time)."""

    def __init__(self, routes: dict[str, tuple[int, str, bytes]], slow: float = 1.5) -> None:
        self.routes, self.hits, self.slow = routes, [], slow
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.hits.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
                if self.path.startswith("/slow"):
                    time.sleep(site.slow)
                if self.path.startswith("/drip"):  # a byte every 0.05 s: no single read times out
                    return self._drip()
                status, ctype, body = site.routes.get(urllib.parse.urlsplit(self.path).path,
                                                      (404, "text/html", b"<html><body>Not here</body></html>"))
                try:
                    self.send_response(status)
                    # A redirect's "content type" slot holds where it points.
                    self.send_header("Location" if 300 <= status < 400 else "Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up waiting (the timeout test)
                    pass

            def _drip(self) -> None:
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", HTML)
                    self.send_header("Content-Length", "100")
                    self.end_headers()
                    for _ in range(40):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.05)
                except OSError:
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def paths(self) -> list[str]:
        return [h[0] for h in self.hits]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


HTML = "text/html; charset=utf-8"
ROUTES = {
    "/robots.txt": (200, "text/plain", ROBOTS),
    "/world/india-china-pass.html": (200, HTML, INDIA_CHINA),
    "/world/us-iran-muscat.html": (200, HTML, US_IRAN),
    "/europe/eu-uk-fish.html": (200, HTML, EU_UK),
    "/private/india-china-pass.html": (200, HTML, INDIA_CHINA),
    "/slow.html": (200, HTML, US_IRAN),
    "/charts/quotas.png": (200, "image/png", PNG),
    "/menu.html": (200, HTML, NO_TEXT),
    "/moved/us-iran.html": (301, "/world/us-iran-muscat.html", b""),
    "/moved/secret.html": (302, "/private/india-china-pass.html", b""),
}


@pytest.fixture()
def site():
    s = Site(dict(ROUTES))
    yield s
    s.close()


def url_file(tmp_path: Path, site: Site, *paths: str) -> Path:
    lines = ["# invented teaching pages on a local test site", ""]
    lines += [f"{site.base}{p}   # {p.rsplit('/', 1)[-1]}" for p in paths]
    f = tmp_path / "urls.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


FAST = ["--delay", "0", "--timeout", "0.5"]
GOOD = ("/world/india-china-pass.html", "/world/us-iran-muscat.html")
BAD = {"/no-such-story.html": "HTTP 404 Not Found", "/slow.html": "timeout (no answer within 0.5 s)",
       "/charts/quotas.png": "not an HTML page (content type image/png)",
       "/private/india-china-pass.html": "robots disallow", "/menu.html": "extraction empty"}


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_fetch_round_trips_into_analyze_and_lists_each_failure(tmp_path, site, capsys):
    urls = url_file(tmp_path, site, GOOD[0], *BAD, GOOD[1])
    out = tmp_path / "corpus"
    code, stdout, stderr = run(["fetch", urls, "--out", out, *FAST], capsys)
    assert code == 0
    assert stdout.strip().splitlines()[-1] == (
        f"fetched 2 new articles into {out} (0 already there, 5 failed: 1 HTTP 404, 1 timeout, 1 not an HTML "
        f"page, 1 robots disallow, 1 extraction empty) — analyze them with `newslab analyze {out}`")
    for path, reason in BAD.items():  # every failure on stderr, with its reason, and the run went on
        assert f"newslab: failed {site.base}{path}: {reason}" in stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "fetch_log.jsonl",
        "gulf-ledger_2024-04-11_washington-and-tehran-resume-indirect-talks-in-muscat.meta.yml",
        "gulf-ledger_2024-04-11_washington-and-tehran-resume-indirect-talks-in-muscat.txt",
        "teaching-times_2024-03-05_india-and-china-agree-to-pull-troops-back-from-a-himalayan.meta.yml",
        "teaching-times_2024-03-05_india-and-china-agree-to-pull-troops-back-from-a-himalayan.txt"]
    txt = (out / "teaching-times_2024-03-05_india-and-china-agree-to-pull-troops-back-from-a-himalayan.txt")
    lines = txt.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == ["India and China agree to pull troops back from a Himalayan pass", "",
                         "Delhi and Beijing said on Tuesday that their soldiers would step back from a "
                         "disputed mountain pass after a fourth round of talks between corps commanders."]
    assert "All rights reserved" not in txt.read_text(encoding="utf-8")  # page furniture left out
    meta = yaml.safe_load(txt.with_suffix("").with_suffix(".meta.yml").read_text(encoding="utf-8"))
    assert set(meta) == {"title", "date", "source", "url", "fetched_at"}
    assert (meta["source"], meta["date"], meta["url"]) == ("Teaching Times", "2024-03-05", site.base + GOOD[0])
    log = [json.loads(line) for line in (out / "fetch_log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((e["url"].removeprefix(site.base), e["ok"], e.get("reason", e.get("file"))[:15]) for e in log) == sorted(
        [(p, False, r[:15]) for p, r in BAD.items()] + [(GOOD[0], True, "teaching-times_"), (GOOD[1], True, "gulf-ledger_202")])

    code, stdout, stderr = run(["analyze", out, "--json"], capsys)
    assert code == 0 and "skipped" not in stderr  # the fetch log is newslab's own, not an input
    docs = {d["article"]["source"]: d["article"] for d in json.loads(stdout)}
    assert {k: (a["title"], a["date"]) for k, a in docs.items()} == {
        "Teaching Times": ("India and China agree to pull troops back from a Himalayan pass", "2024-03-05"),
        "Gulf Ledger": ("Washington and Tehran resume indirect talks in Muscat", "2024-04-11")}
    assert docs["Gulf Ledger"]["n_paragraphs"] == 3


def test_polite_user_agent_robots_once_and_never_a_disallowed_page(tmp_path, site, capsys):
    urls = url_file(tmp_path, site, *GOOD, "/private/india-china-pass.html")
    code, _, _ = run(["fetch", urls, "--out", tmp_path / "c", *FAST, "--contact", "teacher@school.example"], capsys)
    assert code == 0
    assert site.paths() == ["/robots.txt", *GOOD]  # robots.txt read once, first; /private/ never asked for
    assert {h[1] for h in site.hits} == {
        f"newslab/{__version__} (framing analysis of news for teaching and research; one request at a time, "
        "robots.txt respected) +teacher@school.example"}


def test_delay_between_two_requests_to_one_site(tmp_path, site, capsys):
    urls = url_file(tmp_path, site, *GOOD)
    assert run(["fetch", urls, "--out", tmp_path / "c", "--delay", "0.3"], capsys)[0] == 0
    starts = [h[2] for h in site.hits]
    assert len(starts) == 3  # robots.txt, then the two pages, each 0.3 s or more after the last
    assert all(b - a >= 0.3 for a, b in zip(starts, starts[1:]))


@pytest.mark.parametrize("asked, pause", [(2, 2.0), (600, 60.0)])
def test_crawl_delay_of_robots_txt_lengthens_the_pause_up_to_a_minute(site, asked, pause):
    site.routes["/robots.txt"] = (200, "text/plain",
                                  f"User-agent: newslab\nCrawl-delay: {asked}\n\nUser-agent: *\nDisallow: /\n".encode())
    client = PoliteClient(delay=0.1, timeout=2)
    assert client.site_delay(site.base) == 0.1
    client.check_robots(site.base + GOOD[0])  # newslab's own group allows everything
    assert client.site_delay(site.base) == pause


def test_a_site_without_robots_txt_is_open(tmp_path, site, capsys):
    del site.routes["/robots.txt"]
    code, stdout, _ = run(["fetch", url_file(tmp_path, site, *GOOD), "--out", tmp_path / "c", *FAST], capsys)
    assert code == 0 and "fetched 2 new articles" in stdout
    assert site.paths() == ["/robots.txt", *GOOD]


def test_a_page_over_5_mb_is_refused(site):
    site.routes["/huge.html"] = (200, HTML, b"<html><body><p>" + b"talks " * 900_000 + b"</p></body></html>")
    with pytest.raises(FetchFailure, match=r"^too large \(over 5 MB\), not an article page$"):
        PoliteClient(delay=0, timeout=5).get(site.base + "/huge.html")


@pytest.mark.parametrize("status, reason", [
    (403, "robots disallow"), (500, "robots.txt unreadable (HTTP 500 Internal Server Error)")])
def test_robots_txt_forbidden_or_broken_skips_the_site(tmp_path, site, capsys, status, reason):
    site.routes["/robots.txt"] = (status, "text/plain", b"no")
    code, stdout, stderr = run(["fetch", url_file(tmp_path, site, *GOOD), "--out", tmp_path / "c", *FAST], capsys)
    assert code == 1  # nothing fetched
    assert site.paths() == ["/robots.txt"]
    assert stderr.count(reason) == 2
    assert "fetched 0 new articles" in stdout


def test_rerun_keeps_what_it_has_and_retries_failures(tmp_path, site, capsys):
    urls = url_file(tmp_path, site, *GOOD, "/no-such-story.html")
    out = tmp_path / "corpus"
    run(["fetch", urls, "--out", out, *FAST], capsys)
    first = sorted(p.name for p in out.iterdir())
    site.hits.clear()
    code, stdout, _ = run(["fetch", urls, "--out", out, *FAST], capsys)
    assert code == 0
    assert "fetched 0 new articles" in stdout and "(2 already there, 1 failed: 1 HTTP 404)" in stdout
    assert site.paths() == ["/robots.txt", "/no-such-story.html"]  # only the failure is asked for again
    assert sorted(p.name for p in out.iterdir()) == first
    # A file the user deleted is fetched again, under the same name.
    gone = next(out.glob("gulf-ledger_*.txt"))
    gone.unlink()
    gone.with_suffix("").with_suffix(".meta.yml").unlink()
    run(["fetch", urls, "--out", out, *FAST], capsys)
    assert gone.is_file() and sorted(p.name for p in out.iterdir()) == first


def test_never_overwrites_a_file_of_the_users(tmp_path, site, capsys):
    out = tmp_path / "corpus"
    out.mkdir()
    mine = out / "teaching-times_2024-03-05_india-and-china-agree-to-pull-troops-back-from-a-himalayan.txt"
    mine.write_text("My own notes on the Galwan valley.\n", encoding="utf-8")
    assert run(["fetch", url_file(tmp_path, site, GOOD[0]), "--out", out, *FAST], capsys)[0] == 0
    assert mine.read_text(encoding="utf-8") == "My own notes on the Galwan valley.\n"
    new = mine.with_name(mine.stem + "-2.txt")
    assert new.read_text(encoding="utf-8").startswith("India and China agree to pull troops back")
    assert new.with_suffix(".meta.yml").is_file() and not mine.with_suffix(".meta.yml").exists()


def test_gdelt_listing_gives_urls_and_fills_what_pages_lack(tmp_path, site, capsys):
    listing = {"articles": [
        {"url": site.base + "/europe/eu-uk-fish.html", "url_mobile": "", "title": "EU and UK agree quotas",
         "seendate": "20240220T181500Z", "socialimage": "", "domain": "channelpost.example",
         "language": "English", "sourcecountry": "United Kingdom"},
        {"url": site.base + GOOD[0], "title": "India China pass", "seendate": "20240306T010000Z",
         "domain": "teachingtimes.example", "language": "English", "sourcecountry": "India"},
        {"url": site.base + "/gone.html", "title": "A removed story", "seendate": "20240301T000000Z",
         "domain": "x.example", "language": "English"}]}
    site.routes["/api/v2/doc/doc"] = (200, "application/json; charset=utf-8", json.dumps(listing).encode())
    out = tmp_path / "corpus"
    code, stdout, stderr = run(["fetch", "--out", out, *FAST, "--gdelt-query", '"fishing quotas" (EU OR UK)',
                                "--start", "2024-02-01", "--end", "2024-03-31", "--max-records", "20",
                                "--gdelt-endpoint", site.base + "/api/v2/doc/doc"], capsys)
    assert code == 0
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(site.paths()[0]).query)
    assert {k: v[0] for k, v in query.items()} == {
        "query": '"fishing quotas" (EU OR UK)', "mode": "artlist", "format": "json", "maxrecords": "20",
        "startdatetime": "20240201000000", "enddatetime": "20240331235959"}
    assert "GDELT listed 3 articles" in stdout and "fetched 2 new articles" in stdout
    assert f"failed {site.base}/gone.html: HTTP 404 Not Found" in stderr
    fish = yaml.safe_load(next(out.glob("channel-post_*.meta.yml")).read_text(encoding="utf-8"))
    # The page names its site but not its day: the day GDELT saw it fills the gap.
    assert (fish["source"], fish["date"], fish["language"]) == ("Channel Post", "2024-02-20", "English")
    india = yaml.safe_load(next(out.glob("teaching-times_*.meta.yml")).read_text(encoding="utf-8"))
    assert india["date"] == "2024-03-05"  # the page's own date wins over GDELT's


def test_a_failed_gdelt_query_is_reported_and_the_url_file_still_fetched(tmp_path, site, capsys):
    site.routes["/api/doc"] = (200, "text/html", b"The specified phrase is too short.\n")
    code, stdout, stderr = run(["fetch", url_file(tmp_path, site, GOOD[1]), "--out", tmp_path / "c", *FAST,
                                "--gdelt-query", "EU", "--gdelt-endpoint", site.base + "/api/doc"], capsys)
    assert code == 0
    assert "GDELT query failed: GDELT answered: The specified phrase is too short." in stderr
    assert "fetched 1 new article into" in stdout and "1 failed: 1 GDELT query failed" in stdout


def test_only_web_urls_are_fetched(tmp_path, site, capsys):
    secret = tmp_path / "secret.html"
    secret.write_bytes(INDIA_CHINA)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{secret.as_uri()}\nftp://{site.base[7:]}/x.html\n", encoding="utf-8")
    code, _, stderr = run(["fetch", urls, "--out", tmp_path / "c", *FAST], capsys)
    assert code == 1 and stderr.count("not an http:// or https:// URL") == 2
    assert site.hits == [] and list((tmp_path / "c").glob("*.txt")) == []


def _users_log(tmp_path: Path) -> list[str]:
    d = tmp_path / "mine"
    d.mkdir()
    (d / "fetch_log.jsonl").write_text('{"text": "my own table of notes"}\n', encoding="utf-8")
    return ["--out", str(d)]


@pytest.mark.parametrize("args, expect", [
    (lambda t: [t / "missing.txt", "--out", t / "c"], "missing.txt: no such file — pass a text file with one URL per line."),
    (lambda t: [t / "urls.txt", "--out", t / "urls.txt"], "urls.txt is a file, and newslab fetch writes"),
    (lambda t: [t / "empty.txt", "--out", t / "c"], "empty.txt: holds no URLs"),
    (lambda t: ["--out", t / "c", "--gdelt-query", "Iran", "--start", "2024-13-01"], "--start 2024-13-01: give a date as YYYY-MM-DD"),
    (lambda t: ["--out", t / "c", "--gdelt-query", "Iran", "--start", "2024-04-02", "--end", "2024-04-01"],
     "--start 2024-04-02 is after --end 2024-04-01"),
    (lambda t: [t / "urls.txt", "--out", t / "c", "--start", "2024-04-01"], "--start and --end are the dates of a GDELT query"),
    (lambda t: ["--out", t / "c"], "nothing to fetch: pass a file of URLs"),
    (lambda t: [t / "urls.txt", "--out", t / "c", "--delay", "-1"], "--delay -1 / --timeout 20: give a delay of 0 or more"),
    (lambda t: [t / "urls.txt", *_users_log(t)], "fetch_log.jsonl: is not newslab's fetch log — move it out"),
])
def test_user_mistakes_exit_2_with_one_sentence_and_no_request(tmp_path, site, capsys, args, expect):
    url_file(tmp_path, site, *GOOD)
    (tmp_path / "empty.txt").write_text("# nothing yet\n\n", encoding="utf-8")
    code, stdout, stderr = run(["fetch", *args(tmp_path)], capsys)
    assert code == 2
    assert expect in stderr and len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert site.hits == []
    if "fetch_log" in expect:
        assert (tmp_path / "mine" / "fetch_log.jsonl").read_text(encoding="utf-8") == '{"text": "my own table of notes"}\n'


def test_log_of_an_interrupted_run_keeps_the_complete_lines(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "fetch_log.jsonl").write_text(
        '{"url": "http://x.example/a", "ok": true, "file": "a.txt", "at": "2024-03-05T08:00:00Z"}\n'
        '{"url": "http://x.example/b", "ok": true, "file": "b.txt", "at": "2024-03-05T08:00:01Z"}\n'
        '{"url": "http://x.example/c", "ok": tr', encoding="utf-8")
    # b.txt is gone (deleted, or never written): only a.txt counts as done.
    assert FetchLog(tmp_path).done == {"http://x.example/a": "a.txt"}
    report = fetch(["http://x.example/a", "http://x.example/a#comments"], tmp_path, delay=0)
    assert (report.kept, report.fetched, report.failed) == ([("http://x.example/a", "a.txt")], [], [])


def test_nothing_is_fetched_at_import_or_analysis_time(tmp_path):
    """The fetch module is loaded only by `newslab fetch`; no other module imports urllib's client."""
    code = ("import sys, newslab, newslab.io, newslab.pipeline, newslab.cli; "
            "from newslab.cli import main; main(['analyze', sys.argv[1], '--json', '--out', sys.argv[2]]); "
            "print('newslab.fetch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "data"), str(tmp_path / "a.json")],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    users = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "newslab").rglob("*.py"))
             if any(m in p.read_text(encoding="utf-8") for m in ("urllib.request", "urllib.robotparser", "urlopen"))]
    assert users == ["newslab/fetch.py"]


def test_a_redirect_is_followed_only_where_robots_txt_allows(tmp_path, site, capsys):
    urls = url_file(tmp_path, site, "/moved/us-iran.html", "/moved/secret.html")
    code, stdout, stderr = run(["fetch", urls, "--out", tmp_path / "c", *FAST], capsys)
    assert code == 0 and "fetched 1 new article" in stdout
    assert site.paths() == ["/robots.txt", "/moved/us-iran.html", "/world/us-iran-muscat.html", "/moved/secret.html"]
    assert (f"failed {site.base}/moved/secret.html: robots disallow (the site's robots.txt does not let newslab "
            f"fetch this page) — redirected to {site.base}/private/india-china-pass.html") in stderr
    meta = yaml.safe_load(next((tmp_path / "c").glob("gulf-ledger_*.meta.yml")).read_text(encoding="utf-8"))
    assert meta["url"] == site.base + "/moved/us-iran.html"  # the URL asked for: a re-run knows it


def test_a_page_that_trickles_in_times_out_as_a_whole(tmp_path, site, capsys):
    urls = url_file(tmp_path, site, "/drip.html", GOOD[0])
    started = time.monotonic()
    code, _, stderr = run(["fetch", urls, "--out", tmp_path / "c", "--delay", "0", "--timeout", "0.4"], capsys)
    assert code == 0 and time.monotonic() - started < 1.8  # the drip lasts 2 s
    assert f"failed {site.base}/drip.html: timeout (the page took more than 0.4 s)" in stderr


@pytest.mark.parametrize("header", ["text/html; charset=windows-1252", "text/html"])
def test_a_page_in_a_legacy_encoding_is_decoded(tmp_path, site, capsys, header):
    html = page("Ankara et Bruxelles relancent l'union douanière", "Le Quotidien d'Europe", [
        "La Commission européenne et le gouvernement turc ont annoncé jeudi la reprise des négociations "
        "sur la modernisation de l'union douanière, gelées depuis plusieurs années.",
        "Un diplomate européen a salué « un premier pas », tandis qu'un ministre turc a réclamé des visas "
        "plus faciles à obtenir pour les étudiants et les entrepreneurs."], date="2024-05-16")
    html = html.decode("utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    site.routes["/fr/union-douaniere.html"] = (200, header, html.encode("cp1252"))
    assert run(["fetch", url_file(tmp_path, site, "/fr/union-douaniere.html"), "--out", tmp_path / "c", *FAST],
               capsys)[0] == 0
    (txt,) = (tmp_path / "c").glob("*.txt")
    assert txt.name == "le-quotidien-d-europe_2024-05-16_ankara-et-bruxelles-relancent-l-union-douaniere.txt"
    text = txt.read_text(encoding="utf-8")
    assert text.startswith("Ankara et Bruxelles relancent l'union douanière\n\nLa Commission européenne et le gouvernement turc")
    assert "« un premier pas »" in text


def test_a_redirect_to_another_site_obeys_that_sites_robots_txt(tmp_path, site, capsys):
    other = site.base.replace("127.0.0.1", "localhost")  # the same server under another name: another site
    site.routes["/moved/away.html"] = (302, other + "/private/india-china-pass.html", b"")
    site.routes["/moved/elsewhere.html"] = (302, other + GOOD[1], b"")
    urls = url_file(tmp_path, site, "/moved/away.html", "/moved/elsewhere.html")
    code, stdout, stderr = run(["fetch", urls, "--out", tmp_path / "c", *FAST], capsys)
    assert code == 0 and "fetched 1 new article" in stdout
    assert site.paths() == ["/robots.txt", "/moved/away.html", "/robots.txt", "/moved/elsewhere.html", GOOD[1]]
    assert (f"failed {site.base}/moved/away.html: robots disallow (the site's robots.txt does not let newslab "
            f"fetch this page) — redirected to {other}/private/india-china-pass.html") in stderr
