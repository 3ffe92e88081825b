"""Frames: which aspects of a story the text makes salient, counted with editable dictionaries.

Framing analysis asks what a story is *about* beyond its topic: a fight between sides, money,
human suffering, a moral question, somebody's responsibility (Entman 1993). newslab measures
frames the transparent way — with dictionaries a teacher can open and edit — in the tradition of
quanteda's ``dictionary()`` / ``tokens_lookup()``: named frames, single words, multi-word phrases,
glob patterns (``sanction*``) and exclusions, all in YAML files in ``newslab/resources/``:

* ``generic`` — the five generic news frames of Semetko & Valkenburg (2000);
* ``policy`` — the 14 Policy Frames Codebook dimensions (Boydstun et al. 2014) as used in
  SemEval-2023 Task 3;
* ``russia_turkey`` — issue frames for the Russia–Turkey relationship.

Any other YAML path in the same shape (or a plain quanteda-style ``frame: [term, ...]`` file)
works too.

How a hit is counted
--------------------
The article's own tokens (``article.tokens``, which carry character offsets) are matched, one
sentence at a time, against one compiled matcher per dictionary (:class:`newslab.matcher.Matcher`,
the package's one phrase/glob matcher, so terms may also hold classes such as ``critici[sz]*``,
alternatives such as ``(ties|relations)`` and gaps such as ``impose* ... sanctions``; built once,
cached until the YAML file changes). From each token the longest dictionary entry wins within a frame, so
"political settlement" is one hit, not two. A hit inside a match of one of the frame's
``exclude`` entries is dropped (but listed with ``excluded=True`` by :func:`frame_hits`).

Each hit is also marked:

* ``negated`` — a negation cue (not, no, never, without, n't, ...) in scope of it, by the one
  rule of :mod:`newslab.clauses` (cues in ``clause_cues.yml``) ("no sign of a *crisis*"). Negated hits are **not** counted by default
  (``count_negated=False``): the story denies the aspect rather than asserting it.
* ``quoted`` — the hit lies inside direct speech (quotation marks around four or more words).
  Quoted hits **are** counted by default (``count_quoted=True``): choosing a quote is itself a
  framing decision of the journalist; the ``quoted`` column shows how much of a frame comes from
  sources' mouths.

Scores and the presence threshold
---------------------------------
:func:`score_frames` gives one row per (unit, frame), for every paragraph (``level ==
"paragraph"``) and for the whole article (``level == "article"``): ``hits``, ``per_1000``
(hits per 1,000 words of the unit), ``share`` (the frame's part of all frame hits in the unit),
``present`` and ``dominant``. A frame is **present** in an article when ``hits >= min_hits`` *and*
``per_1000 >= threshold_per_1000`` (both set per frame in the YAML, with scheme defaults); in a
paragraph when ``hits >= paragraph_min_hits`` (default 1). The **dominant** frames of a unit are
the present frames whose hits reach ``dominance_ratio`` (default 0.5) of the strongest frame's
hits, ranked strongest first (``rank`` 1, 2, ...).

Several schemes and many articles
---------------------------------
``score_frames(article, ["generic", "policy", "russia_turkey"])`` scores several schemes in one
call (the same rows as one call per scheme, one after the other). The article's tokens are
lower-cased, its quotes found and its tokens scanned once for all schemes (their terms share
one matcher, each term remembering its scheme). The rows are the ``frames`` layer
(``article.layer("frames")``, all three schemes by default), which the corpus pipeline and the
JSON output read without building a DataFrame.

Example
-------
>>> from newslab import Article
>>> a = Article.from_text("Talks\\n\\nThe two sides clashed over sanctions and trade.")
>>> df = score_frames(a, scheme="generic")
>>> row = df[(df.level == "article") & (df.frame == "conflict")].iloc[0]
>>> int(row.hits), [t["text"] for t in row.terms]
(2, ['two sides', 'clashed'])
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from . import layers
from .agreement import SHEET_INFO_COLUMNS, agreement
from .article import Article, Corpus, as_articles
from .clauses import ClauseCues, load_clause_cues, negation_cue
from .errors import InputError, ParameterError, ResourceFileError
from .matcher import Matcher
from .outputs import claim, is_sheet_companion, is_uncoded_sheet
from .packs import SchemeTable
from .resources import load_yaml, resource_path, resource_stamp
from .tokenize import is_word

# The frame dictionaries' matcher under its first name (newslab.matcher.Matcher is the one
# phrase/glob matcher of the package).
TermMatcher = Matcher

# The core schemes plus the active resource pack's ("russia_turkey" by default; newslab.packs).
SCHEMES = SchemeTable({"generic": "frames_generic.yml", "policy": "frames_policy.yml"})
DEFAULTS = {"threshold_per_1000": 0.0, "min_hits": 1, "paragraph_min_hits": 1, "dominance_ratio": 0.5}

QUOTE_MIN_WORDS = 4  # shorter quoted stretches are scare quotes ("de-escalation"), not speech

SCORE_COLUMNS = ["doc_id", "date", "scheme", "level", "paragraph", "frame", "label", "hits",
                 "matches", "negated", "quoted", "n_words", "per_1000", "share", "present",
                 "dominant", "rank", "terms"]
HIT_COLUMNS = ["doc_id", "date", "scheme", "frame", "pattern", "text", "start", "end", "sentence",
               "paragraph", "negated", "quoted", "excluded", "counted"]


# ---------------------------------------------------------------------------------------------
# Dictionaries
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FrameDef:
    """One frame of a scheme: its definition, terms, exclusions and presence threshold."""

    key: str
    label: str
    definition: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    threshold_per_1000: float = 0.0
    min_hits: int = 1


@dataclass(frozen=True)
class FrameScheme:
    """A frame dictionary: frames in file order plus its compiled matcher (payloads ``(0, frame,
    term, excluded)``, the shape of schemes read together)."""

    name: str
    title: str
    path: str
    frames: dict[str, FrameDef]
    paragraph_min_hits: int = 1
    dominance_ratio: float = 0.5
    matcher: Matcher = field(repr=False, default=None)  # type: ignore[assignment]

    @property
    def keys(self) -> list[str]:
        return list(self.frames)

    def definitions(self) -> pd.DataFrame:
        """One row per frame: frame, label, definition, n_terms, threshold_per_1000, min_hits."""
        return pd.DataFrame([{"frame": f.key, "label": f.label, "definition": f.definition,
                              "n_terms": len(f.terms), "threshold_per_1000": f.threshold_per_1000,
                              "min_hits": f.min_hits} for f in self.frames.values()])


def _as_str_list(value: Any, where: str, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ResourceFileError(f"{path}: '{where}' must be a list of words or phrases — write it as "
                                f"'- word' lines or [word, other word].")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _resolve_scheme_path(scheme: str | os.PathLike[str]) -> Path:
    if isinstance(scheme, str) and scheme in SCHEMES:
        return resource_path(SCHEMES[scheme])
    s = str(scheme)
    if not (s.endswith((".yml", ".yaml")) or os.path.exists(s)):
        raise ParameterError(f"scheme={scheme!r}: unknown frame scheme — use one of "
                             f"{', '.join(repr(k) for k in SCHEMES)} or the path of a frame YAML file.")
    return resource_path(s)


def load_scheme(scheme: str | os.PathLike[str] | FrameScheme = "generic") -> FrameScheme:
    """Load a frame dictionary by name (``generic``, ``policy``, ``russia_turkey``) or YAML path.

    Two YAML shapes are accepted. The full one (see the packaged files)::

        scheme: my_frames
        defaults: {threshold_per_1000: 1.0, min_hits: 1}
        frames:
          conflict:
            definition: Disagreement between parties.
            terms: [war*, clash*, two sides]
            exclude: [war on cancer]

    and the quanteda-style short one, ``conflict: [war*, clash*]`` per frame. The matcher is
    compiled once per file and rebuilt only when the file changes.

    >>> s = load_scheme("generic")
    >>> s.keys[:2]
    ['conflict', 'human_interest']
    """
    if isinstance(scheme, FrameScheme):
        return scheme
    return _compile_scheme(*resource_stamp(_resolve_scheme_path(scheme)))


@lru_cache(maxsize=16)
def _compile_scheme(path: str, mtime: float) -> FrameScheme:
    data = load_yaml(path)
    if not isinstance(data, dict) or not data:
        raise ResourceFileError(f"{path}: a frame dictionary must map frame names to term lists — "
                                f"see newslab/resources/frames_generic.yml for the shape.")
    frames_raw = data.get("frames", None)
    defaults = dict(DEFAULTS)
    if frames_raw is None:  # quanteda-style: every top-level key is a frame
        frames_raw = {k: v for k, v in data.items() if k not in ("scheme", "title", "defaults")}
    defaults.update(data.get("defaults") or {})
    if not isinstance(frames_raw, dict) or not frames_raw:
        raise ResourceFileError(f"{path}: 'frames' must map each frame name to its terms — "
                                f"e.g. 'conflict: {{terms: [war*, clash*]}}'.")
    frames: dict[str, FrameDef] = {}
    for key, spec in frames_raw.items():
        key = str(key)
        if isinstance(spec, (list, str)):
            spec = {"terms": spec}
        if not isinstance(spec, dict):
            raise ResourceFileError(f"{path}: frame '{key}' must have a 'terms' list — e.g. "
                                    f"'{key}: {{terms: [word, phrase*]}}'.")
        terms = _as_str_list(spec.get("terms"), f"{key}.terms", path)
        if not terms:
            raise ResourceFileError(f"{path}: frame '{key}' has no terms — add at least one word "
                                    f"under '{key}: terms:'.")
        try:
            thr = float(spec.get("threshold_per_1000", defaults["threshold_per_1000"]))
            min_hits = int(spec.get("min_hits", defaults["min_hits"]))
        except (TypeError, ValueError):
            raise ResourceFileError(f"{path}: frame '{key}' has a non-numeric threshold_per_1000 or "
                                    f"min_hits — write plain numbers such as 1.5 and 2.") from None
        frames[key] = FrameDef(key=key, label=str(spec.get("label", key)),
                               definition=" ".join(str(spec.get("definition", "")).split()),
                               terms=terms, exclude=_as_str_list(spec.get("exclude"), f"{key}.exclude", path),
                               threshold_per_1000=thr, min_hits=min_hits)
    name = str(data.get("scheme") or Path(path).stem)
    matcher = Matcher()
    try:
        _add_terms(matcher, 0, frames.values())
    except ValueError as exc:
        raise ResourceFileError(f"{path}: {exc}") from None
    return FrameScheme(name=name, title=str(data.get("title", name)), path=path, frames=frames,
                       paragraph_min_hits=int(defaults["paragraph_min_hits"]),
                       dominance_ratio=float(defaults["dominance_ratio"]), matcher=matcher)


# ---------------------------------------------------------------------------------------------
# Matching an article
# ---------------------------------------------------------------------------------------------
_OPEN_Q = "“«"
_CLOSE_Q = "”»"
_QUOTE_CHARS = re.compile('["“”«»]')


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Direct-speech spans in ``text[start:end]`` (one paragraph): pairs of double quotes.

    Straight quotes alternate open/close; an opening quote left unclosed runs to the paragraph
    end (news style for a quote that continues in the next paragraph). Stretches of fewer than
    ``QUOTE_MIN_WORDS`` words are scare quotes and are left out.

    >>> t = 'He said "we will never give up on peace" and left.'
    >>> [t[s:e] for s, e in quote_spans(t, 0, len(t))]
    ['"we will never give up on peace"']
    """
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _QUOTE_CHARS.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch == '"':
            if open_at < 0:
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = -1
        elif ch in _OPEN_Q and open_at < 0:
            open_at = i
        elif ch in _CLOSE_Q and open_at >= 0:
            spans.append((open_at, i + 1))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, end))
    return [(s, e) for s, e in spans if len(text[s:e].split()) >= QUOTE_MIN_WORDS]


_TYPE_CACHE_MAX = 500_000  # entries per token-type cache before it is emptied (bounded memory)
_WORDLIKE: dict[str, bool] = {}  # token text -> a word, not bare punctuation


def _per_type(texts: list[str], cache: dict[str, Any], fn: Any) -> list[Any]:
    """``[fn(t) for t in texts]``, computing ``fn`` once per token type across articles."""
    missing = set(texts).difference(cache)
    if len(cache) + len(missing) > _TYPE_CACHE_MAX:
        cache.clear()
        missing = set(texts)
    for tx in missing:
        cache[tx] = fn(tx)
    return list(map(cache.__getitem__, texts))


# What every scheme needs from an article, computed once per article and shared by all schemes
# (lower-cased tokens, quotes per paragraph, the negation test per hit position): the
# "frame_prep" layer.


class _QuoteCover:
    """Whether a span lies inside one of a paragraph's quotation spans, by bisection: a single-line
    article is one paragraph with every quote in it, and a scan per hit would be quadratic.

    >>> _QuoteCover([(0, 10), (2, 4), (20, 30)]).covers(3, 9), _QuoteCover([(20, 30)]).covers(25, 31)
    (True, False)
    """
    __slots__ = ("starts", "reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach, far = [], -1  # the furthest end among the spans starting at or before each one
        for _, b in ordered:
            far = max(far, b)
            self.reach.append(far)

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end


class _ArticlePrep:
    __slots__ = ("lows", "ranges", "sent_of", "para_of", "quotes_by_para", "negated_at")

    def __init__(self, article: Article) -> None:
        text = article.text
        # The tokens as the cue matchers read them: one list per article for frames, relations
        # and stance (it was normalised twice).
        self.lows = article.layer("match_tokens").keys
        self.ranges = article.sentence_token_ranges
        self.sent_of = [-1] * len(self.lows)  # token position -> its sentence (-1: in none)
        for sent_i, (a, b) in enumerate(self.ranges):
            self.sent_of[a:b] = [sent_i] * (b - a)
        self.para_of = [s.paragraph for s in article.sentences]
        self.quotes_by_para: dict[int, _QuoteCover] = {}
        for p in article.paragraphs:
            qs = quote_spans(text, p.start, p.end)
            if qs:
                self.quotes_by_para[p.i] = _QuoteCover(qs)
        self.negated_at: dict[int, bool] = {}  # token position -> is a hit starting there negated


@layers.register("frame_prep", requires=("match_tokens",), resources=("clause_cues.yml",))  # its negation memo
def _article_prep(article: Article) -> _ArticlePrep:
    """Per-article lookups shared by every scheme's matching (lowercased tokens, quotes...)."""
    return _ArticlePrep(article)


_NEG_WINDOW = 16  # tokens before a hit handed to the negation rule (it keeps its scope of them)


def _negated_before(lows: Sequence[str], sent_start: int, i: int, cues: ClauseCues | None = None) -> bool:
    """A negation cue in scope of the hit at token ``i`` (the rule of :mod:`newslab.clauses`),
    within its sentence (which starts at ``sent_start``)."""
    return negation_cue(lows[max(sent_start, i - _NEG_WINDOW):i], cues) is not None


_NEG_WORDS: dict[str, bool] = {}  # token -> could it be (the end of) a negation cue, see below
_NEG_WORDS_CUES: list[Any] = [None]  # the ClauseCues that _NEG_WORDS was computed for


def _could_negate(low: str, cues: ClauseCues) -> bool:
    """Can ``negation_cue`` find anything in a scope holding this word? It reports a word ending
    in a negative suffix or a cue ending in a cue word (CueSet.find skips every other word)."""
    w = low.lower().replace("’", "'")  # the form scope_words hands to the cue set
    neg = cues.negation
    return bool(w.endswith(cues.suffixes) or w in neg.enders or w.startswith(neg.ender_prefixes))


def _may_be_negated(window: list[str], cues: ClauseCues) -> bool:
    """Does ``window`` hold a token that could make the hit after it negated? A hit without
    one is not negated, without running the scope rule (most hits). One flag per token type."""
    if _NEG_WORDS_CUES[0] is not cues:  # the cue file changed: the flags are stale
        _NEG_WORDS.clear()
        _NEG_WORDS_CUES[0] = cues
    try:
        return any(map(_NEG_WORDS.__getitem__, window))
    except KeyError:  # a new token type
        if len(_NEG_WORDS) > _TYPE_CACHE_MAX:
            _NEG_WORDS.clear()
        for w in window:
            if w not in _NEG_WORDS:
                _NEG_WORDS[w] = _could_negate(w, cues)
        return any(map(_NEG_WORDS.__getitem__, window))


def _match_article(article: Article, scheme: FrameScheme,
                   together: Sequence[FrameScheme] | None = None) -> list[dict[str, Any]]:
    """All dictionary hits of one article for one scheme (computed once per article);
    ``together``: the schemes (among them ``scheme``) read in the same scan of the tokens."""
    schemes = tuple(together) if together else (scheme,)
    at = next(k for k, sch in enumerate(schemes) if sch is scheme)
    return article.layer("frame_matches", schemes=schemes)[at]


def _add_terms(matcher: Matcher, k: int, frames: Iterable[FrameDef]) -> None:
    """Add the terms and exclusions of ``frames`` (scheme ``k`` of the ones read together) with
    payloads ``(k, frame, term, excluded)``."""
    for f in frames:
        for t in f.terms:
            matcher.add(t, (k, f.key, t, False))
        for t in f.exclude:
            matcher.add(t, (k, f.key, t, True))


_JOINT_MATCHERS: dict[tuple[int, ...], tuple[tuple[FrameScheme, ...], Matcher]] = {}


def _joint_matcher(schemes: tuple[FrameScheme, ...]) -> Matcher:
    """One matcher holding the terms of several schemes, payloads ``(scheme index, frame, term,
    excluded)``: an article's tokens are scanned, and each new token type resolved, once for
    all of them instead of once per scheme. Built once per set of compiled schemes."""
    if len(schemes) == 1:
        return schemes[0].matcher  # its payloads carry scheme index 0
    key = tuple(map(id, schemes))
    got = _JOINT_MATCHERS.get(key)
    if got is None:
        matcher = Matcher()
        for k, sch in enumerate(schemes):  # scheme by scheme, in file order: each keeps its payload order
            _add_terms(matcher, k, sch.frames.values())
        if len(_JOINT_MATCHERS) >= 16:  # schemes recompiled after edits: drop the old ones
            _JOINT_MATCHERS.clear()
        got = _JOINT_MATCHERS[key] = (schemes, matcher)  # the schemes kept alive: their ids stay theirs
    return got[1]


# Per scheme, per sentence: the longest include match per (frame, start) and the exclusion
# spans per frame.
_SentenceMatches = dict[int, tuple[dict[tuple[str, int], tuple[int, str]], dict[str, list[tuple[int, int]]]]]


@layers.register("frame_matches", requires=("frame_prep",), resources=lambda p: [s.path for s in p["schemes"]])
def _scheme_matches(article: Article, schemes: tuple[FrameScheme, ...]) -> list[list[dict[str, Any]]]:
    """All dictionary hits of one article for each of ``schemes`` (compiled): one list per scheme."""
    prep = article.layer("frame_prep")
    lows = prep.lows
    matcher = _joint_matcher(schemes)
    matches_at = matcher.matches_at
    sent_of = prep.sent_of
    ranges = prep.ranges
    # Positions are positions in the article's token list; a match never runs past the end of
    # the sentence it starts in.
    by_sentence: list[_SentenceMatches] = [{} for _ in schemes]
    for i in matcher.starts(lows):
        sent_i = sent_of[i]
        if sent_i < 0:
            continue
        for j, payloads in matches_at(lows, i, ranges[sent_i][1]):
            for k, frame, term, is_excl in payloads:
                acc = by_sentence[k].get(sent_i)
                if acc is None:
                    acc = by_sentence[k][sent_i] = ({}, {})
                found, excl = acc
                if is_excl:
                    excl.setdefault(frame, []).append((i, j))
                else:
                    prev = found.get((frame, i))
                    if prev is None or j > prev[0]:
                        found[(frame, i)] = (j, term)
    clause_cues = load_clause_cues() if any(by_sentence) else None  # negation cues, looked up once
    return [_hits(article, prep, sentences, clause_cues) for sentences in by_sentence]


def _hits(article: Article, prep: _ArticlePrep, by_sentence: _SentenceMatches,
          clause_cues: ClauseCues | None) -> list[dict[str, Any]]:
    """One scheme's hits from its matches, sentence by sentence: overlaps within a frame
    dropped, each hit marked excluded, negated and quoted."""
    text, tokens, lows = article.text, article.tokens, prep.lows
    negated_at = prep.negated_at
    hits: list[dict[str, Any]] = []
    for sent_i, (found, excl) in by_sentence.items():
        if not found:
            continue
        a = prep.ranges[sent_i][0]
        para = prep.para_of[sent_i]
        qcover = prep.quotes_by_para.get(para)
        last_end: dict[str, int] = {}
        for (frame, i), (j, term) in sorted(found.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if i < last_end.get(frame, 0):
                continue  # overlaps a longer match of the same frame
            last_end[frame] = j
            excluded = any(xi <= i and j <= xj for xi, xj in excl.get(frame, ()))
            negated = negated_at.get(i)
            if negated is None:  # the same start position is tested once for all schemes
                negated = negated_at[i] = _may_be_negated(lows[max(a, i - _NEG_WINDOW):i], clause_cues) and \
                    _negated_before(lows, a, i, clause_cues)  # type: ignore[arg-type]
            s_char, e_char = tokens[i].start, tokens[j - 1].end
            quoted = qcover is not None and qcover.covers(s_char, e_char)
            hits.append({"frame": frame, "pattern": term, "text": text[s_char:e_char],
                         "start": s_char, "end": e_char, "sentence": sent_i, "paragraph": para,
                         "negated": negated, "quoted": quoted, "excluded": excluded})
    return hits


def _counted(hit: dict[str, Any], count_negated: bool, count_quoted: bool) -> bool:
    return not hit["excluded"] and (count_negated or not hit["negated"]) and (count_quoted or not hit["quoted"])


def frame_hits(article_or_corpus: Article | Corpus | Iterable[Article], scheme: str | os.PathLike[str] | FrameScheme = "generic",
               *, count_negated: bool = False, count_quoted: bool = True) -> pd.DataFrame:
    """One row per dictionary hit, with offsets: what a highlighter or a reader checks.

    Columns: doc_id, date, scheme, frame, pattern (the dictionary entry), text (as in the
    article), start, end, sentence, paragraph, negated, quoted, excluded, counted (whether
    :func:`score_frames` counts it under the same options).

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nThere was no crisis, only trade.")
    >>> frame_hits(a, "generic")[["frame", "text", "negated", "counted"]].values.tolist()
    [['conflict', 'crisis', True, False], ['economic', 'trade', False, True]]
    """
    sch = load_scheme(scheme)
    rows = []
    for art in as_articles(article_or_corpus):
        for h in _match_article(art, sch):
            rows.append({"doc_id": art.id, "date": art.date, "scheme": sch.name, **h,
                         "counted": _counted(h, count_negated, count_quoted)})
    return pd.DataFrame(rows, columns=HIT_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------
def _fill_unit(rows: list[dict[str, Any]], base: int, sch: FrameScheme, frame_pos: dict[str, int],
               is_article: bool, n_words: int, unit_hits: dict[str, list[dict[str, Any]]],
               count_negated: bool, count_quoted: bool) -> None:
    """Write the scores of one unit (paragraph or article) that has hits into its rows.

    The unit's rows start at ``rows[base]``, one per frame in scheme order, already holding the
    values of a frame without hits (0 hits, not present, no terms); only frames with hits
    are written here.
    """
    stats = {f: _unit_stats(hs, count_negated, count_quoted) for f, hs in unit_hits.items()}
    total = sum(st[0] for st in stats.values())
    present_rows: list[tuple[int, dict[str, Any]]] = []  # (hits, row) of present frames, scheme order
    for f in sorted(unit_hits, key=frame_pos.__getitem__):
        fd = sch.frames[f]
        row = rows[base + frame_pos[f]]
        hits, matches, negated, quoted, terms = stats[f]
        per_1000 = 1000.0 * hits / n_words if n_words else 0.0
        if is_article:
            present = hits >= max(fd.min_hits, 1) and per_1000 >= fd.threshold_per_1000
        else:
            present = hits >= max(sch.paragraph_min_hits, 1)
        row["hits"] = hits
        row["matches"] = matches
        row["negated"] = negated
        row["quoted"] = quoted
        row["per_1000"] = per_1000
        row["share"] = hits / total if total else 0.0
        row["present"] = present
        row["terms"] = terms
        if present:
            present_rows.append((hits, row))
    # Dominant frames: present and at least dominance_ratio of the strongest present frame
    # (a stable sort: equal hits keep the scheme's frame order).
    present_rows.sort(key=lambda hr: -hr[0])
    if present_rows:
        top = present_rows[0][0]
        rank = 0
        for hits, row in present_rows:
            if hits >= sch.dominance_ratio * top:
                rank += 1
                row["dominant"], row["rank"] = True, rank


def _unit_stats(hits: list[dict[str, Any]], count_negated: bool,
                count_quoted: bool) -> tuple[int, int, int, int, list[dict[str, Any]]]:
    """One frame's hits in one unit, in one pass: (counted, matches, negated, quoted, terms);
    excluded hits count for nothing and are not listed."""
    counted = negated = quoted = 0
    terms = []
    for h in hits:
        if h["excluded"]:
            continue
        neg, quo = h["negated"], h["quoted"]
        counted += (count_negated or not neg) and (count_quoted or not quo)
        negated += neg
        quoted += quo
        terms.append({"term": h["pattern"], "text": h["text"], "start": h["start"], "end": h["end"],
                      "negated": neg, "quoted": quo})
    return counted, len(terms), negated, quoted, terms


def _score_rows(rows: list[dict[str, Any]], art: Article, sch: FrameScheme, by_paragraph: bool,
                by_article: bool, count_negated: bool, count_quoted: bool, empty_paragraphs: bool = True,
                together: Sequence[FrameScheme] | None = None) -> None:
    """Append one article's rows for one scheme to ``rows`` (dicts keyed by SCORE_COLUMNS).

    Rows come paragraph by paragraph (every frame of the scheme, in file order), then the
    article rows. Most (unit, frame) pairs have no hit, so each row starts as a copy of its
    frame's no-hit template and only units with hits are computed; the ``paragraph`` of an
    article row is None (<NA> in the DataFrame). With ``empty_paragraphs=False`` a paragraph
    has rows only for the frames it has hits for (the corpus table's paragraph rows).
    """
    hits = _match_article(art, sch, together)
    words_by_para = _words_by_paragraph(art)
    n_art_words = sum(words_by_para.values())
    no_hits = dict.fromkeys(SCORE_COLUMNS)  # key order = column order
    no_hits.update(doc_id=art.id, date=art.date, scheme=sch.name, hits=0, matches=0, negated=0,
                   quoted=0, per_1000=0.0, share=0.0, present=False, dominant=False, rank=0)
    templates = [{**no_hits, "frame": f, "label": fd.label} for f, fd in sch.frames.items()]
    frame_pos = {f: k for k, f in enumerate(sch.frames)}
    n_frames = len(templates)
    if by_paragraph and not empty_paragraphs and hits:
        _hit_paragraph_rows(rows, templates, art, hits, words_by_para, sch, frame_pos, count_negated, count_quoted)
    start = len(rows)
    para_ids = [p.i for p in art.paragraphs] if by_paragraph and empty_paragraphs else []
    for p in para_ids:
        rows.extend(_paragraph_rows(templates, p, words_by_para.get(p, 0)))
    if by_article:
        for tpl in templates:
            row = tpl.copy()
            row["level"], row["n_words"], row["terms"] = "article", n_art_words, []
            rows.append(row)
    if not hits:
        return
    if para_ids:
        by_para = _hits_by_paragraph(hits)
        for k, p in enumerate(para_ids):
            unit_hits = by_para.get(p)
            if unit_hits:
                _fill_unit(rows, start + k * n_frames, sch, frame_pos, False, words_by_para.get(p, 0),
                           unit_hits, count_negated, count_quoted)
    if by_article:
        by_frame: dict[str, list[dict[str, Any]]] = {}
        for h in hits:
            by_frame.setdefault(h["frame"], []).append(h)
        _fill_unit(rows, start + len(para_ids) * n_frames, sch, frame_pos, True, n_art_words,
                   by_frame, count_negated, count_quoted)


def _paragraph_rows(templates: list[dict[str, Any]], p: int, n_words: int) -> list[dict[str, Any]]:
    """Paragraph ``p``'s rows, one per frame in scheme order, holding the no-hit values."""
    block = []
    for tpl in templates:
        row = tpl.copy()
        row["level"], row["paragraph"], row["n_words"], row["terms"] = "paragraph", p, n_words, []
        block.append(row)
    return block


def _hits_by_paragraph(hits: list[dict[str, Any]]) -> dict[int, dict[str, list[dict[str, Any]]]]:
    by_para: dict[int, dict[str, list[dict[str, Any]]]] = {}
    for h in hits:
        by_para.setdefault(h["paragraph"], {}).setdefault(h["frame"], []).append(h)
    return by_para


def _hit_paragraph_rows(rows: list[dict[str, Any]], templates: list[dict[str, Any]], art: Article,
                        hits: list[dict[str, Any]], words_by_para: dict[int, int], sch: FrameScheme,
                        frame_pos: dict[str, int], count_negated: bool, count_quoted: bool) -> None:
    """Append the rows of the (paragraph, frame) pairs with hits, in paragraph and scheme order:
    the same rows as the full paragraph blocks, without building the ~9 in 10 empty ones."""
    by_para = _hits_by_paragraph(hits)
    for p in (p.i for p in art.paragraphs):
        unit_hits = by_para.get(p)
        if not unit_hits:
            continue
        n_words = words_by_para.get(p, 0)
        block = _paragraph_rows(templates, p, n_words)
        _fill_unit(block, 0, sch, frame_pos, False, n_words, unit_hits, count_negated, count_quoted)
        rows.extend(block[frame_pos[f]] for f in sorted(unit_hits, key=frame_pos.__getitem__))


def _words_by_paragraph(art: Article) -> dict[int, int]:
    return art.layer("words_by_paragraph")


@layers.register("words_by_paragraph")
def words_by_paragraph(art: Article) -> dict[int, int]:
    """Word tokens (not punctuation) per paragraph: the denominator of per_1000."""
    got: dict[int, int] = {}
    sents = art.sentences
    tokens = art.tokens
    ranges = art.sentence_token_ranges
    if sum(b - a for a, b in ranges) == len(tokens):  # the usual case: tokens in sentence order
        flags = _per_type([t.text for t in tokens], _WORDLIKE,
                          lambda tx: bool(tx[:1].isalnum() or is_word(tx)))
        for sent, (a, b) in zip(sents, ranges):
            if a < b:
                p = sent.paragraph
                got[p] = got.get(p, 0) + sum(flags[a:b])
        got = {p: n for p, n in got.items() if n}  # paragraphs without a word have no entry
    else:
        for t in tokens:
            tx = t.text
            if tx[:1].isalnum() or is_word(tx):
                p = sents[t.sentence].paragraph
                got[p] = got.get(p, 0) + 1
    return got



def _load_schemes(scheme: Any) -> list[FrameScheme]:
    """One scheme, or a list/tuple of them (scored in that order)."""
    if isinstance(scheme, (list, tuple)):
        if not scheme:
            raise ParameterError("scheme=[]: give at least one frame scheme — e.g. 'generic' or "
                                 "['generic', 'policy', 'russia_turkey'].")
        return [load_scheme(s) for s in scheme]
    return [load_scheme(scheme)]


def _check_levels(levels: Sequence[str]) -> tuple[bool, bool]:
    bad = set(levels) - {"paragraph", "article"}
    if bad or not levels:
        raise ParameterError(f"levels={tuple(levels)!r}: use 'paragraph', 'article' or both.")
    return "paragraph" in levels, "article" in levels


def default_schemes() -> tuple[str, ...]:
    """The schemes the frames layer scores when none is named: the core ones plus the active
    pack's, read at call time (so :func:`newslab.packs.use_pack` after import changes them).

    >>> from newslab.packs import use_pack
    >>> with use_pack(None):
    ...     default_schemes()
    ('generic', 'policy')
    """
    return tuple(SCHEMES)


def _scheme_resources(params: dict[str, Any]) -> list[Any]:
    out = []
    scheme = default_schemes() if params["scheme"] is None else params["scheme"]
    for sch in scheme if isinstance(scheme, (list, tuple)) else [scheme]:
        out.append(sch.path if isinstance(sch, FrameScheme) else _resolve_scheme_path(sch))
    return out + ["clause_cues.yml"]  # the negation cues


def _frame_json(r: dict[str, Any]) -> dict[str, Any] | None:
    if r["level"] != "article":
        return None
    return {"scheme": r["scheme"], "frame": r["frame"], "hits": int(r["hits"]),
            "per_1000": round(float(r["per_1000"]), 3), "present": bool(r["present"]),
            "terms": [{"term": t["text"], "start": t["start"], "end": t["end"], "negated": t["negated"],
                       "quoted": t["quoted"]} for t in r["terms"]]}


def _dominant_json(article: Article) -> dict[str, Any]:
    """The article block's ``dominant_frames``: ``{scheme: [frame, ...]}``, strongest first."""
    dominant: dict[str, list[tuple[int, str]]] = {name: [] for name in SCHEMES}
    for r in article.layer("frames"):
        if r["level"] == "article" and r["dominant"]:
            dominant.setdefault(r["scheme"], []).append((r["rank"], r["frame"]))
    return {"dominant_frames": {name: [f for _, f in sorted(fr)] for name, fr in dominant.items()}}


@layers.register("frames", columns=SCORE_COLUMNS[2:], requires=("frame_prep", "words_by_paragraph"),
                 dtypes={**{c: "int" for c in ("hits", "matches", "negated", "quoted", "n_words", "rank")},
                         "per_1000": "float", "share": "float", "present": "bool", "dominant": "bool",
                         "paragraph": "Int64"},
                 resources=_scheme_resources,
                 defaults={"scheme": None, "levels": ("paragraph", "article"), "count_negated": False,
                           "count_quoted": True, "empty_paragraphs": True},
                 json_section="frames", json_row=_frame_json, json_summary=_dominant_json)
def frame_layer(article: Article, scheme: Any, levels: Sequence[str], count_negated: bool,
                count_quoted: bool, empty_paragraphs: bool) -> list[dict[str, Any]]:
    """One row per (unit, frame) for each scheme: paragraphs first, then the article (see
    :func:`score_frames`); ``empty_paragraphs=False`` leaves out the paragraph rows of frames
    a paragraph has no hit for."""
    by_paragraph, by_article = _check_levels(levels)
    rows: list[dict[str, Any]] = []
    schemes = _load_schemes(default_schemes() if scheme is None else scheme)  # None: the schemes on offer now
    for sch in schemes:
        _score_rows(rows, article, sch, by_paragraph, by_article, count_negated, count_quoted, empty_paragraphs,
                    schemes)
    return rows


@layers.register("frame_table", columns=SCORE_COLUMNS[2:], requires=("frames",), table="frames", step="frames")
def frame_table(article: Article) -> list[dict[str, Any]]:
    """The corpus frames table: every frame of every scheme at article level, paragraphs only
    where a frame was hit, and each matched term listed once, on its article row."""
    # The empty paragraph rows were 9 in 10 rows of the corpus table and most of its memory;
    # listed on the paragraph rows too, the terms were half the table's bytes a second time.
    out = []
    for r in article.layer("frames", empty_paragraphs=False):
        if r["level"] == "article":
            out.append(r)
        elif r["hits"] or r["matches"]:
            out.append({**r, "terms": None})  # a copy: the article's rows stay whole
    return out


def score_frames(article_or_corpus: Article | Corpus | Iterable[Article],
                 scheme: str | os.PathLike[str] | FrameScheme | Sequence[str | os.PathLike[str] | FrameScheme] = "generic", *,
                 levels: Sequence[str] = ("paragraph", "article"), count_negated: bool = False,
                 count_quoted: bool = True) -> pd.DataFrame:
    """Frame scores per paragraph and per article: one row per (unit, frame).

    Parameters
    ----------
    article_or_corpus : Article, Corpus or iterable of articles
        A corpus gives the same rows for every article, told apart by ``doc_id`` and ``date``.
    scheme : "generic", "policy", "russia_turkey", or the path of your own frame YAML; or a
        list of these, scored in one call (rows article by article, then scheme by scheme:
        the same rows as one call per scheme, concatenated — told apart by ``scheme``).
    levels : which units to score; ``("article",)`` is faster for large corpora.
    count_negated, count_quoted : whether negated / quoted hits count (see the module notes).

    Returns
    -------
    DataFrame with columns doc_id, date, scheme, level ("paragraph" or "article"), paragraph
    (index, <NA> on article rows), frame, label, hits (counted hits), matches (all non-excluded
    hits), negated, quoted (how many of the matches are negated / quoted), n_words, per_1000,
    share, present, dominant, rank (1 = strongest dominant frame, 0 otherwise), terms (list of
    ``{term, text, start, end, negated, quoted}``; ``article.text[start:end] == text``).

    >>> from newslab.io import load_article, seed_path
    >>> df = score_frames(load_article(seed_path()), "russia_turkey")   # doctest: +SKIP
    >>> df[(df.level == "article") & df.dominant].frame.tolist()        # doctest: +SKIP
    ['diplomacy']
    >>> from newslab import Article
    >>> a = Article.from_text("Talks\\n\\nThe two sides clashed over trade.")
    >>> both = score_frames(a, ["generic", "russia_turkey"], levels=("article",))
    >>> both.groupby("scheme", sort=False).size().to_dict()
    {'generic': 5, 'russia_turkey': 7}
    """
    _check_levels(levels)
    schemes = _load_schemes(scheme)
    df = layers.frame(list(as_articles(article_or_corpus)), "frames", scheme=tuple(schemes), levels=tuple(levels),
                      count_negated=count_negated, count_quoted=count_quoted)
    if len(schemes) == 1:
        df.attrs["scheme"] = schemes[0].name
        df.attrs["scheme_path"] = schemes[0].path
    else:
        df.attrs["scheme"] = [sch.name for sch in schemes]
        df.attrs["scheme_path"] = [sch.path for sch in schemes]
    return df


def dominant_frames(df: pd.DataFrame) -> dict[str, list[str]]:
    """``{doc_id: [frame, ...]}`` — the article-level dominant frames, strongest first."""
    art = df[(df["level"] == "article") & df["dominant"]].sort_values(["doc_id", "rank"])
    out: dict[str, list[str]] = {d: [] for d in df["doc_id"].unique()}
    for d, f in zip(art["doc_id"], art["frame"]):
        out[d].append(f)
    return out


def frame_matrix(df: pd.DataFrame, value: str = "present") -> pd.DataFrame:
    """Article-level scores as a wide table: one row per doc_id, one column per frame."""
    art = df[df["level"] == "article"]
    return art.pivot(index="doc_id", columns="frame", values=value)[list(dict.fromkeys(art["frame"]))]


# ---------------------------------------------------------------------------------------------
# Frames x actors
# ---------------------------------------------------------------------------------------------
def _actors_by_unit(art: Article, mentions: pd.DataFrame | None, unit: str) -> dict[int, dict[str, str]]:
    """``{unit index: {actor: side}}`` of the article's resolved mentions: the ``mentions`` layer
    (:func:`newslab.entities.find_mentions`' rows), or the mention table the caller passed."""
    actors_in: dict[int, dict[str, str]] = {}
    if mentions is None:
        for r in art.layer("mentions"):
            if r["actor"]:
                actors_in.setdefault(r[unit], {})[r["actor"]] = r["side"]
        return actors_in
    m = mentions
    if len(m) == 0:
        return actors_in
    if "doc_id" in m.columns:
        m = m[m["doc_id"] == art.id] if (m["doc_id"] == art.id).any() else m
    m = m[m["actor"].fillna("").astype(str) != ""]
    for actor, side, u in zip(m["actor"], m.get("side", pd.Series([""] * len(m), index=m.index)), m[unit]):
        if not pd.isna(u):
            actors_in.setdefault(int(u), {})[str(actor)] = "" if pd.isna(side) else str(side)
    return actors_in


def frame_by_actor(article_or_corpus: Article | Corpus | Iterable[Article],
                   scheme: str | os.PathLike[str] | FrameScheme = "russia_turkey", *,
                   unit: str = "sentence", mentions: pd.DataFrame | None = None,
                   count_negated: bool = False, count_quoted: bool = True) -> pd.DataFrame:
    """Which frames co-occur with which actors: counts over sentences (or paragraphs).

    For every unit (sentence or paragraph) that holds both a mention of an actor (from
    :func:`newslab.entities.find_mentions`) and a counted hit of a frame, the pair scores one
    ``units`` and the frame's hits in that unit add to ``hits``. Mentions without a resolved
    actor are skipped.

    Returns columns scheme, actor, side, frame, units, hits, articles — sorted by units. Pivot
    it with ``df.pivot_table(index="actor", columns="frame", values="units", fill_value=0)``.

    ``mentions`` lets you pass your own mention table (columns doc_id or none, actor, side,
    sentence, paragraph) for a single article instead of the article's ``mentions`` layer.
    """
    if unit not in ("sentence", "paragraph"):
        raise ParameterError(f"unit={unit!r}: use 'sentence' or 'paragraph'.")
    sch = load_scheme(scheme)
    counts: dict[tuple[str, str, str], list[Any]] = {}
    for art in as_articles(article_or_corpus):
        actors_in = _actors_by_unit(art, mentions, unit)
        if not actors_in:
            continue
        hits_in: dict[int, dict[str, int]] = {}
        for h in _match_article(art, sch):
            if _counted(h, count_negated, count_quoted):
                d = hits_in.setdefault(h[unit], {})
                d[h["frame"]] = d.get(h["frame"], 0) + 1
        for u, frames in hits_in.items():
            for actor, side in actors_in.get(u, {}).items():
                for frame, n in frames.items():
                    c = counts.setdefault((actor, side, frame), [0, 0, set()])
                    c[0] += 1
                    c[1] += n
                    c[2].add(art.id)
    rows = [{"scheme": sch.name, "actor": a, "side": s, "frame": f, "units": c[0], "hits": c[1],
             "articles": len(c[2])} for (a, s, f), c in counts.items()]
    df = pd.DataFrame(rows, columns=["scheme", "actor", "side", "frame", "units", "hits", "articles"])
    df.attrs["unit"] = unit
    return df.sort_values(["units", "hits", "actor", "frame"], ascending=[False, False, True, True],
                          ignore_index=True)


# ---------------------------------------------------------------------------------------------
# Validation against human coders (the agreement figures are in newslab.agreement)
# ---------------------------------------------------------------------------------------------
def _unit_table(corpus: Article | Corpus | Iterable[Article], sch: FrameScheme, unit: str
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sheet rows with text, newslab codes) for every unit of the corpus."""
    arts = list(as_articles(corpus))
    scores = score_frames(arts, sch, levels=(unit,))
    info_rows = []
    for a in arts:
        if unit == "article":
            body = "\n\n".join(p.text for p in a.paragraphs)
            info_rows.append({"doc_id": a.id, "unit": "article", "date": a.date, "title": a.title,
                              "text": body})
        else:
            for p in a.paragraphs:
                info_rows.append({"doc_id": a.id, "unit": f"p{p.i}", "date": a.date,
                                  "title": a.title, "text": " ".join(p.text.split())})
    info = pd.DataFrame(info_rows, columns=list(SHEET_INFO_COLUMNS))
    scores = scores.assign(unit="article" if unit == "article"
                           else "p" + scores["paragraph"].astype("string"))
    codes = (scores.pivot_table(index=["doc_id", "unit"], columns="frame", values="present",
                                aggfunc="max", sort=False)
             .astype(int).reindex(columns=sch.keys).reset_index())
    codes = info[["doc_id", "unit"]].merge(codes, on=["doc_id", "unit"], how="left")
    return info, codes


def unit_codes(corpus: Article | Corpus | Iterable[Article], scheme: str | os.PathLike[str] | FrameScheme,
               unit: str = "paragraph") -> pd.DataFrame:
    """newslab's 0/1 code for every frame and unit: what :func:`coding_sheet` writes to
    ``sheet.newslab.csv``, without writing anything (to compare a sheet coded earlier).

    >>> from newslab import Article
    >>> a = Article.from_text("Talks\\n\\nIndia and China traded threats over the border.", id="x")
    >>> unit_codes(a, "generic")[["unit", "conflict"]].values.tolist()
    [['p0', 1]]
    """
    if unit not in ("paragraph", "article"):
        raise ParameterError(f"unit={unit!r}: use 'paragraph' or 'article'.")
    return _unit_table(corpus, load_scheme(scheme), unit)[1]


def coding_sheet(corpus: Article | Corpus | Iterable[Article], scheme: str | os.PathLike[str] | FrameScheme,
                 path: str | os.PathLike[str], unit: str = "paragraph") -> pd.DataFrame:
    """Write a blank coding sheet for human coders, its instructions, and newslab's codes.

    Files written (``path`` = ``sheet.csv``):

    * ``sheet.csv`` — columns doc_id, unit (``p0``, ``p1``, ... or ``article``), date, title,
      text, then one empty column per frame, then ``notes``. UTF-8 with BOM so Excel and
      LibreOffice open it with the right characters.
    * ``sheet.instructions.md`` — how to code and every frame's definition.
    * ``sheet.newslab.csv`` — newslab's 0/1 codes for the same units (do not show the coders).

    An existing sheet is replaced only while no coder has written in it, and its companions
    only when they are newslab's; otherwise :class:`~newslab.outputs.OutputExistsError` is raised
    and nothing is written.

    Returns newslab's codes (the DataFrame written to ``sheet.newslab.csv``).
    """
    if unit not in ("paragraph", "article"):
        raise ParameterError(f"unit={unit!r}: use 'paragraph' or 'article'.")
    sch = load_scheme(scheme)
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise ParameterError(f"{path}: the coding sheet is written as CSV — give a path ending in .csv.")
    codes_path, notes_path = path.with_suffix(".newslab.csv"), path.with_suffix(".instructions.md")
    # A sheet a coder has filled in is their work: it (and its companions) are never replaced.
    claim([path], is_uncoded_sheet, "move the coded sheet away or pass another path")
    claim([codes_path, notes_path], is_sheet_companion, "move it away or pass another path for the sheet")
    path.parent.mkdir(parents=True, exist_ok=True)
    info, codes = _unit_table(corpus, sch, unit)
    if info.empty:
        raise InputError(f"{path}: the corpus has no {unit}s to code — pass articles with body text.")
    sheet = info.copy()
    for f in sch.keys:
        sheet[f] = ""
    sheet["notes"] = ""
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    codes.to_csv(codes_path, index=False, encoding="utf-8")
    lines = [f"# Coding instructions: {sch.title}", "",
             f"Coding sheet: `{path.name}` — one row per {unit} ({len(sheet)} rows).", "",
             "For every row, read the `text` and write in each frame column:", "",
             "* **1** if the frame is present in this unit — the text makes that aspect of the story salient;",
             "* **0** if it is absent;", "* leave the cell **blank** only if you cannot decide (blank = not coded).", "",
             "Several frames can be present in the same unit. Code each frame on its own, from the text alone;",
             "do not look at other coders' sheets or at newslab's codes. Use `notes` for doubts.",
             "To code as a team, add a `coder` column with your name (or use one copy of the file each).", "",
             "## Frames", ""]
    for f, fd in sch.frames.items():
        lines += [f"### `{f}` — {fd.label}", "", fd.definition or "(no definition given)", ""]
    lines += ["---", f"Generated by newslab from `{Path(sch.path).name}`. Compare your codes with",
              f"`newslab.frames.agreement('{path.name}', '{codes_path.name}')`."]
    notes_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return codes


__all__ = ["SCHEMES", "FrameDef", "FrameScheme", "Matcher", "TermMatcher", "load_scheme", "frame_hits",
           "unit_codes", "score_frames", "dominant_frames", "frame_matrix", "frame_by_actor", "quote_spans",
           "coding_sheet", "agreement"]
