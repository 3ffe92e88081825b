"""Who stands where: favor / against / neutral toward a target, per sentence, holder and speaker.

Stance detection (Mohammad et al. 2016, SemEval-2016 Task 6) asks whether a text is *for* or
*against* a target. newslab scores every mention of a target from the clause around it, and shows
its evidence:

1. **Governing cues** before the target that take it as object — support ("backed", "backer of",
   "ally of", "pushing for") or opposition ("opposed", "dissatisfied with", "rival of") — within
   ``max_gap_words`` and with no other actor in between (``stance_cues.yml``). The agent of a
   passive ("backed by Turkey") is no object.
2. **Predicate cues** after the target ("our relationship has been restored", "... is a threat").
3. **Removal nouns** invert the stance toward whoever is removed: "backed the rebels seeking
   Assad's ouster" → against Assad. The rule is general: a support cue that governs an actor who
   *seeks* Y's ouster/overthrow/removal makes the supporter an opponent of Y as well.
4. **Negation** ("did not support") flips a cue at half weight (the one scope rule of
   :mod:`newslab.clauses`).
5. **Target-local sentiment**: VADER compound (Hutto & Gilbert 2014) of the words within
   ``window`` words of the mention inside its clause — not the whole sentence — with the
   news-mode lexicon of :mod:`newslab.sentiment` by default ("war", "conflict" name the topic).
   When the mention is the subject of a governing cue right after it ("Egypt condemned the
   attack"), only the words before it count: the words after state its own stance.

``score = sum(cue weights) + 0.5 × local VADER``, clipped to −1…+1; ``favor`` when
score ≥ ``threshold`` (0.25), ``against`` when ≤ −threshold, else ``neutral``.

``holder`` is who takes the stance: the subject of the governing cue (coordinated subjects each get
a row), else the quoted speaker when the mention is inside a quote ("we" = the speaker), else ''
(the text itself). ``speaker`` is the quoted speaker from :func:`newslab.quotes.extract_quotes`
when the mention is inside a quote.

Example
-------
>>> from newslab import Article
>>> a = Article.from_text("T\\n\\nTurkey has backed the rebels seeking Assad's ouster.")
>>> df = stance(a)
>>> df[df.stance != "neutral"][["holder", "target", "stance"]].values.tolist()
[['Turkey', 'Syrian rebels', 'favor'], ['Syrian rebels', 'Bashar al-Assad', 'against'], ['Turkey', 'Bashar al-Assad', 'against']]
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from .article import Article, Corpus
from .errors import ParameterError, ResourceFileError
from .packs import stance_issue_files
from . import layers
from .clauses import ClauseCues, ClauseMemo, clause_of, negated, sentence_clauses
from .matcher import PhraseSet, TokenKeys
from .relations import (ActorMention, ContextWords, chain_sides, compile_phrases, context_words, coordinated_chain,
                        is_location)
from .timecues import phrase_set
from .tokenize import count_words, words_in
from .resources import RESOURCE_DIR, load_yaml, resource_stamp
from .sentiment import vader_lexicon, vader_polarity

STANCE_COLUMNS = ["sentence", "target", "stance", "score", "evidence", "speaker", "holder", "target_text",
                  "start", "end", "cue_score", "local_sentiment", "kind"]
DEFAULT_THRESHOLD = 0.25
DEFAULT_WINDOW = 6
SENTIMENT_WEIGHT = 0.5
# Grammar, not vocabulary (so in code): first-person pronouns (a quoted "we" is the speaker),
# prepositions and articles of a noun phrase. The cue words are in stance_cues.yml.
_WE_RE = re.compile(r"\b(?:we|us|our|i|my|me)\b", re.IGNORECASE)
# Compiled once (module-level re.* calls look their pattern up in re's cache on every call).
_NP_BREAK_RE = re.compile(r"[,;:\"“”()]")
_POSSESSIVE_GAP_RE = re.compile(r"(?:['’]s)?\s+")
_NOUN_OF_RE = re.compile(r"(\S+)\s+of\s+(?:the\s+)?$")
_NON_SPACE_RE = re.compile(r"\S+")
_ALONG_WITH_RE = re.compile(r"\b(?:along|together)\s+with\s+$")


# ------------------------------------------------------------------------------------------
# Resources and VADER
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StanceCues:
    """One section of the stance lexicon (governing or predicate): its phrases in one matcher,
    one group per phrase, with each phrase's weight."""

    phrases: PhraseSet
    weights: tuple[float, ...]
    texts: tuple[str, ...]  # the phrases as written (for short_reach / target_bound)

    def __add__(self, other: "StanceCues") -> "StanceCues":
        return _joined(self, other)


@dataclass(frozen=True)
class StanceLexicon:
    governing: StanceCues
    predicate: StanceCues
    removal: PhraseSet
    goal: PhraseSet
    issues: dict[str, tuple[str, ...]]  # issue name -> its phrases
    max_gap: int
    path: str
    issue_set: PhraseSet  # every issue's phrases, one group per issue (in the order of ``issues``)
    short_reach: frozenset[str] = frozenset()  # phrases that govern a target at most two words on
    target_bound: frozenset[str] = frozenset()  # phrases that govern only the very next words
    both: StanceCues | None = None  # governing + predicate (for text_cues)
    # what a cue does not reach across: punctuation, a quote mark, a dash, or a speech verb
    # ('..." said Erdogan'; the words are the barrier_words of stance_cues.yml)
    barrier: re.Pattern[str] = re.compile(r"[,;:\"“”()]|\s[-–—]+\s")


def _group_phrases(data: Any, where: str) -> tuple[list[str], list[float], list[str]]:
    """(phrases, weights, places) of one section; each class needs a weight and its phrases."""
    if not isinstance(data, dict):
        raise ResourceFileError(f"{where}: expected classes with 'weight' and 'phrases' — see the file header.")
    phrases, weights, places = [], [], []
    for cls, spec in data.items():
        try:
            weight = float(spec["weight"])
            group = [str(ph) for ph in spec["phrases"]]
        except (KeyError, TypeError, ValueError):
            raise ResourceFileError(f"{where}: class '{cls}' needs a numeric 'weight' and a 'phrases' list.") from None
        phrases += group
        weights += [weight] * len(group)
        places += [f"{where}: class '{cls}'"] * len(group)
    return phrases, weights, places


def _compile_group(data: Any, where: str) -> StanceCues:
    phrases, weights, places = _group_phrases(data, where)
    return StanceCues(phrase_set([[ph] for ph in phrases], places), tuple(weights), tuple(phrases))


@lru_cache(maxsize=8)
def _joined(a: StanceCues, b: StanceCues) -> StanceCues:
    phrases = a.texts + b.texts
    return StanceCues(phrase_set([[ph] for ph in phrases], "stance cues"), a.weights + b.weights, phrases)


def _issue_map(data: Any, where: str) -> dict[str, tuple[str, ...]]:
    issues = data.get("issues") if isinstance(data, dict) else None
    if issues is None:
        return {}
    if not isinstance(issues, dict):
        raise ResourceFileError(f"{where}: 'issues' must map a target name to a list of phrases.")
    return {str(k): tuple(str(p) for p in ([v] if isinstance(v, str) else v)) for k, v in issues.items()}


@lru_cache(maxsize=8)
def _compile_lexicon(path: str, mtime: float, extra: tuple[tuple[str, float], ...] = ()) -> StanceLexicon:
    """The lexicon of ``path``, plus the issues of the ``extra`` files (a resource pack's) that
    it does not name itself."""
    data = load_yaml(path)
    if not isinstance(data, dict) or "governing" not in data:
        raise ResourceFileError(f"{path}: expected 'governing', 'predicate', 'removal_nouns' and 'issues' "
                                "sections — see newslab/resources/stance_cues.yml.")
    removal = data.get("removal_nouns") or ["ouster"]
    goal = data.get("goal_words") or ["seeking"]
    phrases = _issue_map(data, path)
    for extra_path, _ in extra:
        for name, ph in _issue_map(load_yaml(extra_path), extra_path).items():
            phrases.setdefault(name, ph)
    issue_set = phrase_set([list(v) for v in phrases.values()], [f"{path}: issue '{k}'" for k in phrases])
    governing = _compile_group(data["governing"], f"{path}: governing")
    predicate = _compile_group(data.get("predicate") or {}, f"{path}: predicate")
    return StanceLexicon(
        governing, predicate, compile_phrases(removal, f"{path}: removal_nouns"),
        compile_phrases(goal, f"{path}: goal_words"), phrases, int(data.get("max_gap_words", 6)), path, issue_set,
        frozenset(str(w) for w in data.get("short_reach") or []),
        frozenset(str(w) for w in data.get("target_bound") or []), governing + predicate, _barrier(data))


def _barrier(data: dict[str, Any]) -> re.Pattern[str]:
    """Punctuation, a quote mark, a spaced dash, or one of the ``barrier_words`` (a file without
    them uses the packaged file's)."""
    words = data.get("barrier_words")
    if words is None:
        words = (load_yaml(RESOURCE_DIR / "stance_cues.yml") or {}).get("barrier_words") or []
    alt = "|".join(re.escape(str(w)) for w in words)
    return re.compile(r"[,;:\"“”()]|\s[-–—]+\s" + (rf"|\b(?:{alt})\b" if alt else ""), re.IGNORECASE)


def load_stance_cues(path: str | os.PathLike[str] | None = None) -> StanceLexicon:
    """The stance lexicon (packaged ``stance_cues.yml`` or your own file in that format), with
    the default targets of the active resource pack (:mod:`newslab.packs`) added to its issues."""
    extra = tuple(resource_stamp(f) for f in stance_issue_files())
    return _compile_lexicon(*resource_stamp(path or "stance_cues.yml"), extra)


SENTIMENT_MODES = ("news", "standard")


def _compound(text: str, mode: str) -> float:
    # News mode: topic words ("war", "crisis", "conflict") no longer count as the writer's tone —
    # in news they name what the story is about, not a stance toward an actor.
    return vader_polarity(text, vader_lexicon(mode))["compound"]


def local_sentiment(text: str, mode: str = "news") -> tuple[float, list[str]]:
    """VADER compound of a short stretch of text and the lexicon words that carried it.

    >>> local_sentiment("a war that killed many", mode="standard")[1]
    ['war', 'killed']
    """
    if mode not in SENTIMENT_MODES:
        raise ParameterError(f"sentiment={mode!r}: use 'news' (articles) or 'standard' (tweets, reviews).")
    if not text.strip():
        return 0.0, []
    lexicon = vader_lexicon(mode)
    compound = _compound(text, mode)
    words = [w for w in words_in(text.lower()) if lexicon.get(w)]
    return float(compound), words


# ------------------------------------------------------------------------------------------
# Targets
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Target:
    name: str
    start: int
    end: int
    text: str
    kind: str  # actor | issue | phrase
    side: str = ""


def _actor_targets(article: Article) -> list[_Target]:
    out = []
    for m in article.layer("actor_mentions"):
        if len(m.actors) != 1:
            continue  # "the pair" is two actors; stance toward each is read from their names
        actor, side = m.actors[0]
        out.append(_Target(actor, m.start, m.end, m.text, "actor", side))
    return out


def _phrase_targets(article: Article, names: Sequence[str], phrases: PhraseSet, kind: str,
                    only: int | None = None) -> list[_Target]:
    """Mentions of phrase targets (group ``g`` of ``phrases`` is the target ``names[g]``), target
    by target, each in text order; ``only``: just that group."""
    tk = article.layer("match_tokens")
    text = article.text
    by_group: dict[int, list[_Target]] = {}
    for i, j, g in phrases.find(tk):
        if only is None or g == only:
            st, en = tk.chars(i, j)
            by_group.setdefault(g, []).append(_Target(names[g], st, en, text[st:en], kind))
    return [t for g in sorted(by_group) for t in by_group[g]]


@lru_cache(maxsize=64)
def _target_phrases(groups: tuple[tuple[str, ...], ...], where: tuple[str, ...]) -> PhraseSet:
    """The phrases of targets passed by the caller, compiled once per set of phrases."""
    return phrase_set([list(g) for g in groups], list(where))


def _resolve_targets(article: Article, targets: Any, lex: StanceLexicon) -> list[_Target]:
    actor_t = _actor_targets(article)
    issue_names = list(lex.issues)
    if targets is None:
        return actor_t + _phrase_targets(article, issue_names, lex.issue_set, "issue")
    if isinstance(targets, str):
        targets = [targets]
    if isinstance(targets, Mapping):
        names = [str(n) for n in targets]
        groups = tuple(tuple(str(p) for p in ([v] if isinstance(v, str) else v)) for v in targets.values())
        return _phrase_targets(article, names, _target_phrases(groups, tuple(f"targets[{n!r}]" for n in targets)),
                               "phrase")
    if not isinstance(targets, Iterable):
        raise ParameterError("targets: pass None, a name, a list of names, or a dict {name: [phrases]}.")
    found = []
    for t in targets:
        t = str(t)
        low = t.lower()
        hits = [x for x in actor_t if x.name.lower() == low or re.split(r"[\s-]", x.name.lower())[-1] == low
                or (x.kind == "actor" and x.side.lower() == low and x.name.lower() == low)]
        if hits:
            found += [_Target(t, x.start, x.end, x.text, "actor", x.side) for x in hits]
            continue
        if t in lex.issues:
            found += _phrase_targets(article, issue_names, lex.issue_set, "issue", issue_names.index(t))
            continue
        found += _phrase_targets(article, [t], _target_phrases(((t,),), (f"targets: {t!r}",)), "phrase")
    return found


# ------------------------------------------------------------------------------------------
# Scoring one mention
# ------------------------------------------------------------------------------------------
def _words_between(text: str, a: int, b: int) -> int:
    return count_words(text, a, b) if b > a else 0


def _find_cues(tk: TokenKeys, s: int, e: int, cues: StanceCues, memo: dict | None = None,
               scope: tuple[int, int] | None = None) -> list[tuple[int, int, float, str]]:
    """Cue matches inside characters [s, e), longest first at each position, no overlaps.

    With ``memo`` and ``scope`` (the clause) the cues are matched once per clause and the
    windows inside it are filtered from that list (stance asks for many windows per clause).
    """
    if memo is not None and scope is not None:
        key = (scope, id(cues))
        if key not in memo:
            memo[key] = _cue_hits(tk, *scope, cues)
        found = [c for c in memo[key] if c[0] >= s and c[1] <= e]
    else:
        found = _cue_hits(tk, s, e, cues)
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, last = [], -1
    for c in found:
        if c[0] >= last:
            out.append(c)
            last = c[1]
    return out


def _cue_hits(tk: TokenKeys, s: int, e: int, cues: StanceCues) -> list[tuple[int, int, float, str]]:
    """``(start, end, weight, phrase)`` of every cue phrase match inside characters [s, e)."""
    return [(*tk.chars(i, j), cues.weights[g], cues.texts[g]) for i, j, g in cues.phrases.find(tk, *tk.span(s, e))]


@dataclass
class _Score:
    cue_score: float
    evidence: list[str]
    governing_at: int | None  # offset of the governing cue (for the holder)
    removal: bool
    goal_subject_cue: bool


_NOT_HOLDER_RE = re.compile(r"\b(?:of|in|at|on|to|from|with|for|over|about|against|by|into|toward|towards|"
                            r"between|near|across|inside|than|along|beyond|behind|under|within|through)\s+"
                            r"(?:the\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)


def _same_np(text: str, a: int, b: int, titles_only: bool = False) -> bool:
    """Two names in one noun phrase: only titles between them ("Syrian President Bashar al-Assad",
    "Turkish Foreign Minister Mevlut Cavusoglu") or, unless ``titles_only``, at most one lowercase
    word ("his Turkish counterpart Erdogan")."""
    gap = text[a:b]
    if _NP_BREAK_RE.search(gap):
        return False
    words = words_in(gap)
    return (not titles_only and len(words) <= 1) or all(w[:1].isupper() for w in words)


@dataclass(frozen=True)
class _MentionSite:
    """One target mention in its clause, with what may govern it."""

    text: str
    t: _Target
    clause: tuple[int, int]
    others: list[ActorMention]  # the other actor mentions of the clause
    lex: StanceLexicon
    target_ends: Sequence[int] = ()  # ends of earlier target mentions in the clause
    location: bool = False  # the mention is a place ("in Syria"): no cue governs it
    memo: dict | None = None
    clause_cues: ClauseCues | None = None
    tokens: TokenKeys = TokenKeys([], [], [], [])


def _removal_span(site: _MentionSite) -> tuple[int, int] | None:
    """"Assad's ouster", "the removal of Assad": the span of a removal noun phrase of the target."""
    text, t, (cs, ce), lex = site.text, site.t, site.clause, site.lex
    after = _POSSESSIVE_GAP_RE.match(text[t.end:ce]) if t.end < ce else None
    if after:
        tk = site.tokens
        i = bisect_left(tk.starts, t.end + after.end())
        j = lex.removal.match_at(tk, i, tk.span(cs, ce)[1]) if i < len(tk.starts) \
            and tk.starts[i] == t.end + after.end() else None
        if j is not None:
            return (t.start, tk.ends[j - 1])
    m = _NOUN_OF_RE.search(text[max(cs, t.start - 40):t.start])
    if m and lex.removal.fullmatch(m.group(1)):
        return (t.start - len(m.group(0)), t.end)
    return None


def _governing_cue(site: _MentionSite, head_start: int) -> tuple[int, int, float, str] | None:
    """The last governing cue before the target's phrase (starting at ``head_start``) that reaches it:
    no other actor, punctuation, quote mark or speech verb in between, and within the cue's reach."""
    text, t, (cs, _), lex = site.text, site.t, site.clause, site.lex
    if site.location:
        return None
    blockers = [o.end for o in site.others if o.end <= head_start and not (o.start >= t.start and o.end <= t.end)
                and not _same_np(text, o.end, head_start)]
    # a cue does not reach across punctuation, a quote mark or a speech verb ('..." said Erdogan')
    barrier = [m.end() for m in lex.barrier.finditer(text, cs, head_start)]
    floor = max([cs] + blockers + barrier +
                [b for b in site.target_ends if b <= head_start and not _same_np(text, b, head_start)])
    gov = [c for c in _find_cues(site.tokens, floor, head_start, lex.governing, site.memo, site.clause)
           if c[2] != 0 and _within_reach(text, c, head_start, lex)]
    if gov and _AGENT_GAP_RE.fullmatch(text, gov[-1][1], head_start):
        return None  # "backed by Turkey", "welcomed by Egypt": the target is the agent, who holds the stance
    return gov[-1] if gov else None


_AGENT_GAP_RE = re.compile(r"\s+by\s+(?:the\s+)?", re.IGNORECASE)


def _within_reach(text: str, cue: tuple[int, int, float, str], head_start: int, lex: StanceLexicon) -> bool:
    gap = _words_between(text, cue[1], head_start)
    return gap <= lex.max_gap and (cue[3] not in lex.short_reach or gap <= 2) \
        and (cue[3] not in lex.target_bound or gap <= 1)


def _predicate_cue(site: _MentionSite) -> tuple[int, int, float, str] | None:
    """The first predicate cue after the target ("has been restored", "is a threat"), before the
    next actor or barrier of its clause."""
    text, t, ce, lex = site.text, site.t, site.clause[1], site.lex
    nxt = [o.start for o in site.others if o.start >= t.end]
    limit = min([ce] + nxt)
    if site.location:
        limit = t.end
    else:
        bar = lex.barrier.search(text, t.end, limit)
        limit = bar.start() if bar else limit
    pred = [c for c in _find_cues(site.tokens, t.end, limit, lex.predicate, site.memo, site.clause)
            if c[2] != 0 and _words_between(text, t.end, c[0]) <= lex.max_gap]
    return pred[0] if pred else None


def _signed(text: str, scope_start: int, cue: tuple[int, int, float, str], cc: ClauseCues | None = None
            ) -> tuple[float, str]:
    """A cue's weight and evidence words, flipped at half weight when negated."""
    st, en, w, _ = cue
    neg = negated(text, scope_start, st, cc)
    return w * (-0.5 if neg else 1.0), ("not " if neg else "") + text[st:en]


def _score_mention(site: _MentionSite) -> _Score:
    """Cue score of one target mention: its governing cue, its removal phrase, its predicate cue."""
    text, t, cs, lex = site.text, site.t, site.clause[0], site.lex
    evidence: list[str] = []
    total = 0.0
    removal = _removal_span(site)
    gov = _governing_cue(site, removal[0] if removal else t.start)
    if gov:
        w, words = _signed(text, cs, gov, site.clause_cues)
        evidence.append(words)
        total += w
    if removal:
        evidence.append(text[removal[0]:removal[1]] if removal[0] < t.start else text[t.start:removal[1]])
        total = -(total if gov else 0.5)
    else:
        pred = _predicate_cue(site)
        if pred:
            w, words = _signed(text, t.end, pred, site.clause_cues)
            total += w
            evidence.append(words)
    goal = bool(gov and removal and lex.goal.fullmatch(text[gov[0]:gov[1]]))
    return _Score(total, evidence, gov[0] if gov else None, bool(removal), goal)


def _subject_of_cue(site: _MentionSite) -> bool:
    """Is the mention the subject of a governing cue right after it ("von der Leyen welcomed the
    deal", "Iran has condemned ...")? The words after it then state its own stance towards
    something else, not a stance towards it; a passive ("was welcomed by") is not such a subject."""
    text, t, lex = site.text, site.t, site.lex
    head_end = t.end
    for o in sorted(site.others, key=lambda o: o.start):
        if o.start >= head_end and _same_np(text, head_end, o.start, titles_only=True):
            head_end = o.end  # "European Commission President Ursula von der Leyen": the name heads the phrase
    limit = min([site.clause[1]] + [o.start for o in site.others if o.start >= head_end])
    cues = _find_cues(site.tokens, head_end, limit, lex.governing, site.memo, site.clause)
    if not cues or cues[0][2] == 0:
        return False
    between = text[head_end:cues[0][0]]
    return len(between.split()) <= 2 and not _PASSIVE_GAP_RE.search(between)


_PASSIVE_GAP_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got)\b|[,;:(]", re.IGNORECASE)


def _window(text: str, t: _Target, clause: tuple[int, int], n: int, names: Sequence[tuple[int, int]] = (),
            right: bool = True) -> str:
    """Up to ``n`` words either side of the mention inside its clause (only before it when not
    ``right``), names blanked out (so "United States" does not read as the positive word "united")."""
    cs, ce = clause
    pieces, pos = [], cs
    for a, b in sorted(names):
        a, b = max(a, cs, pos), min(b, ce)
        if a < b:
            pieces += [text[pos:a], " " * (b - a)]
            pos = b
    pieces.append(text[pos:ce])
    masked = "".join(pieces)
    before = masked[:t.start - clause[0]]
    after = masked[t.end - clause[0]:]
    left = _NON_SPACE_RE.findall(before)[-n:]
    words_after = _NON_SPACE_RE.findall(after)[:n] if right else []
    return " ".join(left + words_after)


def _holders(text: str, at: int, clause: tuple[int, int], mentions: list[ActorMention], t: _Target,
             ctx: ContextWords | None = None) -> list[tuple[str, str]]:
    """(holder, holder_text) for the subject of the cue at ``at``: coordinated subjects each count."""
    left = [m for m in mentions if clause[0] <= m.start and m.end <= at and not (m.start >= t.start and m.end <= t.end)
            and (not _NOT_HOLDER_RE.search(text[max(clause[0], m.start - 30):m.start])
                 or _ALONG_WITH_RE.search(text[max(clause[0], m.start - 30):m.start]))]
    if not left:
        return []
    group = chain_sides(coordinated_chain(text, left, True, ctx))
    return [(a, txt) for a, _, txt in group]


def _stance_json(r: dict[str, Any]) -> dict[str, Any] | None:
    if r["stance"] == "neutral":
        return None
    return {"sentence": r["sentence"], "target": r["target"], "stance": r["stance"], "score": float(r["score"]),
            "evidence": r["evidence"], "speaker": r["speaker"], "holder": r["holder"]}


@layers.register("stance", columns=STANCE_COLUMNS, requires=("actor_mentions", "quotes"),
                 dtypes={"sentence": "int", "start": "int", "end": "int", "score": "float", "cue_score": "float",
                         "local_sentiment": "float"},
                 resources=lambda p: [p.get("cues") or "stance_cues.yml", "sentiment_news.yml", "clause_cues.yml",
                                      *stance_issue_files()],
                 defaults={"targets": None, "cues": None, "threshold": DEFAULT_THRESHOLD, "window": DEFAULT_WINDOW,
                           "sentiment": "news"},
                 table="stance", json_section="stance", json_row=_stance_json)
def stance_layer(article: Article, targets: Any, cues: str | os.PathLike[str] | None, threshold: float,
                 window: int, sentiment: str) -> list[dict[str, Any]]:
    """One row per (sentence, target, holder) with the stance taken (see :func:`stance`)."""
    return _stance_rows(article, targets, cues, threshold, window, sentiment)


def stance(article: Article | Corpus, targets: Any = None, *, cues: str | os.PathLike[str] | None = None,
           threshold: float = DEFAULT_THRESHOLD, window: int = DEFAULT_WINDOW, sentiment: str = "news") -> pd.DataFrame:
    """Stance toward targets, one row per (sentence, target, holder).

    ``targets``: None (every actor mention plus the issue phrases of ``stance_cues.yml``), a name
    or list of names (actors such as "Assad", "NATO", or issues/phrases such as "political
    settlement"), or a dict ``{name: [phrases]}``. Columns: ``sentence``, ``target``, ``stance``
    (favor/against/neutral), ``score`` (−1…+1), ``evidence`` (cue words and the VADER words that
    counted), ``speaker`` (quoted speaker or ''), ``holder`` (who takes the stance, '' = the text),
    ``target_text``, ``start``/``end`` of the mention, ``cue_score``, ``local_sentiment``, ``kind``.
    ``sentiment``: "news" (default; VADER with news-mode topic words toned down, see
    newslab.sentiment) or "standard" (published VADER, e.g. for tweets).

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nRussia is the key backer of Assad. Turkey opposed NATO.")
    >>> stance(a, ["Assad", "NATO"])[["holder", "target", "stance"]].values.tolist()
    [['Russia', 'Assad', 'favor'], ['Turkey', 'NATO', 'against']]
    """
    if not 0 <= threshold < 1:
        raise ParameterError(f"threshold={threshold}: pass a number from 0 to 1 (default {DEFAULT_THRESHOLD}).")
    return layers.frame(article, "stance", targets=targets, cues=cues, threshold=threshold, window=window,
                        sentiment=sentiment)


class SpanIndex:
    """Spans ``(start, end, ...)`` indexed by start, so that the span holding an offset is found
    by bisection, not by a scan of every span (stance asks once per target mention, so a scan
    made its cost grow with the square of the article's length).

    >>> quotes = SpanIndex([(40, 90, "Modi"), (5, 30, "Xi")])
    >>> quotes.containing(12), quotes.containing(35), quotes.containing(89)
    ((5, 30, 'Xi'), None, (40, 90, 'Modi'))
    """

    def __init__(self, spans: Iterable[tuple[Any, ...]]) -> None:
        self.spans = list(spans)
        self.order = sorted(range(len(self.spans)), key=lambda k: self.spans[k][0])
        self.starts = [self.spans[k][0] for k in self.order]
        self.reach: list[int] = []  # the largest end among the spans up to here (in start order)
        for k in self.order:
            self.reach.append(max(self.spans[k][1], self.reach[-1] if self.reach else self.spans[k][1]))

    def containing(self, offset: int) -> tuple[Any, ...] | None:
        """The first span (in the order given) with ``start <= offset < end``, or None."""
        best = None
        k = bisect_right(self.starts, offset) - 1
        while k >= 0 and self.reach[k] > offset:  # nested or overlapping spans: a few steps back
            i = self.order[k]
            if self.spans[i][1] > offset and (best is None or i < best):
                best = i
            k -= 1
        return None if best is None else self.spans[best]


@dataclass
class _StanceRun:
    """What scoring the targets of one article needs, looked up once."""

    article: Article
    lex: StanceLexicon
    found: list[_Target]
    mentions: list[ActorMention]  # single-actor mentions
    quotes: SpanIndex  # (start, end, speaker) of each quote
    attributions: SpanIndex  # (start, end) of the speaker names of quotes
    threshold: float
    window: int
    sentiment: str
    # cue matches per clause
    memo: dict = field(default_factory=dict)
    vader_memo: dict[str, tuple[float, list[str]]] = field(default_factory=dict)  # VADER once per window text
    # Speed: mentions and targets are looked up by bisection on their start offsets
    mention_starts: list[int] = field(default_factory=list)
    mention_at: dict[tuple[int, int], ActorMention] = field(default_factory=dict)
    by_start: list[_Target] = field(default_factory=list)
    found_starts: list[int] = field(default_factory=list)
    clause_cues: ClauseCues | None = None
    clause_memo: ClauseMemo | None = None
    tokens: TokenKeys = TokenKeys([], [], [], [])
    context: ContextWords | None = None  # relation_cues.yml's context words (places, coordination)

    @classmethod
    def of(cls, article: Article, lex: StanceLexicon, found: list[_Target], threshold: float, window: int,
           sentiment: str) -> "_StanceRun":
        mentions = [m for m in article.layer("actor_mentions") if len(m.actors) == 1]
        quotes = article.layer("quotes")
        qspans = [(int(q["start"]), int(q["end"]), str(q.get("speaker") or "")) for q in quotes]
        attributions = [(int(a), int(b)) for a, b in ((q.get("speaker_start"), q.get("speaker_end")) for q in quotes)
                        if a is not None and b is not None and a == a and b == b and int(b) > int(a)]  # a == a: not NaN
        run = cls(article, lex, found, mentions, SpanIndex(qspans), SpanIndex(attributions), threshold, window,
                  sentiment)
        run.mention_starts = [m.start for m in mentions]
        for m in mentions:
            run.mention_at.setdefault((m.start, m.end), m)
        run.by_start = sorted(found, key=lambda x: x.start)
        run.found_starts = [x.start for x in run.by_start]
        run.clause_memo = article.layer("clauses")
        run.tokens = article.layer("match_tokens")
        run.context = context_words()
        run.clause_cues = run.clause_memo.cues
        return run

    def in_clause(self, clause: tuple[int, int]) -> list[ActorMention]:
        return self.mentions[bisect_left(self.mention_starts, clause[0]):bisect_left(self.mention_starts, clause[1])]

    def site(self, t: _Target, clause: tuple[int, int], in_clause: list[ActorMention]) -> _MentionSite:
        text = self.article.text
        others = [m for m in in_clause if not (m.start < t.end and t.start < m.end)]
        target_ends = [x.end for x in self.by_start[bisect_left(self.found_starts, clause[0]):
                                                    bisect_left(self.found_starts, t.start)] if x.end <= t.start]
        mention = self.mention_at.get((t.start, t.end))
        location = mention is not None and is_location(text, mention, clause[0], self.context)
        return _MentionSite(text, t, clause, others, self.lex, target_ends, location, self.memo,
                            self.clause_cues, self.tokens)

    def local(self, win: str) -> tuple[float, list[str]]:
        if win not in self.vader_memo:
            self.vader_memo[win] = local_sentiment(win, self.sentiment)
        return self.vader_memo[win]


def _stance_rows(article: Article, targets: Any, cues: str | os.PathLike[str] | None, threshold: float,
                 window: int, sentiment: str) -> list[dict[str, Any]]:
    """One row dict per (sentence, target, holder, start), keys in STANCE_COLUMNS order."""
    if not 0 <= threshold < 1:
        raise ParameterError(f"threshold={threshold}: pass a number from 0 to 1 (default {DEFAULT_THRESHOLD}).")
    lex = load_stance_cues(cues)
    found = _resolve_targets(article, targets, lex)
    if not found:
        return []
    run = _StanceRun.of(article, lex, found, threshold, window, sentiment)
    rows: list[dict[str, Any]] = []
    for t in sorted(found, key=lambda x: (x.start, x.name)):
        rows.extend(_mention_rows(run, t))
    return _unique_rows(rows)


def _mention_rows(run: _StanceRun, t: _Target) -> list[dict[str, Any]]:
    """The rows of one target mention: one per holder, plus the holders it passes through support."""
    article, text = run.article, run.article.text
    sent = article.sentence_at(t.start)
    if sent is None:
        return []
    clause = clause_of(sentence_clauses(article, sent.i, run.clause_memo), t.start, (sent.start, sent.end))
    in_clause = run.in_clause(clause)
    site = run.site(t, clause, in_clause)
    sc = _score_mention(site)
    if run.attributions.containing(t.start) is not None:
        return []  # 'Erdogan said: "..."' — the speaker's name is attribution, not a topic
    local, vwords = run.local(_window(text, t, clause, run.window, [(m.start, m.end) for m in in_clause],
                                      right=not _subject_of_cue(site)))
    score = max(-1.0, min(1.0, sc.cue_score + SENTIMENT_WEIGHT * local))
    label = "favor" if score >= run.threshold else "against" if score <= -run.threshold else "neutral"
    quote = run.quotes.containing(t.start)
    speaker = quote[2] if quote is not None else ""
    evidence = sc.evidence + ([f"VADER {local:+.2f} ({', '.join(vwords)})"] if vwords else [])
    holders = _mention_holders(run, t, sc, clause, speaker)
    base = {"sentence": sent.i, "target": t.name, "stance": label, "score": round(score, 4),
            "evidence": "; ".join(evidence), "speaker": speaker, "target_text": t.text, "start": t.start,
            "end": t.end, "cue_score": round(sc.cue_score, 4), "local_sentiment": round(local, 4), "kind": t.kind}
    rows = [{**base, "holder": h} for h, _ in holders if not (h and h == t.name)]
    # "Turkey backed the rebels seeking Assad's ouster": the backer of an actor who seeks Y's
    # removal opposes Y too (stance passes through support).
    if sc.removal and sc.goal_subject_cue and holders and holders[0][0]:
        rows += _through_support(run, t, sc, clause, base, evidence)
    return rows


def _mention_holders(run: _StanceRun, t: _Target, sc: _Score, clause: tuple[int, int], speaker: str
                     ) -> list[tuple[str, str]]:
    """Who takes the stance: the governing cue's subject, else the quoted speaker ("we" = the
    speaker), else '' (the text itself)."""
    holders: list[tuple[str, str]] = []
    if sc.governing_at is not None:
        text = run.article.text
        holders = _holders(text, sc.governing_at, clause, run.in_clause(clause), t, run.context)
        if speaker and (not holders or _WE_RE.search(text, max(clause[0], sc.governing_at - 40), sc.governing_at)):
            holders = [(speaker, "we")]
    return holders or [(speaker, "")]


def _through_support(run: _StanceRun, t: _Target, sc: _Score, clause: tuple[int, int], base: dict[str, Any],
                     evidence: list[str]) -> list[dict[str, Any]]:
    """Rows for the supporters of the actor whose goal is the target's removal."""
    text, lex = run.article.text, run.lex
    subj = [m for m in run.in_clause(clause) if m.end <= sc.governing_at]  # type: ignore[operator]
    if not subj:
        return []
    near = subj[-1]
    gov = [g for g in _find_cues(run.tokens, clause[0], near.start, lex.governing, run.memo, clause)
           if _words_between(text, g[1], near.start) <= lex.max_gap and g[2] > 0]
    if not gov or negated(text, clause[0], gov[-1][0], run.clause_cues):
        return []
    return [{**base, "holder": h, "evidence": "; ".join([text[gov[-1][0]:gov[-1][1]]] + evidence)}
            for h, _ in _holders(text, gov[-1][0], clause, run.in_clause(clause), t, run.context)
            if h != t.name]


def _unique_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (sentence, target, holder, start), the first one kept (as drop_duplicates does)."""
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for r in rows:
        k = (r["sentence"], r["target"], r["holder"], r["start"])
        if k not in seen:
            seen.add(k)
            unique.append({c: r[c] for c in STANCE_COLUMNS})
    return unique


def text_cues(text: str, cues: str | os.PathLike[str] | None = None) -> tuple[float, list[str]]:
    """Support minus opposition cue weight in a short text, with no target binding (negation counted).

    For texts too short to name their target (tweets, headlines): the sum of every governing and
    predicate cue, each flipped at half weight after a negator.

    >>> text_cues("We must not support this, we oppose it")
    (-1.5, ['not support', 'oppose'])
    """
    lex = load_stance_cues(cues)
    total, words = 0.0, []
    for st, en, w, ph in _find_cues(TokenKeys.of_text(text), 0, len(text), lex.both or lex.governing):
        if w == 0 or ph in lex.target_bound:
            continue
        neg = negated(text, 0, st)
        total += w * (-0.5 if neg else 1.0)
        words.append(("not " if neg else "") + text[st:en])
    return total, words


def speaker_stance(stance_df: pd.DataFrame, by: str = "speaker", threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Mean stance per speaker (or ``by="holder"``) and target: n, mean score, label, evidence.

    >>> from newslab import Article
    >>> a = Article.from_text('T\\n\\n"Our relationship has been restored," Putin said.')
    >>> speaker_stance(stance(a, ["the relationship"]))[["speaker", "target", "stance"]].values.tolist()
    [['Vladimir Putin', 'the relationship', 'favor']]
    """
    if by not in stance_df.columns:
        raise ParameterError(f"by={by!r}: use 'speaker' or 'holder'.")
    df = stance_df[stance_df[by].astype(str) != ""]
    cols = [by, "target", "n", "score", "stance", "evidence"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for (who, target), g in df.groupby([by, "target"], sort=True):
        mean = float(g.score.mean())
        rows.append({by: who, "target": target, "n": len(g), "score": round(mean, 4),
                     "stance": "favor" if mean >= threshold else "against" if mean <= -threshold else "neutral",
                     "evidence": " | ".join(e for e in g.evidence if e)})
    return pd.DataFrame(rows, columns=cols)
