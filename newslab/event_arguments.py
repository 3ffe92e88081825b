"""Who an event's participants are, when the nearest names are not them: label nouns, separate
acts, campaigns against a non-party, reactions to another's act, and the implicit partner.

:mod:`newslab.relations` finds a cue's source and target from the names around it; these rules,
from the argument structure of the clause (Huddleston & Pullum 2002, ch. 4 and 5; Levin 1993 on
verbs of judgement), then correct or drop what that gives:

* **label nouns** ("Turkey's NATO allies", "the nuclear-armed rivals") describe; they are a
  relation only when the clause predicates them of its subject ("Russia and Turkey are close
  partners", "remain rivals");
* **separate acts**: "Ireland and France signed *separate* agreements with Britain" pairs each
  subject with Britain, never the subjects with each other;
* **campaigns against a non-party**: "the fight against terrorism" shared by two states is no
  conflict between them;
* **reactions to another's act**: in "Putin condemned a cowardly attack on ...", the attack's
  agent is not the condemner — the noun gets no event unless its own phrase names its agent;
* **the implicit partner** of a reaction ("Iran condemned the move", "Beijing welcomed the
  outcome", "Japan and Australia expressed concern"): the party of the act reported just before.

The words these rules read are listed in ``relation_cues.yml`` (``label_nouns``,
``label_predicates``, ``reaction_cues``, ``separate_words``, ``campaign_words``).

>>> label_predicated("Russia and Turkey are close partners", 0, 28)
True
>>> label_predicated("The deal shocked Turkey's NATO allies", 0, 31)
False
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Protocol, Sequence

from .resources import load_yaml, resource_stamp

Side = tuple[str, str, str]  # (actor, side, the words that named it)
Pair = tuple[Side, Side]
_DEFINITE_OBJECT_RE = re.compile(r"\s+(?:(?:the|this|that|these|those|its|their|his|her)\s+[\w'’-]+|concern\b)",
                                 re.IGNORECASE)


class Mention(Protocol):
    start: int
    end: int
    text: str
    actors: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ArgumentWords:
    """The word lists of relation_cues.yml that these rules read."""

    labels: re.Pattern[str]
    predicates: re.Pattern[str]
    reactions: frozenset[str]
    separate: re.Pattern[str]
    campaign: re.Pattern[str]
    topic: re.Pattern[str]


def _alt(words: Iterable[Any]) -> str:
    return "|".join(r"\s+".join(re.escape(w).replace(r"\*", r"[\w'’-]*") for w in str(x).split()) for x in words)


def _rx(words: Iterable[Any], template: str) -> re.Pattern[str]:
    words = list(words)
    return re.compile(template.format(_alt(words)), re.IGNORECASE) if words else re.compile(r"(?!)")


@lru_cache(maxsize=8)
def _compile(path: str, mtime: float) -> ArgumentWords:
    data = load_yaml(path) or {}
    return ArgumentWords(
        _rx(data.get("label_nouns") or [], r"(?:{})$"),
        _rx(data.get("label_predicates") or [], r"\b(?:{})\s+(?:[\w'’-]+\s+){{0,3}}$"),
        frozenset(str(x) for x in data.get("reaction_cues") or []),
        _rx(data.get("separate_words") or [], r"\b(?:{})\b"),
        _rx(data.get("campaign_words") or [], r"\s*(?:{})\b"),
        _rx(data.get("topic_heads") or [], r"\b(?:{})\s+of\s+(?:(?:the|a|an|its|their|this|that)\s+)?(?:[\w'’-]+\s+)?$"))


def argument_words(path: str | os.PathLike[str] | None = None) -> ArgumentWords:
    """The argument word lists of ``relation_cues.yml`` (or of your own cue file)."""
    return _compile(*resource_stamp(path or "relation_cues.yml"))


def label_predicated(text: str, clause_start: int, start: int, words: ArgumentWords | None = None) -> bool:
    """Whether the label noun at ``start`` is predicated of the clause's subject ("are allies",
    "became partners", "remain rivals") rather than used to describe someone."""
    words = words or argument_words()
    return bool(words.predicates.search(text[max(clause_start, start - 50):start]))


def is_label(text: str, start: int, end: int, words: ArgumentWords | None = None) -> bool:
    """Whether the cue ``text[start:end]`` is a label noun ("allies", "rivals")."""
    return bool((words or argument_words()).labels.match(text[start:end].lower()))


def adjust_pairs(text: str, clause: tuple[int, int], start: int, end: int, pairs: list[Pair],
                 right: Sequence[Side], words: ArgumentWords | None = None) -> list[Pair]:
    """The pairs that remain of ``pairs`` after the label, topic, separate-act and campaign rules.

    ``right``: the parties named after the cue in its clause.

    >>> i, f, b = ("Ireland", "Ireland", "Ireland"), ("France", "France", "France"), ("UK", "UK", "Britain")
    >>> s = "Ireland and France signed separate agreements with Britain"
    >>> adjust_pairs(s, (0, len(s)), 19, 25, [(i, f), (f, i)], [b])
    [(('Ireland', 'Ireland', 'Ireland'), ('UK', 'UK', 'Britain')), (('France', 'France', 'France'), ('UK', 'UK', 'Britain'))]
    """
    words = words or argument_words()
    cs, ce = clause
    if is_label(text, start, end, words) and not label_predicated(text, cs, start, words):
        return []
    if words.topic.search(text, max(cs, start - 40), start):
        return []  # "broken the terms of the accord": the accord is the topic
    right_sides = {r[1] for r in right}
    if words.separate.search(text, max(cs, start - 12), min(ce, end + 30)) and right:
        subjects = list({s[1]: s for s, _ in pairs if s[1] not in right_sides}.values())
        pairs = [(s, r) for s in subjects for r in right[:1]]
    if words.campaign.match(text, end, ce) and not right_sides:
        return []
    return pairs


def reaction_to_other(governor: str, cue_is_verb: bool, possessive: bool,
                      words: ArgumentWords | None = None) -> bool:
    """Whether an event noun is the object of a reaction verb ("condemned a cowardly attack"):
    its agent is then somebody else than the reacting subject."""
    words = words or argument_words()
    return bool(governor) and governor in words.reactions and not cue_is_verb and not possessive


def implicit_partner(text: str, clause: tuple[int, int], end: int, cue_name: str, sources: list[Side],
                     previous: Sequence[dict[str, Any]], sent_i: int,
                     words: ArgumentWords | None = None) -> list[Pair]:
    """A reaction with no party as its object ("Iran condemned the move") is aimed at the other
    party of the act reported just before (within two sentences): its source if that is not the
    reacting side, else its target."""
    words = words or argument_words()
    if cue_name not in words.reactions or not sources or not _DEFINITE_OBJECT_RE.match(text, end, clause[1]) \
            and text[end:clause[1]].strip(" .,"):
        return []
    mine = {s[1] for s in sources}
    head = _DEFINITE_OBJECT_RE.match(text, end, clause[1])
    noun = head.group(0).split()[-1].lower()[:5] if head else ""
    # a definite noun that names an act reported before ("welcomed the delivery") points at it
    named = [r for r in previous if noun and str(r["cue"]).lower().split()[-1].startswith(noun)
             and sent_i - int(r["sentence"]) <= 2]
    for row in reversed(named or previous):
        if sent_i - int(row["sentence"]) > 2:
            break
        other = row["source_side"] if row["source_side"] not in mine else row["target_side"]
        if other not in mine and other:
            name = row["source"] if other == row["source_side"] else row["target"]
            return [(s, (name, other, "")) for s in sources]
    return []


def coordinated_sources(text: str, left: Sequence[Mention]) -> list[Side]:
    """The subject before a cue: the last mention and those joined to it by "and" or a comma."""
    if not left:
        return []
    group = [left[-1]]
    for m in reversed(left[:-1]):
        if re.fullmatch(r"\s*(?:,|and|, and)\s*", text[m.end:group[-1].start]):
            group.append(m)
        else:
            break
    out: dict[str, Side] = {}
    for m in reversed(group):
        for actor, side in m.actors:
            out.setdefault(side or actor, (actor, side or actor, m.text))
    return list(out.values())


__all__ = ["ArgumentWords", "argument_words", "label_predicated", "is_label", "adjust_pairs", "reaction_to_other",
           "implicit_partner", "coordinated_sources"]
