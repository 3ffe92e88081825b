"""Clauses of a sentence and what marks a predicate inside one: negation, modality, reported speech.

One module, shared by :mod:`newslab.relations`, :mod:`newslab.stance` and :mod:`newslab.frames`,
so that "did not agree" is negated the same way everywhere. Cue words live in
``newslab/resources/clause_cues.yml``.

* **Clauses** (:func:`clause_spans`, the ``clauses`` layer): a sentence is cut at ``;``, at a
  spaced dash, at a comma followed by a subordinating or relative word (", which", ", when",
  ", adding") and before a bare "but"/"when"/"after"/"before" (Quirk et al. 1985, §13–15:
  punctuation plus a clause-opening word marks a new clause).
* **Negation scope** (:func:`negation_cue`): the scope of a clausal negator is the predicate
  that follows it in its clause (Huddleston & Pullum 2002, ch. 9). newslab's rule: a negation
  cue among the ``scope_words`` words before the predicate, inside its clause, with no comma,
  colon, bracket or dash in between. The same rule for every analyzer; cues are of four kinds
  (``negator`` "not", ``suffix`` "didn't", ``failure`` "failed to", "cancelled", ``denial``
  "denied"), so that later analyzers can treat a denial apart from a plain negation.
* **Modality** (:func:`modality_cue`): modal verbs, intentions, demands and conditions
  ("would", "plans to", "calls for", "if") under the same scope rule — for an event's status
  (asserted vs hypothetical, after FactBank, Saurí & Pustejovsky 2009).
* **Reported speech** (:func:`speech_regex`, :func:`reported_nominal_regex`): the verbs that
  report what someone said.

>>> negation_cue(["turkey", "did", "not"])
Marking(kind='negator', cue='not')
>>> negated("Iran and the EU have not yet agreed.", 0, 28)
True
>>> negated("Not far from Delhi, India and China agreed.", 19, 36)
False
>>> modality_cue(["the", "two", "sides", "would"])
Marking(kind='modals', cue='would')
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from . import layers
from .errors import ResourceFileError
from .resources import load_yaml, resource_stamp
from .tokenize import is_word, iter_tokens

CUES_FILE = "clause_cues.yml"
NEGATION_KINDS = ("negator", "suffix", "failure", "denial")
MODALITY_KINDS = ("modals", "intention", "demand", "condition", "generic")


@dataclass(frozen=True)
class Marking:
    """A cue that marks a predicate: its kind (e.g. ``negator``, ``failure``, ``modals``) and words."""

    kind: str
    cue: str


# A cue phrase as matched against tokens: one (word, is_prefix) pair per word.
Phrase = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class CueSet:
    """Cue phrases of several kinds, compiled for fast lookup in a few scope words: one-word cues
    by exact word and by prefix, longer phrases tried in file order."""

    exact: dict[str, str]  # word -> kind
    prefixes: tuple[tuple[str, str], ...]  # (prefix, kind)
    prefix_starts: tuple[str, ...]  # the prefixes, for one str.startswith test
    # phrases of two or more words by their last word (exact), and those ending in a prefix
    by_last: dict[str, tuple[tuple[str, Phrase], ...]]
    prefix_last: tuple[tuple[str, Phrase], ...]
    # The words some cue can end with (exactly, or by prefix): most scope words are none of
    # them, and :meth:`find` skips those with one set lookup and one startswith test.
    enders: frozenset[str] = frozenset()
    ender_prefixes: tuple[str, ...] = ()

    @classmethod
    def of(cls, entries: Sequence[tuple[str, Phrase]]) -> "CueSet":
        exact: dict[str, str] = {}
        prefixes = []
        by_last: dict[str, list[tuple[str, Phrase]]] = {}
        prefix_last = []
        for kind, ph in entries:
            if len(ph) == 1 and ph[0][1]:
                prefixes.append((ph[0][0], kind))
            elif len(ph) == 1:
                exact.setdefault(ph[0][0], kind)
            elif ph[-1][1]:
                prefix_last.append((kind, ph))
            else:
                by_last.setdefault(ph[-1][0], []).append((kind, ph))
        prefix_starts = tuple(p for p, _ in prefixes)
        return cls(exact, tuple(prefixes), prefix_starts, {k: tuple(v) for k, v in by_last.items()},
                   tuple(prefix_last), frozenset(exact) | frozenset(by_last),
                   prefix_starts + tuple(ph[-1][0] for _, ph in prefix_last))

    def find(self, words: Sequence[str]) -> Marking | None:
        """The cue ending nearest the end of ``words`` (the predicate follows them)."""
        enders, ender_prefixes = self.enders, self.ender_prefixes
        for end in range(len(words), 0, -1):
            w = words[end - 1]
            if w not in enders and not w.startswith(ender_prefixes):
                continue
            for kind, ph in self.by_last.get(w, ()) + self.prefix_last:
                k = len(ph)
                if k <= end and all(x == lit or (pre and x.startswith(lit))
                                    for x, (lit, pre) in zip(words[end - k:end], ph)):
                    return Marking(kind, " ".join(words[end - k:end]))
            kind = self.exact.get(w)
            if kind is None and w.startswith(self.prefix_starts):
                kind = next(kd for pre, kd in self.prefixes if w.startswith(pre))
            if kind is not None:
                return Marking(kind, w)
        return None


@dataclass(frozen=True)
class ClauseCues:
    """The compiled ``clause_cues.yml``."""

    split: re.Pattern[str]
    scope_words: int
    scope_breaks: frozenset[str]
    negation: CueSet
    suffixes: tuple[str, ...]
    modality: CueSet
    speech: re.Pattern[str]
    reported_nominal: re.Pattern[str]
    path: str
    modality_scope: int = 7
    modal_suffixes: tuple[str, ...] = ()
    # "talks were still possible": a copula and a predicate of possibility after the event
    possible_after: re.Pattern[str] = re.compile(r"(?!)")
    accusation: re.Pattern[str] = re.compile(r"(?!)")  # "accused X of", "blamed X for"
    denial: re.Pattern[str] = re.compile(r"(?!)")  # "denied", "denies" anywhere before the event
    infinitive: str = ""  # the marker of a to-infinitive ("to")
    not_infinitive_after: CueSet | None = None  # "according to", "returned to": "to" is no infinitive


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _phrase(text: Any, path: str = CUES_FILE) -> Phrase:
    if isinstance(text, bool):  # YAML reads a bare no/yes/on/off as false/true
        raise ResourceFileError(f"{path}: a cue word was read as {text} — put quotes around \"no\", "
                                "\"yes\", \"on\" or \"off\".")
    return tuple((w.rstrip("*"), w.endswith("*")) for w in _norm(str(text)).split())


def _alternation(words: Sequence[Any]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in str(x).split()) for x in words)


def _split_regex(spec: dict[str, Any]) -> re.Pattern[str]:
    punct = "|".join(re.escape(str(p)) for p in spec.get("punctuation") or [";"])
    dashes = "".join(re.escape(str(d)) for d in spec.get("dashes") or [])
    parts = [punct]
    if dashes:
        parts += [rf"\s[{dashes}]{{1,2}}\s", r"\s--\s"]
    if spec.get("after_comma"):
        parts.append(rf",\s+(?=(?:{_alternation(spec['after_comma'])})\b)")
    if spec.get("bare"):
        parts.append(rf"\s(?=(?:{_alternation(spec['bare'])})\s)")
    return re.compile("|".join(parts), re.IGNORECASE)


def _speech_regexes(spec: dict[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = [str(v) for v in spec.get("verbs") or ["said"]]
    speech = re.compile(rf"\b(?:{_alternation(verbs + list(spec.get('reports') or []))})\b", re.IGNORECASE)
    # 'X said the killing was a provocation': a noun opening the reported clause; "told" may
    # take its addressee first ("told reporters the attack ...")
    said = [r"told(?:\s+[\w'’-]+){0,2}" if v == "told" else re.escape(v)
            for v in verbs + [str(b) for b in spec.get("beliefs") or []]]
    nominal = re.compile(
        rf"\b(?:{'|'.join(said)})\s+(?:that\s+)?(?:the|a|an|this|these|those)\s+"
        # up to two modifiers, but no pronoun or auxiliary: 'said the government will oppose' is a clause
        r"(?:(?!(?:it|he|she|they|we|you|i|will|would|shall|should|can|could|may|might|must|has|have|had|"
        r"is|are|was|were|be|been|did|does|do)\b)[\w'’-]+\s+){0,2}$", re.IGNORECASE)
    return speech, nominal


@lru_cache(maxsize=8)
def _compile(path: str, mtime: float) -> ClauseCues:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("negation"), dict):
        raise ResourceFileError(f"{path}: expected 'clause_breaks', 'negation', 'modality' and 'reported_speech' "
                                "sections — see newslab/resources/clause_cues.yml.")
    neg = data["negation"]
    try:
        scope = int(neg.get("scope_words", 3))
    except (TypeError, ValueError):
        raise ResourceFileError(f"{path}: negation: scope_words must be a whole number of words.") from None
    negation = tuple((kind, _phrase(w, path)) for kind, key in (("negator", "negators"), ("failure", "failure"),
                                                                  ("denial", "denial"))
                     for w in neg.get(key) or [])
    modality = tuple((kind, _phrase(w, path)) for kind in MODALITY_KINDS
                     for w in (data.get("modality") or {}).get(kind) or [])
    speech, nominal = _speech_regexes(data.get("reported_speech") or {})
    return ClauseCues(_split_regex(data.get("clause_breaks") or {}), scope,
                      frozenset(_norm(str(b)) for b in neg.get("scope_breaks") or []), CueSet.of(negation),
                      tuple(_norm(str(s)) for s in neg.get("suffixes") or []), CueSet.of(modality), speech, nominal,
                      path, *_status_cues(data, path))


def _words_regex(words: Sequence[Any]) -> str:
    """An alternation of cue words, ``*`` = any ending (as in the rest of the file)."""
    return "|".join(r"\s+".join(re.escape(w).replace(r"\*", r"[\w'’-]*") for w in str(x).split()) for x in words)


def _status_cues(data: dict[str, Any], path: str) -> tuple[Any, ...]:
    """The parts of clause_cues.yml that only an event's status reads (newslab.event_status)."""
    mod = data.get("modality") or {}
    try:
        mscope = int(mod.get("modality_scope_words", 7))
    except (TypeError, ValueError):
        raise ResourceFileError(f"{path}: modality: modality_scope_words must be a whole number of words.") from None
    preds, cops = mod.get("predicates") or [], mod.get("copulas") or []
    after = re.compile(rf"^(?:[\w'’-]+\s+){{0,5}}?(?:{_words_regex(cops)})\s+(?:\w+ly\s+)?(?:{_words_regex(preds)})\b",
                       re.IGNORECASE) if preds and cops else re.compile(r"(?!)")
    rep = data.get("reported_speech") or {}
    acc, content = rep.get("accusations") or [], rep.get("accusation_content") or []
    accusation = re.compile(rf"\b(?:{_words_regex(acc)})\b(?:\s+[\w'’.-]+){{0,4}}?\s+(?:{_words_regex(content)})\b",
                            re.IGNORECASE) if acc and content else re.compile(r"(?!)")
    deny = (data.get("negation") or {}).get("denial") or []
    denial = re.compile(rf"\b(?:{_words_regex(deny)})\b", re.IGNORECASE) if deny else re.compile(r"(?!)")
    not_after = CueSet.of([("not_infinitive", _phrase(w, path)) for w in mod.get("not_infinitive_after") or []])
    return (mscope, tuple(_norm(str(x)) for x in mod.get("suffixes") or []), after, accusation, denial,
            _norm(str(mod.get("infinitive_marker") or "")), not_after)


def load_clause_cues(path: str | os.PathLike[str] | None = None) -> ClauseCues:
    """The clause cues (packaged ``clause_cues.yml`` or your own file in that format)."""
    return _compile(*resource_stamp(path or CUES_FILE))


# ------------------------------------------------------------------------------------------
# Clauses
# ------------------------------------------------------------------------------------------
def clause_spans(text: str, start: int, end: int, cues: ClauseCues | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause of ``text[start:end]`` (a sentence).

    >>> s = "Turkey, which buys Russian gas, met Iran; the talks failed"
    >>> [s[a:b] for a, b in clause_spans(s, 0, len(s))]
    ['Turkey', 'which buys Russian gas, met Iran', ' the talks failed']
    """
    out, s = [], start
    for m in (cues or load_clause_cues()).split.finditer(text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end() if m.group(0).strip() else m.start()
    out.append((s, end))
    return [c for c in out if c[1] > c[0]]


class ClauseMemo(dict):
    """``{sentence index: clauses}``, filled in as sentences are read, with the cues it used."""

    def __init__(self, cues: ClauseCues):
        super().__init__()
        self.cues = cues


@layers.register("clauses", resources=(CUES_FILE,))
def clause_memo(article: Any) -> ClauseMemo:
    """The clauses of each sentence, filled in by :func:`sentence_clauses` as sentences are read."""
    return ClauseMemo(load_clause_cues())


def article_cues(article: Any) -> ClauseCues:
    """The clause cues in use for ``article`` (looked up once per article)."""
    return article.layer("clauses").cues


def sentence_clauses(article: Any, i: int, memo: ClauseMemo | None = None) -> list[tuple[int, int]]:
    """The clauses of sentence ``i`` (computed once per article; relations and stance share them).

    ``memo``: ``article.layer("clauses")`` when the caller has it already (speed: a layer lookup
    checks the resource files' stamps)."""
    memo = article.layer("clauses") if memo is None else memo
    out = memo.get(i)
    if out is None:
        sent = article.sentences[i]
        out = memo[i] = clause_spans(article.text, sent.start, sent.end, memo.cues)
    return out


def clause_of(clauses: Sequence[tuple[int, int]], at: int, default: tuple[int, int]) -> tuple[int, int]:
    """The clause holding offset ``at`` (``default`` when none does)."""
    return next((c for c in clauses if c[0] <= at < c[1]), default)


# ------------------------------------------------------------------------------------------
# Negation and modality: one scope rule
# ------------------------------------------------------------------------------------------
def scope_words(tokens: Sequence[str], cues: ClauseCues | None = None, n: int | None = None) -> list[str]:
    """The words in scope of a predicate: of ``tokens`` (lowercased, in text order, ending right
    before the predicate) the last ``scope_words`` (or ``n``) words, stopping at a scope break."""
    cues = cues or load_clause_cues()
    out: list[str] = []
    n, breaks = n or cues.scope_words, cues.scope_breaks
    for tok in reversed(tokens):
        if len(out) >= n or tok in breaks:
            break
        if tok[:1].isalnum() or is_word(tok):
            out.append(_norm(tok))
    out.reverse()
    return out


def negation_cue(tokens: Sequence[str], cues: ClauseCues | None = None) -> Marking | None:
    """The negation cue in scope of the predicate that follows ``tokens``, or None.

    ``tokens``: the lowercased tokens of the predicate's clause before it, in text order
    (punctuation included: it bounds the scope).

    >>> negation_cue(["they", "refused", "to", "join"])
    Marking(kind='failure', cue='refused to')
    >>> negation_cue(["no", ",", "they", "agreed"]) is None
    True
    """
    cues = cues or load_clause_cues()
    words = scope_words(tokens, cues)
    for w in reversed(words):
        if w.endswith(cues.suffixes):
            return Marking("suffix", w)
    return cues.negation.find(words)


def modality_cue(tokens: Sequence[str], cues: ClauseCues | None = None, wide: bool = False) -> Marking | None:
    """The modal, intention, demand, condition or generic cue in scope of the predicate after
    ``tokens``; ``wide``: in the modality scope (``modality_scope_words``, a modal governs its
    whole verb phrase) rather than the negation scope.

    >>> modality_cue("the two sides will hold a further round of".split(), wide=True)
    Marking(kind='modals', cue='will')
    >>> modality_cue("the two sides will hold a further round of".split()) is None
    True
    """
    cues = cues or load_clause_cues()
    words = scope_words(tokens, cues, cues.modality_scope if wide else None)
    for w in reversed(words):
        if cues.modal_suffixes and w.endswith(cues.modal_suffixes):
            return Marking("modals", w)
    return cues.modality.find(words)


# Enough characters before a predicate to hold its scope words (they are few and short).
_LOOKBACK = 80


def tokens_before(text: str, clause_start: int, at: int) -> list[str]:
    """The lowercased tokens of ``text`` from the clause start (at most 80 characters back) to ``at``."""
    return [_norm(t) for _, _, t in iter_tokens(text, max(clause_start, at - _LOOKBACK), at)]


def negation_at(text: str, clause_start: int, at: int, cues: ClauseCues | None = None) -> Marking | None:
    """The negation cue in scope of the predicate starting at offset ``at`` of its clause."""
    return negation_cue(tokens_before(text, clause_start, at), cues or load_clause_cues())


def negated(text: str, clause_start: int, at: int, cues: ClauseCues | None = None) -> bool:
    """Whether the predicate starting at ``at`` (in the clause starting at ``clause_start``) is negated."""
    return negation_at(text, clause_start, at, cues) is not None


def modality_at(text: str, clause_start: int, at: int, cues: ClauseCues | None = None,
                wide: bool = False) -> Marking | None:
    """The modality cue in scope of the predicate starting at offset ``at`` (``wide``: see
    :func:`modality_cue`)."""
    return modality_cue(tokens_before(text, clause_start, at), cues or load_clause_cues(), wide)


def possible_after(text: str, at: int, clause_end: int, cues: ClauseCues | None = None) -> bool:
    """Whether a copula and a predicate of possibility follow the event noun ending at ``at``.

    >>> s = "Another round of talks was still possible."
    >>> possible_after(s, s.index(" was"), len(s))
    True
    """
    return bool((cues or load_clause_cues()).possible_after.match(text[at:clause_end].lstrip()))


def condition_opens(text: str, clause_start: int, at: int, cues: ClauseCues | None = None) -> Marking | None:
    """A condition cue ("if", "unless", "only if") anywhere in the clause before offset ``at``: the
    whole conditional clause is hypothetical, not only the words next to it.

    >>> s = "if its vessels came under armed attack from China"
    >>> condition_opens(s, 0, s.index("attack"))
    Marking(kind='condition', cue='if')
    """
    cues = cues or load_clause_cues()
    for tok in tokens_before(text, clause_start, at):
        mark = cues.modality.find([tok])
        if mark is not None and mark.kind == "condition" and tok != "whether":
            return mark
    return None


# "to convene an emergency ...": "to", a lowercase verb (no determiner, name or pronoun), then up
# to two words before the event noun
_INFINITIVE_OBJECT_RE = re.compile(r"(?<![\w'’-])(?i:to)\s+(?!(?i:the|a|an|its|their|his|her|our|this|that|these|those|both|each|"
                                   r"be|have|them|him|it|us)\b)[a-z][a-z-]+\s+(?:[\w'’-]+\s+){0,2}$")


def infinitive_before(text: str, clause_start: int, at: int, cues: ClauseCues | None = None) -> bool:
    """Whether the predicate at ``at`` is a to-infinitive ("invited the minister to visit",
    "agreed on Monday to resume patrols"): an act named, not reported as done.

    >>> s = "invited the Saudi minister to visit Tehran"
    >>> infinitive_before(s, 0, s.index("visit"))
    True
    >>> s = "according to talks in Doha"
    >>> infinitive_before(s, 0, s.index("talks"))
    False
    """
    cues = cues or load_clause_cues()
    words = scope_words(tokens_before(text, clause_start, at), cues)
    if not cues.infinitive or not words:
        return False
    if cues.infinitive not in words[-1:] + words[-2:-1] and _INFINITIVE_OBJECT_RE.search(text, max(clause_start, at - 60), at):
        return True  # "to convene an emergency meeting": the noun is the object of an infinitive
    if words[-1] != cues.infinitive:
        if len(words) < 2 or words[-2] != cues.infinitive or not words[-1].endswith("ly"):
            return False  # "to also visit", "to jointly run"
        words = words[:-1]
    lead = words[:-1]
    mark = cues.not_infinitive_after.find(lead) if lead and cues.not_infinitive_after is not None else None
    return not (mark is not None and mark.cue.split()[-1] == lead[-1])


def accusation_before(text: str, clause_start: int, at: int, cues: ClauseCues | None = None) -> re.Match[str] | None:
    """The accusation ("accused Iran of", "blamed Kabul for") whose content holds offset ``at``."""
    return _last_match((cues or load_clause_cues()).accusation, text, clause_start, at)


def denial_before(text: str, clause_start: int, at: int, cues: ClauseCues | None = None) -> re.Match[str] | None:
    """A denial verb ("denied that its troops had ...") earlier in the clause than offset ``at``."""
    return _last_match((cues or load_clause_cues()).denial, text, clause_start, at)


def _last_match(rx: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``rx`` in ``text[start:end]`` (the cue nearest to ``end``), or None."""
    last = None
    for last in rx.finditer(text, start, end):
        pass
    return last


# ------------------------------------------------------------------------------------------
# Reported speech
# ------------------------------------------------------------------------------------------
def speech_regex() -> re.Pattern[str]:
    """A reporting verb ("said", "told", "according to") anywhere in a stretch of text."""
    return load_clause_cues().speech


def reported_nominal_regex() -> re.Pattern[str]:
    """A reporting verb and the determiner of a noun that opens the reported clause, at the end
    of a stretch ("Ankara said the killing" → the noun after it has no agent in the reporting clause)."""
    return load_clause_cues().reported_nominal


__all__ = ["Marking", "ClauseCues", "load_clause_cues", "clause_spans", "sentence_clauses", "clause_of",
           "CueSet", "scope_words", "negation_cue", "article_cues", "ClauseMemo", "modality_cue", "negation_at", "negated", "modality_at",
           "tokens_before", "speech_regex", "reported_nominal_regex", "NEGATION_KINDS", "MODALITY_KINDS",
           "possible_after", "condition_opens", "accusation_before", "denial_before", "infinitive_before"]
