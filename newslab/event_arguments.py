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
_DEFINITE_OBJECT_RE = re.compile(r"\s+(?:(?:the|this|that|these|those|its|their|his|her|\w+['’]s)\s+[\w'’-]+|concern\b)",
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
    setting_cues: frozenset[str] = frozenset()
    setting: re.Pattern[str] = re.compile(r"(?!)")
    status_quo: re.Pattern[str] = re.compile(r"(?!)")
    status_quo_end: re.Pattern[str] = re.compile(r"(?!)")
    territory_cues: frozenset[str] = frozenset()
    partner_cues: frozenset[str] = frozenset()
    reported_acts: re.Pattern[str] = re.compile(r"(?!)")


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
        _rx(data.get("topic_heads") or [], r"\b(?:{})\s+of\s+(?:(?:the|a|an|its|their|this|that)\s+)?(?:[\w'’-]+\s+)?$"),
        frozenset(str(x) for x in data.get("setting_cues") or []),
        _rx(data.get("setting_words") or [], r"\b(?:{})\s+(?:the|this|that|a|an|its|their)\s+(?:[\w'’-]+\s+)?$"),
        _rx(data.get("status_quo_words") or [], r"\b(?:{})\s+(?:[\w'’-]+\s+)?$"),
        _rx(data.get("status_quo_ends") or [], r"^[^,;]{{0,60}}?\b(?:{})\b"),
        frozenset(str(x) for x in data.get("territory_cues") or []),
        frozenset(str(x) for x in data.get("partner_cues") or []),
        _rx(data.get("reported_act_nouns") or [], r"^(?:{})$"))


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
                 right: Sequence[Side], words: ArgumentWords | None = None, cue_name: str = "") -> list[Pair]:
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
    if not_an_act(text, cs, start, end, cue_name, words):
        return []
    right_sides = {r[1] for r in right}
    if words.separate.search(text, max(cs, start - 12), min(ce, end + 30)) and right:
        subjects = list({s[1]: s for s, _ in pairs if s[1] not in right_sides}.values())
        pairs = [(s, r) for s in subjects for r in right[:1]]
    if words.campaign.match(text, end, ce) and not right_sides:
        return []
    return pairs


_DETERMINER_END_RE = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that)\s+$", re.IGNORECASE)
_CONTACT_RELATIVE_RE = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:\w+\s+)?\w+ed\b")


def not_an_act(text: str, clause_start: int, start: int, end: int, cue_name: str,
               words: ArgumentWords | None = None) -> bool:
    """Cues that name no new act: an adjectival participle ("a disputed stretch"), a standing
    conflict as the clause's setting ("despite the row"), a kept status quo ("keeping tariffs at
    current levels"), and the noun of a contact relative clause whose verb is the act ("a threat
    Athens condemned", "a demand Beijing raised": the verb after the name carries the event).

    >>> s = "resume patrols along a disputed stretch"
    >>> not_an_act(s, 0, s.index("disputed"), s.index(" stretch"), "rivalry")
    True
    """
    words = words or argument_words()
    cue = text[start:end]
    before = text[max(clause_start, start - 40):start]
    if " " not in cue and cue.lower().endswith("ed") and _DETERMINER_END_RE.search(before) \
            and re.match(r"\s+[a-z]", text[end:end + 3]):
        return True
    if cue_name in words.setting_cues and words.setting.search(before):
        return True
    if words.status_quo.search(before) and words.status_quo_end.search(text[end:end + 80]):
        return True
    return bool(_DETERMINER_END_RE.search(before)) and " " not in cue.strip() and \
        bool(_CONTACT_RELATIVE_RE.match(text, end)) and not text[end:end + 5].strip().lower().startswith(("of", "on"))


_CONTACT_HEAD_RE = re.compile(r"\b(?:a|an|the|its|their|this|that)\s+((?:[\w'’-]+\s+){0,3}?)([\w'’-]+)\s+"
                              r"(?:that\s+|which\s+)?(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_TO_VERB_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:(?:again|also|later|then|now|\w+ly)\s+)?")
# the relative's verb in the past: it narrates an act ("a demand Beijing raised"); a present one
# characterises ("the threat Iran poses")
_RELATIVE_VERB_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:(?:again|also|later|\w+ly)\s+)?[a-z]+ed\b")


_THAT_END_RE = re.compile(r"\s+(?:that|which)\s+(?:the\s+)?$", re.IGNORECASE)
_NP_WORD_RE = re.compile(r"[\w'’-]+|[,;:\"“”]")


def _reported_head(text: str, start: int, end: int, words: ArgumentWords) -> int | None:
    """Where a determiner + reported-act noun starts in ``text[start:end]``, with only a
    prepositional phrase after it ("a referendum on the region in 2023"), else None."""
    toks = [(m.group(0), m.start()) for m in _NP_WORD_RE.finditer(text, start, end)]
    for k in range(len(toks) - 1, -1, -1):
        w, at = toks[k]
        if not w[0].isalnum():
            return None  # a comma or a quote closes the noun phrase
        if words.reported_acts.match(w) and k > 0 and _DETERMINER_END_RE.search(toks[k - 1][0] + " "):
            rest = [t for t, _ in toks[k + 1:]]
            if not rest or rest[0].lower() in ("on", "in", "of", "for", "over", "about", "with", "against"):
                return toks[k - 1][1]
    return None


def contact_relative(text: str, clause_start: int, start: int, end: int, left: Sequence[Any], right: Sequence[Any],
                     cue_is_verb: bool, words: ArgumentWords | None = None) -> tuple[str, Any, int] | None:
    """A relative clause, with or without "that", on a noun that names a reported act
    (``reported_act_nouns``: "a charge Yerevan rejected", "a draft pact that Iran proposed last
    year", "a demand Beijing raised"). The relative's subject acts on the author of that act, who
    is the subject of the main clause (Huddleston & Pullum 2002, ch. 12 on contact relatives).

    Returns ("verb", subject mention, where the noun phrase starts) when the cue is the relative's
    verb, ("noun", subject mention, where the noun phrase starts) when the cue is the noun and the
    relative's verb follows, else None.

    >>> class M: pass
    >>> y = M(); s = "Baku said Armenia had fired first, a charge Yerevan rejected."
    >>> y.start, y.end = s.index("Yerevan"), s.index(" rejected")
    >>> contact_relative(s, 0, s.index("rejected"), s.index("."), [y], [], True)[0]
    'verb'
    """
    words = words or argument_words()
    if cue_is_verb and left and not [m for m in right if "," not in text[end:m.start]]:
        m = left[-1]
        head = _CONTACT_HEAD_RE.search(text, max(clause_start, m.start - 60), m.start)
        if _SUBJECT_TO_VERB_RE.fullmatch(text, m.end, start) and head and words.reported_acts.match(head.group(2)):
            return "verb", m, head.start()
        that = _THAT_END_RE.search(text, max(clause_start, m.start - 80), m.start)
        if that and _SUBJECT_TO_VERB_RE.fullmatch(text, m.end, start):
            # "a referendum on the region in 2023 that Guyana rejected": the head before a
            # prepositional phrase
            at = _reported_head(text, max(clause_start, that.start() - 60), that.start(), words)
            if at is not None:
                return "verb", m, at
    if not cue_is_verb and right and words.reported_acts.match(text[start:end].split()[-1]):
        m = right[0]
        if re.fullmatch(r"\s+(?:that\s+|which\s+)?(?:the\s+)?", text[end:m.start]) and _RELATIVE_VERB_RE.match(text, m.end) \
                and _DETERMINER_END_RE.search(text, max(clause_start, start - 12), start):
            return "noun", m, start
    return None


def anaphoric(text: str, start: int, cue_name: str, sides: set[str], previous: Sequence[dict[str, Any]],
              sent_i: int) -> bool:
    """A definite noun that refers back to an act of its kind already coded between the same
    parties in an earlier sentence ("India and China agreed ... the agreement showed that ..."):
    not a new event."""
    if not re.search(r"\b(?:the|this|that)\s+(?:[\w'’-]+\s+)?$", text[max(0, start - 25):start], re.IGNORECASE):
        return False
    return any(r["cue_name"] == cue_name and int(r["sentence"]) < sent_i
               and {r["source_side"], r["target_side"]} & sides for r in previous)


def restating_participle(text: str, clause_start: int, start: int, end: int, sent_start: int,
                         previous: Sequence[dict[str, Any]]) -> bool:
    """", ending a dispute that ...": an -ing participle after a comma that restates the result of
    an act already coded in the same sentence is not a second event."""
    first = text[start:end].split()[0].lower()
    return first.endswith("ing") and bool(re.search(r",\s*$", text[max(clause_start, start - 3):start])) and \
        any(int(r["start"]) >= sent_start and int(r["end"]) <= start for r in previous)


_PREDICATIVE_AS_RE = re.compile(r"\bas\s+[\"“]?(?:a|an|the)\b[^,;]*$", re.IGNORECASE)


def predicative(text: str, end: int, at: int) -> bool:
    """Whether a name at ``at`` lies in an "as a ..." phrase after the cue ending at ``end``
    ("denounced the South as a puppet of Washington"): it describes the object, it is none."""
    return bool(_PREDICATIVE_AS_RE.search(text[end:at]))


_RELATIVE_OPEN_RE = re.compile(r"[\s,]*(?:which|who|whose)\b", re.IGNORECASE)


def main_clause_after_relative(text: str, clause_start: int, start: int) -> int | None:
    """Where the main clause resumes when a clause opens with a relative pronoun and a comma
    closes the relative clause before ``start`` ("which helped broker the ceasefire, welcomed
    ..."), or None.

    >>> s = ", which has monitors on the border, called on both sides"
    >>> main_clause_after_relative(s, 0, s.index("called"))
    35
    """
    if not _RELATIVE_OPEN_RE.match(text, clause_start):
        return None
    comma = text.rfind(",", clause_start + 2, start)
    return comma + 1 if comma > clause_start + 1 and not text[comma + 1:start].strip(" ,").count(",") else None


_NARRATIVE_RELATIVE_RE = re.compile(r"[\s,]*(?:which|who)\s+(?:\w+ly\s+|also\s+)?(?!(?:has|have|had|is|are|was|were)\b)[a-z]+ed\b",
                                    re.IGNORECASE)


def narrative_relative(text: str, clause_start: int) -> bool:
    """Whether the clause at ``clause_start`` is a subject relative clause in the simple past
    (", which helped broker the 2025 ceasefire"): it narrates a datable act of its antecedent.
    A present or perfect one (", which has invested heavily in both", ", which keeps troops in")
    characterises the antecedent and gives it no event.

    >>> narrative_relative(", which helped broker the truce", 0), narrative_relative(", which has invested in both", 0)
    (True, False)
    """
    return bool(_NARRATIVE_RELATIVE_RE.match(text, clause_start))


_OFFICIAL_OF_RE = re.compile(r"\b(?:office|ministry|government|spokes(?:man|woman|person)|embassy|cabinet|"
                             r"administration|presidency)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def official_of(text: str, clause_start: int, start: int, left: Sequence[Any]) -> Any | None:
    """The actor of "the office of the Serbian president", "the ministry of Egypt" before the
    cue: the body speaks for it, so it is the subject although it follows "of"."""
    for m in reversed(left):
        if _OFFICIAL_OF_RE.search(text, max(clause_start, m.start - 40), m.start) and \
                not re.search(r"[,;]", text[m.end:start]):
            return m
    return None


_BODY_NOUNS = r"(?:office|ministry|government|embassy|cabinet|administration|presidency|parliament|army|military|" \
    r"spokes(?:man|woman|person)|minister|officials?)"
_FRONTED_PLACE_END_RE = re.compile(r"\s*,\s+the\s+(?:[\w-]+\s+){0,2}" + _BODY_NOUNS + r"\s+(?:(?:also|again|\w+ly)\s+)?$",
                                   re.IGNORECASE)


def located_body(text: str, clause_start: int, start: int, mentions: Sequence[Any]) -> Any | None:
    """"In Islamabad, the foreign office welcomed ...": a government body placed by a fronted
    capital speaks for that capital's state (the capital is the only name that says whose body it is).

    >>> class M: pass
    >>> m = M(); s = "In Islamabad, the foreign office welcomed the pledge."
    >>> m.start, m.end = 3, 12
    >>> located_body(s, 0, s.index("welcomed"), [m]) is m
    True
    """
    for m in mentions:
        if m.end > start:
            break
        if re.fullmatch(r"\s*in\s+", text[clause_start:m.start], re.IGNORECASE) and _FRONTED_PLACE_END_RE.fullmatch(text, m.end, start):
            return m
    return None


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
    reacting side, else its target. An object noun that names an act reported earlier in the
    article ("welcomed Tuesday's pledge", "helped broker the 2025 ceasefire") points at that act
    however far back it was (lexical anaphora, Halliday & Hasan 1976). A mutual act, and any act a
    mediator steps into (``partner_cues``: "offered to mediate"), has both its parties as partners."""
    words = words or argument_words()
    head = _DEFINITE_OBJECT_RE.match(text, end, clause[1])
    # "condemned as a violation", "retaliated with its own duties": an adjunct, not an object
    rest = re.sub(r"^\s*(?:as|again|with|on \w+day)\b.*$", "", text[end:clause[1]], flags=re.I | re.S)
    if cue_name not in words.reactions | words.partner_cues or not sources or not head and rest.strip(" .,"):
        return []
    if head and head.group(0).split()[-1][:1].isupper():
        return []  # "criticised the Commission": a named body, not an act
    mine = {s[1] for s in sources}
    stems = _object_stems(text, end, clause[1]) if head else []
    # a definite noun that names an act reported before ("welcomed the delivery") points at it
    named = [r for r in previous if any(str(r["cue"]).lower().split()[-1].startswith(n) for n in stems)]
    for row in reversed(named or previous):
        if not named and sent_i - int(row["sentence"]) > 2:
            break
        other = row["source_side"] if row["source_side"] not in mine else row["target_side"]
        if other not in mine and other:
            mutual = row.get("symmetric") or any(r["start"] == row["start"] and r["source_side"] == row["target_side"]
                                                 and r["target_side"] == row["source_side"] for r in previous)
            if (mutual or cue_name in words.partner_cues) and row["target_side"] not in mine | {other} \
                    or cue_name in words.partner_cues and row["source_side"] not in mine | {other}:
                # a mutual act ("welcomed the pledge" India and Pakistan made together) has both
                # its parties as the partners of the reaction; so has the act a mediator steps into
                return [(s, (row[k], row[k + "_side"], "")) for s in sources for k in ("source", "target")
                        if row[k + "_side"] not in mine]
            name = row["source"] if other == row["source_side"] else row["target"]
            return [(s, (name, other, "")) for s in sources]
    return []


# The words of an object noun phrase: up to four, to the first comma, preposition or clause word.
_OBJECT_NP_RE = re.compile(r"\s+((?:(?!(?:of|for|to|in|on|at|with|as|and|but|by|from|that|which|after|before|over)\b)"
                           r"[\w'’-]+\s*){1,4})", re.IGNORECASE)
_NOT_HEAD_RE = re.compile(r"^(?:the|a|an|this|that|these|those|its|their|his|her|our|new|\d+\w*|"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)$", re.IGNORECASE)


def _object_stems(text: str, end: int, clause_end: int) -> list[str]:
    """The first five letters of the content words of the object after ``end`` ("Tuesday's
    renewed pledge" → renew, pledg): what an earlier act's cue must begin with to be its antecedent."""
    m = _OBJECT_NP_RE.match(text, end, clause_end)
    if not m:
        return []
    ws = [re.sub(r"['’]s?$", "", w) for w in m.group(1).split()]
    return [w.lower()[:5] for w in ws if len(w) >= 4 and not _NOT_HEAD_RE.match(w)]


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
           "not_an_act", "anaphoric", "restating_participle", "predicative",
           "main_clause_after_relative", "official_of", "narrative_relative",
           "implicit_partner", "coordinated_sources", "contact_relative", "located_body"]
