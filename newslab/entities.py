"""Actors and entities: who is in the news, under every name they go by.

Framing research counts *actors* — people, states, organisations — not strings. "Putin",
"Vladimir Putin", "the Russian leader", "the Kremlin" and "Russian" all point at the Russian side;
:func:`find_mentions` sees through these and records how each mention was recognised.

Method (in the spirit of dictionary-based actor coding such as PETRARCH/TABARI's actor
dictionaries, plus rule-based name discovery after Mikheev, Moens & Grover 1999):

1. **Dictionary** (``resources/actors.yml`` + the generated ``resources/countries.yml``, optionally
   a user's YAML): every alias, adjective/demonym and metonym is compiled once into the package's
   phrase matcher (:mod:`newslab.matcher`, with its case rules);
   one left-to-right pass over each sentence takes the *longest* match at each position. Case:
   an alias word written with a capital needs a capital in the text ("Turkey", not "turkey");
   short acronyms need the exact case ("US", not "us"). Possessives are separate tokens
   ("Assad" + "'s"). Hyphenated words match only as a whole ("Turkish-speaking" is not Turkey),
   except state-action compounds ("Russian-backed", "Russia-Turkey", "pro-Kremlin").
2. **Roles** ("the Russian leader", "his Turkish counterpart", "the Kremlin chief", "the pair",
   "the two sides") are resolved to the nearest compatible earlier named actor in the article
   (a counterpart holds the same office as the person it is the counterpart of; "the two
   leaders" are the two people the article has named most), falling back to whoever held that
   role in the article's year; an apposition ("the Italian foreign minister, Luigi Di Maio")
   wins. The antecedent's text and offset are recorded.
   A role right before a name ("Russian President Vladimir Putin") is a *title*, not a mention.
3. **Discovery** (:mod:`newslab.discovery`) of proper names not in the dictionary: capitalised
   runs (sentence-initial and all-caps words are checked against TextBlob's bundled Brill/Pattern
   lexicon of common words),
   typed by evidence from ``resources/gazetteer.yml`` — titles and first names → PERSON,
   gazetteer and place words → PLACE, Institute/Agency/Ministry/... → ORG — and by consistency
   within the article ("Alexei Malashenko" … "Malashenko said"). Discovered mentions have an
   empty ``actor`` (the name is in ``entity``) so a student can add them to the dictionary.
   ``backend="nltk"`` uses NLTK's perceptron tagger (NNP runs) and ``backend="ne_chunk"`` NLTK's
   binary chunker as candidate finders instead, when their data is installed.

Example
-------
>>> from newslab import Article
>>> a = Article.from_text("Talks\\n\\nPutin met Erdogan in Ankara. The Turkish leader thanked Moscow.")
>>> m = find_mentions(a)
>>> list(zip(m.text, m.actor, m.how))  # doctest: +NORMALIZE_WHITESPACE
[('Putin', 'Vladimir Putin', 'alias'), ('Erdogan', 'Recep Tayyip Erdogan', 'alias'),
 ('Ankara', 'Ankara', 'name'), ('The Turkish leader', 'Recep Tayyip Erdogan', 'role'),
 ('Moscow', 'Russia', 'metonym')]
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from . import layers
from .article import Article, Corpus, Token, as_articles
from .discovery import (Gazetteer, MentionDraft, common_words, default_label, discover_names, fold, fold_all,
                        load_gazetteer, name_runs, nltk_candidate_finder, phrase_tokens,
                        title_length, verb_words)
from .errors import ParameterError, ResourceFileError
from .matcher import CaseRule, Matcher
from .resources import load_yaml, resource_stamp

LABELS = ("PERSON", "COUNTRY", "ORG", "PLACE", "GROUP", "MISC")
COLUMNS = ["text", "start", "end", "label", "actor", "side", "how", "antecedent", "antecedent_start",
           "entity", "sentence", "paragraph"]
BACKENDS = ("rules", "nltk", "ne_chunk")

# ---------------------------------------------------------------------------------------------
# The actor dictionary
# ---------------------------------------------------------------------------------------------
@dataclass
class ActorEntry:
    """One actor of the dictionary (a state, person, organisation, group or place)."""

    name: str
    type: str
    side: str = ""
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    roles: list[tuple[str, int, int]] = field(default_factory=list)  # (role, from, to)
    source: str = ""
    historical: bool = False  # a former state (Soviet Union): not a referent of 'the two countries'
    surname: bool = True      # add the last word of a person's name as an alias
    exact: bool = False       # aliases need the exact case ('IS', 'MIT')
    need_the: bool = False    # aliases count only after 'the' ('the West')
    context: dict[str, frozenset[str]] = field(default_factory=dict)  # metonym: actor -> cue words
    context_scope: str = "sentence"  # where the context words are looked for: sentence or article


# A matcher payload: what a matched token sequence means.
@dataclass(frozen=True)
class DictionaryPattern:
    """One way of naming an actor, as the matcher finds it."""

    actor: str
    label: str
    how: str           # name, alias, adjective, metonym, capital
    rule: CaseRule     # per word: any case, needs a capital, exact (with the words as written)
    need_the: bool = False  # 'the West': only after 'the'
    not_initial: bool = False  # a surname that is also a word ('Trump'): not as a sentence's first word


_ROLE_RE = re.compile(r"^\s*(?P<role>.*?)\s*(?P<from>\d{4})\s*-\s*(?P<to>\d{4})?\s*$")


def _parse_role(text: str, where: str) -> tuple[str, int, int]:
    m = _ROLE_RE.match(str(text))
    if not m:
        raise ResourceFileError(f"{where}: role {text!r} must look like 'foreign minister 2014-2023' — fix it and re-run.")
    return m.group("role").lower(), int(m.group("from")), int(m.group("to") or 9999)


def _phrase_key(text: str) -> list[str]:
    """A dictionary phrase's words as matched: 'the Kremlin' -> ['Kremlin'] ('the' stays outside)."""
    words = phrase_tokens(text)
    return words[1:] if words and words[0].lower() == "the" and len(words) > 1 else words


class ActorDictionary:
    """The compiled actor dictionary: entries by canonical name plus one phrase matcher.

    Build it with :func:`load_actors`; pass it to :func:`find_mentions` as ``actors``.
    """

    def __init__(self) -> None:
        self.entries: dict[str, ActorEntry] = {}
        self.alias_owner: dict[tuple[str, ...], str] = {}  # a user file's aliases -> its actor
        self.matcher = Matcher(normalise=fold)
        self.role_words: dict[tuple[str, ...], str] = {}
        self.role_classes: dict[str, set[str]] = {}
        self.plural: dict[tuple[str, ...], str] = {}
        self.capital_of: dict[tuple[str, ...], str] = {}  # folded capital -> its state
        self.sources: list[str] = []
        self.fingerprint: tuple = ()

    # -- building -------------------------------------------------------------------------
    def add(self, entry: ActorEntry, replace: bool = True) -> None:
        if entry.name in self.entries and not replace:
            return
        self.entries[entry.name] = entry

    def compile(self) -> "ActorDictionary":
        """(Re)build the matcher from the entries. Later sources win on alias conflicts."""
        patterns: dict[tuple[str, ...], list[DictionaryPattern]] = {}
        for pat in self._namings():
            self._put(patterns, pat)
        for key, owner in self.alias_owner.items():  # user overrides of single aliases
            if key in patterns:
                patterns[key] = [p for p in patterns[key] if p.actor == owner] or patterns[key]
        matcher = Matcher(normalise=fold)
        for pats in patterns.values():
            for p in pats:
                matcher.add(p.rule.words, p, case=p.rule, literal=True)
        self.matcher = matcher
        return self

    def _namings(self) -> Iterable[DictionaryPattern]:
        """Every pattern of the entries: names, aliases, adjectives, capitals, surnames."""
        common = common_words()
        places = {e.name for e in self.entries.values() if e.type in ("PLACE", "COUNTRY")}

        def pattern(text: str, actor: str, label: str, how: str, exact: bool, need_the: bool = False,
                    not_initial: bool = False) -> DictionaryPattern:
            rule = CaseRule.of(_phrase_key(text), "exact" if exact else "auto")
            return DictionaryPattern(actor, label, how, rule, need_the, not_initial)

        for e in self.entries.values():
            if e.type == "METONYM":
                yield from (pattern(a, e.name, e.type, "metonym", e.exact, e.need_the) for a in e.aliases)
                continue
            yield pattern(e.name, e.name, e.type, "name", e.exact, e.need_the)
            yield from (pattern(a, e.name, e.type, "alias", e.exact, e.need_the) for a in e.aliases)
            yield from (pattern(a, e.name, e.type, "adjective", e.exact) for a in e.adjectives)
            yield from (pattern(c, e.name, "COUNTRY", "capital", e.exact) for c in e.capitals)
            if e.type == "PERSON" and e.surname:
                last = phrase_tokens(e.name)[-1]
                if last not in places and len(last) > 2:
                    # 'Trump' is also a word: it counts mid-sentence (where the capital says name),
                    # not as the first word of a sentence. Set `surname: false` for May, Power ...
                    yield pattern(last, e.name, e.type, "alias", False, not_initial=fold(last) in common)

    def _put(self, patterns: dict[tuple[str, ...], list[DictionaryPattern]], pat: DictionaryPattern) -> None:
        """Add one naming to ``patterns`` unless an earlier actor owns the same words and case."""
        if not pat.rule.words:
            return
        key = tuple(fold(w) for w in pat.rule.words)
        lst = patterns.setdefault(key, [])
        # Same words, same case rule: the first definition wins (countries, then actors.yml);
        # a user's file takes its aliases over through alias_owner (see compile).
        if pat.how == "capital":
            self.capital_of[key] = pat.actor
        if pat.how == "metonym":  # a listed metonym beats a capital ('Brussels' -> EU, not Belgium)
            lst[:] = [p for p in lst if p.how != "capital"]
        if all(p.rule.levels != pat.rule.levels or p.actor == pat.actor for p in lst) or key in self.alias_owner:
            lst.append(pat)

    def lookup(self, name: str) -> DictionaryPattern | None:
        """The first pattern that is exactly ``name`` ('Putin', 'the Kremlin'), or None."""
        found = self.matcher.lookup([fold(t) for t in _phrase_key(name)])
        return found[0][0] if found else None

    # -- queries ----------------------------------------------------------------------------
    def side(self, name: str) -> str:
        e = self.entries.get(name)
        return e.side if e else ""

    def type(self, name: str) -> str:
        e = self.entries.get(name)
        return e.type if e else ""

    def holders(self, role_class: str, side: str, year: int | None) -> list[str]:
        """Dictionary people of ``side`` who held a role of ``role_class`` in ``year``."""
        wanted = self.role_classes.get(role_class, {role_class})
        out = []
        for e in self.entries.values():
            if e.type != "PERSON" or (side and e.side != side):
                continue
            for role, y0, y1 in e.roles:
                if role in wanted and (year is None or y0 <= year <= y1):
                    out.append(e.name)
                    break
        return out

    def has_role(self, name: str, role_class: str, year: int | None) -> bool:
        e = self.entries.get(name)
        if not e:
            return False
        wanted = self.role_classes.get(role_class, {role_class})
        return any(r in wanted and (year is None or y0 <= year <= y1) for r, y0, y1 in e.roles)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"ActorDictionary({len(self.entries)} actors from {', '.join(self.sources)})"


def _entries_from_yaml(data: Any, where: str) -> tuple[list[ActorEntry], dict]:
    """Read the sections of an actors YAML (people/orgs/groups/places/metonyms/countries/roles)."""
    if data is None:
        return [], {}
    if not isinstance(data, dict):
        raise ResourceFileError(f"{where}: expected sections such as 'people:' and 'orgs:' at the top level — see newslab/resources/actors.yml.")
    out: list[ActorEntry] = []
    sections = {"people": "PERSON", "persons": "PERSON", "orgs": "ORG", "organisations": "ORG",
                "organizations": "ORG", "groups": "GROUP", "places": "PLACE", "countries": "COUNTRY",
                "metonyms": None}
    for key in data:
        if key not in sections and key != "roles":
            raise ResourceFileError(f"{where}: unknown section {key!r} — use people, orgs, groups, places, countries, metonyms or roles.")
    for section, typ in sections.items():
        for i, row in enumerate(data.get(section) or []):
            if isinstance(row, dict) and row.get("name") == "" and section == "countries":
                continue
            if not isinstance(row, dict) or not row.get("name"):
                raise ResourceFileError(f"{where}: entry {i + 1} of '{section}' needs a 'name' field.")
            if typ is None:  # metonym: a name standing for another actor
                e = ActorEntry(name=str(row["name"]), type="METONYM", side=str(row.get("actor", "")),
                               aliases=[str(a) for a in row.get("aliases") or []], source=where,
                               exact=row.get("case") == "exact", need_the=row.get("article") == "required",
                               context={str(k): frozenset(fold(str(w)) for w in v or [])
                                        for k, v in (row.get("context") or {}).items()},
                               context_scope=str(row.get("context_scope", "sentence")))
                if e.context_scope not in ("sentence", "article"):
                    raise ResourceFileError(f"{where}: metonym {e.name!r} has context_scope {e.context_scope!r} — "
                                            "use 'sentence' or 'article'.")
                if not e.side and not e.context:
                    raise ResourceFileError(f"{where}: metonym {e.name!r} needs 'actor:' (the state or body it stands "
                                            "for) or 'context:' (actors chosen by words in the sentence).")
                out.append(e)
                continue
            e = ActorEntry(
                name=str(row["name"]), type=str(row.get("type", typ)).upper(),
                side=str(row.get("side", row["name"] if typ == "COUNTRY" else "") or ""),
                aliases=[str(a) for a in row.get("aliases") or []],
                adjectives=[str(a) for a in row.get("adjectives") or []],
                capitals=[str(a) for a in row.get("capitals") or []],
                roles=[_parse_role(r, where) for r in row.get("roles") or []], source=where)
            if e.type not in LABELS:
                raise ResourceFileError(f"{where}: {e.name!r} has type {e.type!r} — use one of {', '.join(LABELS[:5])}.")
            e.surname = bool(row.get("surname", True))
            e.exact = row.get("case") == "exact"
            e.need_the = row.get("article") == "required"
            e.historical = bool(row.get("historical", False))
            out.append(e)
    return out, data.get("roles") or {}


def load_actors(extra: str | os.PathLike[str] | dict | None = None) -> ActorDictionary:
    """Load the packaged actor dictionary, optionally extended/overridden by a user's YAML.

    ``extra`` is a path to a YAML file with the same sections as ``resources/actors.yml``
    (people, orgs, groups, places, countries, metonyms), or an already-parsed dict. An entry with
    the same ``name`` as a packaged one replaces it; an alias listed in the extra file belongs to
    the extra file's actor from then on. Cached until one of the files changes.

    >>> d = load_actors()
    >>> d.side("Vladimir Putin"), d.type("NATO")
    ('Russia', 'ORG')
    """
    # Keyed by the files' modification times: edit actors.yml, re-run, and the change is seen.
    packaged = tuple(resource_stamp(n)[1] for n in ("countries.yml", "actors.yml"))
    if extra is None:
        return _load_actors_cached(None, 0.0, packaged)
    if isinstance(extra, dict):
        return _build_dictionary(extra, "<dict>")
    return _load_actors_cached(*resource_stamp(extra), packaged)


@lru_cache(maxsize=16)
def _load_actors_cached(extra_path: str | None, mtime: float, packaged: tuple = ()) -> ActorDictionary:
    extra_data = load_yaml(extra_path) if extra_path else None
    return _build_dictionary(extra_data, extra_path or "")


def _build_dictionary(extra_data: Any, extra_where: str) -> ActorDictionary:
    d = ActorDictionary()
    roles_cfg: dict = {}
    for name in ("countries.yml", "actors.yml"):
        entries, roles = _entries_from_yaml(load_yaml(name), f"newslab/resources/{name}")
        for e in entries:
            if e.type == "COUNTRY":
                e.side = e.name
            _add_entry(d, e, replace=False)
        roles_cfg.update(roles)
        d.sources.append(name)
    if extra_data is not None:
        entries, roles = _entries_from_yaml(extra_data, extra_where)
        for e in entries:
            _add_entry(d, e, replace=True)
            for a in [e.name] + e.aliases + e.adjectives + e.capitals:
                d.alias_owner[tuple(fold(t) for t in _phrase_key(a))] = f"__metonym__{e.name}" if e.type == "METONYM" else e.name
        for k, v in roles.items():
            roles_cfg.setdefault(k, {}).update(v) if isinstance(v, dict) else None
        d.sources.append(os.path.basename(extra_where) or "extra")
    for cls, words in (roles_cfg.get("role_words") or {}).items():
        for w in words:
            d.role_words[tuple(fold(t) for t in phrase_tokens(w))] = cls
    d.role_classes = {cls: {w.lower() for w in words} for cls, words in (roles_cfg.get("role_classes") or {}).items()}
    for kind, phrases in (roles_cfg.get("plural") or {}).items():
        for p in phrases:
            d.plural[tuple(fold(t) for t in phrase_tokens(p))] = kind
    return d.compile()


def _add_entry(d: ActorDictionary, e: ActorEntry, replace: bool) -> None:
    if e.type == "METONYM":
        target = e.side
        key = f"__metonym__{e.name}"
        e2 = ActorEntry(name=key, type="METONYM", side=target, aliases=[e.name] + e.aliases, source=e.source,
                        context=e.context, context_scope=e.context_scope,
                        need_the=e.need_the, exact=e.exact)
        d.entries[key] = e2
        return
    if e.name in d.entries and not replace:
        old = d.entries[e.name]  # e.g. a place listed in both files: merge aliases
        old.aliases += [a for a in e.aliases if a not in old.aliases]
        return
    d.entries[e.name] = e


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our", "a"})
_LOCATIVE = frozenset({"in", "to", "from", "at", "near", "into", "outside", "around", "via", "toward",
                       "towards", "across", "inside", "visit", "visited", "visiting", "through", "off",
                       "within", "reached", "arrived", "left", "leaving"})
_STATE_ACTION = frozenset({"backed", "led", "brokered", "sponsored", "supported", "allied", "controlled",
                           "held", "run", "owned", "funded", "armed", "trained", "installed", "imposed",
                           "mediated", "friendly", "aligned", "made", "built", "bound", "based"})
# Words before 'to' that make it a place ('flew to Ankara'); otherwise 'to' is a recipient
# ('sold drones to Kyiv', 'a message to Moscow') and the capital stands for the state.
_AROUND_OF = frozenset({"outskirts", "suburbs", "centre", "center", "heart", "streets", "north", "south",
                        "east", "west", "northwest", "northeast", "southwest", "southeast"})
_MOTION = frozenset({"flew", "fly", "flying", "flown", "travel", "travelled", "traveled", "travelling", "trip",
                     "trips", "visit", "visits", "went", "go", "going", "gone", "came", "come", "coming",
                     "return", "returned", "returning", "returns", "arrive", "headed", "heading", "moved",
                     "move", "moving", "way", "road", "route", "flight", "flights", "journey", "back",
                     "drive", "drove", "driven", "sail", "sailed", "march", "marched", "fled", "flee",
                     "deployed", "deploy", "relocated", "transferred", "taken", "brought", "evacuated"})
_PRO_ANTI = frozenset({"pro", "anti"})


def _match_dictionary(d: ActorDictionary, words: list[str], keys: list[str]) -> list[tuple[int, int, DictionaryPattern]]:
    """Leftmost-longest dictionary matches over one sentence's tokens, with the case rules and
    the two context rules of a pattern ('the West' needs 'the'; 'Trump' not as a first word)."""
    n = len(keys)
    verbs = verb_words()

    def in_context(p: DictionaryPattern, i: int, j: int) -> bool:
        if p.need_the and (i == 0 or keys[i - 1] != "the"):
            return False
        if p.not_initial and (i == 0 or not words[i - 1][:1].isalnum() and i == 1) \
                and not (i + 1 < n and (keys[i + 1] in verbs or keys[i + 1] == "'s")):
            return False  # 'Trump cards ...' no; 'Trump said ...' yes
        return True

    return d.matcher.longest(keys, words, in_context)


def _hyphen_parts(d: ActorDictionary, word: str) -> list[tuple[int, int, DictionaryPattern]]:
    """Sub-matches inside a hyphenated word: 'Russian-backed', 'Russia-Turkey', 'pro-Kremlin'.

    Returns (char offset within word, char end, pattern). 'Turkish-speaking' gives nothing.
    """
    parts = word.replace("–", "-").split("-")
    if len(parts) < 2:
        return []
    offs, pos = [], 0
    for p in parts:
        offs.append((pos, pos + len(p)))
        pos += len(p) + 1
    found: list[DictionaryPattern | None] = []
    for p in parts:
        # a name that needs 'the' ('the South', 'the West') has none inside a compound ('India-South Africa')
        pat = next((x for x, _ in d.matcher.lookup([fold(p)])
                    if (x.how != "alias" or x.label != "PERSON") and not x.need_the), None)
        if pat and not pat.rule.accepts([p], 0, long_words_any_case=False):
            pat = None
        found.append(pat)
    out = []
    if all(found):  # 'Russia-Turkey', 'Russian-Turkish', 'US-Russian'
        return [(offs[k][0], offs[k][1], found[k]) for k in range(len(parts))]  # type: ignore[misc]
    if found[0] and fold(parts[-1]) in _STATE_ACTION and len(parts) == 2:
        out.append((offs[0][0], offs[0][1], found[0]))
    if fold(parts[0]) in _PRO_ANTI and len(parts) == 2 and found[1]:
        out.append((offs[1][0], offs[1][1], found[1]))
    return out


# ---------------------------------------------------------------------------------------------
# find_mentions
# ---------------------------------------------------------------------------------------------
def _article_year(article: Article) -> int | None:
    m = re.match(r"\s*(\d{4})", str(article.date or ""))
    return int(m.group(1)) if m else None


def _mention_resources(params: dict[str, Any]) -> list[Any]:
    extra = params.get("actors")
    return ["countries.yml", "actors.yml", "gazetteer.yml", "time_cues.yml",  # its weekdays are no names
            extra if isinstance(extra, (str, os.PathLike)) else None]


def _entity_json(r: dict[str, Any]) -> dict[str, Any]:
    return {k: r[k] for k in ("text", "start", "end", "label", "actor", "side", "how", "antecedent")}


@layers.register("mentions", columns=COLUMNS, requires=("sentences",), resources=_mention_resources,
                 dtypes={c: "int" for c in ("start", "end", "antecedent_start", "sentence", "paragraph")},
                 defaults={"actors": None, "discover": True, "backend": "rules"}, table="mentions",
                 json_section="entities", json_row=_entity_json)
def mention_layer(article: Article, actors: Any, discover: bool, backend: str) -> list[dict[str, Any]]:
    """One row per mention of an actor or other proper name (see :func:`find_mentions`)."""
    return _find(article, _dictionary(actors, backend), discover, backend)


def find_mentions(article: Article | Corpus | Iterable[Article],
                  actors: ActorDictionary | str | os.PathLike[str] | None = None, *,
                  discover: bool = True, backend: str = "rules") -> pd.DataFrame:
    """Every mention of an actor or other proper name in ``article``, one row per mention.

    Parameters
    ----------
    article : Article, or a Corpus (then every article's rows, with ``doc_id`` and ``date`` first)
    actors : ActorDictionary, path, or None
        The dictionary (default: the packaged one). A path is read with :func:`load_actors`
        as an extra YAML on top of the packaged one.
    discover : bool
        Also report proper names that are not in the dictionary (``how == 'discovered'``).
    backend : {"rules", "nltk", "ne_chunk"}
        How discovery finds candidate names: capitalisation rules with TextBlob's bundled
        lexicon (default, offline, fast), NLTK's perceptron tagger (NNP runs), or NLTK's binary
        ``ne_chunk``. The NLTK backends need their data (``newslab data install``). On
        CoNLL-2003 eng.testb the default is the most accurate and the fastest (untyped F1 0.899
        vs 0.848 and 0.753; see ``benchmarks/ner_conll.py``).

    Returns
    -------
    DataFrame with columns ``text, start, end, label, actor, side, how, antecedent,
    antecedent_start, entity, sentence, paragraph``. ``article.text[start:end] == text``.
    ``label`` is PERSON, COUNTRY, ORG, PLACE, GROUP (actors) or MISC (other proper names);
    ``actor`` is the canonical dictionary name ('' when discovered); ``side`` is the state the
    actor belongs to; ``how`` is name, alias, adjective, metonym, role, title or discovered;
    role mentions carry the ``antecedent`` text and offset; ``entity`` is the actor or the
    discovered name ("Alexei Malashenko" for a later "Malashenko"). A plural role phrase
    ("the two leaders") gives one row per actor it refers to.

    >>> from newslab import Article
    >>> m = find_mentions(Article.from_text("T\\n\\nSyria's Assad thanked the Kremlin."))
    >>> list(zip(m.text, m.actor, m.side))
    [('Syria', 'Syria', 'Syria'), ('Assad', 'Bashar al-Assad', 'Syria'), ('Kremlin', 'Russia', 'Russia')]
    """
    if backend not in BACKENDS:
        raise ParameterError(f"backend={backend!r}: use one of {', '.join(BACKENDS)}.")
    return layers.frame(article, "mentions", actors=actors, discover=discover, backend=backend)


def _dictionary(actors: ActorDictionary | str | os.PathLike[str] | None, backend: str) -> ActorDictionary:
    if backend not in BACKENDS:
        raise ParameterError(f"backend={backend!r}: use one of {', '.join(BACKENDS)}.")
    if actors is None:
        return load_actors()
    if isinstance(actors, ActorDictionary):
        return actors
    return load_actors(actors)


_FIRST_CHAR = itemgetter(slice(0, 1))  # word[:1], called from C by map()


def _find(article: Article, d: ActorDictionary, discover: bool, backend: str) -> list[dict]:
    text = article.text
    g = load_gazetteer()
    common = common_words()
    year = _article_year(article)
    tokens = article.tokens
    all_mentions: list[tuple[int, int, list[MentionDraft]]] = []  # (sentence, paragraph, mentions)
    candidates_fn = None
    if discover and backend != "rules":
        candidates_fn = nltk_candidate_finder(backend)
    # Words and their folded keys for the whole article at once; sentences take slices.
    all_words = [t.text for t in tokens]
    all_keys = fold_all(all_words)
    article_keys = frozenset(all_keys)  # for metonyms whose context is the whole article
    ranges = article.sentence_token_ranges
    for sent in article.sentences:
        a, b = ranges[sent.i]
        if a >= b:
            continue
        stoks = tokens[a:b]
        words = all_words[a:b]
        keys = all_keys[a:b]
        allcaps = False
        # A headline needs a word in capitals, and (with 2+ words) capitals in 70 % of the words
        # that start with a letter: count both at C speed (the capitals bound n_upper from above)
        # and look closer only when the bound allows it.
        n_caps = sum(map(str.isupper, words))
        n_letters = sum(map(str.isalpha, map(_FIRST_CHAR, words))) if n_caps else 0
        if n_caps and (n_letters == 1 or n_caps >= 0.7 * n_letters):
            letters = [w for w in words if w[:1].isalpha()]
            n_upper = sum(w.isupper() and len(w) > 1 for w in letters)
            # A headline in capitals: ordinary words there are not names.
            allcaps = (len(letters) >= 2 and n_upper >= 0.7 * len(letters)) or (len(letters) == 1 and n_upper == 1
                                                                                 and len(letters[0]) > 5)
        ms = _sentence_mentions(d, g, common, stoks, words, keys, allcaps, discover, candidates_fn, article_keys)
        all_mentions.append((sent.i, sent.paragraph, ms))
    _resolve_document(d, g, all_mentions, year, text)
    rows = []
    for si, pi, ms in all_mentions:
        for m in ms:
            if m.how.startswith("_"):
                continue
            rows.append({"text": text[m.start:m.end], "start": m.start, "end": m.end, "label": m.label,
                         "actor": m.actor, "side": m.side, "how": m.how, "antecedent": m.antecedent,
                         "antecedent_start": m.antecedent_start, "entity": m.entity or m.actor,
                         "sentence": si, "paragraph": pi})
    return rows


def _pattern_mention(d: ActorDictionary, pat: DictionaryPattern, t0: int, t1: int, start: int, end: int,
                     prev_key: str, short: bool = False, sentence_keys: Sequence[str] = (),
                     article_keys: frozenset[str] = frozenset()) -> MentionDraft:
    """The mention a dictionary match makes; ``short`` marks a dateline-like line ('BRUSSELS 1996-08-30')."""
    if pat.label == "METONYM":
        entry = d.entries.get(pat.actor)
        target = entry.side if entry else pat.actor
        keys = article_keys if entry is not None and entry.context_scope == "article" else sentence_keys
        if entry is not None and entry.context and keys:
            # 'Brussels' is the EU by default, NATO when the sentence talks about the alliance;
            # 'the Commission' is the EU's when the article names the EU (context_scope: article).
            target = next((a for a, cues in entry.context.items() if not cues.isdisjoint(keys)), target)
        if not target:
            return MentionDraft(t0, t1, start, end, "GROUP", "", "", "_drop")  # context-only phrase, no cue here
        side = d.side(target) if target in d.entries else target  # a group keeps its own (empty) side
        if prev_key in _LOCATIVE or short:  # 'in Brussels', 'at the White House': the place itself
            where = d.capital_of.get(tuple(fold(w) for w in pat.rule.words), side)
            return MentionDraft(t0, t1, start, end, "PLACE", "", where, "name")
        lab = d.type(target) or "COUNTRY"
        return MentionDraft(t0, t1, start, end, lab, target, side, "metonym")
    if pat.how == "capital":
        # "in Ankara" is the place; "Ankara said" is the state (metonym).
        if prev_key in _LOCATIVE or prev_key in ("capital", "city", "town") or short:
            return MentionDraft(t0, t1, start, end, "PLACE", "", pat.actor, "name", entity="")
        return MentionDraft(t0, t1, start, end, "COUNTRY", pat.actor, pat.actor, "metonym")
    side = d.side(pat.actor)
    return MentionDraft(t0, t1, start, end, pat.label, pat.actor, side, pat.how)


def _sentence_mentions(d: ActorDictionary, g: Gazetteer, common: frozenset[str], stoks: list[Token],
                       words: list[str], keys: list[str], allcaps: bool, discover: bool,
                       candidates_fn: Any, article_keys: frozenset[str] = frozenset()) -> list[MentionDraft]:
    """All mentions of one sentence: dictionary, hyphen compounds, roles and titles, discovery."""
    n = len(words)
    ms: list[MentionDraft] = []
    covered = [False] * n
    for t0, t1, pat in _match_dictionary(d, words, keys):
        prev = keys[t0 - 1] if t0 > 0 else ""
        if prev == "to" and not (t0 >= 2 and keys[t0 - 2] in _MOTION):
            prev = ""  # 'sold drones to Kyiv': the state, not the city
        elif prev == "of" and t0 >= 2 and keys[t0 - 2] in _AROUND_OF:
            prev = "in"  # 'northwest of Ankara', 'the outskirts of Damascus': the place itself
        if pat.label == "PERSON" and pat.how == "alias" and t1 - t0 == 1 and t0 > 0 and not allcaps \
                and words[t0 - 1][:1].isupper() and not covered[t0 - 1] and not title_length(g, keys, t0 - 1, t0) \
                and (prev in g.first_names or prev not in common):
            continue  # 'Bill Clinton' is not Hillary Clinton: another first name before the surname
        if pat.label == "PERSON" and pat.how == "alias" and t1 - t0 == 1 and t1 < n and not allcaps \
                and words[t1][:1].isupper() and keys[t1] not in common and keys[t1] not in d.matcher.first_words \
                and words[t1].isalpha():
            continue  # 'Jeffrey Sachs' is not James Jeffrey: the alias is this person's first name
        m = _pattern_mention(d, pat, t0, t1, stoks[t0].start, stoks[t1 - 1].end, prev,
                             short=n <= 3 and t0 == 0 and all(not w[:1].isalpha() for w in words[t1:]),
                             sentence_keys=keys if pat.label == "METONYM" else (),
                             article_keys=article_keys if pat.label == "METONYM" else frozenset())
        if m.how == "name" and m.label == "PLACE" and not m.actor:
            m.entity = " ".join(words[t0:t1])  # capital used as a place: entity = the city
            m.actor = m.entity
        ms.append(m)
        for k in range(t0, t1):
            covered[k] = True
    # "in Moscow and Ankara": a capital coordinated with a place is a place too.
    for k in range(1, len(ms)):
        m, prev = ms[k], ms[k - 1]
        if m.how == "metonym" and prev.label == "PLACE" and prev.how == "name" and m.t0 == prev.t1 + 1 \
                and keys[prev.t1] in ("and", "or", ",") and _is_capital(d, words[m.t0:m.t1]):
            m.label, m.how, m.actor, m.entity = "PLACE", "name", " ".join(words[m.t0:m.t1]), " ".join(words[m.t0:m.t1])
    # Hyphenated compounds not matched as a whole.
    for k in compress(range(n), map(str.__contains__, words, repeat("-"))):  # C-level scan
        w = words[k]
        if not covered[k]:
            based = fold(w.rsplit("-", 1)[-1]) == "based"
            for c0, c1, pat in _hyphen_parts(d, w):
                s = stoks[k].start + c0
                # 'Ankara-based' names the city where something is; 'Russian-backed' the state.
                m = _pattern_mention(d, pat, k, k + 1, s, stoks[k].start + c1, "in" if based else "")
                if m.how == "name" and not based:
                    m.how = "adjective"
                if m.label == "PLACE" and not m.actor:
                    m.actor = m.entity = w[c0:c1]
                ms.append(m)
    ms.sort(key=lambda m: (m.start, m.end))
    ms = _roles(d, g, words, keys, stoks, ms, covered)
    if discover:
        if candidates_fn is None:
            runs = name_runs(g, common, words, keys, allcaps, d.matcher.first_words)
        else:
            runs = candidates_fn(words, keys)
        ms = discover_names(g, common, stoks, words, keys, ms, runs, allcaps)
    ms.sort(key=lambda m: (m.start, -m.end))
    return ms


def _is_capital(d: ActorDictionary, words: list[str]) -> bool:
    return any(p.how == "capital" for p, _ in d.matcher.lookup([fold(w) for w in words]))


def _roles(d: ActorDictionary, g: Gazetteer, words: list[str], keys: list[str], stoks: list[Token],
           ms: list[MentionDraft], covered: list[bool]) -> list[MentionDraft]:
    """Role phrases ('the Russian leader', 'his Turkish counterpart', 'the pair') and titles.

    At each place a phrase may start, in order: a plural phrase ('the two leaders'), paired
    roles ('the Turkish and Russian presidents'), then a single role phrase (:func:`_role_phrase`).
    """
    n = len(keys)
    by_t0 = {m.t0: m for m in ms}
    by_t1 = {m.t1: m for m in ms}
    out = list(ms)
    plural_first, role_first, either_first = _role_first_words(d)
    # Only positions where a plural or role phrase starts, or a mention ends (paired roles), can
    # do anything below: visit those in order instead of every token.
    starts = set(compress(range(n), map(either_first.__contains__, keys)))  # C-level scan
    starts.update(t for t in by_t1 if t < n)
    i = 0
    for c in sorted(starts):
        if c < i:
            continue  # inside a phrase already taken
        i = c
        hit = _longest(d.plural, keys, i, plural_first)
        if hit and not any(covered[i:hit[0]]):
            j, kind = hit
            out.append(MentionDraft(i, j, stoks[i].start, stoks[j - 1].end, "PERSON" if kind == "person" else "COUNTRY",
                                    "", "", "role", plural=kind, role_word=" ".join(keys[i:j])))
            i = j
            continue
        pair = _paired_roles(d, keys, stoks, i, by_t1)
        if pair:
            out.extend(pair)
            i = pair[0].t1
            continue
        hit = _longest(d.role_words, keys, i, role_first)
        if not hit or covered[i]:
            i += 1
            continue
        i = _role_phrase(words, keys, stoks, i, hit[0], hit[1], by_t0, by_t1, out)
    return out


def _role_phrase(words: list[str], keys: list[str], stoks: list[Token], i: int, j: int, cls: str,
                 by_t0: dict[int, MentionDraft], by_t1: dict[int, MentionDraft], out: list[MentionDraft]) -> int:
    """The role words at tokens i:j (of role class ``cls``): a title before a name, a role
    mention ('the Russian leader', "Turkey's president"), or nothing. Appends to ``out`` and
    returns where the scan goes on."""
    before, side, t0, possessive = _role_owner(keys, i, by_t1)
    det = t0 > 0 and keys[t0 - 1] in _DETERMINERS
    # A role followed by a name is a title ('Russian President Vladimir Putin').
    after = by_t0.get(j)
    nxt_cap = j < len(keys) and words[j][:1].isupper() and keys[j] != "'s"
    if after is not None or (nxt_cap and not det) or (nxt_cap and keys[j] not in common_words()):
        if before is not None and before.how == "adjective":
            before.how = "title"
        if side and after is None:
            # Remember the title's state for a name discovery will find right after it
            # ('Greek prime minister Kyriakos Mitsotakis' -> Greece). Never reported.
            out.append(MentionDraft(i, j, stoks[i].start, stoks[j - 1].end, "TITLE", "", side, "_titlerole"))
        return j
    if not det and not possessive:
        return j  # 'US Ambassador to Germany ...' is a title; a role mention needs 'the'/'his'/"Turkey's"
    if before is None and (cls not in ("leader", "foreign minister", "defence minister")
                           or (cls == "leader" and keys[i] not in ("president", "leader", "premier", "chancellor"))):
        return j  # a bare 'the head' / 'the chief' / 'his counterpart' is too vague without a state
    s0 = t0 - 1 if det else t0
    out.append(MentionDraft(s0, j, stoks[s0].start, stoks[j - 1].end, "PERSON", "", side, "role", role=cls,
                            role_word=" ".join(keys[i:j])))
    if before is not None:
        before.how = "_drop"  # the adjective is part of the role phrase
    return j


def _role_owner(keys: list[str], i: int, by_t1: dict[int, MentionDraft]
                ) -> tuple[MentionDraft | None, str, int, bool]:
    """What stands before the role word at token i: a state adjective/metonym mention ('the
    *Russian* leader') or a possessive ("*Turkey's* president"). Returns (that mention or None,
    its side, where the phrase starts, possessive)."""
    before = by_t1.get(i)
    if before is not None and before.side and before.how in ("adjective", "metonym", "name", "alias") \
            and before.label in ("COUNTRY", "ORG") and before.t1 == i:
        return before, before.side, before.t0, False
    if i >= 2 and keys[i - 1] == "'s" and by_t1.get(i - 1) is not None and by_t1[i - 1].label == "COUNTRY":
        before = by_t1[i - 1]
        return before, before.side, before.t0, True
    return None, "", i, False


def _first_words(table: dict[tuple[str, ...], str]) -> frozenset[str]:
    """First words of a phrase table's keys (cached on the table's identity)."""
    key = id(table)
    hit = _FIRST_WORDS.get(key)
    if hit is None or hit[0] is not table:
        hit = (table, frozenset(k[0] for k in table if k))
        _FIRST_WORDS[key] = hit
    return hit[1]


_FIRST_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _paired_roles(d: ActorDictionary, keys: list[str], stoks: list[Token], i: int,
                  by_t1: dict[int, MentionDraft]) -> list[MentionDraft]:
    """'the Turkish and Russian presidents', 'his Russian and Iranian counterparts': two role
    mentions on one span, one per state, each resolved like a singular role."""
    if i not in by_t1:
        return []  # fast path: needs a state adjective right before
    for L in (3, 2, 1):
        if i + L > len(keys) or not keys[i + L - 1].endswith("s"):
            continue
        words = tuple(keys[i:i + L - 1]) + (keys[i + L - 1][:-1],)
        cls = d.role_words.get(words)
        if cls is None:
            continue
        second = by_t1.get(i)
        if second is None or i < 3 or keys[second.t0 - 1] != "and":
            return []
        first = by_t1.get(second.t0 - 1)
        if first is None or not (first.how in ("adjective", "metonym", "name") and second.how == first.how
                                 and first.side and second.side and first.label == second.label == "COUNTRY"):
            return []
        t0 = first.t0 - 1 if first.t0 > 0 and keys[first.t0 - 1] in _DETERMINERS else first.t0
        j = i + L
        out = []
        for adj in (first, second):
            adj.how = "_drop"
            out.append(MentionDraft(t0, j, stoks[t0].start, stoks[j - 1].end, "PERSON", "", adj.side, "role", role=cls,
                          role_word=" ".join(words)))
        return out
    return []


def _role_first_words(d: ActorDictionary) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """First words of plural phrases, of role phrases, and of either (cached per dictionary)."""
    hit = _ROLE_FIRST.get(id(d))
    if hit is None or hit[0] is not d.plural or hit[1] is not d.role_words:
        plural_first, role_first = _first_words(d.plural), _first_words(d.role_words)
        hit = (d.plural, d.role_words, (plural_first, role_first, plural_first | role_first))
        _ROLE_FIRST[id(d)] = hit
    return hit[2]


_ROLE_FIRST: dict[int, tuple[dict, dict, tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}


def _longest(table: dict[tuple[str, ...], str], keys: list[str], i: int,
             first: frozenset[str] | None = None) -> tuple[int, str] | None:
    best = None
    if keys[i] not in (_first_words(table) if first is None else first):
        return None  # fast path: most words start no role phrase
    for L in (4, 3, 2, 1):
        if i + L <= len(keys):
            v = table.get(tuple(keys[i:i + L]))
            if v is not None:
                return i + L, v
    return best

# ---------------------------------------------------------------------------------------------
# Article-level resolution: discovered-name consistency, roles and plural phrases
# ---------------------------------------------------------------------------------------------
def _resolve_document(d: ActorDictionary, g: Gazetteer, all_mentions, year: int | None, text: str = "") -> None:
    flat = [m for _, _, ms in all_mentions for m in ms if m.how != "_drop"]
    # 1. Consistency of discovered names: a later 'Malashenko' is the earlier 'Alexei Malashenko'.
    typed: dict[str, tuple[str, str]] = {}  # folded word / full name -> (label, entity)
    for m in flat:
        if m.how == "discovered" and not m.label.startswith("?") and m.label != "MISC":
            full = fold(m.entity)
            typed.setdefault(full, (m.label, m.entity))
            if m.label == "PERSON":
                parts = m.entity.split()
                if len(parts) >= 2:
                    typed.setdefault(fold(parts[-1]), ("PERSON", m.entity))
    for m in flat:
        if m.how == "discovered" and m.label in ("?", "?common", "?speaker", "PERSON", "ORG", "PLACE"):
            hit = typed.get(fold(m.entity))
            if hit and (m.label.startswith("?") or hit[1] != m.entity):
                m.label, m.entity = hit
    for m in flat:
        if m.how == "discovered" and m.label == "?":
            m.label = default_label(m.entity)
        elif m.how == "discovered" and m.label == "?speaker":
            m.label = "PERSON"
        elif m.how == "discovered" and m.label == "?common":
            m.how = "_drop"
    # 2. Roles and plural phrases, in text order.
    history: list[MentionDraft] = []
    ordered = sorted(flat, key=lambda x: (x.start, -x.end))
    for idx, m in enumerate(ordered):
        if m.how == "role" and m.plural:
            _resolve_plural(d, m, history, year)
        elif m.how == "role":
            nxt = ordered[idx + 1] if idx + 1 < len(ordered) else None
            if nxt is not None and nxt.label == "PERSON" and nxt.how != "role" and (nxt.actor or nxt.entity) \
                    and text[m.end:nxt.start] in (", ", " , ") and (not m.side or not nxt.side or nxt.side == m.side):
                # Apposition after the role: 'the Italian foreign minister, Luigi Di Maio,'
                role_side = m.side
                _copy_from(m, nxt)
                m.side = nxt.side = nxt.side or role_side
            else:
                _resolve_role(d, m, history, year)
        if m.label in ("PERSON", "COUNTRY", "ORG", "GROUP") and (m.actor or m.entity) and m.how != "title":
            history.append(m)
    # Plural phrases become one mention per actor they stand for.
    for idx, (si, pi, ms) in enumerate(all_mentions):
        extra = []
        for m in ms:
            if m.how == "role" and m.plural and m.referents:
                first, *others = m.referents
                _copy_from(m, first)
                for other in others:
                    twin = MentionDraft(m.t0, m.t1, m.start, m.end, m.label, "", "", "role", plural=m.plural)
                    _copy_from(twin, other)
                    extra.append(twin)
            elif m.how == "role" and m.plural:
                m.how = "_drop"  # nothing to refer to
        ms.extend(extra)
        ms.sort(key=lambda x: (x.start, -x.end, x.actor))


def _copy_from(m: MentionDraft, ante: MentionDraft) -> None:
    m.actor = ante.actor
    m.entity = ante.entity or ante.actor
    m.side = ante.side
    m.antecedent = ante.entity or ante.actor
    m.antecedent_start = ante.start
    if m.plural == "state":
        m.label = "COUNTRY"


class _Recent:
    """An iterable read from a generator at most once and only as far as asked, re-readable from
    its start (so several ``next(... for h in people ...)`` searches share one pass)."""

    def __init__(self, it: Iterator[MentionDraft]):
        self._it, self._seen = it, []

    def __iter__(self) -> Iterator[MentionDraft]:
        yield from self._seen
        for h in self._it:
            self._seen.append(h)
            yield h


def _resolve_role(d: ActorDictionary, m: MentionDraft, history: list[MentionDraft], year: int | None) -> None:
    # Read lazily, nearest first: the antecedent is usually close, and copying the whole history
    # for every role phrase made long articles quadratic.
    people = _Recent(h for h in reversed(history) if h.label == "PERSON" and (h.actor or h.entity)
                     and (not m.side or h.side == m.side))
    ante = None
    if m.role == "counterpart":
        # 'his Turkish counterpart' holds the same office as the person 'his' refers to (the
        # nearest earlier person of another side): Lavrov's counterpart is a foreign minister.
        partner = next((h for h in reversed(history) if h.label == "PERSON" and h.actor
                        and h.side != m.side), None)
        office = next((c for c in _OFFICE_ORDER if partner is not None and d.has_role(partner.actor, c, year)), "")
        if office and office != "leader":
            m.role, m.role_word = office, office
    specific = _SPECIFIC_ROLES.get(m.role_word, "")
    if specific:  # 'president': someone who held exactly that role
        ante = next((h for h in people if h.actor and d.has_role(h.actor, specific, year)), None)
    if ante is None and m.role in ("leader", "counterpart"):
        # Prefer someone the dictionary knows held a leader role; else the nearest same-side person.
        ante = next((h for h in people if h.actor and d.has_role(h.actor, "leader", year)), None)
        if ante is None and m.side:
            ante = next(iter(people), None)
        if ante is None and m.role == "counterpart" and not m.side:
            ante = None
    else:
        ante = next((h for h in people if h.actor and d.has_role(h.actor, m.role, year)), None)
    if ante is not None:
        m.actor, m.entity, m.antecedent, m.antecedent_start = ante.actor, ante.entity or ante.actor, \
            ante.entity or ante.actor, ante.start
        m.side = ante.side
        return
    # Nobody named earlier: whoever held the role that year (only when unambiguous).
    if m.side and year is not None:
        if specific:
            order = [specific]
        elif m.role in ("leader", "counterpart"):
            order = ["president", "supreme leader", "chancellor", "prime minister"]  # head of state first
        else:
            order = [m.role]
        for role in order:
            holders = d.holders(role, m.side, year)
            if len(holders) == 1:
                m.actor = m.entity = holders[0]
                return
            if holders:
                break
    if not m.side:
        m.how = "_drop"  # 'the president' with nobody to refer to: not reported


# Offices checked, in this order, to say what 'his counterpart' is.
_OFFICE_ORDER = ("foreign minister", "defence minister", "leader", "spokesman", "ambassador",
                 "chief of staff", "intelligence chief")

# Role words that name one exact dictionary role (others, like 'leader' or 'chief', are classes).
_SPECIFIC_ROLES = {"president": "president", "prime minister": "prime minister", "premier": "prime minister",
                   "chancellor": "chancellor", "supreme leader": "supreme leader",
                   "foreign minister": "foreign minister", "secretary of state": "secretary of state",
                   "foreign secretary": "foreign secretary", "defence minister": "defence minister",
                   "defense minister": "defence minister"}


def _resolve_plural(d: ActorDictionary, m: MentionDraft, history: list[MentionDraft], year: int | None = None) -> None:
    """'the two leaders', 'the pair' -> the two people the article has been about so far;
    'the two sides', 'the two countries' -> the two most recent distinct states.

    People are ranked by how often the article has named them so far (the story's protagonists),
    the more recent first on ties; 'leaders'/'presidents' keep only known leaders when two are
    known. The second person is taken from another side when there is one.
    """
    want = 3 if "three" in m.role_word else 2
    if m.plural == "state":
        picked: list[MentionDraft] = []
        seen: set[str] = set()
        for h in reversed(history):
            key = h.side if h.side and d.type(h.side) == "COUNTRY" else ""
            if not key or key in seen or d.entries[key].historical:
                continue
            seen.add(key)
            picked.append(MentionDraft(h.t0, h.t1, h.start, h.end, "COUNTRY", key, key, h.how, entity=key))
            if len(picked) == want:
                m.referents = tuple(reversed(picked))
                return
        return
    count: dict[str, int] = {}
    last: dict[str, MentionDraft] = {}
    for h in history:
        if h.label != "PERSON" or (h.how == "role" and h.plural):
            continue
        key = h.actor or h.entity
        if key:
            count[key] = count.get(key, 0) + 1
            last[key] = h
    names = sorted(count, key=lambda k: (count[k], last[k].start), reverse=True)
    if any(w in m.role_word for w in ("leader", "president")):
        leaders = [k for k in names if last[k].actor and d.has_role(last[k].actor, "leader", year)]
        if len(leaders) >= want:
            names = leaders
    if len(names) < want:
        return
    chosen = [names[0]]
    while len(chosen) < want:  # prefer people from sides not chosen yet
        sides = {last[k].side for k in chosen}
        rest = [k for k in names if k not in chosen]
        chosen.append(next((k for k in rest if last[k].side not in sides), rest[0]))
    m.referents = tuple(sorted((last[k] for k in chosen), key=lambda h: h.start))


# ---------------------------------------------------------------------------------------------
# Helpers for other analyzers
# ---------------------------------------------------------------------------------------------
def actor_side(name: str, actors: ActorDictionary | None = None) -> str:
    """The state an actor belongs to: a person's country, a state itself, NATO for NATO.

    Accepts canonical names and any alias ("Putin", "the Kremlin", "Turkish"); '' if unknown.

    >>> actor_side("Vladimir Putin"), actor_side("Erdogan"), actor_side("Moscow"), actor_side("Turkey")
    ('Russia', 'Turkey', 'Russia', 'Turkey')
    """
    d = actors or load_actors()
    if name in d.entries:
        return d.entries[name].side
    pat = d.lookup(name)
    if pat is None:
        return ""
    if pat.label == "METONYM":
        return d.side(pat.actor) or pat.actor
    return pat.actor if pat.how == "capital" else d.side(pat.actor)


def canonical_actor(name: str, actors: ActorDictionary | None = None) -> str:
    """The dictionary's canonical name for an alias ('Putin' -> 'Vladimir Putin'); '' if unknown."""
    d = actors or load_actors()
    if name in d.entries and not name.startswith("__"):
        return name
    pat = d.lookup(name)
    if pat is None:
        return ""
    return d.side(pat.actor) or pat.actor if pat.label == "METONYM" else pat.actor


def last_actor_before(article: Article, offset: int, *, label: str = "PERSON", side: str | None = None,
                      same_paragraph: bool = False) -> pd.Series | None:
    """The nearest mention of ``label`` ending before ``offset`` (a helper for pronoun resolution).

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nPutin spoke. He smiled.")
    >>> last_actor_before(a, a.text.index("He"))["actor"]
    'Vladimir Putin'
    """
    m = find_mentions(article)
    m = m[(m.end <= offset) & (m.label == label) & (m.entity != "")]
    if side is not None:
        m = m[m.side == side]
    if same_paragraph:
        sent = article.sentence_at(offset)
        if sent is not None:
            m = m[m.paragraph == sent.paragraph]
    return None if m.empty else m.iloc[-1]


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------
ACTOR_COLUMNS = ("actor", "type", "side", "mentions", "articles", "by_name", "by_role", "by_metonym",
                 "by_adjective", "first_start", "first_text", "first_doc", "discovered")


def _actor_rows(docs: Iterable[tuple[str, list[dict[str, Any]]]], include_discovered: bool = True) -> list[dict[str, Any]]:
    """Mentions per actor over ``(doc_id, mention rows)`` pairs, sorted by mentions."""
    groups: dict[str, dict[str, Any]] = {}
    for doc_id, rows in docs:
        for r in rows:
            if r["how"] == "title" or r["label"] in ("MISC", "PLACE") or not r["entity"]:
                continue
            if not include_discovered and r["actor"] == "":
                continue
            g = groups.get(r["entity"])
            if g is None:
                g = groups[r["entity"]] = {"first": r, "doc": doc_id, "labels": Counter(), "hows": Counter(), "docs": set()}
            g["labels"][r["label"]] += 1
            g["hows"][r["how"]] += 1
            g["docs"].add(doc_id)
    out = []
    for key, g in groups.items():
        first, hows = g["first"], g["hows"]
        top = max(g["labels"].values())
        out.append({"actor": key, "type": min(lab for lab, n in g["labels"].items() if n == top),
                    "side": first["side"], "mentions": sum(hows.values()), "articles": len(g["docs"]),
                    "by_name": hows["name"] + hows["alias"] + hows["discovered"], "by_role": hows["role"],
                    "by_metonym": hows["metonym"], "by_adjective": hows["adjective"],
                    "first_start": first["start"], "first_text": first["text"], "first_doc": g["doc"],
                    "discovered": first["actor"] == ""})
    return sorted(out, key=lambda r: (-r["mentions"], r["first_start"]))


@layers.register("actors", columns=ACTOR_COLUMNS, requires=("mentions",), json_section="actors",
                 json_row=lambda r: {k: r[k] for k in ("actor", "type", "side", "mentions", "discovered")})
def actor_layer(article: Article) -> list[dict[str, Any]]:
    """One row per actor of the article (see :func:`actor_table`)."""
    return _actor_rows([(article.id, article.layer("mentions"))])


def actor_table(article_or_corpus: Article | Corpus | Iterable[Article], actors=None, *,
                include_discovered: bool = True) -> pd.DataFrame:
    """Mentions per actor: one row per actor (or discovered name) with type, side and counts.

    Columns: ``actor`` (canonical name, or the discovered name), ``type``, ``side``,
    ``mentions``, ``articles``, ``by_name`` / ``by_role`` / ``by_metonym`` / ``by_adjective``
    (how the mentions were made), ``first_start`` and ``first_text`` (the first mention in the
    first article), ``discovered`` (True when the actor is not in the dictionary). Sorted by
    mentions. Title adjectives ("Russian" in "Russian President Vladimir Putin") are not counted:
    they are evidence of the person's side, not a mention of the state. Places named as
    locations and MISC names are left out.

    >>> from newslab import Article
    >>> t = actor_table(Article.from_text("T\\n\\nPutin met Erdogan. Putin smiled."))
    >>> t[["actor", "side", "mentions"]].values.tolist()
    [['Vladimir Putin', 'Russia', 2], ['Recep Tayyip Erdogan', 'Turkey', 1]]
    """
    docs = ((a.id, a.layer("mentions", actors=actors)) for a in as_articles(article_or_corpus))
    return layers.rows_frame(_actor_rows(docs, include_discovered), ACTOR_COLUMNS,
                             {c: "int" for c in ACTOR_COLUMNS[3:10]} | {"discovered": "bool"})


def side_table(article_or_corpus, actors=None) -> pd.DataFrame:
    """Mentions per side (state), split by the actor type that carried them."""
    t = actor_table(article_or_corpus, actors, include_discovered=False)
    t = t[t.side != ""]
    if t.empty:
        return pd.DataFrame(columns=["side", "type", "mentions"])
    return (t.groupby(["side", "type"], as_index=False)["mentions"].sum()
            .sort_values(["mentions", "side"], ascending=[False, True], ignore_index=True))


def cooccurrence(article_or_corpus: Article | Corpus | Iterable[Article], level: str = "sentence",
                 actors=None, *, by: str = "actor") -> pd.DataFrame:
    """Actor pairs that appear in the same sentence (or paragraph): the network chart's edges.

    ``by="actor"`` pairs canonical actors (discovered names included); ``by="side"`` pairs the
    states they belong to. Columns: ``source``, ``target`` (sorted so each pair appears once),
    ``weight`` (number of sentences/paragraphs with both), ``units`` (their ids, as
    ``doc_id:index``).

    >>> from newslab import Article
    >>> c = cooccurrence(Article.from_text("T\\n\\nPutin met Erdogan. Putin left."))
    >>> c[["source", "target", "weight"]].values.tolist()
    [['Recep Tayyip Erdogan', 'Vladimir Putin', 1]]
    """
    if level not in ("sentence", "paragraph"):
        raise ParameterError(f"level={level!r}: use 'sentence' or 'paragraph'.")
    if by not in ("actor", "side"):
        raise ParameterError(f"by={by!r}: use 'actor' or 'side'.")
    m = find_mentions(list(as_articles(article_or_corpus)), actors)  # with doc_id, also for one article
    m = m[(m.how != "title") & ~m.label.isin(["MISC", "PLACE"]) & (m.entity != "")]
    col = "entity" if by == "actor" else "side"
    m = m[m[col] != ""]
    pairs: dict[tuple[str, str], list[str]] = {}
    for (doc, unit), grp in m.groupby(["doc_id", level], sort=False):
        names = sorted(set(grp[col]))
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                pairs.setdefault((names[i], names[j]), []).append(f"{doc}:{unit}")
    rows = [{"source": a, "target": b, "weight": len(u), "units": u} for (a, b), u in pairs.items()]
    out = pd.DataFrame(rows, columns=["source", "target", "weight", "units"])
    return out.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)
