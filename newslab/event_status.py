"""How a text presents an actor→actor event: asserted, negated, hypothetical, denied or claimed,
and how sure newslab is of the coding (``confidence``).

Event data coded from news are read as a record of what happened, so an event the text only
reports as possible, refused, denied or alleged must not count as a fact. FactBank (Saurí &
Pustejovsky 2009) marks each event's *factuality* from the words that govern it; newslab uses the
same signals, all from the shared clause module :mod:`newslab.clauses` (cue words in
``clause_cues.yml``), in this order of precedence:

* **denied** — a denial verb governs the event in its clause ("the ministry denied that its jets
  had bombed the convoy"), or the event's own agent is quoted saying it did not happen.
* **claimed** — the event is found only in the words of the party it hurts ("Tehran said
  Washington had violated the accord"): it is then coded as that party's *accusation*, verbal
  conflict from the speaker to the accused; an accusation verb ("accused Iran of hiding") is a
  claim too, and what it alleges is not coded again.
* **hypothetical** (checked before a claim: a possible act stays possible in anyone's words) —
  a modal, future, intention, demand, condition or generic determiner in its
  modality scope ("will hold talks", "plans to visit", "any attack"), a conditional clause ("if
  its vessels came under attack"), a predicate of possibility after an event noun ("talks
  were still possible"), or a to-infinitive ("invited the minister to visit Tehran").
* **negated** — a negation in its scope ("did not sign", "failed to agree").
* **asserted** — none of these: the narrator (or a neutral source, or the agent itself)
  reports the act as done.

Only asserted events enter a dyad's ``net`` score (:func:`newslab.relations.dyad`).

``confidence`` (0–1) multiplies three pieces of evidence: the cue (a verb form, 1.0; a noun, 0.8),
the actors (each one named inside the event's clause, 1.0; one taken from elsewhere — a
pronoun, a group phrase, the previous clause or the episode's partner — 0.75) and the status
(asserted 1.0, negated 0.9, any other 0.5). Charts fade events by it.

>>> cues = load_clause_cues()
>>> s = "Iran's navy denied that its boats had approached the ship."
>>> status_of(s, (0, len(s)), s.index("approached"), s.index(" the ship"), cues).status
'denied'
>>> s = "The two sides will hold a further round of talks in April."
>>> status_of(s, (0, len(s)), s.index("talks"), s.index(" in April"), cues).status
'hypothetical'
>>> confidence("asserted", verb=True, named=(True, False))
0.75
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, Sequence

from .clauses import (ClauseCues, accusation_before, condition_opens, denial_before, infinitive_before,
                      load_clause_cues, modality_at, negation_at, possible_after, scope_words, tokens_before)

STATUSES = ("asserted", "negated", "hypothetical", "denied", "claimed")
# An accusation is CAMEO 112 Accuse (Goldstein -2.0), a verbal conflict from accuser to accused.
CLAIM_TYPE = "verbal_conflict"
CLAIM_INTENSITY = -2.0
_STATUS_WEIGHT = {"asserted": 1.0, "negated": 0.9}
_INFERRED_ACTOR = 0.75
_NOUN_CUE = 0.8
_VERB_END_RE = re.compile(r"(?:ed|ing)$", re.IGNORECASE)
_AUX_BEFORE_RE = re.compile(r"\b(?:to|will|would|can|could|may|might|did|has|have|had)\s+$", re.IGNORECASE)


class Mention(Protocol):
    """What this module needs of an actor mention (``newslab.relations.ActorMention``)."""

    start: int
    end: int
    text: str
    actors: tuple[tuple[str, str], ...]


Side = tuple[str, str, str]  # (actor, side, the words that named it)


@dataclass(frozen=True)
class Status:
    """An event's status, the signal that set it, and (for a claim) who makes it."""

    status: str
    signal: str = ""
    speaker: Side | None = None


def status_of(text: str, clause: tuple[int, int], start: int, end: int, cues: ClauseCues | None = None,
              sources: Sequence[str] = (), targets: Sequence[str] = (), conflict: bool = False,
              speaker: Side | None = None, agent: Sequence[str] = ()) -> Status:
    """The status of the event whose cue is ``text[start:end]`` in ``clause``.

    ``sources``/``targets``: the sides the event was resolved to; ``conflict``: a conflict cue;
    ``speaker``: who reports it (:func:`reporting_speaker`), if anyone; ``agent``: the sides of
    the clause's subject when the cue is mutual ("Afghan forces had started the clash").
    """
    cues = cues or load_clause_cues()
    cs, ce = clause
    if accusation_at(text, start, end, cues):
        return Status("claimed", text[start:end])  # an accusation is its own speech act
    neg = negation_at(text, cs, start, cues)
    if neg is not None and neg.kind == "denial" or _denied(text, cs, start, cues):
        return Status("denied", neg.cue if neg is not None and neg.kind == "denial" else "deny")
    # a possible act stays possible in anyone's words ("any attack will be answered, Tehran said")
    mark = modality_at(text, cs, start, cues, wide=True) or condition_opens(text, cs, start, cues)
    if mark is not None:
        return Status("hypothetical", mark.cue)
    if possible_after(text, end, ce, cues):
        return Status("hypothetical", "possible")
    if infinitive_before(text, cs, start, cues):
        return Status("hypothetical", "to")
    if speaker is not None and speaker[1] in sources and neg is not None:
        return Status("denied", f"{speaker[2]}: {neg.cue}", speaker)
    agents = agent or sources
    if speaker is not None and conflict and speaker[1] in targets and speaker[1] not in agents:
        return Status("claimed", speaker[2], speaker)
    if neg is not None:
        return Status("negated", neg.cue)
    failure = refusal_before(text, cs, start, cues)
    if failure is not None:
        return Status("negated", failure)
    return Status("asserted")


def refusal_before(text: str, clause_start: int, start: int, cues: ClauseCues | None = None) -> str | None:
    """A refusal or failure ("refused to join", "failed to reach") governing the verb phrase that
    holds the cue at ``start``: like a modal, it scopes over the whole phrase ("refused to join
    Western sanctions"), so it is looked for in the modality scope."""
    cues = cues or load_clause_cues()
    words = scope_words(tokens_before(text, clause_start, start), cues, cues.modality_scope)
    for i in range(len(words), 0, -1):
        mark = cues.negation.find(words[:i])
        if mark is not None and mark.kind == "failure" and len(mark.cue.split()) > 1:
            return mark.cue
    return None


def _denied(text: str, clause_start: int, start: int, cues: ClauseCues) -> bool:
    """A denial verb earlier in the clause governs the cue unless another reporting verb comes in
    between ("denied that its units had opened fire and said Armenian forces had fired first")."""
    d = denial_before(text, clause_start, start, cues)
    return d is not None and cues.speech.search(text, d.end(), start) is None


def accusation_at(text: str, start: int, end: int, cues: ClauseCues | None = None) -> bool:
    """Whether the cue ``text[start:end]`` is itself an accusation verb ("accused", "blamed")."""
    m = (cues or load_clause_cues()).accusation.match(text, start)
    return m is not None and m.start() == start


def alleged(text: str, clause_start: int, start: int, cues: ClauseCues | None = None) -> bool:
    """Whether the cue at ``start`` is what an earlier accusation alleges ("accused Iran of
    *hiding*"): the accusation is the event, its content is not coded again."""
    acc = accusation_before(text, clause_start, start, cues)
    # ", a charge Kabul rejected": an apposition after the accusation is the narrator's again
    return acc is not None and not _APPOSITION_TAIL_RE.search(text, acc.end(), start)


def reporting_speaker(text: str, sentence: tuple[int, int], start: int, end: int,
                      mentions: Sequence[Mention], cues: ClauseCues | None = None,
                      fallback: Side | None = None) -> Side | None:
    """The party that reports the event at ``text[start:end]``: the actor named just before a
    reporting verb earlier in the sentence ("Tehran said Washington had ..."), or right before
    or after one that follows the event after a comma ("..., the Egyptian foreign ministry
    said"; "..., according to Kabul"). An official named by title only ("Foreign ministry
    spokesman X said", "the official also said") speaks for ``fallback``, the party the sentence
    before was about. None when nobody (or no actor) reports it."""
    cues = cues or load_clause_cues()
    ss, se = sentence
    before = [m for m in cues.speech.finditer(text, ss, start)]
    for verb in reversed(before):
        if verb.group(0).lower().startswith("according"):
            continue
        who = [m for m in mentions if ss <= m.start and m.end <= verb.start() and verb.start() - m.end <= 45
               and not re.search(r"[.;\"“”]", text[m.end:verb.start()])]
        if who:
            return _side(who[-1]) if len(who[-1].actors) == 1 else None  # "both sides said": no party's claim
        if fallback is not None and _OFFICIAL_RE.search(text, max(ss, verb.start() - 60), verb.start()):
            return fallback  # "The official also said ...": the government just named
    for verb in cues.speech.finditer(text, end, se):
        if "," not in text[end:verb.start()] or _NEW_CLAUSE_RE.search(text, end, verb.start()):
            continue  # "..., and Japan said": a new clause with its own report
        comma = text.rfind(",", end, verb.start())
        # "..., said Turkey's foreign ministry": the speaker follows the verb directly; not
        # "..., officials said, increasing pressure on Tehran", where the comma ends the report
        who = [m for m in mentions if comma < m.start and m.end <= verb.start()] or \
              [m for m in mentions if verb.end() <= m.start and m.start - verb.end() <= 30
               and not _PUNCT_RE.search(text, verb.end(), m.start)]
        if who:
            # "..., officials on both sides said": a group speaks for both parties, so what it
            # reports is no one party's claim
            return _side(who[0]) if len(who[0].actors) == 1 else None
    return None


_OFFICIAL_RE = re.compile(r"\b(?:spokes(?:man|woman|person)|official|officials|ministry|minister|envoy|ambassador|"
                          r"government|negotiator)\b(?:\s+[A-Z][\w'’-]*){0,3}\s*(?:also\s+)?$", re.IGNORECASE)
_PUNCT_RE = re.compile(r"[,;:.—–]")
_NEW_CLAUSE_RE = re.compile(r",\s+(?:and|but|while|whereas|which|who|when)\b|;", re.IGNORECASE)
_APPOSITION_TAIL_RE = re.compile(r",\s+(?:a|an|the)\s+[\w'’-]+", re.IGNORECASE)


def _side(m: Mention) -> Side:
    actor, side = m.actors[0]
    return (actor, side or actor, m.text)


def confidence(status: str, verb: bool, named: tuple[bool, bool]) -> float:
    """The evidence for one event row on 0–1 (see the module docstring).

    >>> confidence("hypothetical", verb=False, named=(True, True))
    0.4
    """
    value = (1.0 if verb else _NOUN_CUE) * _STATUS_WEIGHT.get(status, 0.5)
    for ok in named:
        value *= 1.0 if ok else _INFERRED_ACTOR
    return round(value, 2)


def is_verb_cue(text: str, start: int, end: int) -> bool:
    """A cue read as a verb: a past or -ing form not after a determiner, or after "to", a modal
    or an auxiliary ("will meet", "has signed")."""
    words = text[start:end].split()
    if not words:
        return False
    if _AUX_BEFORE_RE.search(text[max(0, start - 8):start]):
        return True
    return bool(_VERB_END_RE.search(words[0])) and \
        not re.search(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", text[max(0, start - 8):start], re.I)


__all__ = ["STATUSES", "CLAIM_TYPE", "CLAIM_INTENSITY", "Status", "status_of", "accusation_at", "alleged",
           "reporting_speaker", "confidence", "is_verb_cue", "refusal_before"]
