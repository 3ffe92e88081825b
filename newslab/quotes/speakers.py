"""Speaker resolution: from the words that name a speaker to a canonical actor and side (step 6
of the method in :mod:`newslab.quotes`).

The speaker phrase is mapped with the article's actor mentions (:func:`newslab.entities.find_mentions`,
read through the ``mentions_by_start`` layer): inside a phrase a person beats a role, an
organisation or a place, and a possessive owner is skipped ("Erdogan's spokesman, Ibrahim Kalin"
-> Ibrahim Kalin). Pronouns go to the most recent compatible speaker or sentence subject (he/she:
a person, with gender evidence such as "Ms", "spokeswoman" or "her" after the name; they: a
group, officials or a state; it: an organisation or state). A definite role the dictionary does
not resolve ("the Russian minister") goes to the latest person of that side; "the ministry" to
the latest earlier phrase with that head; a document ("a statement which said") to its issuer.
Names no dictionary knows keep their longest form ("Malashenko" -> "Alexei Malashenko").

>>> from newslab import Article
>>> from newslab.quotes.cues import load_cues
>>> a = Article.from_text("T\\n\\nRussian President Vladimir Putin spoke. The Russian leader said so.")
>>> res = Resolver(a, load_cues(), a.layer("mentions_by_start"))
>>> s = a.text.index("The Russian leader"); resolve_speaker(res, s, s + 18, "The Russian leader")
('Vladimir Putin', 'Russia', 'PERSON')
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable

from .. import layers
from .cues import CueLexicon
from .tokens import DETERMINERS, PRONOUNS, pronoun_base

if TYPE_CHECKING:
    from ..article import Article
    from .marks import QuoteMarks

Speaker = tuple[str, str, str]  # (speaker, side, label)

# Title words stripped from a speaker phrase when no actor dictionary knows the person.
_TITLE_WORDS = frozenset(("President Prime Minister Foreign Defence Defense Interior Deputy Vice "
                          "Secretary General Chancellor Premier Spokesman Spokeswoman Spokesperson "
                          "Ambassador Envoy Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen. Senator Rep. Gen. "
                          "Colonel Col. Lt. Admiral Adm. King Queen Prince Sheikh Chief Director "
                          "Professor Prof. Mayor Governor Commander Minister's Kremlin Foreign "
                          "Presidential Senior Top Former State Economy Energy Justice "
                          "Analyst Expert Official Aide Adviser Advisor").split())
# 'the Russian minister', 'his Turkish counterpart': a definite role names one known person.
_DEFINITE_ROLE_HEADS = frozenset("leader president counterpart premier chancellor minister spokesman "
                                 "spokeswoman envoy ambassador diplomat chief strongman ruler".split())
_INSTITUTION_HEADS = frozenset("ministry government army military presidency embassy agency office "
                               "spokesman spokeswoman statement court parliament committee".split())
# Role phrases naming an institution, which "it" can refer back to ("the defence ministry said
# ..., it added"); a spokesman is a "he" or "she".
_NEUTER_HEADS = frozenset("ministry government army military presidency embassy agency office court "
                          "parliament committee council company group organisation organization "
                          "watchdog alliance coalition party bloc union".split())
# 'the company', 'the group', 'the agency' refer back to the organisation named last.
_ORG_ANAPHOR_HEADS = frozenset("company firm group agency organisation organization watchdog broadcaster "
                               "newspaper channel".split())
# Documents that speak for whoever issued them ('a statement which said').
_DOCUMENT_HEADS = ("statement", "communique", "letter", "report")
# Heads after which a name is a modifier ('the Trump campaign').
_COLLECTIVE_HEADS = frozenset(("campaign", "team", "camp"))
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
# A role phrase right before a name ('Kremlin spokesman Dmitry Peskov') or in commas after it.
# It is searched in the 60 characters before the name, sliced off: the leftmost match starts at
# a word's first letter (or at the slice's edge), so the lookbehind rejects every other start
# position at once instead of trying the whole pattern there (4x faster, the same matches).
_ROLE_BEFORE_RE = re.compile(r"(?<![\w'’-])((?:[\w'’-]+[ \t]+){0,3}[\w'’-]+),?[ \t]+$")
# Its last word, matched on the reversed window: a role phrase must end in a speaker word
# ('spokesman'), so the search above runs only when this word is one (most names have none).
_ROLE_LAST_WORD_REVERSED_RE = re.compile(r"[ \t]+,?([\w'’-]+)")
_ROLE_AFTER_RE = re.compile(r",[ \t]+((?:[\w'’-]+[ \t]+){0,4}[\w'’-]+)[ \t]*[,.;]")
_LOOKBACK = 400  # candidates a pronoun or role looks back over
_HER_RE = re.compile(r"\b(?:her|she|herself)\b")
_ISSUER_PRONOUN_RE = re.compile(r"\s*(?:[A-Z][\w ,]*?,\s*)?(he|she|they|it)\b", re.I)
_LEADING_DET_RE = re.compile(r"^(?:the|a|an|his|her|their|its)\s+", re.I)
# The word before a name, unless . ! ? follow it: r"(\w+)[^\w.!?]*$" searched in the window
# before the name, run here as one anchored match on the reversed window (a search would try
# every start position).
_PREV_WORD_REVERSED_RE = re.compile(r"[^\w.!?]*(\w+)")


@layers.register("mentions_by_start", requires=("mentions",))
def mentions_by_start(article: Article) -> list[dict[str, Any]]:
    """The article's mention rows sorted by start (a stable sort: ties keep the layer's order)."""
    return sorted(article.layer("mentions"), key=itemgetter("start"))


@dataclass
class Candidate:
    """Someone a pronoun or a bare role could refer to: a resolved speaker or a sentence subject."""

    pos: int
    speaker: str
    side: str
    label: str
    span: tuple[int, int]
    plural: bool
    is_speaker: bool
    female: bool | None = None  # worked out only when a 'she'/'he' needs it


@dataclass
class Resolver:
    """The article's mentions and the candidates seen so far, in reading order."""

    article: Article
    lex: CueLexicon
    mentions: list[dict[str, Any]]   # the mentions_by_start layer: sorted by start, shared (never edited)
    candidates: list[Candidate] = field(default_factory=list)  # sorted by pos; add with add()
    full_names: dict[str, str] = field(default_factory=dict)
    _female_by_name: dict[str, bool] = field(default_factory=dict)
    _person_spans: dict[str, list[tuple[int, int]]] | None = None
    _cand_pos: list[int] = field(default_factory=list)
    _role_names: dict[str, set[tuple[str, str]]] | None = None
    _spans_by_speaker: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, c: Candidate) -> None:
        """Enter a candidate, keeping the list sorted by position (equal positions in the order
        added), so that :meth:`latest` looks back from a position instead of over everyone."""
        i = bisect_right(self._cand_pos, c.pos)
        self._cand_pos.insert(i, c.pos)
        self.candidates.insert(i, c)
        self._spans_by_speaker.setdefault(c.speaker, []).append(c.span)

    def __post_init__(self) -> None:
        self.rows = self.mentions
        self._starts = [int(r["start"]) for r in self.rows]
        # Full forms of names no dictionary knows, so 'Malashenko' reads 'Alexei Malashenko'.
        for r in self.rows:
            if not r.get("actor") and str(r.get("label") or "") == "PERSON":
                self.name_of(r)

    def overlapping(self, s: int, e: int) -> list[dict[str, Any]]:
        i = bisect_left(self._starts, s - 200)
        out = []
        rows = self.rows
        # By index: islice(rows, i, None) steps over the first i rows, a scan of the article.
        for j in range(i, len(rows)):
            r = rows[j]
            rs, re_ = int(r["start"]), int(r["end"])
            if rs >= e:
                break
            if re_ > s and rs < e:
                out.append(r)
        return out

    def name_of(self, r: dict[str, Any]) -> str:
        actor = str(r.get("actor") or "") or str(r.get("entity") or "")
        if actor:
            return actor
        words = str(r["text"]).split()
        while len(words) > 1 and (words[0] in _TITLE_WORDS or words[0].lower() in DETERMINERS
                                  or words[0].lower() in self.lex.speaker_words):
            words = words[1:]
        name = " ".join(words)
        name = re.sub(r"['’]s$", "", name)
        if len(words) >= 2:
            self.full_names.setdefault(words[-1], name)
            return name
        return self.full_names.get(name, name)

    def female(self, c: Candidate) -> bool:
        """Gender evidence is pooled over every mention of the same person in the article."""
        if c.female is None:
            if c.speaker not in self._female_by_name:
                spans = list(self._spans_by_speaker.get(c.speaker, []))
                spans += self._persons().get(c.speaker, [])
                self._female_by_name[c.speaker] = any(self.is_female(a, b) for a, b in spans)
            c.female = self._female_by_name[c.speaker]
        return c.female

    def _persons(self) -> dict[str, list[tuple[int, int]]]:
        """Spans of every person mention by name, computed once."""
        if self._person_spans is None:
            self._person_spans = {}
            for r in self.rows:
                if str(r.get("label") or "") == "PERSON":
                    self._person_spans.setdefault(self.name_of(r), []).append((int(r["start"]), int(r["end"])))
        return self._person_spans

    def is_female(self, s: int, e: int) -> bool:
        """Evidence that the person named at [s, e) is a woman: a marker from the cue file in or
        just before the name (Ms, spokeswoman, a first name), or 'her'/'she' following the name
        in the same sentence before anyone else is named ('Lam delivered her speech')."""
        text = self.article.text
        window = text[max(0, s - 40):e]
        if any(w.lower().rstrip(".") in self.lex.female_markers for w in re.findall(r"[\w.]+", window)
               if w.lower() not in ("she", "her")):
            return True
        sent = self.article.sentence_at(s)
        stop = min(e + 80, sent.end if sent else e + 80)
        rows = self.rows  # by index, not islice, which would step over every earlier row
        nxt = next((int(rows[j]["start"]) for j in range(bisect_right(self._starts, e), len(rows))
                    if str(rows[j].get("label") or "") == "PERSON" or int(rows[j]["start"]) >= stop), stop)
        nxt = min(nxt, stop)
        return bool(_HER_RE.search(text, e, min(stop, nxt)))

    def named_role(self, phrase: str) -> tuple[str, str] | None:
        """The one person the article names with this role phrase, before or after the name
        ('Kremlin spokesman Dmitry Peskov', "Dmitry Peskov, the Kremlin's spokesman,"):
        (name, side), or None when no one or several people carry it."""
        if self._role_names is None:
            self._role_names = {}
            text = self.article.text
            for r in self.rows:
                if str(r.get("label") or "") != "PERSON":
                    continue
                s, e = int(r["start"]), int(r["end"])
                window = text[max(0, s - 60):s]
                last = _ROLE_LAST_WORD_REVERSED_RE.match(window[::-1])
                before = (_ROLE_BEFORE_RE.search(window)
                          if last and last.group(1)[::-1].lower() in self.lex.speaker_words else None)
                after = _ROLE_AFTER_RE.match(text, e)
                for m in (before, after):
                    words = m.group(1).lower().split() if m else []
                    if words and words[-1] in self.lex.speaker_words:
                        for k in range(len(words)):  # 'kremlin spokesman' and 'spokesman'
                            key = " ".join(words[k:])
                            self._role_names.setdefault(key, set()).add((self.name_of(r), str(r.get("side") or "")))
        key = _LEADING_DET_RE.sub("", phrase.lower()).strip()
        found = self._role_names.get(key, set())
        return next(iter(found)) if len(found) == 1 else None

    def latest(self, pos: int, ok: Callable[[Candidate], bool]) -> Candidate | None:
        """The candidate nearest before pos that passes ``ok`` (a speaker beats a subject at the
        same position). Looks back over at most ``_LOOKBACK`` candidates: an antecedent further
        away is no reading a reader would make, and the bound keeps long texts linear."""
        i = bisect_left(self._cand_pos, pos)
        j = i - 1
        while j >= max(0, i - _LOOKBACK) and not ok(self.candidates[j]):
            j -= 1
        if j < max(0, i - _LOOKBACK):
            return None
        at = self._cand_pos[j]
        first = bisect_left(self._cand_pos, at)
        tied = [c for c in self.candidates[first:j + 1] if ok(c)]
        speakers = [c for c in tied if c.is_speaker]
        return speakers[-1] if speakers else tied[0]


def _possessive_after(text: str, e: int) -> bool:
    return text[e:e + 2] in ("'s", "’s")


def _mention_rank(r: dict[str, Any], text: str) -> tuple[int, int]:
    """Prefer people over roles over organisations and places; skip possessive modifiers."""
    possessive = _possessive_after(text, int(r["end"])) or str(r["text"]).endswith(("'s", "’s"))
    score = {"PERSON": 4, "ORG": 3, "GROUP": 3, "COUNTRY": 2}.get(str(r.get("label") or ""), 1)
    if str(r.get("how") or "") in ("adjective", "demonym", "title"):
        score = 0  # 'Russian' in 'Russian President' names the side, not the speaker
    if possessive:
        score -= 5
    return score, int(r["start"])


def resolve_speaker(res: Resolver, s: int, e: int, speaker_text: str) -> Speaker:
    """Map a speaker phrase to (speaker, side, label). The one place that knows about entities.

    Named phrases use the actor mentions inside them; pronouns, unknown names, documents and
    roles are resolved in that order by the helpers below (see the module docstring).
    """
    lower = speaker_text.lower()
    lower = _OBJECT_PRONOUNS.get(lower, lower)  # 'according to him' resolves like 'he said'
    if pronoun_base(lower) and " " not in lower:
        return resolve_pronoun(res, s, pronoun_base(lower))
    ms = res.overlapping(s, e)
    if lower.startswith(("the ", "his ", "her ")) and not any(r.get("actor") for r in ms):
        role = res.named_role(speaker_text)  # 'the Kremlin spokesman': the one the article names so
        if role is not None:
            return role[0], role[1], "PERSON"
    named = _named_speaker(res, ms, s, e, speaker_text)
    if named is not None:
        return named
    return _unknown_name(res, ms, speaker_text) or _document_issuer(res, s, speaker_text) \
        or _role_speaker(res, ms, s, speaker_text)


def _named_speaker(res: Resolver, ms: list[dict[str, Any]], s: int, e: int, speaker_text: str) -> Speaker | None:
    """The best actor mention inside the phrase (every one for 'Putin and Erdogan said')."""
    text = res.article.text
    heads = ms
    last_word = speaker_text.split()[-1] if speaker_text.split() else ""
    if ms and last_word.islower() and (last_word in res.lex.speaker_words or last_word in _COLLECTIVE_HEADS):
        # 'the Trump campaign', 'Putin spokesman': a name before a lower-case head is a modifier
        heads = [r for r in ms if int(r["end"]) >= e or str(r.get("how") or "") == "role"]
    if not heads:
        return None
    best = max(heads, key=lambda r: _mention_rank(r, text))
    top = _mention_rank(best, text)[0]
    if top <= 0:
        return None
    # 'the two leaders' / 'the pair': entities gives one row per actor on the same span
    same = [r for r in heads if r["start"] == best["start"] and r["end"] == best["end"]]
    if " and " in speaker_text:
        # 'Putin and Erdogan said': every person (or state) named in the phrase speaks
        same = [r for r in heads if _mention_rank(r, text)[0] == top]
    same = sorted(same, key=lambda r: (int(r["start"]), res.name_of(r)))  # in reading order
    names = list(dict.fromkeys(_clipped_name(res, r, s, e) for r in same))
    sides = [x for x in dict.fromkeys(str(r.get("side") or "") for r in same) if x]
    label = str(best.get("label") or "")
    if label == "PERSON" and names[0].lower() in res.lex.speaker_words:
        label = "ORG"  # 'Police' discovered as a name is an institution, not a 'he'
    return "; ".join(names), "; ".join(sides), label


def _clipped_name(res: Resolver, r: dict[str, Any], s: int, e: int) -> str:
    """A discovered name running past the speaker phrase ('Erick Rowan on Instagram') is cut
    back to the words inside it."""
    if r.get("actor") or (int(r["start"]) >= s and int(r["end"]) <= e):
        return res.name_of(r)
    a, b = max(int(r["start"]), s), min(int(r["end"]), e)
    return res.name_of({"text": res.article.text[a:b], "actor": ""}) if b > a else res.name_of(r)


def _unknown_name(res: Resolver, ms: list[dict[str, Any]], speaker_text: str) -> Speaker | None:
    """A name no dictionary knows keeps its longest form ('Malashenko' -> 'Alexei Malashenko')."""
    words = speaker_text.split()
    if not any(w[:1].isupper() and w.lower() not in DETERMINERS and w not in _TITLE_WORDS
               for w in words[1:] or words[:1]):
        return None
    name = res.name_of({"text": speaker_text, "actor": ""})
    side = next((str(r.get("side") or "") for r in ms if r.get("side")), "")
    if name and name[0].isupper() and len(name.split()) <= 4 \
            and not any(w.lower() in res.lex.speaker_words for w in name.split()):
        return name, side, "PERSON"
    return None


def _document_issuer(res: Resolver, s: int, speaker_text: str) -> Speaker | None:
    """'They released a statement which said ...': the issuer of the document speaks — a
    pronoun, an actor or a role phrase before it in the sentence."""
    words = speaker_text.split()
    if not (words and words[-1].lower() in _DOCUMENT_HEADS and speaker_text.lower().startswith(("a ", "an "))):
        return None
    sent = res.article.sentence_at(s)
    if sent is None:
        return None
    text = res.article.text
    before = text[sent.start:s]
    m = _ISSUER_PRONOUN_RE.match(before)
    if m:
        return resolve_pronoun(res, sent.start + m.start(1), m.group(1).lower())
    issuer = [r for r in res.overlapping(sent.start, s) if _mention_rank(r, text)[0] > 1]
    if issuer:
        r = issuer[0]
        return res.name_of(r), str(r.get("side") or ""), str(r.get("label") or "")
    m = _issuer_re(res.lex.issuing_verbs).match(before)
    if m and m.group("head").lower() in res.lex.speaker_words:
        e2 = sent.start + m.end("head")
        return resolve_speaker(res, sent.start, e2, text[sent.start:e2])
    return None


@lru_cache(maxsize=8)
def _issuer_re(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """'the Turkish presidency (has) issued': a phrase whose head issues a document."""
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) or r"(?!)"
    return re.compile(r"(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,5}?(?P<head>[\w'’-]+)\s+(?:has\s+|had\s+|also\s+)?"
                      rf"(?:{alternatives})\b", re.I)


def _role_speaker(res: Resolver, ms: list[dict[str, Any]], s: int, speaker_text: str) -> Speaker:
    """A role with no resolved antecedent ('the Russian minister', 'the ministry', 'officials')."""
    text = res.article.text
    lower = speaker_text.lower()
    words = speaker_text.split()
    # The side of a role comes from its own adjective ('Russian'), not from a possessive owner
    # ("Cavusoglu's Russian counterpart").
    own = [r for r in ms if r.get("side") and _mention_rank(r, text)[0] >= -1 and not _possessive_after(text, int(r["end"]))]
    side = str(own[-1]["side"]) if own else next((str(r.get("side") or "") for r in ms if r.get("side")), "")
    head = "leader" if lower.endswith("head of state") else (words[-1].lower() if words else "")
    possessive_owner = len(words) >= 2 and words[0].endswith(("'s", "’s"))
    definite = lower.startswith(("the ", "his ", "her ")) or possessive_owner
    named = res.named_role(speaker_text) if definite and " " in lower else None
    if named is not None:
        return named[0], named[1], "PERSON"  # 'the Kremlin spokesman' is the one the article names
    if head in _DEFINITE_ROLE_HEADS and definite:
        # a definite role: the latest person of that side
        cand = res.latest(s, lambda c: c.label == "PERSON" and (not side or c.side == side))
        if cand:
            return cand.speaker, cand.side, "PERSON"
        if possessive_owner and own:
            return re.sub(r"^\S+['’]s\s+", "", speaker_text), side, "ROLE"
    the_head = lower.startswith("the ") and len(words) == 2
    if not side and the_head and head in _INSTITUTION_HEADS:
        # 'the ministry' after "Turkey's foreign ministry": the latest earlier phrase with that head
        found = _earlier_institution(res, s, head)
        if found:
            return found
    if the_head and head in _ORG_ANAPHOR_HEADS:
        # 'the company said' after 'Whataburger told ...': the organisation named last
        cand = res.latest(s, lambda c: c.is_speaker and not c.plural and (
            c.label in ("ORG", "GROUP") or c.speaker.lower().endswith(" " + head)))
        if cand:
            return cand.speaker, cand.side, cand.label
    return _LEADING_DET_RE.sub("", speaker_text), side, "ROLE"


def _earlier_institution(res: Resolver, pos: int, head: str) -> Speaker | None:
    """The latest capitalised phrase ending in ``head`` before pos ("Turkey's foreign ministry")."""
    text = res.article.text
    start = max(0, pos - 3000)
    last = None
    for m in re.finditer(rf"\b((?:[A-Z][\w'’-]*[ \t]+)+(?:[a-z]+[ \t]+){{0,2}}(?i:{head}))\b", text[start:pos]):
        last = m
    if last is None:
        return None
    s, e = start + last.start(1), start + last.end(1)
    sides = [str(r.get("side") or "") for r in res.overlapping(s, e) if r.get("side")]
    if not sides:
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", text[s:e], flags=re.I)
    return phrase, sides[0], "ORG"


def resolve_pronoun(res: Resolver, pos: int, pronoun: str) -> Speaker:
    """The most recent compatible candidate before pos; ('', '', '') when there is none."""
    kind = PRONOUNS[pronoun]
    if kind in ("m", "f"):
        want_female = kind == "f"
        cand = res.latest(pos, lambda c: c.label == "PERSON" and not c.plural and res.female(c) == want_female)
        if cand is None:
            cand = res.latest(pos, lambda c: c.label == "PERSON" and not c.plural)
    elif kind == "p":
        cand = res.latest(pos, lambda c: c.plural or c.label in ("ORG", "GROUP", "COUNTRY", "ROLE"))
    elif kind == "n":
        cand = res.latest(pos, lambda c: c.label in ("ORG", "GROUP", "COUNTRY") or (
            c.label == "ROLE" and c.speaker.rsplit(None, 1)[-1].lower() in _NEUTER_HEADS))
    else:
        cand = None
    if cand is None:
        return "", "", ""
    return cand.speaker, cand.side, cand.label


def add_subject_candidates(res: Resolver, quotes: list[QuoteMarks]) -> None:
    """The first person named outside quotation marks in each sentence is its likely subject."""
    spans = [(q.open_pos, q.close_pos) for q in quotes]
    opens = [a for a, _ in spans]
    # Quotes come in text order without overlaps, so only the last one opening at or before a
    # mention can hold it (checked; otherwise every quote is tried).
    ordered = all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1))
    seen: set[int] = set()
    rows = res.rows
    for at, r in enumerate(rows):
        sid = r.get("sentence")
        s = int(r["start"])
        if sid in seen:
            continue
        if at + 1 < len(rows) and _modifies_person(res, r, rows[at + 1]):
            continue  # 'European Commission President Ursula von der Leyen': the person is the subject
        if ordered:
            k = bisect_right(opens, s) - 1
            if k >= 0 and s <= spans[k][1]:
                continue
        elif any(a <= s <= b for a, b in spans):
            continue
        label = _subject_label(res, r)
        if label:
            seen.add(sid)  # one subject per sentence: an organisation subject serves 'it'/'they' only
            res.add(Candidate(s, res.name_of(r), str(r.get("side") or ""), label,
                                            (s, int(r["end"])), False, False))


def _modifies_person(res: Resolver, r: dict[str, Any], nxt: dict[str, Any]) -> bool:
    """Is mention r part of the title of the person named next ("Kremlin spokesman Dmitry
    Peskov", "Treasury Secretary Janet Yellen")? Only role and title words may stand between."""
    if str(nxt.get("label") or "") != "PERSON" or str(r.get("label") or "") == "PERSON":
        return False
    between = res.article.text[int(r["end"]):int(nxt["start"])]
    words = between.split()
    return 0 < len(words) <= 4 and all(
        w in _TITLE_WORDS or w.lower() in res.lex.speaker_words for w in words)


def _subject_label(res: Resolver, r: dict[str, Any]) -> str:
    """The label of mention r as a sentence subject, or '' when it cannot be one."""
    text, s = res.article.text, int(r["start"])
    label = str(r.get("label") or "")
    if label not in ("PERSON", "ORG", "GROUP") or str(r.get("how") or "") in ("adjective", "title"):
        return ""
    if _possessive_after(text, int(r["end"])):
        return ""  # "Erdogan's spokesman": the owner is not the subject
    # 'After meeting Erdogan, he said': a name after a preposition or verb is not the subject
    prev = _PREV_WORD_REVERSED_RE.match(text[max(0, s - 40):s][::-1])
    prev_word = prev.group(1)[::-1] if prev else ""
    if prev and prev_word.islower() and prev_word not in DETERMINERS \
            and prev_word not in res.lex.speaker_words and prev_word != "and":
        return ""
    if label == "PERSON" and res.name_of(r).lower() in res.lex.speaker_words:
        return "ORG"  # 'Police' found as a name is an institution
    return label
