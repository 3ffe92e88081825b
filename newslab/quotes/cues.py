"""The cue lexicon: reporting verbs, audiences and speaker words read from ``quote_cues.yml``.

Every word that makes a stretch of text reported speech lives in the cue file, so a teacher can
add a verb and re-run; this module parses it once per version of the file.

>>> lex = load_cues()
>>> lex.forms["told"][:2], ("pointed", "out") in lex.multiword
(('tell', 'clause'), True)
>>> {"said", "told", "pointed out", "according to"} <= reporting_words()
True
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from ..errors import ResourceFileError
from ..resources import lemma_forms, load_yaml
from ..timecues import calendar_words
from .tokens import TOKEN_RE

DEFAULT_CUES = "quote_cues.yml"
TIME_CUES = "time_cues.yml"  # month names, read through newslab.timecues


@dataclass(frozen=True)
class CueLexicon:
    """The parsed ``quote_cues.yml``: verb forms -> (lemma, indirect mode, partial_only)."""

    forms: dict[str, tuple[str, str, bool]]
    multiword: dict[tuple[str, ...], tuple[str, str, bool]]
    audiences: tuple[tuple[str, ...], ...]
    adverbials: frozenset[str]
    speaker_words: frozenset[str]
    connectives: frozenset[str]
    female_markers: frozenset[str]
    listener_verbs: frozenset[str] = frozenset()       # lemmas: 'told his lawmakers that ...'
    quoting_verbs: frozenset[str] = frozenset()        # 'quoted Lavrov as saying'
    continuing_verbs: frozenset[str] = frozenset()     # 'continued to insist', 'went on to add'
    refusal_verbs: frozenset[str] = frozenset()        # 'declined to say'
    aside_participles: frozenset[str] = frozenset()    # 'X speaking to the council called ...'
    closing_participles: frozenset[str] = frozenset()  # ', citing ...'
    clause_breaks: frozenset[str] = frozenset()        # ', although ...' ends reported speech
    issuing_verbs: tuple[str, ...] = ()                # 'released a statement which said'
    months: frozenset[str] = frozenset()               # month names and short forms (time_cues.yml)


_CUE_CACHE: dict[Any, CueLexicon] = {}


def load_cues(path: str | os.PathLike[str] | None = None) -> CueLexicon:
    """Load the cue lexicon (the packaged ``quote_cues.yml`` or a user file of the same shape).

    >>> lex = load_cues()
    >>> lex.forms["told"][:2], ("pointed", "out") in lex.multiword
    (('tell', 'clause'), True)
    """
    name = path or DEFAULT_CUES
    data = load_yaml(name)
    key = (str(name), id(data), id(calendar_words()))
    if key in _CUE_CACHE:
        return _CUE_CACHE[key]
    if not isinstance(data, dict) or "verbs" not in data:
        raise ResourceFileError(f"{name}: a quote cue file needs a 'verbs:' section — copy the layout "
                                "of newslab/resources/quote_cues.yml.")
    forms: dict[str, tuple[str, str, bool]] = {}
    multi: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    for lemma, entry in (data.get("verbs") or {}).items():
        _add_verb(name, forms, multi, str(lemma), entry, False)
    for lemma, entry in (data.get("partial_verbs") or {}).items():
        _add_verb(name, forms, multi, str(lemma), entry, True)
    audiences = tuple(sorted((tuple(TOKEN_RE.findall(str(a).lower())) for a in data.get("audiences") or []),
                             key=len, reverse=True))
    lex = CueLexicon(
        forms=forms, multiword=multi, audiences=audiences,
        adverbials=_lower_set(data, "adverbials"),
        speaker_words=_lower_set(data, "speaker_words"),
        connectives=_lower_set(data, "connectives"),
        female_markers=_lower_set(data, "female_markers"),
        **{section: _lower_set(data, section) for section in _WORD_SECTIONS},
        issuing_verbs=tuple(str(w).lower() for w in data.get("issuing_verbs") or []),
        months=frozenset(calendar_words().months),  # one time vocabulary: newslab.timecues
    )
    _CUE_CACHE.clear()  # keep only the current version of each file
    _CUE_CACHE[key] = lex
    return lex


_WORD_SECTIONS = ("listener_verbs", "quoting_verbs", "continuing_verbs", "refusal_verbs", "aside_participles",
                  "closing_participles", "clause_breaks")


def _lower_set(data: dict[str, Any], section: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(section) or [])


def _add_verb(name: Any, forms: dict[str, tuple[str, str, bool]], multi: dict[tuple[str, ...], tuple[str, str, bool]],
              lemma: str, entry: Any, partial_only: bool) -> None:
    """Enter every form of one verb entry, checking the entry's shape."""
    if not isinstance(entry, dict) or not entry.get("forms"):
        raise ResourceFileError(f"{name}: verb '{lemma}' needs 'forms: [...]' — see the file header.")
    mode = "none" if partial_only else str(entry.get("indirect", "that"))
    if mode not in ("clause", "that", "none"):
        raise ResourceFileError(f"{name}: verb '{lemma}' has indirect: {mode!r} — use clause, that or none.")
    forms_list = entry["forms"] if isinstance(entry["forms"], list) else [entry["forms"]]
    for form in forms_list:
        words = tuple(str(form).lower().split())
        if len(words) == 1:
            forms[words[0]] = (lemma, mode, partial_only)
        elif words:
            multi[words] = (lemma, mode, partial_only)


def reporting_words(path: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """Every form of the cue file's reporting verbs (``verbs:``, multi-word forms joined by a
    space), plus "according to": the words that make a line report speech. (Also how
    :mod:`newslab.article` tells "Peskov told reporters:" from a section head.)

    >>> sorted(w for w in reporting_words() if w.startswith("tel"))
    ['tell', 'telling', 'tells']
    """
    return lemma_forms(path or DEFAULT_CUES, "verbs") | {"according to"}


# ---------------------------------------------------------------------------------------------
# A cheap pre-check: only paragraphs with quotation marks or a cue word need tokens.
# ---------------------------------------------------------------------------------------------

def _first_words(lex: CueLexicon) -> set[str]:
    """The words a cue can start with (the first word of a multi-word form; 'according')."""
    return set(lex.forms) | {w[0] for w in lex.multiword} | {"according"}


_DERIVED_CACHE: dict[tuple[str, int], tuple[CueLexicon, Any]] = {}


def _derived(name: str, lex: CueLexicon, build: Any) -> Any:
    """``build(lex)``, worked out once per lexicon (the last one loaded, per ``name``)."""
    hit = _DERIVED_CACHE.get((name, id(lex)))
    if hit is None or hit[0] is not lex:
        for key in [k for k in _DERIVED_CACHE if k[0] == name]:
            del _DERIVED_CACHE[key]
        hit = (lex, build(lex))
        _DERIVED_CACHE[(name, id(lex))] = hit
    return hit[1]


def cue_first_words(lex: CueLexicon) -> frozenset[str]:
    """The lower-cased words a cue can start with: a token not among them is no cue, so the
    attribution scan asks only about these (most tokens of a paragraph are not).

    >>> {"said", "according", "pointed"} <= cue_first_words(load_cues()), "salad" in cue_first_words(load_cues())
    (True, False)
    """
    return _derived("first_words", lex, lambda x: frozenset(_first_words(x)))


def audiences_by_first_word(lex: CueLexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The listed audiences by their first word, longest first as in ``lex.audiences``: at a
    token only those starting with its word can match.

    >>> audiences_by_first_word(load_cues())["reporters"]
    (('reporters',),)
    """
    def build(x: CueLexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
        out: dict[str, list[tuple[str, ...]]] = {}
        for aud in x.audiences:
            if aud:
                out.setdefault(aud[0], []).append(aud)
        return {w: tuple(auds) for w, auds in out.items()}

    return _derived("audiences", lex, build)


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly the given words, as a trie: ``say|said|says`` -> ``sa(?:id|y(?:s)?)``.

    Python's regex engine tries the branches of a flat alternation one by one at every word
    start; in a trie each letter is tested once, which makes the search about twice as fast.

    >>> _trie_pattern(["say", "said", "says", "tell"])
    '(?:sa(?:id|y(?:s)?)|tell)'
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _cue_regex(lex: CueLexicon) -> re.Pattern[str]:
    """``\\b(?:w1|w2|...)\\b`` over the words a cue can start with, compiled as a trie."""
    return _derived("cue_regex", lex, lambda x: re.compile(r"\b" + _trie_pattern(sorted(_first_words(x))) + r"\b"))


def has_cue_word(lex: CueLexicon, lowered: str, start: int, end: int) -> bool:
    """Does ``lowered[start:end]`` (the lower-cased text) hold a word a cue can start with?

    >>> has_cue_word(load_cues(), "she said so", 0, 11), has_cue_word(load_cues(), "a salad", 0, 7)
    (True, False)
    """
    return _cue_regex(lex).search(lowered, start, end) is not None
