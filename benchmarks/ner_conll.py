"""newslab's entity finder on CoNLL-2003 English (Reuters news), beside two baselines.

Data: ``../shared/bench/conll2003_en/eng.testa`` (dev: used to tune the rules) and
``eng.testb`` (test: reported). Never copied into the project. Set ``NEWSLAB_BENCH_DIR`` to
point elsewhere.

What is measured (same conventions as ``shared/bench/BASELINES.md``):

* Gold spans from the IOB1 tags (seqeval-style chunking), types PER/LOC/ORG/MISC.
* **Untyped exact span** P/R/F1: a predicted span counts when its first and last token equal
  those of a gold span of any type.
* **Typed F1** for PER, LOC, ORG (and MISC): span and type must both match. newslab's labels
  map as PERSON → PER; COUNTRY and PLACE → LOC, except adjectives/demonyms ("Russian") → MISC;
  ORG and GROUP → ORG; MISC → MISC. Role phrases ("the Russian leader") are not names and are
  left out.
* Baselines, in the same run: NLTK ``pos_tag`` + binary ``ne_chunk`` (the chunker object is
  built once, as BASELINES.md describes; needs ``NLTK_DATA`` — defaults to
  ``../shared/nltk_data``) and capitalised runs.
* Speed: tokens/s and mentions/s of ``find_mentions`` (best of N passes, one process). The
  machine is shared, so expect ±25%.

CoNLL text is pre-tokenized: each document becomes an :class:`~newslab.Article` whose text is
the tokens joined by spaces (one sentence per paragraph) and whose tokens are exactly the gold
tokens, so predicted character spans map back to token indices without loss.

Run::

    .venv/bin/python benchmarks/ner_conll.py            # tune split (testa) and test split (testb)
    .venv/bin/python benchmarks/ner_conll.py --split testb --passes 3
    .venv/bin/python benchmarks/ner_conll.py --split testb --backend nltk   # NLTK candidate finders

Measured 2026-11-25 on eng.testb (never used for tuning), 2 shared cores, ``--passes 3``:

=====================================  =====  =====  ==================  ===========
system                                 P      R      F1 untyped [95% CI]  tokens/s
=====================================  =====  =====  ==================  ===========
newslab find_mentions (rules)          0.909  0.889  0.899 [0.891, 0.907] ~58-74k
NLTK pos_tag + ne_chunk(binary)        0.777  0.652  0.709               ~7-12k
capitalised runs                       0.719  0.697  0.707               millions
newslab, backend="nltk"                0.873  0.825  0.848               ~14k
newslab, backend="ne_chunk"            0.868  0.665  0.753               ~7k
=====================================  =====  =====  ==================  ===========

Typed F1 (rules): PER 0.823, LOC 0.817, ORG 0.588, MISC 0.732 (ORG is weakest: sports clubs
and companies named after places, e.g. cricket counties, are typed as places).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1]))

from newslab.article import Article, Paragraph, Sentence, Token  # noqa: E402
from newslab.entities import find_mentions, load_actors  # noqa: E402


def bench_dir() -> Path:
    env = os.environ.get("NEWSLAB_BENCH_DIR")
    return Path(env) if env else HERE.parents[2] / "shared" / "bench"


# ---------------------------------------------------------------------------------------------
def read_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents -> sentences -> (tokens, IOB1 tags). -DOCSTART- starts a document."""
    docs: list[list[tuple[list[str], list[str]]]] = []
    toks: list[str] = []
    tags: list[str] = []
    cur: list[tuple[list[str], list[str]]] = []
    with open(path, encoding="ascii", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("-DOCSTART-"):
                if toks:
                    cur.append((toks, tags))
                    toks, tags = [], []
                if cur:
                    docs.append(cur)
                cur = []
                continue
            if not line:
                if toks:
                    cur.append((toks, tags))
                    toks, tags = [], []
                continue
            parts = line.split()
            toks.append(parts[0])
            tags.append(parts[-1])
    if toks:
        cur.append((toks, tags))
    if cur:
        docs.append(cur)
    return docs


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """IOB1 -> (first, last+1, type) spans (seqeval-style)."""
    spans = set()
    start, typ = None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                spans.add((start, i, typ))
                start, typ = None, None
            if t != "O":
                start, typ = i, t[2:]
    return spans


def article_from_tokens(sentences: list[list[str]], doc_id: str) -> tuple[Article, list[list[int]]]:
    """An Article over pre-tokenized text; returns it and each sentence's token start offsets."""
    parts, offsets, pos = [], [], 0
    sent_spans = []
    for toks in sentences:
        starts = []
        s0 = pos
        for k, t in enumerate(toks):
            if k:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(t)
            pos += len(t)
        sent_spans.append((s0, pos))
        offsets.append(starts)
        parts.append("\n\n")
        pos += 2
    text = "".join(parts)
    a = Article(text, id=doc_id, title_line=False)
    paras, sents, tokens, ranges = [], [], [], []
    for i, ((s, e), toks, starts) in enumerate(zip(sent_spans, sentences, offsets)):
        paras.append(Paragraph(i, s, e, text[s:e]))
        sents.append(Sentence(i, i, s, e, text[s:e]))
        first = len(tokens)
        for t, st in zip(toks, starts):
            tokens.append(Token(len(tokens), i, st, st + len(t), t))
        ranges.append((first, len(tokens)))
    # The document model caches these as properties; a pre-tokenized source sets them directly.
    a.__dict__["paragraphs"] = paras
    a.__dict__["sentences"] = sents
    a.__dict__["tokens"] = tokens
    a.__dict__["sentence_token_ranges"] = ranges  # what tokenizing records beside the tokens
    return a, offsets


TYPE_MAP = {"PERSON": "PER", "COUNTRY": "LOC", "PLACE": "LOC", "ORG": "ORG", "GROUP": "ORG", "MISC": "MISC"}


def newslab_spans(article: Article, offsets: list[list[int]], backend: str = "rules"):
    """Predicted (sentence, first, last+1, type) spans from find_mentions."""
    m = find_mentions(article, backend=backend)
    out = set()
    for r in m.itertuples(index=False):
        if r.how == "role" or not any(c.isupper() for c in r.text):
            continue  # role phrases and lower-case aliases ('the rebels') are not proper names
        typ = TYPE_MAP.get(r.label, "MISC")
        if r.how in ("adjective", "title") and r.label in ("COUNTRY", "PLACE", "GROUP"):
            typ = "MISC"
        starts = offsets[r.sentence]
        base = article.sentences[r.sentence].start
        del base
        # token indices whose start/end fall inside the mention
        first = next((k for k, s in enumerate(starts) if s >= r.start), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(starts) and starts[last + 1] < r.end:
            last += 1
        out.add((r.sentence, first, last + 1, typ))
    return out, len(m)


def cap_runs(toks: list[str]) -> set[tuple[int, int]]:
    """BASELINES.md's capitalised-run baseline."""
    caps = [t[:1].isupper() for t in toks]
    spans, k = set(), 0
    while k < len(toks):
        if caps[k] and (k > 0 or (len(toks) > 1 and caps[1])):
            j = k + 1
            while j < len(toks) and caps[j]:
                j += 1
            spans.add((k, j))
            k = j
        else:
            k += 1
    return spans


def prf(pred: int, gold: int, hit: int) -> tuple[float, float, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bootstrap_f1(pred: set, gold: set, units: list[tuple[int, int]], n: int = 1000, seed: int = 0):
    """95% percentile-bootstrap interval of untyped F1, resampling sentences (as BASELINES.md)."""
    import random

    per: dict[tuple[int, int], list[int]] = {u: [0, 0, 0] for u in units}
    for p in pred:
        per[p[:2]][0] += 1
    for g in gold:
        per[g[:2]][1] += 1
    for h in pred & gold:
        per[h[:2]][2] += 1
    rows = [per[u] for u in units]
    rng = random.Random(seed)
    scores = []
    for _ in range(n):
        tp = tg = th = 0
        for _k in range(len(rows)):
            r = rows[rng.randrange(len(rows))]
            tp += r[0]
            tg += r[1]
            th += r[2]
        scores.append(prf(tp, tg, th)[2])
    scores.sort()
    return scores[int(0.025 * n)], scores[int(0.975 * n) - 1]


def evaluate(split: str, passes: int, with_nltk: bool, backend: str = "rules") -> dict:
    path = bench_dir() / "conll2003_en" / f"eng.{split}"
    docs = read_conll(path)
    gold_all: list[set] = []
    articles = []
    n_tok = 0
    for di, doc in enumerate(docs):
        a, offsets = article_from_tokens([t for t, _ in doc], f"{split}-{di}")
        articles.append((a, offsets, doc))
        for si, (toks, tags) in enumerate(doc):
            n_tok += len(toks)
            gs = gold_spans(tags)
            gold_all.append({(di, si) + g for g in gs})
    gold = set().union(*gold_all)
    load_actors()  # load the dictionary outside the timing
    # newslab
    best = best_cpu = float("inf")
    pred: set = set()
    n_mentions = 0
    for _ in range(passes):
        for a, _, _ in articles:
            a.clear_layers()
        c0 = time.process_time()
        t0 = time.perf_counter()
        pred, n_mentions = set(), 0
        for di, (a, offsets, _) in enumerate(articles):
            spans, nm = newslab_spans(a, offsets, backend)
            n_mentions += nm
            pred |= {(di,) + s for s in spans}
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    res = {"split": split, "tokens": n_tok, "gold": len(gold), "sentences": sum(len(d) for d in docs)}
    pu = {p[:4] for p in pred}
    gu = {g[:4] for g in gold}
    res["newslab"] = prf(len(pu), len(gu), len(pu & gu))
    res["newslab_ci"] = bootstrap_f1(pu, gu, [(di, si) for di, doc in enumerate(docs) for si in range(len(doc))])
    res["newslab_n"] = (len(pu), len(pu & gu))
    for typ in ("PER", "LOC", "ORG", "MISC"):
        pt = {p for p in pred if p[4] == typ}
        gt = {g for g in gold if g[4] == typ}
        res[f"newslab_{typ}"] = prf(len(pt), len(gt), len(pt & gt))
        res[f"recall_{typ}"] = len({g[:4] for g in gt} & pu) / len(gt) if gt else 0.0
    # End to end from raw text: the loader's sentence splitter and tokenizer plus find_mentions.
    raw = ["\n\n".join(" ".join(t) for t, _ in doc) for doc in docs]
    best_e2e = float("inf")
    for _ in range(passes):
        t0 = time.perf_counter()
        for k, text in enumerate(raw):
            find_mentions(Article(text, id=f"raw-{k}", title_line=False), backend=backend)
        best_e2e = min(best_e2e, time.perf_counter() - t0)
    res["newslab_e2e_tok_s"] = n_tok / best_e2e
    res["newslab_tok_s"] = n_tok / best
    res["newslab_tok_cpu_s"] = n_tok / best_cpu
    res["newslab_ment_s"] = n_mentions / best
    res["newslab_secs"] = best
    # capitalised runs
    t0 = time.perf_counter()
    cr = set()
    for di, doc in enumerate(docs):
        for si, (toks, _) in enumerate(doc):
            cr |= {(di, si) + s for s in cap_runs(toks)}
    t_cap = time.perf_counter() - t0
    res["caps"] = prf(len(cr), len(gu), len(cr & gu))
    res["caps_tok_s"] = n_tok / t_cap if t_cap else float("inf")
    # NLTK
    res["nltk"] = None
    if with_nltk:
        res.update(_nltk_eval(docs, gu, n_tok))
    return res


def _nltk_eval(docs, gu, n_tok) -> dict:
    if "NLTK_DATA" not in os.environ:
        shared = bench_dir().parent / "nltk_data"
        if shared.exists():
            os.environ["NLTK_DATA"] = str(shared)
    try:
        import nltk

        nltk.data.path.insert(0, os.environ.get("NLTK_DATA", ""))  # nltk may be imported already
        nltk.data.find("taggers/averaged_perceptron_tagger_eng/")
        nltk.data.find("chunkers/maxent_ne_chunker_tab/english_ace_binary/")
    except LookupError:
        return {"nltk": None, "nltk_note": "NLTK tagger/chunker data not found (set NLTK_DATA)"}
    from nltk.tag import PerceptronTagger

    tagger = PerceptronTagger()
    chunker = nltk.chunk.ne_chunker(fmt="binary")  # built once, as BASELINES.md describes
    t0 = time.perf_counter()
    pred = set()
    for di, doc in enumerate(docs):
        for si, (toks, _) in enumerate(doc):
            tree = chunker.parse(tagger.tag(toks))
            k = 0
            for node in tree:
                if hasattr(node, "label"):
                    pred.add((di, si, k, k + len(node)))
                    k += len(node)
                else:
                    k += 1
    t = time.perf_counter() - t0
    return {"nltk": prf(len(pred), len(gu), len(pred & gu)), "nltk_tok_s": n_tok / t}


def report(res: dict) -> None:
    def f(x):
        return f"{x:.3f}"

    print(f"\n## CoNLL-2003 eng.{res['split']}: {res['sentences']:,} sentences, {res['tokens']:,} tokens, "
          f"{res['gold']:,} gold spans")
    print("| system | P | R | F1 (untyped exact span) [95% CI, sentence bootstrap] | tokens/s |")
    print("|---|---|---|---|---|")
    p, r, f1 = res["newslab"]
    lo, hi = res["newslab_ci"]
    print(f"| newslab find_mentions | {f(p)} | {f(r)} | **{f(f1)}** [{f(lo)}, {f(hi)}] | {res['newslab_tok_s']:,.0f} |")
    if res.get("nltk"):
        p, r, f1 = res["nltk"]
        print(f"| NLTK pos_tag + ne_chunk(binary) | {f(p)} | {f(r)} | {f(f1)} | {res['nltk_tok_s']:,.0f} |")
    elif res.get("nltk_note"):
        print(f"| NLTK pos_tag + ne_chunk(binary) | – | – | – ({res['nltk_note']}) | – |")
    p, r, f1 = res["caps"]
    print(f"| capitalised runs | {f(p)} | {f(r)} | {f(f1)} | {res['caps_tok_s']:,.0f} |")
    print("\nnewslab typed (span and type must match):")
    print("| type | P | R | F1 | untyped recall of this type |")
    print("|---|---|---|---|---|")
    for typ in ("PER", "LOC", "ORG", "MISC"):
        p, r, f1 = res[f"newslab_{typ}"]
        print(f"| {typ} | {f(p)} | {f(r)} | {f(f1)} | {f(res[f'recall_{typ}'])} |")
    print(f"\nnewslab speed: {res['newslab_tok_s']:,.0f} tokens/s wall-clock "
          f"({res['newslab_tok_cpu_s']:,.0f} tokens per CPU-second), {res['newslab_ment_s']:,.0f} mentions/s "
          f"({res['newslab_secs']:.2f} s for the split, best pass; dictionary loading excluded; shared machine, ±25%)")
    print(f"end to end from raw text (Article parsing, sentence splitting, tokenizing + find_mentions): "
          f"{res['newslab_e2e_tok_s']:,.0f} tokens/s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["testa", "testb", "both"], default="both")
    ap.add_argument("--passes", type=int, default=2, help="timing passes (best is kept)")
    ap.add_argument("--no-nltk", action="store_true", help="skip the NLTK baseline")
    ap.add_argument("--backend", default="rules", choices=["rules", "nltk", "ne_chunk"])
    args = ap.parse_args(argv)
    folder = bench_dir() / "conll2003_en"
    if not (folder / "eng.testb").exists():
        print(f"CoNLL-2003 data not found in {folder} — set NEWSLAB_BENCH_DIR to the folder holding "
              "conll2003_en/ to run this benchmark.")
        return 0
    splits = ["testa", "testb"] if args.split == "both" else [args.split]
    for split in splits:
        res = evaluate(split, args.passes, not args.no_nltk, args.backend)
        if split == "testa":
            print("\n(eng.testa is the tuning split: the rules and word lists were adjusted while looking at it)")
        report(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
