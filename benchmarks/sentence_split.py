"""Sentence-splitter accuracy on real news text: newslab's rules vs NLTK's Punkt.

What it measures
----------------
newslab's default splitter (``newslab.tokenize.split_sentences``, the one ``Article.sentences``
uses) and NLTK's Punkt (``backend="punkt"``) are run on the same paragraphs and compared with gold
sentence boundaries:

* **boundary P / R / F1** -- a boundary is the character offset where a sentence starts *inside* a
  paragraph (paragraph starts are given to every splitter for free, so they are not counted);
* **exact-sentence accuracy** -- share of gold sentences whose (start, end) span is also a
  predicted sentence (both of its boundaries right and no extra boundary inside);
* **sentences/s** -- gold sentences split per second (best of 3 runs; the machine is shared, so
  treat speed as rough).

Gold data (read in place, never copied into the project)
--------------------------------------------------------
1. **Penn Treebank WSJ sample** (``nltk_data/corpora/treebank.zip``, 199 Wall Street Journal
   stories, 1989). Raw text: ``treebank/raw/wsj_*``; gold sentences: the parsed files
   (``nltk.corpus.treebank``). Trace tokens (``-NONE-``) are dropped, ``-LRB-``/``-RRB-``/``````/``''``
   mapped back, and the tokens aligned to the raw text to get each gold sentence's start offset.
   The raw text is split into paragraphs as newslab does (blank-line blocks; the ``.START`` line
   is dropped). Inside a paragraph the raw files put most sentences on their own line; those line
   breaks would hand the gold answer to a splitter, so they are replaced by spaces (same length,
   offsets unchanged) and the splitters see running text, as in a news article.
   Split: wsj_0001-0099 = **tune** (rules were looked at and improved on these),
   wsj_0100-0199 = **test** (held out; report this).
2. **CoNLL-2003 English test set** (``bench/conll2003_en/eng.testb``, Reuters 1996), if present.
   It gives tokenized sentences only, so the text is rebuilt: tokens joined by spaces with simple
   detokenizing (no space before ``, . ; : ! ? ) 's n't``, none after ``( $``, straight quotes
   attached alternately). Caveat: the original spacing and paragraphing are lost; a gold sentence
   that does not end in terminal punctuation (headlines, datelines, sports-table rows) is taken to
   end its paragraph (in a real wire story such lines stand alone), the others are joined with a
   space into one running paragraph. Detokenizing is imperfect (e.g. ``U.S .``), so read these
   figures as a second opinion, not as the headline number.

Usage
-----
    NLTK_DATA=../shared/nltk_data .venv/bin/python benchmarks/sentence_split.py [--errors N]

The shared folder is ``../shared`` beside the project (``Path(__file__).resolve().parents[2] /
"shared"``) or ``$NEWSLAB_SHARED_DIR``; CoNLL is read from ``$NEWSLAB_BENCH_DIR`` when set.
With no data the script says so and exits 0. ``--errors N`` prints up to N missed and N spurious
boundaries per splitter on the tune half (for error analysis; the test half is never printed).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslab.tokenize import split_sentences  # noqa: E402

try:  # the exact paragraph rule newslab's Article uses (runs of non-blank lines)
    from newslab.article import _BLOCK_RE as BLOCK_RE  # noqa: E402
except ImportError:  # pragma: no cover - keep the benchmark usable if the name moves
    BLOCK_RE = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")

Splitter = Callable[[str, int, int], list[tuple[int, int, str]]]


# -- data location -------------------------------------------------------------------------------
def shared_dir() -> Path:
    env = os.environ.get("NEWSLAB_SHARED_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


def bench_dir() -> Path:
    env = os.environ.get("NEWSLAB_BENCH_DIR")
    return Path(env) if env else shared_dir() / "bench"


# -- a gold document: text, paragraphs, gold sentence starts -------------------------------------
@dataclass
class GoldDoc:
    name: str
    text: str  # what the splitters see (offsets identical to the source text)
    paragraphs: list[tuple[int, int]]
    gold_starts: set[int]  # character offsets where gold sentences start
    n_gold: int = 0
    notes: dict[str, int] = field(default_factory=dict)


# -- WSJ (Penn Treebank sample) ------------------------------------------------------------------
_PTB_MAP = {"-LRB-": ["("], "-RRB-": [")"], "-LCB-": ["{"], "-RCB-": ["}"], "-LSB-": ["["],
            "-RSB-": ["]"], "``": ['"', "``", "`", "'"], "''": ['"', "''", "'", "`"]}


def _token_forms(token: str) -> list[str]:
    if token in _PTB_MAP:
        return _PTB_MAP[token]
    return [token.replace("\\/", "/").replace("\\*", "*")]


def _align_sentences(text: str, sentences: list[list[str]]) -> tuple[list[int], dict[str, int]]:
    """Start offset in ``text`` of each tokenized sentence (-1 when it could not be placed).

    Greedy left-to-right alignment: each token must come next after white space; PTB's extra
    '.' after a sentence-final abbreviation ('U.S.' + '.') is skipped; otherwise the token is looked
    for a little further on (counted as a resync) or skipped (counted as unaligned).
    """
    pos, starts = 0, []
    notes = {"tokens": 0, "resynced": 0, "unaligned": 0}
    prev = ""
    for tokens in sentences:
        start = -1
        for tok in tokens:
            notes["tokens"] += 1
            while pos < len(text) and text[pos].isspace():
                pos += 1
            forms = _token_forms(tok)
            hit = next((f for f in forms if text.startswith(f, pos)), None)
            if hit is not None:
                at = pos
            elif tok == "." and prev.endswith("."):
                prev = tok
                continue  # 'U.S.' ends the sentence: one dot in the text, two tokens in PTB
            else:
                found = [(text.find(f, pos, pos + 40 + len(f)), f) for f in forms]
                found = [(i, f) for i, f in found if i != -1]
                if not found:
                    notes["unaligned"] += 1
                    prev = tok
                    continue
                at, hit = min(found)
                notes["resynced"] += 1
            if start == -1:
                start = at
            pos = at + len(hit)
            prev = tok
        starts.append(start)
    return starts, notes


def load_wsj(shared: Path) -> list[GoldDoc] | None:
    zpath = shared / "nltk_data" / "corpora" / "treebank.zip"
    if not zpath.exists():
        return None
    import nltk

    nltk_root = str(shared / "nltk_data")
    if nltk_root not in nltk.data.path:
        nltk.data.path.insert(0, nltk_root)
    from nltk.corpus import treebank

    docs = []
    with zipfile.ZipFile(zpath) as zf:
        for fileid in treebank.fileids():
            name = fileid.split(".")[0]
            raw = zf.read(f"treebank/raw/{name}").decode("latin-1")
            sentences = [[w for w, tag in sent if tag != "-NONE-"] for sent in treebank.tagged_sents(fileid)]
            # Paragraphs as newslab finds them, minus the '.START' marker line of the raw files.
            paragraphs = [(m.start(), m.end()) for m in BLOCK_RE.finditer(raw) if m.group().strip() != ".START"]
            body_from = paragraphs[0][0] if paragraphs else 0
            starts, notes = _align_sentences(raw[body_from:], sentences)
            gold = {body_from + s for s in starts if s != -1}
            # Line breaks inside a paragraph mark most gold sentences in these files: hide them.
            flat = list(raw)
            for s, e in paragraphs:
                for i in range(s, e):
                    if flat[i] == "\n":
                        flat[i] = " "
            notes["unplaced_sentences"] = sum(s == -1 for s in starts)
            notes["paragraph_starts_inside_gold_sentence"] = sum(s not in gold for s, _ in paragraphs)
            docs.append(GoldDoc(name, "".join(flat), paragraphs, gold, len(sentences), notes))
    return docs


# -- CoNLL-2003 ----------------------------------------------------------------------------------
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re",
                    "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}
_TERMINAL_RE = re.compile(r"""[.!?]["')\]]*$""")


def _detokenize(tokens: list[str], quote_open: bool = False) -> tuple[str, bool]:
    """Join CoNLL tokens into text; returns the text and whether a double quote is left open.

    Quotes often open in one sentence and close in a later one, so the caller carries
    ``quote_open`` across the sentences of a document.
    """
    out, attach_next = "", False
    for tok in tokens:
        if tok == '"':
            if quote_open:  # closing quote: attach to the word before
                out += tok
                attach_next = False
            else:  # opening quote: the next word attaches to it
                out += (" " if out else "") + tok
                attach_next = True
            quote_open = not quote_open
            continue
        out += tok if (not out or attach_next or tok in _NO_SPACE_BEFORE) else " " + tok
        attach_next = tok in _NO_SPACE_AFTER
    return out, quote_open


def load_conll(bench: Path) -> list[GoldDoc] | None:
    path = bench / "conll2003_en" / "eng.testb"
    if not path.exists():
        return None
    docs: list[list[list[str]]] = []
    sent: list[str] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line.strip():
            if sent and docs:
                docs[-1].append(sent)
            sent = []
            continue
        sent.append(line.split(" ")[0])
    if sent and docs:
        docs[-1].append(sent)
    out = []
    for n, sentences in enumerate(docs):
        text, gold, paragraphs, para_start, quote_open = "", set(), [], 0, False
        for tokens in sentences:
            s, quote_open = _detokenize(tokens, quote_open)
            gold.add(len(text))
            text += s
            if _TERMINAL_RE.search(s):
                text += " "
            else:  # headline, dateline, table row: a line of its own in the wire story
                paragraphs.append((para_start, len(text)))
                text += "\n\n"
                quote_open = False
                para_start = len(text)
        if para_start < len(text.rstrip()):
            paragraphs.append((para_start, len(text.rstrip())))
        paragraphs = [(s, e) for s, e in paragraphs if text[s:e].strip()]
        out.append(GoldDoc(f"testb-{n:03d}", text, paragraphs, gold, len(sentences), {}))
    return out


# -- scoring -------------------------------------------------------------------------------------
@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    n_gold: int = 0
    seconds: float = 0.0
    missed: list[tuple[str, int, str]] = field(default_factory=list)
    spurious: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _segments(bounds: list[int]) -> set[tuple[int, int]]:
    return set(zip(bounds, bounds[1:]))


def score(docs: list[GoldDoc], splitter: Splitter, repeats: int = 3) -> Score:
    predicted: list[list[list[tuple[int, int, str]]]] = []
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        run = [[splitter(d.text, s, e) for s, e in d.paragraphs] for d in docs]
        best = min(best, time.perf_counter() - t0)
        predicted = run
    sc = Score(seconds=best)
    for doc, per_para in zip(docs, predicted):
        for (p_start, p_end), sents in zip(doc.paragraphs, per_para):
            # Gold sentence ends are taken as the next gold start (trimmed), so a boundary is one
            # offset and an exact sentence is a pair of consecutive boundaries.
            gold_inside = sorted(o for o in doc.gold_starts if p_start < o < p_end)
            pred_inside = sorted(s for s, _, _ in sents if s > p_start)
            g, p = set(gold_inside), set(pred_inside)
            sc.tp += len(g & p)
            sc.fp += len(p - g)
            sc.fn += len(g - p)
            gold_segs = _segments([p_start, *gold_inside, p_end])
            sc.n_gold += len(gold_segs)
            sc.exact += len(gold_segs & _segments([p_start, *pred_inside, p_end]))
            for o in sorted(g - p):
                sc.missed.append((doc.name, o, _context(doc.text, o)))
            for o in sorted(p - g):
                sc.spurious.append((doc.name, o, _context(doc.text, o)))
    return sc


def _context(text: str, offset: int, width: int = 60) -> str:
    return (text[max(0, offset - width):offset] + " || " + text[offset:offset + width // 2]).replace("\n", " ")


# -- report --------------------------------------------------------------------------------------
def _splitters() -> dict[str, Splitter | str]:
    out: dict[str, Splitter | str] = {
        "newslab rules": lambda t, s, e: split_sentences(t, s, e, backend="rules")}
    try:
        split_sentences("Punkt check. Loaded.", backend="punkt")
        out["NLTK Punkt"] = lambda t, s, e: split_sentences(t, s, e, backend="punkt")
    except Exception as exc:  # MissingResourceError when punkt_tab is absent
        out["NLTK Punkt"] = f"skipped ({exc})"
    return out


def _table(title: str, docs: list[GoldDoc], splitters: dict[str, Splitter | str],
           show_errors: int = 0) -> None:
    n_sent = sum(d.n_gold for d in docs)
    n_inside = sum(len(d.gold_starts - {s for s, _ in d.paragraphs}) for d in docs)
    print(f"\n{title}: {len(docs)} documents, {sum(len(d.paragraphs) for d in docs)} paragraphs, "
          f"{n_sent} gold sentences, {n_inside} in-paragraph boundaries")
    print(f"{'splitter':<15} {'bound-P':>8} {'bound-R':>8} {'bound-F1':>8} {'exact-sent':>10} {'sent/s':>9}"
          f" {'FP':>5} {'FN':>5}")
    for name, splitter in splitters.items():
        if isinstance(splitter, str):
            print(f"{name:<15} {splitter}")
            continue
        sc = score(docs, splitter)
        speed = n_sent / sc.seconds if sc.seconds else float("inf")
        print(f"{name:<15} {sc.precision:8.3f} {sc.recall:8.3f} {sc.f1:8.3f} {sc.exact / sc.n_gold:10.3f}"
              f" {speed:9,.0f} {sc.fp:5d} {sc.fn:5d}")
        if show_errors:
            for label, rows in (("missed", sc.missed), ("spurious", sc.spurious)):
                print(f"  -- {name}: {label} boundaries ({len(rows)}), first {show_errors}:")
                for doc_name, _, ctx in rows[:show_errors]:
                    print(f"     {doc_name}: {ctx}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=0,
                    help="print up to N missed/spurious boundaries per splitter (tune half only)")
    args = ap.parse_args(argv)

    shared = shared_dir()
    os.environ.setdefault("NLTK_DATA", str(shared / "nltk_data"))
    try:
        import nltk

        if str(shared / "nltk_data") not in nltk.data.path:
            nltk.data.path.insert(0, str(shared / "nltk_data"))
    except ImportError:
        pass
    wsj = load_wsj(shared)
    conll = load_conll(bench_dir())
    if wsj is None and conll is None:
        print(f"sentence_split: no gold data found (looked for {shared / 'nltk_data/corpora/treebank.zip'} "
              f"and {bench_dir() / 'conll2003_en/eng.testb'}); set NEWSLAB_SHARED_DIR to the shared "
              "folder to run this benchmark. Nothing measured.")
        return 0
    splitters = _splitters()
    print("Sentence splitting on real news text (boundary = sentence start inside a paragraph).")
    print("Speed is gold sentences per second, best of 3; the machine is shared, so it is noisy.")
    if wsj is not None:
        notes = {k: sum(d.notes.get(k, 0) for d in wsj) for k in wsj[0].notes}
        print(f"WSJ alignment: {notes['tokens']} gold tokens, {notes['resynced']} resynced, "
              f"{notes['unaligned']} unaligned, {notes['unplaced_sentences']} sentences unplaced, "
              f"{notes['paragraph_starts_inside_gold_sentence']} paragraph breaks inside a gold sentence.")
        tune = [d for d in wsj if d.name <= "wsj_0099"]
        test = [d for d in wsj if d.name >= "wsj_0100"]
        _table("WSJ tune (wsj_0001-0099)", tune, splitters, args.errors)
        _table("WSJ test (wsj_0100-0199, held out)", test, splitters)
    else:
        print("WSJ: treebank.zip not found; skipped.")
    if conll is not None:
        _table("CoNLL-2003 eng.testb (rebuilt text, see caveat in the docstring)", conll, splitters)
    else:
        print("CoNLL-2003: eng.testb not found; skipped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
