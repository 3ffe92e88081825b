"""Who does what to whom: actor→actor events on a cooperation–conflict scale, and dyad summaries.

The method follows event-data coding as done by GDELT and PETRARCH (Schrodt 2012): find an
event cue (a verb or noun such as "agreed", "talks", "sanctions", "shot down"), find its source
and target actors, and give the event its CAMEO QuadClass (verbal/material × cooperation/conflict)
and a Goldstein (1992) weight on −10…+10. Cues, types and weights live in the editable file
``newslab/resources/relation_cues.yml``; time-reference cues in ``time_cues.yml``.

Rules, in plain words (everything is decided inside one *clause* of :mod:`newslab.clauses`: the
stretch of a sentence between ``;``, dashes, a comma before and/when/which/who/while/although/but,
or a bare when/after/before/but — cues in ``clause_cues.yml``):

* **source** = the nearest actor mention before the cue, with its coordinated partners
  ("Russia, along with Iran," → both; "Putin and his Turkish counterpart Erdogan" → both).
  Not a source: a prepositional object ("incompatible with NATO"), an apposition ("Turkey, a
  NATO member,"), a name inside "between X and Y". A possessive right before a noun cue is
  ("Turkey's support for Azerbaijan"). A clause opened by "and"/"but"/"while" without a subject
  borrows the previous clause's subject ("Erdogan refused to apologise, and accused Russia").
* **passive**: "shot down by Turkish jets", "was condemned ... by Egypt and Greece" → the
  ``by`` agent is the source; an auxiliary passive without an agent gives no event.
* **target** = the nearest actor mention after the cue, before the next comma, that is not a
  location ("in Kazakhstan's capital" is where, not whom; "a visit to Ankara" is whom).
* **symmetric** cues (meet, agree, talks, cooperate, rivalry, crisis …) record both directions
  when two sides are named together: "Russia and Turkey have been working together",
  "talks between Putin and Erdogan", "the two sides agreed", "the pair met" (group phrases are
  resolved to the last pair named together, else the two most-mentioned states; never to the
  subjects of the verb whose object they are: "France and Germany urged both sides"), "they" after
  such a pair, "its Turkish partners" (+ the clause subject). "in the war" is a setting, not an
  event.
* **collective acts**: a cue marked ``joint`` in ``relation_cues.yml`` (inaugurate, mediate) with
  coordinated subjects and no party as its object is an event between the subjects ("India and
  Japan inaugurated the bridge"), and so is a verb whose infinitive is a mutual act ("X and Y
  pledged to restore ties"). Any other directed cue needs a party as its object: "Germany and
  France supported negotiations" (an activity) is no event between Germany and France.
* **nominal events** ("the killing of", "the downing of") take their agent from a possessive
  ("Turkey's downing of a Russian jet") or a by-phrase ("the downing of an Iranian drone by the
  United States"); without one the agent is unknown and there is no event.
* "agreed to cooperate", "pledged to support": the first verb carries the event; "sign" needs a
  deal noun in the clause ("signed a decree imposing sanctions" is not an agreement).
* **negation**: the one rule of :mod:`newslab.clauses` — a negation cue (not, n't, never, no,
  without, failed to, cancelled, refused to, denied ...) among the three words before the cue in
  its clause, with no comma in between ("refused to join sanctions" = negated sanctions; the
  refusal is then not an event of its own).
* **status** and **confidence** (:mod:`newslab.event_status`): asserted, negated, hypothetical,
  denied or claimed, from the modality, negation, denial and reported-speech cues of
  ``clause_cues.yml``; only asserted events enter a dyad's ``net``. Participants are corrected
  by :mod:`newslab.event_arguments` (label nouns, separate acts, reactions to another's act and
  their implicit partner, relative clauses, anaphoric subjects).
* **time**: ``background`` for past events the article recalls (see ``time_cues.yml``, which also
  holds the month names: "since a
  2016 deal", "last met in September", a date before the article's month, past perfect outside
  reported speech, a clause joined by "when" to a dated one), else ``current``; the article's
  ``date`` is the reference when it has one.
* persons are mapped to their state for dyads with :func:`newslab.entities.actor_side`
  (Putin → Russia); a capital stands for its state outside prepositional phrases.

Checked beyond the seed on eight short wire-style episodes written for the tests (sign of the
Russia–Turkey dyad right on all) and read through on the Wikinews 2019–20 articles that name
Turkey, Russia or Syria (../shared/bench/wikinews_2019_2020; no labels there).

Example
-------
>>> from newslab import Article
>>> a = Article.from_text("Talks\\n\\nRussia and Turkey signed a gas deal on Monday.", date="2018-01-10")
>>> ev = extract_relations(a)
>>> sorted(zip(ev.source_side, ev.target_side, ev.cue))
[('Russia', 'Turkey', 'signed'), ('Turkey', 'Russia', 'signed')]
>>> dyad(a, "Russia", "Turkey").net
8.0
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from itertools import islice
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from . import layers
from .article import Article, Corpus, as_articles
from .clauses import (ClauseCues, ClauseMemo, clause_of, negated as clause_negated, negation_cue, sentence_clauses,
                      speech_regex, tokens_before)
from .entities import actor_side, load_actors
from . import event_arguments, event_status
from .errors import ParameterError, ResourceFileError
from .matcher import PhraseSet, TokenKeys
from .resources import RESOURCE_DIR, load_yaml, resource_path, resource_stamp
from .timecues import TimeCues, load_time_cues, phrase_set
from .tokenize import count_words

QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
RELATION_COLUMNS = ["source", "target", "cue", "start", "end", "type", "intensity", "negated", "time",
                    "sentence", "evidence", "source_side", "target_side", "source_text", "target_text",
                    "symmetric", "cue_name", "weight", "status", "confidence"]
# A negated cooperation/conflict counts half its weight in the opposite direction (CAMEO's
# Reject/Deny codes carry about half the magnitude of the action they refuse).
NEGATION_FACTOR = -0.5

# The patterns below are English grammar — pronouns, prepositions, articles, auxiliaries, modals,
# conjunctions — that define the rules' syntax (a passive "was ... by", a prepositional object,
# a coordinated verb). They are not vocabulary a user tunes, so they stay in code; the words that
# are vocabulary (cues, place nouns, titles, speech and topic verbs) are in relation_cues.yml.
_PLURAL_PRONOUN_RE = re.compile(r"\b(?:they|them|their)\b", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\b", re.IGNORECASE)
_PASSIVE_BY_RE = re.compile(r"\s+by\s+(?!\w+ing\b)", re.IGNORECASE)
# Between a verb and a noun it does not govern as its object: a comma or a preposition
# ("kept its promises to its partners").
_NOT_OBJECT_GAP_RE = re.compile(r",|\b(?:to|with|for|of|on|in|at|from|by|between|against|over|about|into)\b",
                                re.IGNORECASE)
# A possessive ending after a name: "Turkey's", "the United States'".
_POSSESSIVE_AFTER_RE = re.compile(r"['’](?:s\b|(?=\s))")
# Inside a noun phrase before an event noun: "the German invasion", "the Obama administration's
# invasion", "a US military strike" (the actor is the noun's agent).
_PRENOMINAL_GAP_RE = re.compile(r"\s+|\s+[\w-]+['’]s?\s+")
_DETERMINER_END_RE = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her)\s+$", re.IGNORECASE)
_VERB_FORM_RE = re.compile(r"(?:ed|ing)$", re.IGNORECASE)
_MODAL_END_RE = re.compile(r"\b(?:to|will|would|can|could|should|must|may|might|did|does|do)\s+$", re.IGNORECASE)
# A predicate noun: "Russia is the key backer of Assad" (the subject is the backer).
_COPULA_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|remains?|remained|becomes?|became)\s+"
                               r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom|whose|where|when)\b", re.IGNORECASE)
_BY_BEFORE_RE = re.compile(r"\bby\s+(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,2}$", re.IGNORECASE)
# A prepositional object is not the subject of a verb ("incompatible with NATO defences and has warned").
_PREP_OBJECT_RE = re.compile(r"\b(?:of|in|at|on|to|from|with|for|over|about|against|by|into|toward|towards|"
                             r"between|near|across|inside|than|under)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)
_APPOSITION_RE = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A possessive apposition after a name: "Russia, Armenia's nominal ally, criticised ..." (Armenia
# is inside the apposition, Russia is the subject).
_POSSESSIVE_APPOSITION_RE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}[\w-]+,")
_AUX_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_COORD_WITH_RE = re.compile(r"\b(?:along|together)\s+with\s+$", re.IGNORECASE)
_OPEN_CONJ_RE = re.compile(r"[\s,]*(?:and|but|when|after|before|while)\b", re.IGNORECASE)
_SINCE_RE = re.compile(r"\bsince\b", re.IGNORECASE)
# 'X condemned Russia and threatened Syria': a verb coordinated with an earlier one shares its subject.
_AND_VERB_RE = re.compile(r"(?:^|\s)(?:and|but|then)\s+(?:(?:also|then|later|again|subsequently|even)\s+)?$",
                          re.IGNORECASE)
_WHEN_OPEN_RE = re.compile(r"[\s,]*(?:when|after which|at which time)\b", re.IGNORECASE)


# ------------------------------------------------------------------------------------------
# Resources
# ------------------------------------------------------------------------------------------
def compile_phrases(phrases: Iterable[Any], where: str) -> PhraseSet:
    """The cue phrases ("impose* ... sanctions", "mend* (ties|relations)") as one group of a
    :class:`newslab.matcher.PhraseSet`; a phrase that is not valid (an unbalanced bracket, say)
    is a ResourceFileError naming ``where`` and the phrase.

    >>> tk = TokenKeys.of_text("They imposed tough sanctions")
    >>> [tk.chars(i, j) for i, j, _ in compile_phrases(["impose* ... sanctions"], "cues.yml").find(tk)]
    [(5, 28)]
    """
    return phrase_set([list(phrases)], where)


@dataclass(frozen=True)
class Cue:
    name: str
    type: str
    intensity: float
    symmetric: bool
    note: str
    forms: tuple[str, ...]
    requires: PhraseSet | None = None  # must also occur in the clause ("signed" needs a deal noun)
    joint: bool = False  # a collective act: coordinated subjects did it together (see relation_cues.yml)


@dataclass(frozen=True)
class CueLexicon:
    cues: tuple[Cue, ...]
    ignore: PhraseSet | None
    path: str
    forms: PhraseSet  # every cue's forms, one group per cue (in the order of ``cues``)
    light_verbs: PhraseSet | None = None  # verbs whose object noun names the subject's act
    groups: PhraseSet | None = None  # phrases naming a pair ("the two sides", "each other")
    context: ContextWords | None = None  # the words the participant rules read around a cue


@dataclass(frozen=True)
class ContextWords:
    """The rules' regexes around a cue, built from the ``context_words`` of relation_cues.yml
    (the words) and the grammar here (prepositions, articles, conjunctions)."""

    location_prep: re.Pattern[str]  # "in war-torn Syria", "over northern Iraq": where, not who
    place_prep: re.Pattern[str]  # a city after any preposition ("talks in Sochi") is a place
    place_noun_end: re.Pattern[str]  # "the capital Ankara"
    connector: re.Pattern[str]  # "Putin and his counterpart Erdogan": coordinated parties
    no_merge: re.Pattern[str]  # "Russia said Moscow": two mentions of one side, not one name
    setting: re.Pattern[str]  # "in the war", "discussed the crisis": a setting, not an event
    intent_cues: frozenset[str]  # cue names whose to-infinitive is their content


def _alt(words: Iterable[Any]) -> str:
    """Words as one regex alternation (a list with no words matches nothing)."""
    return "|".join(re.escape(str(w)) for w in words) or "(?!)"


# The prepositions of a place ("in", "over"; "to"/"from" are kept out of the city rule: "a visit
# to Ankara", "buy from Moscow" name a party) and the function words of coordination and of a
# setting are English grammar, not vocabulary a user tunes, so they stay here.
_WHERE_PREPS = r"in|at|near|over|across|inside|outside|around|throughout|within|into|towards?"


def _context(words: dict[str, Any]) -> ContextWords:
    get = lambda k: words.get(k) or []  # noqa: E731 - a short local reader
    compass, modifiers, nouns = _alt(get("compass_words")), _alt(get("place_modifiers")), _alt(get("place_nouns"))
    named = r"(?:[A-Z][\w'’-]*|\w+['’]s|(?i:" + compass + r")\w*|"
    return ContextWords(
        re.compile(r"\b(?i:" + _WHERE_PREPS + r")\s+(?:(?i:the)\s+)?(?:" + named + r"(?i:" + modifiers
                   + r"))\s+){0,2}$"),
        re.compile(r"\b(?i:" + _WHERE_PREPS + r"|of|for|on|via|through|between)\s+(?:(?i:the)\s+)?(?:" + named
                   + r"(?i:" + modifiers + "|" + nouns + r"))\s+){0,2}$"),
        re.compile(r"(?:" + nouns + r")\s+$", re.I),
        re.compile(r"^[\s,]*(?:and|along with|together with|as well as|with|&|-|–|/|as well)?[\s,]*"
                   r"(?:(?:his|her|their|its|the)\s+)?(?:(?:" + _alt(get("partner_titles")) + r")\s*)?[\s,]*$",
                   re.IGNORECASE),
        re.compile(r"\b(?:" + _alt(get("speech_verbs")) + r"|that|and|but|to|of|in|on|with|for|at|by|from|was|is|"
                   r"has|had|will|would)\b", re.IGNORECASE),
        re.compile(r"\b(?:in|during|throughout|amid|amidst|" + _alt(get("topic_verbs")) + r"|about|on)\s+"
                   r"(?:the|this|that|a|an)\s+(?:\w+\s+)?$", re.IGNORECASE),
        frozenset(str(w) for w in get("intent_cues")))


def context_words() -> ContextWords:
    """The context words of the packaged (or classroom) ``relation_cues.yml``."""
    return load_relation_cues().context  # type: ignore[return-value]


def _cue(path: str, name: Any, spec: Any) -> Cue:
    """One cue of relation_cues.yml, checked."""
    try:
        ctype = str(spec["type"])
        intensity = float(spec["intensity"])
        forms = tuple(str(f) for f in spec["forms"])
    except (KeyError, TypeError, ValueError):
        raise ResourceFileError(f"{path}: cue '{name}' needs forms, type and a numeric intensity — "
                                "add the missing field.") from None
    if ctype not in QUAD_CLASSES:
        raise ResourceFileError(f"{path}: cue '{name}' has type '{ctype}' — use one of "
                                f"{', '.join(QUAD_CLASSES)}.")
    if not -10 <= intensity <= 10:
        raise ResourceFileError(f"{path}: cue '{name}' has intensity {intensity} — keep it within −10…+10.")
    req = spec.get("requires")
    req_set = compile_phrases([req] if isinstance(req, str) else req, f"{path}: cue '{name}' requires") \
        if req else None
    return Cue(str(name), ctype, intensity, bool(spec.get("symmetric", False)), str(spec.get("note", "")),
               forms, req_set, bool(spec.get("joint", False)))


@lru_cache(maxsize=8)
def _compile_cues(path: str, mtime: float) -> CueLexicon:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("cues"), dict):
        raise ResourceFileError(f"{path}: expected a top-level 'cues:' mapping of cue names — see the "
                                "header of newslab/resources/relation_cues.yml for the format.")
    cues = tuple(_cue(path, name, spec) for name, spec in data["cues"].items())
    forms = phrase_set([list(c.forms) for c in cues], [f"{path}: cue '{c.name}'" for c in cues])
    ignore = data.get("ignore") or []
    light = data.get("light_verbs") or []
    groups = data.get("group_phrases") or []
    return CueLexicon(cues, compile_phrases(ignore, f"{path}: ignore") if ignore else None, path, forms,
                      compile_phrases(light, f"{path}: light_verbs") if light else None,
                      compile_phrases(groups, f"{path}: group_phrases") if groups else None,
                      _context(_context_section(data, path)))


def _context_section(data: dict[str, Any], path: str) -> dict[str, Any]:
    """The ``context_words`` of a cue file; a file without them uses the packaged file's."""
    words = data.get("context_words")
    if words is None:
        words = (load_yaml(RESOURCE_DIR / "relation_cues.yml") or {}).get("context_words") or {}
    if not isinstance(words, dict):
        raise ResourceFileError(f"{path}: 'context_words' must map list names to word lists — "
                                "see the packaged relation_cues.yml.")
    return words


def load_relation_cues(path: str | os.PathLike[str] | None = None) -> CueLexicon:
    """The relation cue lexicon (packaged ``relation_cues.yml`` or your own file in that format)."""
    return _compile_cues(*resource_stamp(path or "relation_cues.yml"))


def cue_table(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The cue lexicon as a table (name, type, intensity, symmetric, forms, note) for reading."""
    p = resource_path(path or "relation_cues.yml")
    data = load_yaml(p)
    return pd.DataFrame([{"cue": k, "type": v["type"], "intensity": float(v["intensity"]),
                          "symmetric": bool(v.get("symmetric", False)), "forms": ", ".join(v["forms"]),
                          "note": v.get("note", "")} for k, v in data["cues"].items()])


@layers.register("match_tokens")
def match_tokens(article: Article) -> TokenKeys:
    """The article's tokens as the cue matchers read them (lower case, one apostrophe)."""
    return TokenKeys.of_tokens(article.tokens, article.sentence_token_ranges)


# ------------------------------------------------------------------------------------------
# Actor mentions (from newslab.entities; a tiny built-in gazetteer only if that module is absent)
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actors: tuple[tuple[str, str], ...]  # (canonical actor, state/side) — two for "the pair"
    place: bool = False  # a city/capital that may stand for its state (metonymy)

    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for _, s in self.actors))


def actor_state(actor: str, side: str = "") -> str:
    """The state (or bloc) an actor stands for in dyads: Putin → Russia; a state maps to itself."""
    if side:
        return side
    try:
        return actor_side(actor) or actor
    except Exception:  # an unknown name is its own side
        return actor


@layers.register("actor_mentions", requires=("mentions",), resources=("relation_cues.yml",))
def actor_mentions(article: Article) -> list[ActorMention]:
    """Actor mentions (no plain places) merged per span, plus group phrases ("the pair"): the
    actors that relations and stance look for. Group phrases are the ``group_phrases`` of the
    packaged (or classroom-edited) ``relation_cues.yml``."""
    rows = article.layer("mentions")
    spans: dict[tuple[int, int], list[tuple[str, str]]] = {}
    texts: dict[tuple[int, int], str] = {}
    places: set[tuple[int, int]] = set()
    names = ("start", "end", "text", "actor", "side", "label", "how")
    col = {c: [r.get(c, "") for r in rows] for c in names}
    for r_start, r_end, r_text, r_actor, r_side, r_label, r_how in zip(
            col["start"], col["end"], col["text"], col["actor"], col["side"], col["label"], col["how"]):
        actor = str(r_actor or "")
        if not actor and str(r_side or ""):
            actor = str(r_side)  # an undictionaried "Russian S-400" / "Turkish army" stands for its state
        if not actor:
            continue
        label = str(r_label or "").upper()
        how = str(r_how or "")
        raw_side = str(r_side or "")
        if not raw_side and label not in ("PERSON", "GROUP", ""):
            continue  # a project or product (TurkStream, S-400) or a sea is not an actor
        if label == "PLACE" and how != "metonym":
            if not raw_side or raw_side == actor:
                continue
            places.add((int(r_start), int(r_end)))
            actor = raw_side  # "Ankara" in an event stands for Turkey
        side = actor_state(actor, raw_side)
        k = (int(r_start), int(r_end))
        spans.setdefault(k, [])
        if (actor, side) not in spans[k]:
            spans[k].append((actor, side))
        texts[k] = str(r_text)
    mentions = sorted((ActorMention(s, e, texts[(s, e)], tuple(a), (s, e) in places) for (s, e), a in spans.items()),
                      key=lambda x: (x.start, x.end))
    # Group phrases are resolved here to the two most-mentioned states so far in the article.
    groups = []
    lex = load_relation_cues()
    group_set = lex.groups
    tk = article.layer("match_tokens")
    pairs = _PairFinder(article.text, mentions, lex.context)
    starts = [m.start for m in mentions]
    for i, j, _ in (group_set.find(tk) if group_set is not None else ()):
        gs, ge = tk.chars(i, j)
        # a pair named before this sentence: the subject of its own clause is not one of "both sides"
        sent = article.sentence_at(gs)
        pair = pairs.before(gs)
        if pair and sent is not None and pair != pairs.before(sent.start) \
                and _governs_group(article.text, mentions, starts, sent.start, gs):
            pair = None  # "Britain, France and Germany urged both sides": the subjects address others
        pair = pair \
            or (_top_two_states(mentions, before=sent.start) if sent is not None else None) \
            or _top_two_states(mentions, before=gs)
        if pair:
            groups.append(ActorMention(gs, ge, article.text[gs:ge], tuple((s, s) for s in pair)))
    by_start = sorted(groups, key=lambda g: g.start)
    longest = max((g.end - g.start for g in groups), default=0)
    mentions = [x for x in mentions if not _overlaps_any(x, by_start, longest)]
    return sorted(mentions + groups, key=lambda x: (x.start, x.end))


_GROUP_CLAUSE_BREAK_RE = re.compile(r"[,;:.]|\b(?:and|but|while|which|who|as|when|after|before|with|between)\b",
                                    re.IGNORECASE)


def _governs_group(text: str, mentions: list[ActorMention], starts: list[int], sent_start: int, at: int) -> bool:
    """Is the group phrase at ``at`` the object of a verb whose subject is named just before it in
    the sentence ("France and Germany have urged both sides")? Not when a clause break or a verb
    of saying stands between ("... met, and both sides agreed"; "... said both sides would")."""
    k = bisect_left(starts, at) - 1
    while k >= 0 and mentions[k].end > at:
        k -= 1  # the entities layer may read the group phrase itself as a role mention
    if k < 0 or mentions[k].start < sent_start:
        return False
    between = text[mentions[k].end:at]
    return len(between.split()) <= 4 and not _GROUP_CLAUSE_BREAK_RE.search(between) \
        and speech_regex().search(between) is None


def _overlaps_any(x: ActorMention, groups: list[ActorMention], longest: int) -> bool:
    """Does x overlap one of ``groups`` (sorted by start, none longer than ``longest``)? A bisect
    finds the few candidates, so a long article's mentions are not each compared with every group."""
    k = bisect_left(groups, x.end, key=lambda g: g.start) - 1  # groups[:k + 1] start before x ends
    while k >= 0 and groups[k].start + longest > x.start:
        if groups[k].end > x.start:
            return True
        k -= 1
    return False


def _last_coordinated_pair(text: str, mentions: list[ActorMention], before: int, ctx: ContextWords | None = None
                           ) -> tuple[str, str] | None:
    """The latest two sides named together ("Russia and Turkey", "Putin and Erdogan") before ``before``."""
    # places named together ("firms registered in Hong Kong and the UAE") are no pair of parties
    earlier = [m for m in mentions if m.end <= before and len(m.actors) == 1 and not is_location(text, m, 0, ctx)]
    return _pair_before(earlier, len(earlier), text, ctx)


class _PairFinder:
    """:func:`_last_coordinated_pair` for many group phrases of one article: the candidate
    mentions are filtered once (not once per phrase, which made long articles quadratic)."""

    def __init__(self, text: str, mentions: list[ActorMention], ctx: ContextWords | None):
        self.text, self.ctx = text, ctx
        self.ms = [m for m in mentions if len(m.actors) == 1 and not is_location(text, m, 0, ctx)]
        self.starts = [m.start for m in self.ms]
        self.max_end: list[int] = []  # running maximum: ms[:i] all end by max_end[i - 1]
        self.at_side: dict[str, list[int]] = {}  # side -> indexes in ms of the mentions naming it
        for i, m in enumerate(self.ms):
            self.max_end.append(max(m.end, self.max_end[-1]) if self.max_end else m.end)
            for side in m.sides:
                self.at_side.setdefault(side, []).append(i)

    def count(self, side: str, n: int) -> int:
        """How many of ms[:n] name ``side``."""
        return bisect_left(self.at_side.get(side, []), n)

    def before(self, at: int) -> tuple[str, str] | None:
        """The same answer as ``_last_coordinated_pair(text, mentions, at, ctx)``."""
        j0 = bisect_right(self.max_end, at)  # every one of ms[:j0] ends by ``at``
        tail = [m for m in self.ms[j0:bisect_right(self.starts, at)] if m.end <= at]
        if not tail:
            return _pair_before(self.ms, j0, self.text, self.ctx, self.count)
        earlier = self.ms[:j0] + tail
        return _pair_before(earlier, len(earlier), self.text, self.ctx)


def _pair_before(ms: list[ActorMention], n: int, text: str, ctx: ContextWords | None,
                 count: Callable[[str, int], int] | None = None) -> tuple[str, str] | None:
    """The latest coordinated pair among ``ms[:n]`` (read in place, not copied); ``count(side, n)``:
    how many of ms[:n] name a side (an index instead of a scan)."""
    for i in range(n - 1, 0, -1):
        grp = chain_sides(coordinated_chain(text, ms, from_end=True, ctx=ctx, end=i + 1))
        if len(grp) >= 2:
            if len(grp) == 2:
                return grp[0][1], grp[1][1]
            # "Russia, Turkey and Iran ... the two neighbours": the two most-mentioned of the list
            counts = {g[1]: count(g[1], n) if count else sum(1 for m in islice(ms, n) if g[1] in m.sides)
                      for g in grp}
            top = sorted(counts, key=lambda k: -counts[k])[:2]
            return top[0], top[1]
    return None


def _top_two_states(mentions: list[ActorMention], before: int) -> tuple[str, str] | None:
    counts: dict[str, int] = {}
    for m in mentions:
        if m.start < before and len(m.actors) == 1:
            s = m.actors[0][1]
            if s:
                counts[s] = counts.get(s, 0) + 1
    if len(counts) < 2:
        for m in mentions:
            if m.start >= before and len(m.actors) == 1 and m.actors[0][1]:
                counts[m.actors[0][1]] = counts.get(m.actors[0][1], 0) + 1
    if len(counts) < 2:
        return None
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    return top[0][0], top[1][0]


# ------------------------------------------------------------------------------------------
# Clauses, groups, time
# ------------------------------------------------------------------------------------------
def is_location(text: str, m: ActorMention, floor: int, ctx: ContextWords | None = None) -> bool:
    """Is the mention where something happens ("in Kazakhstan's capital Astana", "over Syria"),
    not a party? A city or capital stands for its state only outside a prepositional phrase."""
    ctx = ctx or context_words()
    before = text[max(floor, m.start - 40):m.start]
    if m.place:
        return bool(ctx.place_prep.search(before)) or bool(ctx.place_noun_end.search(before))
    return bool(ctx.location_prep.search(before))


def coordinated_chain(text: str, ms: list[ActorMention], from_end: bool, ctx: ContextWords | None = None,
                      end: int | None = None) -> list[ActorMention]:
    """Mentions coordinated with the nearest one: "Russia, along with Iran", "Putin and Erdogan".
    ``end``: read only ``ms[:end]`` (without copying it)."""
    if not ms or end == 0:
        return []
    ctx = ctx or context_words()
    n = len(ms) if end is None else end
    # Read ms by index from the near end: no reversed copy or slice of a long article's mentions.
    seq = (lambda k: ms[n - 1 - k]) if from_end else ms.__getitem__
    group = [seq(0)]
    seen_and = False
    for k in range(n - 1):
        prev, cur = seq(k), seq(k + 1)
        a, b = (cur, prev) if from_end else (prev, cur)
        gap = text[a.end:b.start]
        if len(gap) > 40:
            break
        if set(a.sides) & set(b.sides) and len(gap.split()) <= 3 and "," not in gap and not ctx.no_merge.search(gap):
            group.append(cur)  # "Russian President Vladimir Putin": one side named twice
        elif ctx.connector.match(gap) and re.search(r"[^\s,]", gap):
            group.append(cur)
            seen_and = True
        elif gap.strip() == ",":
            # a bare comma joins list items only in a list closed by "and" ("Russia, Iran and Turkey")
            nxt = seq(k + 2) if k + 2 < n else None
            if seen_and or (nxt is not None and not from_end and
                            re.fullmatch(r",?\s+and\s+", text[cur.end:nxt.start])):
                group.append(cur)
            else:
                break
        else:
            break
    return group


def chain_sides(ms: Iterable[ActorMention]) -> list[tuple[str, str, str]]:
    """(actor, side, text) per distinct side, persons preferred over bare adjectives."""
    out: dict[str, tuple[str, str, str]] = {}
    for m in ms:
        for actor, side in m.actors:
            key = side or actor
            prev = out.get(key)
            if prev is None or (prev[0] == key and actor != key):
                out[key] = (actor, side or actor, m.text)
    return list(out.values())


def _words_gap(text: str, a: int, b: int) -> int:
    return count_words(text, a, b) if b > a else 0


def _article_ref(article: Article) -> tuple[int, int] | None:
    m = re.match(r"\s*(\d{4})-(\d{1,2})", str(article.date or ""))
    if m:
        return int(m.group(1)), int(m.group(2))
    return None


def _dates_in(text: str, s: int, e: int, ref: tuple[int, int] | None, tc: TimeCues
              ) -> list[tuple[int, int | None, int]]:
    """(offset, year, month) for date expressions in text[s:e]; month 0 = whole year."""
    out = []
    covered = []
    for m in tc.month_re.finditer(text, s, e):
        word = m.group(1)
        if word.lower() == "may" and not m.group(2) and not re.search(r"\b(?:in|early|late|mid-?|since|last|of)\s+$",
                                                                      text[max(s, m.start() - 8):m.start()], re.I):
            continue  # the modal verb "may"
        if not word[0].isupper():
            continue  # "mar", "march on": months are capitalised
        month = tc.months[word.lower().rstrip(".")]
        year = int(m.group(2)) if m.group(2) else None
        if year is None and ref:
            year = ref[0] if month <= ref[1] else ref[0] - 1
        out.append((m.start(), year, month))
        covered.append((m.start(), m.end()))
    for m in tc.year_re.finditer(text, s, e):
        if any(a <= m.start() < b for a, b in covered):
            continue
        out.append((m.start(), int(m.group(1)), 0))
    return out


def _max_year(article: Article, tc: TimeCues) -> int | None:
    years = [int(y) for y in tc.year_re.findall(article.text)]
    return max(years) if years else None


def _is_past(year: int | None, month: int, ref: tuple[int, int] | None, max_year: int | None) -> bool:
    if year is None:
        return ref is None  # a month with no year and no article date: read as recalled
    if ref is not None:
        if month == 0:
            return year < ref[0]
        return (year, month) < ref
    return max_year is not None and year < max_year


def _time_of(article: Article, cue_start: int, cue_end: int, clause: tuple[int, int],
             prev_background: bool, ref: tuple[int, int] | None, max_year: int | None,
             tc: TimeCues | None = None) -> str:
    text = article.text
    tc = tc or load_time_cues()
    cs, ce = clause
    tk = article.layer("match_tokens")
    ci, cj = tk.span(cs, ce)
    if tc.markers.search(tk, ci, cj):
        return "background"
    since = [m.start() for m in _SINCE_RE.finditer(text, cs, ce)]
    if any(p < cue_start for p in since):
        return "background"
    # a date that is the object of a later "since" ("working together since a 2016 deal") dates
    # the start of a current state, not the cue; other dates in the clause do date it
    since_objects = [(p, p + 45) for p in since if p > cue_start]
    for off, year, month in _dates_in(text, cs, ce, ref, tc):
        if any(a <= off < b and not re.search(r"\b(?:when|after|before)\b", text[a:off], re.I)
               for a, b in since_objects):
            continue
        if _is_past(year, month, ref, max_year):
            return "background"
    if tc.relative.search(tk, ci, cj):
        return "background"
    pp = tc.past_perfect.search(text, cs, cue_end)
    if pp:
        # backshift in reported speech ("Lavrentiev said Moscow and Ankara had worked together")
        # is the reporter's grammar, not a recalled past; other past perfects recall the past
        sent = article.sentence_at(cs)
        lead = text[sent.start if sent else cs:pp.start()]
        if not speech_regex().search(lead):
            return "background"
    if prev_background and _WHEN_OPEN_RE.match(text, cs, ce):
        return "background"
    return "current"


def _clause_background(article: Article, clause: tuple[int, int], ref, max_year, tc: TimeCues | None = None) -> bool:
    return _time_of(article, clause[1], clause[1], clause, False, ref, max_year, tc) == "background"


# ------------------------------------------------------------------------------------------
# Extraction
# ------------------------------------------------------------------------------------------
def _cue_matches(tk: TokenKeys, s: int, e: int, lex: CueLexicon, blocked: list[tuple[int, int]]
                 ) -> list[tuple[int, int, Cue]]:
    """Cue matches in tokens [s, e) (one sentence) as character spans, longest first at each
    position, no overlaps, none inside a name or an ``ignore`` phrase."""
    hits = lex.forms.find(tk, s, e)
    if not hits:
        return []
    ignored = [tk.chars(i, j) for i, j, _ in lex.ignore.find(tk, s, e)] if lex.ignore is not None else []
    found = []
    for i, j, g in hits:
        st, en = tk.chars(i, j)
        if any(st < b and a < en for a, b in ignored):
            continue
        if any(a <= st < b or a < en <= b for a, b in blocked):
            continue  # a cue word inside a name ("United Nations", "Dialogue of ... institute")
        found.append((st, en, lex.cues[g]))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, last_end = [], -1
    for st, en, cue in found:
        if st >= last_end:
            out.append((st, en, cue))
            last_end = en
    return out


def _relation_json(r: dict[str, Any]) -> dict[str, Any]:
    return {"source": r["source"], "target": r["target"], "cue": r["cue"], "start": r["start"], "end": r["end"],
            "type": r["type"], "intensity": float(r["intensity"]), "negated": bool(r["negated"]), "time": r["time"],
            "status": r["status"], "confidence": float(r["confidence"])}


def _dyads_json(article: Article) -> dict[str, Any]:
    """What :func:`dyads` gives (net, net_all, events, not_asserted), from the rows: no pandas for
    --json. As in :func:`dyad`, only asserted events enter ``net`` and ``net_all``."""
    rows = article.layer("relations")
    pairs = {tuple(sorted((r["source_side"], r["target_side"]))) for r in rows
             if r["source_side"] and r["target_side"] and r["source_side"] != r["target_side"]}
    out = {}
    for x, y in sorted(p for p in pairs if is_state(p[0]) and is_state(p[1])):
        sides = {(actor_state(x), actor_state(y)), (actor_state(y), actor_state(x))}
        ev = [r for r in rows if (r["source_side"], r["target_side"]) in sides]
        net, net_all, _, not_asserted = dyad_scores(ev)
        out[dyad_key(x, y)] = {"net": net, "net_all": net_all, "events": len(ev), "not_asserted": not_asserted}
    return {"dyads": out}


def dyad_scores(events: list[dict[str, Any]]) -> tuple[float, float, int, int]:
    """``(net, net_all, n_current, n_not_asserted)`` of a dyad's event rows: ``net`` is the mean
    weight of the current asserted events, ``net_all`` of all asserted ones (0.0 when none);
    the rest (negated, hypothetical, denied, claimed) are only counted.

    >>> dyad_scores([{"weight": 4.0, "status": "asserted", "time": "current"},
    ...              {"weight": -8.0, "status": "hypothetical", "time": "current"}])
    (4.0, 4.0, 1, 1)
    """
    fact = [e for e in events if e["status"] == "asserted"]  # only what the text presents as fact
    cur = [e["weight"] for e in fact if e["time"] == "current"]
    net = round(layers.column_mean(cur), 3) if cur else 0.0
    net_all = round(layers.column_mean([e["weight"] for e in fact]), 3) if fact else 0.0
    return net, net_all, len(cur), len(events) - len(fact)


@layers.register("relations", columns=RELATION_COLUMNS, requires=("actor_mentions",),
                 dtypes={"start": "int", "end": "int", "sentence": "int", "intensity": "float", "weight": "float",
                         "negated": "bool", "symmetric": "bool", "confidence": "float"},
                 resources=lambda p: [p.get("cues") or "relation_cues.yml", "time_cues.yml", "clause_cues.yml"],
                 defaults={"cues": None}, table="relations", json_section="relations", json_row=_relation_json,
                 json_summary=_dyads_json)
def relation_layer(article: Article, cues: str | os.PathLike[str] | None) -> list[dict[str, Any]]:
    """One row per actor→actor event and direction (see :func:`extract_relations`)."""
    return _extract_rows(article, cues)


def extract_relations(article: Article | Corpus, cues: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Actor→actor events in an article, one row per direction.

    Columns: ``source``, ``target`` (canonical actors as mentioned, e.g. "Vladimir Putin"),
    ``cue`` (the cue words) with ``start``/``end`` offsets, ``type`` (CAMEO QuadClass),
    ``intensity`` (Goldstein-like −10…+10 from the cue lexicon), ``negated``, ``time``
    (``current``/``background``), ``sentence`` (index), ``evidence`` (the clause text),
    ``source_side``/``target_side`` (the states used for dyads), ``source_text``/``target_text``
    (the words that named them), ``symmetric``, ``cue_name`` (lexicon entry) and ``weight``
    (the intensity, or −0.5 × intensity when negated), ``status`` (``asserted``, ``negated``,
    ``hypothetical``, ``denied`` or ``claimed``: how the text presents the event, see
    :mod:`newslab.event_status`; only asserted events enter dyad scores) and ``confidence``
    (0–1, the evidence for the coding). A claim by the party an act hurts ("Tehran said
    Washington had violated ...") is that party's accusation: verbal conflict from the speaker to
    the accused, status ``claimed``. A Corpus gives the same columns plus ``doc_id`` and ``date``.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nTurkey did not agree with Russia.")
    >>> extract_relations(a)[["source", "target", "negated", "weight", "status"]].values.tolist()
    [['Turkey', 'Russia', True, -2.0, 'negated'], ['Russia', 'Turkey', True, -2.0, 'negated']]
    """
    return layers.frame(article, "relations", cues=cues)


Side = tuple[str, str, str]  # (actor, side, the words that named it)
Pair = tuple[Side, Side]
LastPair = tuple[list[Side], int] | None  # the last pair named together, and its sentence


@dataclass(frozen=True)
class _ArticleEvents:
    """What event extraction needs from one article, looked up once."""

    article: Article
    text: str
    lex: CueLexicon
    tc: TimeCues
    mentions: list[ActorMention]
    mention_starts: list[int]
    name_spans: list[tuple[int, int]]  # every named mention (no cue inside a name)
    name_starts: list[int]
    ref: tuple[int, int] | None  # the article's (year, month)
    max_year: int | None
    clause_memo: ClauseMemo
    arg_words: event_arguments.ArgumentWords
    tokens: TokenKeys

    @property
    def clause_cues(self) -> ClauseCues:
        return self.clause_memo.cues

    def clauses(self, i: int) -> list[tuple[int, int]]:
        return sentence_clauses(self.article, i, self.clause_memo)

    @classmethod
    def of(cls, article: Article, cues: str | os.PathLike[str] | None) -> "_ArticleEvents":
        mentions = article.layer("actor_mentions")
        # Speed: mentions and name spans are looked up per sentence by bisection, not by a scan.
        name_spans = sorted((r["start"], r["end"]) for r in article.layer("mentions"))
        tc = load_time_cues()
        return cls(article, article.text, load_relation_cues(cues), tc, mentions,
                   [m.start for m in mentions], name_spans, [a for a, _ in name_spans],
                   _article_ref(article), _max_year(article, tc), article.layer("clauses"),
                   event_arguments.argument_words(cues), article.layer("match_tokens"))

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        return self.mentions[bisect_left(self.mention_starts, start):bisect_left(self.mention_starts, end)]

    def blocked(self, start: int, end: int, sent_mentions: list[ActorMention]) -> list[tuple[int, int]]:
        """Spans no cue may overlap: the names in the sentence."""
        return self.name_spans[bisect_left(self.name_starts, start):bisect_left(self.name_starts, end)] \
            or [(m.start, m.end) for m in sent_mentions if len(m.actors) == 1]


@dataclass(frozen=True)
class CueSite:
    """One cue in its clause, with the actor mentions that may be its source and target."""

    text: str
    cue: Cue
    start: int
    end: int
    clause: tuple[int, int]
    mentions: list[ActorMention]  # actor mentions of the clause
    left: list[ActorMention]  # before the cue (no locations, no earlier verb's objects)
    right: list[ActorMention]  # after the cue (no locations)
    prev: list[ActorMention]  # of the previous clause, when this one opens with and/but/when...
    last_pair: LastPair
    sent_i: int
    mutual_complement: bool = False  # its infinitive is a mutual act ("pledged to restore ties")
    next_cue: int = -1  # where the next cue of the sentence starts
    complement: tuple[str, int] | None = None  # (cue name, end) of an infinitive that says who the partners are ("offered to mediate")
    governed: bool = False  # a noun that is the object of a directed cue ("supported negotiations")
    light_verbs: PhraseSet | None = None  # "launched", "carried out" (relation_cues.yml)
    governor: str = ""  # the name of the verb cue whose object this cue is ("condemned an attack")
    governor_type: str = ""  # and its type
    tokens: TokenKeys | None = None
    context: ContextWords | None = None  # the context words of relation_cues.yml
    main_start: int | None = None  # where the main clause resumes after a relative clause before the cue


def _extract_rows(article: Article, cues: str | os.PathLike[str] | None) -> list[dict[str, Any]]:
    """The event rows of an article, sentence by sentence."""
    doc = _ArticleEvents.of(article, cues)
    rows: list[dict[str, Any]] = []
    last_pair: LastPair = None
    for sent in article.sentences:
        sent_mentions = doc.mentions_in(sent.start, sent.end)
        if not sent_mentions and (last_pair is None or sent.i - last_pair[1] > 2):
            # No actor here and no recent pair for a "they" (see _resolve): no cue can give an
            # event, so it is not looked for. Three sentences in four of real news are like this.
            continue
        ti, tj = article.sentence_token_ranges[sent.i]
        matches = _cue_matches(doc.tokens, ti, tj, doc.lex, doc.blocked(sent.start, sent.end, sent_mentions))
        if matches:
            last_pair = _sentence_events(doc, sent, sent_mentions, matches, last_pair, rows)
        elif len(sent_mentions) >= 2 or any(len(m.actors) > 1 for m in sent_mentions):
            last_pair = _pair_in_clauses(doc.text, doc.clauses(sent.i), sent_mentions, sent.i, last_pair,
                                         doc.lex.context)
    return rows


def _clause_times(doc: _ArticleEvents, clauses: list[tuple[int, int]]
                  ) -> tuple[set[tuple[int, int]], dict[tuple[int, int], bool]]:
    """The clauses that are background whatever their cue (a dated when-clause dates the clause
    it attaches to), and for each clause whether the clause before it is background."""
    own_bg = [_clause_background(doc.article, cl, doc.ref, doc.max_year, doc.tc) for cl in clauses]
    prev_bg = {cl: ci > 0 and own_bg[ci - 1] for ci, cl in enumerate(clauses)}
    forced: set[tuple[int, int]] = set()
    # "X went through a crisis | when Turkey shot down a jet in November 2015": simultaneity
    for ci in range(len(clauses) - 2, -1, -1):
        if own_bg[ci + 1] and re.match(r"[\s,]*when\b", doc.text[clauses[ci + 1][0]:clauses[ci + 1][1]], re.I):
            own_bg[ci] = True
            forced.add(clauses[ci])
    return forced, prev_bg


def _is_refusal(doc: _ArticleEvents, st: int, clause: tuple[int, int]) -> bool:
    """"refused to join sanctions": a refusal (a ``failure`` negation of clause_cues.yml followed
    by a verb) is the negation of the next cue, not an event of its own."""
    toks = tokens_before(doc.text, st, min(clause[1], st + 40))[:3]
    mark = negation_cue(toks[:2], doc.clause_cues)
    return len(toks) == 3 and mark is not None and mark.kind == "failure" and len(mark.cue.split()) == 2 \
        and toks[2][:1].isalnum()


def _continues_previous(text: str, prev_cue: tuple[int, int, Cue] | None, st: int, clause: tuple[int, int],
                        intent: frozenset[str] = frozenset()) -> bool:
    """"agreed to cooperate", "agreed on Tuesday to set up a joint mechanism to monitor the
    ceasefire", "pledged to support": a cue in the infinitive of an earlier one; the first verb
    carries the event."""
    if not prev_cue or prev_cue[1] > st or clause[0] > prev_cue[0]:
        return False
    between = text[prev_cue[1]:st]
    if "," in between:
        return False
    return bool(re.fullmatch(r"\s+to\s+(?:\w+\s+)?", between)) or (
        prev_cue[2].name in intent and len(between.split()) <= 8
        and bool(re.search(r"\bto\s+(?!(?:its|his|her|their|the|a|an|our|my)\b)\w", between)))


def _sentence_events(doc: _ArticleEvents, sent: Any, sent_mentions: list[ActorMention],
                     matches: list[tuple[int, int, Cue]], last_pair: LastPair, rows: list[dict[str, Any]]) -> LastPair:
    """Add the events of one sentence's cue matches to ``rows``; return the pair a later "they" means."""
    text = doc.text
    clauses = doc.clauses(sent.i)
    ctx = doc.lex.context
    forced_bg, prev_bg = _clause_times(doc, clauses)
    prev_cue: tuple[int, int, Cue] | None = None
    refused_at = -1
    for k, (st, en, cue) in enumerate(matches):
        clause = clause_of(clauses, st, (sent.start, sent.end))
        if st == refused_at:
            continue  # the cooperation a refusal turned down is not coded (issue 15)
        if cue.name == "oppose" and _is_refusal(doc, st, clause):
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            if nxt is None or nxt[2].intensity <= 0 or _words_gap(text, en, nxt[0]) > 2:
                continue  # "refused to join sanctions": the sanctions, negated, carry the event
            refused_at = nxt[0]  # "ruled out lifting sanctions": refusing a concession is the conflict
        if _continues_previous(text, prev_cue, st, clause, ctx.intent_cues):
            prev_cue = (prev_cue[0], en, prev_cue[2])  # type: ignore[index]
            continue
        before_cue, prev_cue = prev_cue, (st, en, cue)
        if cue.requires is not None and not cue.requires.search(doc.tokens, *doc.tokens.span(*clause)):
            continue
        if cue.symmetric and ctx.setting.search(text[max(clause[0], st - 30):st]):
            continue  # "backing opposing sides in the war": the war is the setting, not an event
        site = _cue_site(doc, cue, st, en, clause, clauses, sent_mentions, before_cue, last_pair, sent.i)
        nxt = matches[k + 1] if k + 1 < len(matches) else None
        if nxt is not None:
            site = replace(site, next_cue=nxt[0])
        if nxt is not None and nxt[2].symmetric and _continues_previous(text, (st, en, cue), nxt[0], clause, ctx.intent_cues):
            site = replace(site, mutual_complement=True)
        if nxt is not None and nxt[2].name in doc.arg_words.partner_cues \
                and _continues_previous(text, (st, en, cue), nxt[0], clause, ctx.intent_cues):
            site = replace(site, complement=(nxt[2].name, nxt[1]))  # "offered to mediate": between the parties
        if nxt is not None and cue.name in doc.arg_words.reactions and nxt[0] != refused_at \
                and _words_gap(text, en, nxt[0]) <= 3 \
                and not _NOT_OBJECT_GAP_RE.search(text, en, nxt[0]):
            # "condemned a cowardly attack on X": X is the attack's patient, not the condemnation's;
            # the act's agent ("sanctions by Russia") is what the reaction is aimed at
            site = replace(site, right=[m for m in site.right if m.start < nxt[0]
                                        or _BY_BEFORE_RE.search(text, max(nxt[1], m.start - 12), m.start)])
        if event_status.alleged(text, clause[0], st, doc.clause_cues):
            continue  # "accused Iran of hiding ...": the accusation is the event, not what it alleges
        speaker = event_status.reporting_speaker(text, (sent.start, sent.end), st, en, sent_mentions, doc.clause_cues,
                                                 _previous_subject(doc, sent.i))
        pairs = _participants(site, rows, doc, speaker, sent.start)
        if not pairs:
            continue
        # "..., which helped broker the 2025 ceasefire, welcomed ...": the relative clause's date
        # is not the main verb's
        time = "background" if clause in forced_bg else \
            _time_of(doc.article, st, en, clause if site.main_start is None else (site.main_start, clause[1]),
                     prev_bg.get(clause, False), doc.ref, doc.max_year, doc.tc)
        rows.extend(_status_rows(doc, site, pairs, speaker, time))
        if cue.symmetric and len(pairs) >= 2:
            last_pair = ([pairs[0][0], pairs[0][1]], sent.i)
    return _pair_in_clauses(text, clauses, sent_mentions, sent.i, last_pair, ctx)


def _participants(site: CueSite, rows: list[dict[str, Any]], doc: _ArticleEvents, speaker: Side | None,
                  sentence_start: int) -> list[Pair]:
    """The cue's source/target pairs, corrected by :mod:`newslab.event_arguments` (label nouns,
    separate acts, campaigns, reactions to another's act, the implicit partner of a reaction)."""
    text, st, en = site.text, site.start, site.end
    words, doc_speech = doc.arg_words, doc.clause_cues.speech
    poss = _possessive_source(site)
    if event_arguments.reaction_to_other(site.governor, event_status.is_verb_cue(text, st, en), poss is not None, words):
        return []  # "condemned a cowardly attack": the attack's agent is not the condemner
    if site.governor_type == site.cue.type and not event_status.is_verb_cue(text, st, en):
        return []  # "signed an agreement", "imposed sanctions": the object names the same act
    if any(event_arguments.predicative(text, en, m.start) for m in site.right):
        site = replace(site, right=[m for m in site.right if not event_arguments.predicative(text, en, m.start)])
    said_and = _said_and_pairs(site, speaker, doc_speech)
    if said_and is not None:
        return said_and
    we = _we_pair(site, speaker)
    if we:
        return _both(we)  # "We agreed ...," the Russian minister said after the talks (with Turkey)
    rel = event_arguments.contact_relative(text, site.clause[0], st, en, site.left, site.right,
                                           event_status.is_verb_cue(text, st, en), words)
    if rel is not None and site.cue.name not in words.partner_cues:  # a broker's parties: implicit_partner
        return _contact_relative_pairs(site, *rel, prev_subject=_previous_subject(doc, site.sent_i))
    pairs = _resolve(site)
    if site.cue.type == "verbal_conflict" and site.right and re.fullmatch(r"\s+that\s+(?:the\s+)?", text[en:site.right[0].start]):
        # "warned that Ankara would ...": the speaker's own side, subject of the complement, is no
        # target; the first other party (below) is
        pairs = [p for p in pairs if p[0][1] != p[1][1]]
    pairs = event_arguments.adjust_pairs(text, site.clause, st, en, pairs, _chain(site, site.right, from_end=False),
                                         words, site.cue.name)
    sides = {s[1] for p in pairs for s in p}
    if pairs and (event_arguments.anaphoric(text, st, site.cue.name, sides, rows, site.sent_i)
                  or event_arguments.restating_participle(text, site.clause[0], st, en, sentence_start, rows)):
        return []
    if not pairs and not site.cue.symmetric and site.right:
        # "A Turkish minister warned that Ankara would ...": the speaker's own side named in the
        # complement is not the target; the first other party is
        subj_sides = {m_side for m in site.left for m_side in m.sides}
        others = [m for m in site.right if not set(m.sides) <= subj_sides]
        if subj_sides and others and len(others) < len(site.right):
            pairs = _resolve(replace(site, right=others))
    owner = None
    if not pairs and not _subject_mentions(site, site.left):
        owner = event_arguments.official_of(text, site.clause[0], st, site.left) \
            or event_arguments.located_body(text, site.clause[0], st, site.mentions)
        if owner is not None:  # "The office of the Serbian president rejected ..."
            site = replace(site, left=[owner])
            pairs = _resolve(site)
    if pairs or site.cue.symmetric:
        return pairs
    subj = event_arguments.coordinated_sources(text, [owner] if owner is not None else _subject_mentions(site, site.left))
    if site.cue.name in words.territory_cues and subj:
        # "jets struck hideouts in eastern Afghanistan": an attack on a state's territory targets it
        places = [m for m in site.mentions if m.start >= en and m not in site.right and not m.place
                  and re.search(r"\b(?:in|into|on|over|across)\s+(?:\w+\s+){0,2}$", text[max(en, m.start - 30):m.start])]
        if places:
            return [(s, p) for s in subj for p in chain_sides(places[:1]) if p[1] != s[1]]
    if not subj and site.prev and not site.left:
        # "..., which helped broker the ceasefire, welcomed the pledge": the subject stands in the
        # clause before (the antecedent of the relative clause, or of "and welcomed")
        subj = _chain(site, _not_prep_object(text, site.prev), from_end=False)[:2]
    if site.cue.type == "material_conflict" and speaker is not None and subj \
            and not _AUX_PASSIVE_RE.search(text[max(site.clause[0], st - 30):st]):  # "were struck": no agent
        # "Tehran said Washington had violated the accord": the act hurts the speaker
        return [(s, speaker) for s in subj if s[1] != speaker[1]]
    # the object of a directed cue stands before the next comma ("broker the ceasefire, welcomed X")
    objects = [m for m in site.right if "," not in text[en:m.start]]
    if not objects and speaker is None and not doc_speech.search(text, site.clause[0], st) \
            and event_status.is_verb_cue(text, st, en):  # a reaction is a verb ("retaliated", not "retaliation")
        name, end = site.complement or (site.cue.name, en)
        pairs = event_arguments.implicit_partner(text, site.clause, end, name, subj, rows, site.sent_i, words)
    return pairs


def _contact_relative_pairs(site: CueSite, kind: str, subject: ActorMention, head_start: int,
                            prev_subject: Side | None = None) -> list[Pair]:
    """"a charge Yerevan rejected", "a demand Beijing raised": the relative's subject towards the
    main clause's subject (the author of the charge or of what was demanded; a subject pronoun,
    "It held a referendum ... that Guyana rejected", is the first actor of the sentence before);
    none when the verb after the noun is itself a cue ("a threat Athens condemned": the
    condemnation is the event)."""
    if kind == "noun" and 0 <= site.next_cue - subject.end <= 20:
        return []
    src = chain_sides([subject])
    mine = {s[1] for s in src}
    before = [m for m in site.mentions if m.end <= head_start]
    main = [m for m in _subject_mentions(site, before) if not set(m.sides) & mine][:1] \
        or [m for m in _not_prep_object(site.text, site.prev) if not set(m.sides) & mine][:1]
    targets = chain_sides(main)
    if not targets and prev_subject is not None and _PRONOUN_SUBJECT_RE.match(site.text, site.clause[0]):
        targets = [prev_subject]
    return [(s, t) for s in src for t in targets if t[1] not in mine]


_PRONOUN_SUBJECT_RE = re.compile(r"[\s,]*(?:it|they|he|she)\s+(?!(?:is|was|said|says)\b)[a-z]", re.IGNORECASE)


def _previous_subject(doc: _ArticleEvents, sent_i: int) -> Side | None:
    """The first actor named in the sentence before (who an untitled official speaks for)."""
    if sent_i == 0:
        return None
    prev = doc.article.sentences[sent_i - 1]
    ms = doc.mentions_in(prev.start, prev.end)
    return chain_sides(ms[:1])[0] if ms and len(ms[0].actors) == 1 else None


def _status_rows(doc: _ArticleEvents, site: CueSite, pairs: list[Pair], speaker: Side | None,
                 time: str) -> list[dict[str, Any]]:
    """The rows of one event with its status (:mod:`newslab.event_status`) and confidence; a
    claim by the party an act hurts becomes that party's accusation of the act's agent."""
    text, st, en, clause = site.text, site.start, site.end, site.clause
    sources = [p[0][1] for p in pairs]
    targets = [p[1][1] for p in pairs]
    agent = [a[1] for a in event_arguments.coordinated_sources(text, _subject_mentions(site, site.left))] \
        if site.cue.symmetric else []
    # only an alleged deed is a claim; a threat or a protest reported by its target is public
    stat = event_status.status_of(text, clause, st, en, doc.clause_cues, sources, targets,
                                  site.cue.type == "material_conflict", speaker, agent)
    if stat.status == "claimed" and stat.speaker is not None:
        spk = stat.speaker
        accused = list({p[0][1]: p[0] for p in pairs if p[0][1] != spk[1]}.values())
        pairs = [(spk, a) for a in accused]
        site = replace(site, cue=replace(site.cue, type=event_status.CLAIM_TYPE, intensity=event_status.CLAIM_INTENSITY,
                                         symmetric=False))
    negated = clause_negated(text, clause[0], st, doc.clause_cues) or stat.status == "negated"
    verb = event_status.is_verb_cue(text, st, en)
    clause_text = text[clause[0]:clause[1]]
    return [{**row, "status": stat.status,
             "confidence": event_status.confidence(stat.status, verb, (bool(row["source_text"]) and row["source_text"] in clause_text,
                                                                      bool(row["target_text"]) and row["target_text"] in clause_text))}
            for row in _event_rows(site, pairs, negated, time)]


def _cue_site(doc: _ArticleEvents, cue: Cue, st: int, en: int, clause: tuple[int, int],
              clauses: list[tuple[int, int]], sent_mentions: list[ActorMention],
              before_cue: tuple[int, int, Cue] | None, last_pair: LastPair, sent_i: int) -> CueSite:
    """The candidate participants of one cue."""
    text = doc.text
    ci = clauses.index(clause) if clause in clauses else 0
    prev_clause = clauses[ci - 1] if ci > 0 and _OPEN_CONJ_RE.match(text, clause[0], clause[1]) else None
    cms = [m for m in sent_mentions if clause[0] <= m.start < clause[1]]
    ctx = doc.lex.context
    left = [m for m in cms if m.end <= st and not is_location(text, m, clause[0], ctx)]
    main_after = event_arguments.main_clause_after_relative(text, clause[0], st)
    if ci > 0 and main_after is not None:
        # "The EU, which has monitors on the border, called on both sides": the verb after the
        # relative clause is the main clause's, its subject the name before "which"
        prev_clause = clauses[ci - 1]
        left = [m for m in left if m.start >= main_after]
    reported = doc.clause_cues.reported_nominal.search(text, max(clause[0], st - 80), st)
    if reported:
        left = [m for m in left if m.start >= reported.end()]
    elif before_cue is not None and clause[0] <= before_cue[0] < st and \
            _AND_VERB_RE.search(text, max(clause[0], st - 30), st):
        # 'X condemned Russia and threatened Syria': Russia is the object of the earlier
        # verb; the subject of both stands before it
        left = [m for m in left if m.end <= before_cue[0]]
    right = [m for m in cms if m.start >= en and not is_location(text, m, en, ctx)]
    prev_ms = [m for m in sent_mentions if prev_clause and prev_clause[0] <= m.start < prev_clause[1]]
    if ci > 0 and prev_clause is None and main_after is None and event_arguments.narrative_relative(text, clause[0]):
        # "The United States, which helped broker the ceasefire, ...": the subject of a relative
        # clause that narrates a past act is its antecedent, the name right before "which"
        before = [m for m in sent_mentions if clauses[ci - 1][0] <= m.start < clauses[ci - 1][1]]
        prev_ms = coordinated_chain(text, before, from_end=True, ctx=ctx)[::-1] if before else []
    object_of = before_cue is not None and clause[0] <= before_cue[0] \
        and before_cue[1] <= st and _words_gap(text, before_cue[1], st) <= 3 \
        and not _NOT_OBJECT_GAP_RE.search(text, before_cue[1], st) and _is_verb(text, before_cue[0], before_cue[1])
    governed = object_of and not before_cue[2].symmetric  # type: ignore[index]
    return CueSite(text, cue, st, en, clause, cms, left, right, prev_ms, last_pair, sent_i, governed=governed,
                   light_verbs=doc.lex.light_verbs, governor=before_cue[2].name if object_of and before_cue else "",
                   governor_type=before_cue[2].type if object_of and before_cue else "", tokens=doc.tokens, context=ctx,
                   main_start=main_after)


def _event_rows(site: CueSite, pairs: list[Pair], negated: bool, time: str) -> list[dict[str, Any]]:
    """One row per direction of one event."""
    text, cue, (st, en), clause = site.text, site.cue, (site.start, site.end), site.clause
    return [{"source": src[0], "target": tgt[0], "cue": text[st:en], "start": st, "end": en,
             "type": cue.type, "intensity": cue.intensity, "negated": negated, "time": time,
             "sentence": site.sent_i, "evidence": text[clause[0]:clause[1]].strip(),
             "source_side": src[1], "target_side": tgt[1], "source_text": src[2],
             "target_text": tgt[2], "symmetric": cue.symmetric, "cue_name": cue.name,
             "weight": cue.intensity * (NEGATION_FACTOR if negated else 1.0)}
            for src, tgt in pairs if src[1] != tgt[1]]


@lru_cache(maxsize=16)
def _empty_frame(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame([], columns=list(columns))


def empty_frame(columns: Iterable[str]) -> pd.DataFrame:
    """A new empty table with these columns, as ``pd.DataFrame([], columns=columns)`` gives it.

    Speed: most articles have no events; copying one template is far cheaper than building an
    empty frame each time.
    """
    return _empty_frame(tuple(columns)).copy()


def _pair_in_clauses(text: str, clauses: list[tuple[int, int]], sent_mentions: list[ActorMention], sent_i: int,
                     last_pair: tuple[list[tuple[str, str, str]], int] | None, ctx: ContextWords | None = None
                     ) -> tuple[list[tuple[str, str, str]], int] | None:
    """A coordinated pair named in this sentence becomes the antecedent of a later "they"."""
    if not sent_mentions:
        return last_pair
    for cl in clauses:
        grp = _first_pair(text, [m for m in sent_mentions if cl[0] <= m.start < cl[1]], ctx)
        if grp:
            last_pair = (grp[:2], sent_i)
    return last_pair


def _first_pair(text: str, ms: list[ActorMention], ctx: ContextWords | None = None) -> list[tuple[str, str, str]]:
    """The first coordinated group of two or more sides among ``ms`` ("Russia and Turkey"), or []."""
    for i in range(len(ms)):
        grp = chain_sides(coordinated_chain(text, ms[i:], False, ctx))
        if len(grp) >= 2:
            return grp
    return []


def _both(group: list[Side]) -> list[Pair]:
    """Both directions between every two sides of a group (a symmetric event)."""
    return [(a, b) for a in group for b in group if a[1] != b[1]]


def _chain(site: CueSite, ms: list[ActorMention], from_end: bool) -> list[Side]:
    return chain_sides(coordinated_chain(site.text, ms, from_end, site.context))


def _not_prep_object(text: str, ms: list[ActorMention]) -> list[ActorMention]:
    """The mentions that are not the object of a preposition ("incompatible with NATO")."""
    return [m for m in ms if not _PREP_OBJECT_RE.search(text[max(0, m.start - 30):m.start])]


def _between_group(site: CueSite) -> list[Side]:
    """The pair of "between X and Y" in the clause (the one after the cue if there are two)."""
    text, (cs, ce) = site.text, site.clause
    between: list[Side] = []
    for bm in _BETWEEN_RE.finditer(text, cs, ce):
        after = [m for m in site.mentions if m.start >= bm.end()]
        grp = _chain(site, after, from_end=False)
        if len(grp) >= 2 and after[0].start - bm.end() < 25:
            between = grp
            if bm.start() >= site.end:
                break
    return between


def _outside_between(site: CueSite) -> list[ActorMention]:
    """The mentions before the cue that are not inside "between X and Y": names there are not
    the subject (or passive patient) of a later verb."""
    starts = [bm.end() for bm in _BETWEEN_RE.finditer(site.text, site.clause[0], site.start)]
    return [m for m in site.left if not any(0 <= m.start - b < 25 for b in starts)]


def _passive_pairs(site: CueSite, patients: list[Side]) -> list[Pair] | None:
    """Source/target of a passive cue ("shot down by Turkish jets"), or None when it is not passive.

    The agent is the "by" phrase after the cue; an auxiliary passive without one ("was condemned
    in a statement") gives no event.
    """
    text, cue, st, en, (cs, ce) = site.text, site.cue, site.start, site.end, site.clause
    if cue.symmetric:
        return None
    first_word = text[st:en].split()[0].lower()
    if not first_word.endswith("ing") and _AUX_PASSIVE_RE.search(text[max(cs, st - 30):st]):
        patients = patients or _chain(site, _not_prep_object(text, site.prev)[:1], from_end=False)
        by = re.search(r"\bby\s+", text[en:ce])
        agents = [m for m in site.right if by and m.start >= en + by.end() and m.start - (en + by.end()) < 40]
        if not agents or not patients:
            return []
        src = _chain(site, [m for m in site.right if m.start >= agents[0].start], from_end=False)
        return [(a, p) for a in src for p in patients]
    passive = _PASSIVE_BY_RE.match(text, en, ce)
    if passive:
        agents = [m for m in site.right if m.start >= passive.end() - 1 and m.start - passive.end() < 25]
        if agents:
            src = _chain(site, [m for m in site.right if m.start >= agents[0].start], from_end=False)
            return [(s, t) for s in src for t in patients] if patients else []
    return None


def _said_and_pairs(site: CueSite, speaker: Side | None, speech: re.Pattern[str]) -> list[Pair] | None:
    """"The spokesman said Washington had broken the deal and warned that Tehran would retaliate":
    a verb of saying with a that-complement, coordinated after a reported clause, is the
    speaker's second act of saying (its parallel with "said"), not the reported subject's; it is
    aimed at the first party its complement names that is not the speaker's side. None when the
    rule does not apply."""
    text, st, en = site.text, site.start, site.end
    if speaker is None or site.cue.type != "verbal_conflict" or not re.match(r"\s+that\b", text[en:en + 6]) \
            or not _AND_VERB_RE.search(text, max(site.clause[0], st - 30), st) or not speech.search(text, site.clause[0], st):
        return None
    others = [m for m in site.right if speaker[1] not in m.sides]
    return [(speaker, t) for t in chain_sides(others[:1]) if t[1] != speaker[1]]


_WE_BEFORE_RE = re.compile(r"\bwe\s+(?:(?:have|had|also|all|both|jointly|just|now|today)\s+){0,2}$", re.IGNORECASE)
_THEY_BEFORE_RE = re.compile(r"\bthey\s+(?:(?:have|had|also|all|both|jointly|just|now|then)\s+){0,2}$", re.IGNORECASE)


def _we_pair(site: CueSite, speaker: Side | None) -> list[Side] | None:
    """"We agreed that ...," the Saudi delegate said after the talks: a mutual act whose subject is
    the speaker's "we" is between the speaker's side and its partner in the last pair named together
    (within two sentences)."""
    lp = site.last_pair
    if not site.cue.symmetric or speaker is None or not lp or site.sent_i - lp[1] > 2 \
            or not _WE_BEFORE_RE.search(site.text, max(site.clause[0], site.start - 30), site.start):
        return None
    return lp[0] if speaker[1] in {s[1] for s in lp[0]} else None


def _pronoun_pair(site: CueSite) -> list[Side] | None:
    """"they agreed", "they have met", "their rivalry": the recent pair a plural pronoun just
    before the cue refers to."""
    lp = site.last_pair
    if lp and site.sent_i - lp[1] <= 2 and \
            re.search(r"\b(?:they|their)\s+(?:\S+\s+){0,2}$", site.text[max(site.clause[0], site.start - 40):site.start], re.I):
        return lp[0]
    return None


def _resolve(site: CueSite) -> list[Pair]:
    """Source/target pairs for one cue (both directions for symmetric events)."""
    text = site.text
    left_group = _chain(site, site.left, from_end=True)
    subj = _outside_between(site)
    left_nb = left_group if len(subj) == len(site.left) else _chain(site, subj, from_end=True)
    passive = _passive_pairs(site, left_nb)
    if passive is not None:
        return passive
    right_group = _chain(site, site.right, from_end=False)
    if site.cue.symmetric:
        return _symmetric_pairs(site, left_group, right_group)
    return _directed_pairs(site, subj, left_nb, right_group)


def _symmetric_pairs(site: CueSite, left_group: list[Side], right_group: list[Side]) -> list[Pair]:
    """Both directions of a mutual event: "Russia and Turkey met", "talks between X and Y",
    "Turkey met Russia", "its Turkish partners", "the two sides agreed", "they met"."""
    text, left, st = site.text, site.left, site.start
    between = _between_group(site)
    if site.governed:
        # "Germany and France supported negotiations": the subject of the governing verb is no
        # party to the talks it supports; only "between X and Y" names them
        return _both(between)
    if len(left_group) >= 2:
        return _both(left_group)
    if between:
        return _both(between)
    if len(left_group) == 1 and right_group:
        return _both(left_group + right_group[:1])
    if len(left_group) == 1 and left and _words_gap(text, left[-1].end, st) <= 2:
        # "its Turkish partners", "Turkey's NATO allies": the word before the relational noun
        # names one side, the clause's subject the other
        rest = [m for m in left if m.end <= left[-1].start and not (set(m.sides) & set(left[-1].sides))]
        subj = _chain(site, rest, from_end=True)
        if subj:
            return _both(subj[:1] + left_group)
    if left and _THEY_BEFORE_RE.search(text, max(left[-1].end, site.clause[0], st - 30), st):
        # "he had spoken with the Azerbaijani president and that they had agreed": "they" is the
        # subject, the names before it are not
        pronoun_pair = _pronoun_pair(site)
        if pronoun_pair:
            return _both(pronoun_pair)
    clause_pair = _first_pair(text, site.mentions, site.context)
    if len(left_group) == 1 and clause_pair and left_group[0][1] in {g[1] for g in clause_pair}:
        return _both(clause_pair)
    if left_group:
        return []
    if clause_pair:
        return _both(clause_pair)
    pronoun_pair = _pronoun_pair(site)
    if pronoun_pair:
        return _both(pronoun_pair)
    prev_pair = _first_pair(text, site.prev, site.context)
    if not right_group and prev_pair:
        return _both(prev_pair)  # "agreed a ceasefire | after six hours of talks"
    prev_subj = _chain(site, _not_prep_object(text, site.prev)[:1], from_end=False)
    if right_group and prev_subj and re.fullmatch(r"\s+with\s+(?:the\s+)?", text[site.end:site.right[0].start]):
        # "The US imposed sanctions, days after talks with Iran broke up": the talks "with" a party
        # and no subject of their own are the main clause subject's
        return _both(prev_subj[:1] + right_group[:1])
    return []


def _possessive_source(site: CueSite) -> ActorMention | None:
    """"Turkey's support for Azerbaijan": a possessive right before a noun cue is its source."""
    left, text = site.left, site.text
    poss = [m for m in left if _POSSESSIVE_AFTER_RE.match(text, m.end) or m.text.endswith(("'s", "’s"))]
    if poss and poss[-1] is left[-1] and _words_gap(text, poss[-1].end, site.start) <= 1:
        return poss[-1]
    return None


def _subject_mentions(site: CueSite, subj: list[ActorMention]) -> list[ActorMention]:
    """The mentions before the cue that can be its subject: not inside an apposition ("Turkey, a
    NATO member, has refused") and not a prepositional object ("incompatible with NATO")."""
    text, cs, st = site.text, site.clause[0], site.start
    subj = [m for m in subj if not (_APPOSITION_RE.search(text[max(cs, m.start - 25):m.start])
                                    and "," in text[m.end:st] and _words_gap(text, m.end, text.find(",", m.end)) <= 3)
            and not (m is not subj[0] and text[max(cs, m.start - 2):m.start] == ", "
                     and _POSSESSIVE_APPOSITION_RE.match(text, m.end, st))]
    return [m for m in subj if not _PREP_OBJECT_RE.search(text[max(cs, m.start - 30):m.start])
            or _COORD_WITH_RE.search(text[max(cs, m.start - 30):m.start])]


def _is_verb(text: str, st: int, en: int) -> bool:
    """A cue read as a verb: a past or -ing form ("supported", "backing"), or after "to" or a
    modal ("will support"); "a free trade agreement" has a noun ("trade") before the noun."""
    words = text[st:en].split()
    return bool(words) and (bool(_VERB_FORM_RE.search(words[0])) or bool(_MODAL_END_RE.search(text[max(0, st - 8):st])))


def _nominal_agent(site: CueSite) -> list[Side] | None:
    """The agent of an event noun with an "of" object, when the clause names it: a possessive or
    an actor inside its noun phrase ("Turkey's downing of", "the German invasion of", "the Obama
    administration's invasion of"), a by-phrase after its object ("the downing of an Iranian drone
    by the United States"), or the subject when the noun is predicated of it ("Russia is the key
    backer of Assad", "Qatar, the main backer of ...") or the object of a light verb ("Turkey
    launched an invasion of Syria"). None when the noun has no "of" object (not a nominal event);
    [] when it is one without a named agent."""
    text, st, cs = site.text, site.start, site.clause[0]
    if not _of_object(site) or site.cue.symmetric:
        return None
    before = text[max(cs, st - 40):st]
    if _COPULA_BEFORE_RE.search(before) or _APPOSITION_RE.search(before) or _light_verb_before(site):
        return None  # the subject is the agent: resolve as usual
    if site.left:
        m = site.left[-1]
        gap = text[m.end:st]
        if _PRENOMINAL_GAP_RE.fullmatch(gap) and (gap.isspace() or "'" in gap or "’" in gap
                                                 or _DETERMINER_END_RE.search(text, max(cs, m.start - 12), m.start)):
            return chain_sides([m])
    return _by_agent(site)


def _light_verb_before(site: CueSite) -> bool:
    """A light verb ("launched", "carried out", "ordered") at most three words before the cue."""
    verbs, tk = site.light_verbs, site.tokens
    if verbs is None or tk is None:
        return False
    hits = verbs.find(tk, *tk.span(max(site.clause[0], site.start - 50), site.start))
    return bool(hits) and _words_gap(site.text, tk.ends[hits[-1][1] - 1], site.start) <= 3


def _of_object(site: CueSite) -> bool:
    """The first actor after the cue is its "of" object ("the killing of the ambassador")."""
    right = site.right
    return bool(right) and bool(re.fullmatch(r"\s+of\s+(?:(?:the|a|an)\s+)?", site.text[site.end:right[0].start]))


def _by_agent(site: CueSite) -> list[Side]:
    """The agent of a nominal event in a by-phrase after its object, in the same stretch of the
    clause: "the downing of an Iranian drone by the United States" → the United States."""
    text, right = site.text, site.right
    for m in right[1:]:
        gap = text[right[0].end:m.start]
        if "," in gap or len(gap) > 60 or _RELATIVE_RE.search(gap):
            break  # the by-phrase of a relative clause ("... that was hit by") is not the noun's
        if _BY_BEFORE_RE.search(gap):
            return _chain(site, [x for x in right if x.start >= m.start], from_end=False)
    return []


def _directed_pairs(site: CueSite, subj: list[ActorMention], left_nb: list[Side], right_group: list[Side]
                    ) -> list[Pair]:
    """Source → target of a directed event: the subject (or a possessive) → the object."""
    text, cue, en, right = site.text, site.cue, site.end, site.right
    # the object of a directed cue stands before the next comma ("..., defying Washington" is not it)
    comma = text.find(",", en, site.clause[1])
    targets = [] if comma != -1 and right and right[0].start > comma else right_group
    subj_ms = _subject_mentions(site, subj)
    sources = _chain(site, subj_ms, from_end=True) if len(subj_ms) != len(site.left) else left_nb
    poss_source = _possessive_source(site)
    agent = _nominal_agent(site)
    nominal = agent is not None
    if poss_source is not None:
        sources = chain_sides([poss_source])
    elif agent is not None:
        # a nominal event's agent comes from its own noun phrase, never from the subject of the
        # clause: in "India and China mourned the killing of an Indian engineer by a gunman"
        # neither mourner is the killer
        sources = agent
    if not sources and site.prev and not subj_ms and not nominal:
        # "Erdogan refused to apologise, and accused Russia of ...": the previous clause's subject
        sources = _chain(site, _not_prep_object(text, site.prev), from_end=False)[:2]
    pronoun_pair = _pronoun_pair(site)
    if not sources and pronoun_pair and not targets:
        return []
    if len(sources) >= 2 and not targets and (cue.joint or site.mutual_complement):
        # a collective act with no party as its object ("Putin and Erdogan inaugurated the
        # pipeline") or one whose infinitive is a mutual act ("X and Y pledged to restore ties")
        # is an event between its subjects; other acts whose object is an activity ("Germany and
        # France supported negotiations") are no event between their subjects
        return _both(sources)
    if sources and not targets and _PLURAL_PRONOUN_RE.search(text, en, site.clause[1]) and pronoun_pair:
        targets = [p for p in pronoun_pair if p[1] not in {s[1] for s in sources}]
    return [(s, t) for s in sources for t in targets[:2]]


# ------------------------------------------------------------------------------------------
# Dyads
# ------------------------------------------------------------------------------------------
@dataclass
class Dyad:
    """Events between two actors (either direction), with net cooperation scores.

    ``net`` is the mean event weight over *current, asserted* events (−10…+10, positive =
    cooperative; 0.0 when there are none), ``net_all`` the same over all asserted events including
    background, ``n_events`` the number of event rows (a symmetric event counts once per direction),
    ``n_current`` the current asserted ones, ``n_not_asserted`` the rows whose status is negated,
    hypothetical, denied or claimed (shown apart in ``not_asserted``, never in the scores: see
    :mod:`newslab.event_status`), ``evidence`` the distinct sentences the events come from (in
    order), ``timeseries`` one row per month of a dated corpus (month, n_events, n_current, net,
    net_all, n_not_asserted).
    """

    a: str
    b: str
    events: pd.DataFrame
    net: float
    net_all: float
    n_events: int
    n_current: int
    evidence: list[str] = field(default_factory=list)
    timeseries: pd.DataFrame = field(default_factory=lambda: pd.DataFrame())
    n_not_asserted: int = 0

    @property
    def not_asserted(self) -> pd.DataFrame:
        """The events the text does not present as fact (negated, hypothetical, denied, claimed)."""
        return self.events[self.events["status"] != "asserted"].reset_index(drop=True)

    @property
    def key(self) -> str:
        return dyad_key(self.a, self.b)

    @property
    def label(self) -> str:
        if self.n_current == 0:
            return "no current events"
        return "cooperative" if self.net > 0 else "hostile" if self.net < 0 else "balanced"

    def summary(self) -> dict[str, Any]:
        return {"dyad": self.key, "net": self.net, "net_all": self.net_all, "events": self.n_events,
                "current": self.n_current, "label": self.label, "not_asserted": self.n_not_asserted}

    def __repr__(self) -> str:
        return (f"Dyad({self.a!r}–{self.b!r}: net {self.net:+.2f} over {self.n_current} current events, "
                f"net_all {self.net_all:+.2f} over {self.n_events}; {self.label})")


def dyad_key(a: str, b: str) -> str:
    """The JSON key of a pair: the two names sorted and joined by ``|`` ("Russia|Turkey")."""
    return "|".join(sorted([a, b]))


def _state_name(name: str) -> str:
    return actor_state(name)


def dyad(article_or_corpus: Article | Corpus | Iterable[Article], a: str, b: str,
         cues: str | os.PathLike[str] | None = None) -> Dyad:
    """Summarise the relationship between ``a`` and ``b`` (states or persons mapped to states).

    >>> from newslab import Article
    >>> art = Article.from_text("T\\n\\nTurkey imposed sanctions on Russia on Tuesday.", date="2015-11-28")
    >>> d = dyad(art, "Russia", "Turkey"); (d.net, d.label)
    (-8.0, 'hostile')
    """
    if not a or not b or not isinstance(a, str) or not isinstance(b, str):
        raise ParameterError("dyad(): pass two actor names, e.g. dyad(article, 'Russia', 'Turkey').")
    sa, sb = _state_name(a), _state_name(b)
    arts = [article_or_corpus] if isinstance(article_or_corpus, Article) else list(as_articles(article_or_corpus))
    if isinstance(article_or_corpus, Article):
        ev = extract_relations(article_or_corpus, cues=cues)
        ev.insert(0, "doc_id", article_or_corpus.id)
        ev.insert(1, "date", article_or_corpus.date)
    else:
        ev = extract_relations(Corpus(arts), cues=cues)
    mask = ((ev.source_side == sa) & (ev.target_side == sb)) | ((ev.source_side == sb) & (ev.target_side == sa))
    ev = ev[mask].reset_index(drop=True)
    net, net_all, n_current, n_not_asserted = dyad_scores(ev[["weight", "status", "time"]].to_dict("records"))
    by_id = {x.id: x for x in arts}
    evidence = list(dict.fromkeys(by_id[d].sentences[int(i)].text for d, i in zip(ev.doc_id, ev.sentence)))
    return Dyad(sa, sb, ev, net, net_all, int(len(ev)), n_current, evidence, _timeseries(ev), n_not_asserted)


def _timeseries(ev: pd.DataFrame) -> pd.DataFrame:
    cols = ["month", "n_events", "n_current", "net", "net_all", "n_not_asserted"]
    dated = ev[ev["date"].astype(str).str.match(r"\d{4}-\d{1,2}")]
    if dated.empty:
        return pd.DataFrame(columns=cols)
    month = pd.to_datetime(dated["date"].astype(str).str[:10], errors="coerce").dt.to_period("M")
    dated = dated.assign(month=month.astype(str))
    rows = []
    for mo, g in dated.groupby("month", sort=True):
        fact = g[g.status == "asserted"]
        cur = fact[fact.time == "current"]
        rows.append({"month": mo, "n_events": len(g), "n_current": len(cur),
                     "net": float(cur.weight.mean()) if len(cur) else float("nan"),
                     "net_all": float(fact.weight.mean()) if len(fact) else float("nan"),
                     "n_not_asserted": len(g) - len(fact)})
    return pd.DataFrame(rows, columns=cols)


def is_state(name: str) -> bool:
    """True for a country in the actor dictionary (type COUNTRY), False for persons, groups, NATO."""
    entry = load_actors().entries.get(name)
    return entry is not None and entry.type == "COUNTRY"


def dyads(article: Article, cues: str | os.PathLike[str] | None = None, states_only: bool = True) -> dict[str, Dyad]:
    """Every pair with at least one event in the article, keyed like ``"Russia|Turkey"``.

    With ``states_only`` (the default, as in the JSON output) only pairs of two states count;
    pairs with groups or bodies (Crimean Tatars, NATO) are left out.
    """
    ev = extract_relations(article, cues=cues)
    pairs = {tuple(sorted((s, t))) for s, t in zip(ev.source_side, ev.target_side) if s and t and s != t}
    if states_only:
        pairs = {p for p in pairs if is_state(p[0]) and is_state(p[1])}
    return {dyad_key(x, y): dyad(article, x, y, cues=cues) for x, y in sorted(pairs)}
