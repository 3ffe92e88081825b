"""Discovery of proper names that are not in the actor dictionary, and the shared text primitives.

:func:`newslab.entities.find_mentions` first matches the actor dictionary; the capitalised words
left over are *discovered* here (rule-based, after Mikheev, Moens & Grover 1999, "Named entity
recognition without gazetteers", and the orthographic evidence of Collins & Singer 1999):

* **Candidates** are runs of name-like words. A capitalised word counts, except at the start of a
  sentence or in an all-caps headline, where it must not be an ordinary English word (TextBlob's
  bundled Brill/Pattern lexicon) unless a gazetteer knows it. Lower-case particles join names
  ("Dialogue of Civilizations", "Joost van der Westhuizen"). Optionally NLTK's perceptron tagger
  (NNP runs) or binary ``ne_chunk`` find the candidates instead.
* **Types** come from evidence in ``resources/gazetteer.yml``: titles ("President", "Dr"), person
  cues ("coach", "analyst"), appositions (", director of ...") and first names → PERSON;
  organisation words at the end ("Institute", "Ministry", "Airlines", lower-case "institute")
  → ORG; cities, regions, place words and prefixes ("River", "Tell") → PLACE; events, products and
  proper adjectives → MISC; and consistency within the article (a later "Malashenko" is the
  earlier "Alexei Malashenko").
* **Merged names**: a run holding a dictionary word plus other capitalised words is one name
  ("Turkish Airlines", "Ankara University", "U.S. Open") carrying the state inside as its side.

>>> from newslab import Article
>>> from newslab.entities import find_mentions
>>> m = find_mentions(Article.from_text("T\\n\\nAlexei Malashenko, director of research at the "
...                                     "Dialogue of Civilizations institute, said so."))
>>> list(zip(m.text, m.label))
[('Alexei Malashenko', 'PERSON'), ('Dialogue of Civilizations institute', 'ORG')]
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable, Container, Iterable

from .errors import MissingResourceError
from .lazy import package_dir
from .resources import load_yaml, resource_stamp
from .timecues import calendar_words
from .tokenize import iter_tokens, stopwords

if TYPE_CHECKING:  # only for type hints
    from .article import Token

# The surface newslab.entities builds on: word normalising, the gazetteer and lexicon, the
# mention being built, candidate finders, and the discovery step itself.
__all__ = ["fold", "phrase_tokens", "common_words", "verb_words", "Gazetteer", "load_gazetteer",
           "MentionDraft", "fold_all", "name_runs", "nltk_candidate_finder", "nltk_has", "title_length",
           "discover_names", "default_label"]

# ---------------------------------------------------------------------------------------------
# Normalising words for matching
# ---------------------------------------------------------------------------------------------
_FOLD_TABLE = str.maketrans({"ı": "i", "İ": "I", "’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-",
                             "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "ß": "ss"})


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case, accent-free form used for matching ("Erdoğan" -> "erdogan", "İmamoğlu" -> "imamoglu")."""
    w = word.translate(_FOLD_TABLE)
    if not w.isascii():
        w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode("ascii") or w
    return w.lower()


class _FoldMemo(dict):
    """word -> :func:`fold` of it, filled on first sight: ``map(memo.__getitem__, words)`` folds
    a whole article at C speed (the lru_cache wrapper costs a Python-level call per token)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _FOLD_MEMO_SIZE:
            self.clear()  # bounded like fold's own cache: a long run meets ever new words
        folded = self[word] = fold(word)
        return folded


_FOLD_MEMO_SIZE = 200_000
_FOLDED = _FoldMemo()


def fold_all(words: Iterable[str]) -> list[str]:
    """:func:`fold` of every word, in order (one article's tokens at once).

    >>> fold_all(["Erdoğan", "met", "İmamoğlu"])
    ['erdogan', 'met', 'imamoglu']
    """
    return list(map(_FOLDED.__getitem__, words))


def phrase_tokens(phrase: str) -> list[str]:
    """The tokens of a dictionary phrase, split as articles are ("Syria's" -> "Syria", "'s")."""
    return [t for _, _, t in iter_tokens(phrase)]


# ---------------------------------------------------------------------------------------------
# Gazetteer and common-word lexicon (discovery evidence)
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case ordinary English words (see :func:`_lexicon`)."""
    return _lexicon()[0]


@lru_cache(maxsize=1)
def verb_words() -> frozenset[str]:
    """Lower-case words whose most frequent tag in the Brill/Pattern lexicon is a verb or modal."""
    return _lexicon()[1]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case words that are ordinary English words (TextBlob's bundled Brill/Pattern lexicon).

    A capitalised word at the start of a sentence, or in an all-caps headline, is taken as a
    name only when its lower-case form is *not* in this list (or the gazetteer knows it).
    """
    words: set[str] = set(stopwords())
    verbs: set[str] = set()
    try:
        path = package_dir("textblob") / "en" / "en-lexicon.txt"  # not imported: it imports NLTK
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()  # one read: ~25% faster than iterating the file
    except (ImportError, OSError):  # pragma: no cover - textblob is a dependency
        lines = []
    for line in lines:
        word, _, tag = line.partition(" ")  # nearly every line is 'word TAG' (cheaper than split)
        if not word or " " in tag or "\t" in line:  # any other spacing: split on whitespace
            word, tag = (line.split() + ["", ""])[:2]
        if word[:1].islower() and tag not in ("", "NNP", "NNPS"):
            words.add(word)
            if tag[:2] in ("VB", "MD"):
                verbs.add(word)
    return frozenset(words), frozenset(verbs)


@dataclass
class Gazetteer:
    """The discovery evidence of ``resources/gazetteer.yml``, compiled for lookups (folded words)."""

    places: dict[tuple[str, ...], str]
    place_suffixes: frozenset[str]
    org_suffixes: frozenset[str]
    org_heads_lower: frozenset[str]
    event_suffixes: frozenset[str]
    org_heads: frozenset[str]
    titles: dict[tuple[str, ...], int]
    max_title: int
    person_cues: frozenset[str]
    person_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    first_names: frozenset[str]
    misc: dict[tuple[str, ...], str]
    not_names: frozenset[str]
    compass: frozenset[str]
    place_prefixes: frozenset[str]
    event_prefixes: frozenset[str]
    place_heads: frozenset[tuple[str, ...]] = frozenset()  # lower-case heads after a place name
    product_heads: frozenset[tuple[str, ...]] = frozenset()  # ... after a product name
    title_first: frozenset[str] = frozenset()  # first words of the titles (a fast negative test)
    # Month and weekday names (time_cues.yml): capitalised, but never part of a name ("Monday").
    calendar: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.title_first = frozenset(k[0] for k in self.titles if k)


_CONNECTORS = frozenset({"of", "de", "la", "du", "des", "le", "von", "van", "der", "den", "del", "della",
                         "di", "da", "al", "bin", "ibn", "el", "y", "&", "and", "for", "the", "on"})
_FIRST_CHAR = itemgetter(slice(0, 1))  # word[:1], called from C by map()
_PARTICLE_NAME_RE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|ben|abu|bint)-[A-Z]")
_NAME_PARTICLES = frozenset({"de", "la", "du", "von", "van", "der", "den", "del", "della", "di", "da",
                             "al", "bin", "ibn", "el", "y"})


def load_gazetteer(path: str = "gazetteer.yml") -> Gazetteer:
    """The discovery gazetteer (``resources/gazetteer.yml``), compiled for lookups (cached per mtime)."""
    return _load_gazetteer(*resource_stamp(path), calendar_words().all_words)


@lru_cache(maxsize=4)
def _load_gazetteer(path: str, mtime: float, calendar: frozenset[str] = frozenset()) -> Gazetteer:
    g = load_yaml(path) or {}

    def keys(name: str) -> list[tuple[str, ...]]:
        return [tuple(fold(t) for t in phrase_tokens(str(w))) for w in g.get(name) or []]

    def words(name: str) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in g.get(name) or [])

    places = {k: "PLACE" for k in keys("cities") + keys("regions")}
    titles = {k: len(k) for k in keys("person_titles")}
    return Gazetteer(
        places=places, place_suffixes=words("place_suffixes"),
        org_suffixes=words("org_suffixes"),
        org_heads_lower=frozenset(fold(str(w)) for w in g.get("org_suffixes") or [] if str(w).islower()),
        event_suffixes=words("event_suffixes"),
        org_heads=words("org_heads"), titles=titles, max_title=max(titles.values(), default=1),
        person_cues=words("person_cues"), person_nouns=words("person_nouns"),
        speech_verbs=words("speech_verbs"), first_names=words("first_names"),
        misc={k: "MISC" for k in keys("misc_words")}, not_names=words("not_names"),
        compass=words("compass_words"), place_prefixes=words("place_prefixes"),
        event_prefixes=words("event_prefixes"), place_heads=frozenset(keys("place_heads")),
        product_heads=frozenset(keys("product_heads")), calendar=frozenset(fold(w) for w in calendar))


@dataclass(slots=True)
class MentionDraft:
    """A mention while it is being built (token range within the sentence), by discovery and by
    :mod:`newslab.entities`; ``how`` values starting with ``_`` are never reported.

    Slots: find_mentions makes one per candidate name, so creation and attribute access count."""

    t0: int
    t1: int
    start: int
    end: int
    label: str
    actor: str
    side: str
    how: str
    entity: str = ""
    antecedent: str = ""
    antecedent_start: int = -1
    role: str = ""        # role class for role mentions
    role_word: str = ""   # the role words themselves ('president', 'foreign minister')
    plural: str = ""      # 'person' / 'state' for plural role phrases
    referents: tuple = field(default=(), repr=False, compare=False)  # the mentions a plural role stands for


# ---------------------------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------------------------
def name_runs(g: Gazetteer, common: frozenset[str], words: list[str], keys: list[str], allcaps: bool,
              known_words: Container[str], tags: list[str] | None = None) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens (token index ranges).

    With ``tags`` (from a POS tagger) a token is name-like when tagged NNP/NNPS; otherwise by
    capitalisation, checking sentence-initial and headline words against the common-word lexicon
    (``known_words``, the first words of the actor dictionary, are names there too).
    """
    n = len(words)
    if tags is not None:
        namey = [t.startswith("NNP") and w[:1].isalnum() for w, t in zip(words, tags)]
        return _runs_from(namey, keys)
    namey = [False] * n
    first = 0
    while first < n and not words[first][:1].isalnum():
        first += 1
    for k in list(compress(range(n), map(str.isupper, map(_FIRST_CHAR, words)))):  # capitalised words only
        w = words[k]
        if "-" in w and w.rsplit("-", 1)[1][:1].islower() and not w.split("-")[0].lower() in _NAME_PARTICLES:
            continue  # 'Turkish-speaking', 'Russian-backed': adjectives, not names
        key = keys[k]
        if key in g.calendar:
            continue
        sentence_start = k == first or (k > 0 and words[k - 1] in ('"', "“", "'", "‘", ":", "(", "-", "--"))
        if allcaps or sentence_start:
            # An ordinary word written in capitals (headline, first word) is not a name unless known.
            if key in common and key not in g.first_names and (key,) not in g.places and key not in known_words \
                    and (key,) not in g.misc:
                continue
            if allcaps and len(w) <= 2 and not w.isalpha():
                continue
        namey[k] = True
    for k in compress(range(n), map(_PARTICLE_NAME_RE.match, words)):
        namey[k] = True  # 'Abdel Fattah al-Burhan', 'Fayez al-Sarraj': a particle joined to a capital
    return _runs_from(namey, keys)


def _runs_from(namey: list[bool], keys: list[str]) -> list[tuple[int, int]]:
    n = len(keys)
    runs: list[tuple[int, int]] = []
    k = 0
    for start in list(compress(count(), namey)):  # a run starts only at a name-like token
        if start < k:
            continue  # inside the previous run
        k = start
        j = k + 1
        while j < n:
            if namey[j]:
                j += 1
            elif keys[j] in _CONNECTORS and keys[j] != "and":
                c = j
                while c < n and keys[c] in _CONNECTORS and keys[c] != "and":
                    c += 1  # 'Joost van der Westhuizen', 'Dialogue of the Civilizations'
                if c < n and namey[c] and c - j <= 2:
                    j = c
                else:
                    break
            else:
                break
        runs.append((k, j))
        k = j
    return runs


def nltk_candidate_finder(backend: str) -> Callable[[list[str], list[str]], list[tuple[int, int]]]:
    """Candidate finder from NLTK (perceptron-tagger NNP runs, or binary ne_chunk): a function
    ``(words, keys) -> [(start, end)]`` of one sentence's name-like runs, like :func:`name_runs`."""
    try:
        import nltk
    except ImportError:  # pragma: no cover - nltk is a dependency
        raise MissingResourceError("nltk is not installed — run `pip install nltk`.") from None
    needed = ["taggers/averaged_perceptron_tagger_eng"]
    if backend == "ne_chunk":
        needed += ["chunkers/maxent_ne_chunker_tab", "corpora/words"]
    for res in needed:
        if not nltk_has(res):
            raise MissingResourceError(
                f"NLTK data '{res.split('/')[-1]}' is not installed (needed for backend={backend!r}) — "
                "run `newslab data install`, or use backend='rules'.") from None
    from nltk.tag import PerceptronTagger

    tagger = _perceptron()
    if backend == "nltk":
        def runs(words: list[str], keys: list[str]) -> list[tuple[int, int]]:
            tags = [t for _, t in tagger.tag(words)]
            return _runs_from([t.startswith("NNP") and w[:1].isalnum() for w, t in zip(words, tags)], keys)
        return runs
    chunker = _chunker()

    def chunk_runs(words: list[str], keys: list[str]) -> list[tuple[int, int]]:
        tree = chunker.parse(tagger.tag(words))
        namey, k = [False] * len(words), 0
        for node in tree:
            if hasattr(node, "label"):
                for q in range(k, k + len(node)):
                    namey[q] = words[q][:1].isalnum()
                k += len(node)
            else:
                k += 1
        return _runs_from(namey, keys)
    del PerceptronTagger
    return chunk_runs


def nltk_has(resource: str) -> bool:
    """Is an NLTK data package installed (as a folder, or as a zip NLTK reads directly)?"""
    import nltk

    for candidate in (resource + "/", resource + ".zip"):
        try:
            nltk.data.find(candidate)
            return True
        except (LookupError, OSError, ValueError):
            continue
    return False


@lru_cache(maxsize=1)
def _perceptron():
    from nltk.tag import PerceptronTagger

    return PerceptronTagger()


@lru_cache(maxsize=1)
def _chunker():
    import nltk

    return nltk.chunk.ne_chunker(fmt="binary")  # build once; nltk.ne_chunk re-reads it per call


def title_length(g: Gazetteer, keys: list[str], k: int, j: int) -> int:
    """Length of a person title starting at token k (0 if none), e.g. 'Deputy Prime Minister'."""
    if k >= j or keys[k] not in g.title_first:
        return 0  # no title starts with this word (the common case)
    for L in range(min(g.max_title, j - k), 0, -1):
        if tuple(keys[k:k + L]) in g.titles:
            return L
    return 0


def discover_names(g: Gazetteer, common: frozenset[str], stoks: list[Token], words: list[str],
              keys: list[str], ms: list[MentionDraft], runs: list[tuple[int, int]], allcaps: bool) -> list[MentionDraft]:
    """Add discovered names for the name-like runs of one sentence that the dictionary did not cover."""
    if not runs:
        return ms
    n = len(words)
    live = [m for m in ms if m.how != "_drop"]
    owner: list[MentionDraft | None] = [None] * n
    for m in live:
        for k in range(m.t0, m.t1):
            owner[k] = m
    out = list(ms)
    for r0, r1 in runs:
        contained = [m for m in live if m.t0 >= r0 and m.t1 <= r1 and m.how != "role"]
        partial = [m for m in live if (m.t0 < r0 < m.t1) or (m.t0 < r1 < m.t1)]
        if partial:
            continue
        merged = _merge_run(g, common, stoks, words, keys, r0, r1, contained, allcaps)
        if merged is not None:
            for m in contained:
                m.how = "_drop"
            out.append(merged)
            continue
        # Otherwise the uncovered stretches of the run are the candidates.
        k = r0
        while k < r1:
            if owner[k] is not None:
                k += 1
                continue
            j = k
            while j < r1 and owner[j] is None:
                j += 1
            for a, b in _split_person_of(g, keys, k, j, words, common):
                m = _type_segment(g, common, stoks, words, keys, a, b, allcaps, owner)
                if m is not None:
                    out.append(m)
            k = j
    return out


def _proper_word(g: Gazetteer, common: frozenset[str], word: str, key: str) -> bool:
    """A capitalised word that is neither an ordinary English word nor an organisation word:
    a surname or another proper name ('Wong', 'Stamenković'; not 'House', 'Commission')."""
    return word[:1].isupper() and key not in common and key not in g.org_heads and key not in g.org_suffixes


def _runs_on(g: Gazetteer, common: frozenset[str], words: list[str], keys: list[str], c: int) -> bool:
    """Does the lower-case 'of'/'on' at token c join two names that are not one name?

    'Erick Rowan on Instagram', 'Vlada Stamenković of the NASA Jet Propulsion Laboratory': the
    word before it is a proper word, so two names meet there. 'Dialogue of Civilizations',
    'House of Representatives', 'Commission on Human Rights' are one name: an ordinary or an
    organisation word comes before the connector."""
    return keys[c] in ("of", "on") and words[c] == keys[c] and c > 0 \
        and _proper_word(g, common, words[c - 1], keys[c - 1])


def _split_person_of(g: Gazetteer, keys: list[str], k: int, j: int, words: list[str] | None = None,
                     common: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """'Jane Okonkwo of the Caspian Policy Institute' is a person and an organisation.

    A stretch joined by 'of'/'for'/'from'/'at' is split there when the part before looks like a
    person (a title, a person cue before it, or a known first name) and is not an
    organisation head ('Bank of England', 'University of Michigan' stay whole). With ``words``
    and ``common`` it is also split at a lower-case 'of'/'on' after a proper word
    (:func:`_runs_on`: 'Joshua Wong on Twitter', 'Chip Taylor of the University of Kansas').
    """
    for c in range(k + 1, j - 1):
        if keys[c] in ("of", "for", "from", "at", "on"):
            left = keys[k]
            if keys[c] == "on" and (words is None or words[c] != "on"):
                break  # 'on' splits only in lower case, and only when the words are known
            person_like = (title_length(g, keys, k, c) > 0 or left in g.first_names
                           or (k > 0 and keys[k - 1] in g.person_cues))
            if not person_like and words is not None and common is not None:
                person_like = _runs_on(g, common, words, keys, c)
            if person_like and left not in g.org_heads:
                e = c + 1
                while e < j and keys[e] in _CONNECTORS:
                    e += 1
                return [(k, c), (e, j)] if e < j else [(k, c)]
            break
    return [(k, j)]


def _merge_run(g: Gazetteer, common: frozenset[str], stoks: list[Token], words: list[str],
               keys: list[str], r0: int, r1: int, contained: list[MentionDraft], allcaps: bool) -> MentionDraft | None:
    """One name made of dictionary words plus other capitalised words, or None.

    'Turkish Airlines', 'Central Bank of Russia', 'Ankara University' (organisation words at the
    end), 'U.S. Open' (an event), 'East Jerusalem' (a compass word before a place), 'Dynamo
    Moscow' (a club): the whole run is one discovered name, with the side of the state inside.
    Runs holding a person or a title ('Russian President Vladimir Putin') are never merged.
    """
    if not contained or (len(contained) == 1 and contained[0].t0 == r0 and contained[0].t1 == r1):
        return None
    if any(m.label == "PERSON" or m.how in ("title", "_titlerole") for m in contained):
        return None
    # Leading titles and sentence-initial ordinary words are not part of the name.
    s0 = r0
    while s0 < r1 and not any(m.t0 == s0 for m in contained):
        L = title_length(g, keys, s0, r1)
        if not L:
            break
        s0 += L
    # Nor are lower-case function words after a title ('President of the European Council').
    while s0 < r1 and keys[s0] in _CONNECTORS and words[s0].islower():
        s0 += 1
    inside = {k for m in contained for k in range(m.t0, m.t1)}
    free = [k for k in range(s0, r1) if k not in inside]
    if not free:
        return None
    if any(_runs_on(g, common, words, keys, c) for c in range(s0 + 1, r1 - 1)):
        return None  # 'Presidents Muhammadu Buhari of Nigeria': a person of a state, not one name
    last_named = max(m.t1 for m in contained)
    tail = [k for k in free if k >= last_named]
    if len(tail) >= 2 and tail[0] == last_named and tail[-1] == r1 - 1 \
            and all(_proper_word(g, common, words[k], keys[k]) for k in tail):
        return None  # 'Hong Kong Carrie Lam': a place and then a person's name, not one name
    if any(title_length(g, keys, k, r1) for k in free) or any(keys[k] in g.first_names for k in free):
        return None
    if any(any(c.isdigit() for c in words[k]) for k in free):
        return None  # 'Turkish F-16', 'Russian Su-24': a state's adjective and a model name  # 'NATO Secretary General Jens Stoltenberg': a title inside, not one name
    org, j_end = _org_evidence(g, keys, words, s0, r1)
    last = keys[r1 - 1]
    sides = [m.side for m in contained if m.side]
    side = sides[0] if sides else ""
    first_name = len(contained) == 1 and contained[0].t0 == s0 and contained[0].t1 == s0 + 1 \
        and keys[s0] in g.first_names and all(k in free for k in range(s0 + 1, r1))
    if org:
        label = "ORG"
    elif first_name and last not in g.event_suffixes and last not in g.place_suffixes:
        label, side = "PERSON", ""  # 'Chad Curtis', 'Jordan Henderson': a first name, not a state
    elif last in g.event_suffixes and r1 - 1 in free:
        label = "MISC"
    elif last in g.place_suffixes and r1 - 1 in free:
        label = "PLACE"
    elif all(keys[k] in g.compass for k in free) and free[-1] < min(m.t0 for m in contained):
        label = "PLACE"  # 'East Jerusalem', 'Northern Cyprus'
    elif all(k in free and keys[k] in _CONNECTORS for k in range(s0, r1) if k in free):
        return None  # only connectors between dictionary names: 'Bosnia and Herzegovina' is in it
    elif allcaps and any(keys[k] in common for k in free):
        return None  # a headline in capitals: 'RUSSIA SAYS ...'
    else:
        label = "ORG"  # 'Dynamo Moscow', 'France Telecom', 'Air France'
    name = " ".join(words[s0:j_end])
    return MentionDraft(s0, j_end, stoks[s0].start, stoks[j_end - 1].end, label, "", side, "discovered", entity=name)


def _org_evidence(g: Gazetteer, keys, words, r0: int, r1: int) -> tuple[bool, int]:
    """Does the run r0:r1 name an organisation? Returns (yes, end incl. a lower-case head)."""
    last = keys[r1 - 1]
    if r1 < len(keys) and keys[r1] in g.org_heads_lower and words[r1].islower():
        if keys[r1] not in ("group", "party", "council", "movement", "union") or r1 - r0 >= 2:
            return True, r1 + 1  # 'Dialogue of Civilizations institute'
    if last in g.org_suffixes and words[r1 - 1][:1].isupper() and r1 - r0 >= 2:
        return True, r1
    if r1 - r0 >= 3 and keys[r0] in g.org_heads and keys[r0 + 1] in ("of", "for"):
        return True, r1
    return False, r1


# Words that end a job title written before a name ('Emergencies Minister X', 'Kremlin Spokesman X').
_TITLE_HEADS = frozenset({"minister", "president", "secretary", "ambassador", "spokesman", "spokeswoman",
                          "spokesperson", "governor", "mayor", "chairman", "chairwoman", "envoy", "senator",
                          "commander", "premier", "chancellor", "prosecutor", "adviser", "advisor", "ceo"})

_LOC_BEFORE = frozenset({"in", "near", "at", "outside", "around", "into", "across", "towards", "toward"})
_LOC_NOUNS = frozenset({"town", "city", "village", "province", "region", "port", "capital", "district",
                        "state", "island", "county", "suburb", "area"})


def _results_line(words: list[str]) -> bool:
    """A line of a results table: at least 30 % of its tokens start with a digit."""
    return sum(1 for w in words if w[:1].isdigit()) >= 0.3 * len(words)


def _type_segment(g: Gazetteer, common: frozenset[str], stoks: list[Token], words: list[str],
                  keys: list[str], k: int, j: int, allcaps: bool, owner: list[MentionDraft | None],
                  numeric: bool | None = None) -> MentionDraft | None:
    """Type one stretch of name-like tokens by evidence; None when it is not a name.

    Steps: strip the titles and connectors around the name (a title is evidence of a person),
    drop what is no name at all, label it by the evidence around it, and give a person or an
    organisation the side of a state named just before ("Russian Deputy Foreign Minister X")."""
    k0 = k
    k, j, title = _strip_titles(g, keys, words, k, j)
    if k >= j or _not_a_name(g, common, words, keys, k, j, allcaps):
        return None
    prev_owner = owner[k - 1] if k > 0 else None
    if prev_owner is not None and prev_owner.how in ("title", "_titlerole"):
        title = True
    label, j = _segment_label(g, common, words, keys, k, j, allcaps, title, numeric)
    m = MentionDraft(k, j, stoks[k].start, stoks[j - 1].end, label, "", "", "discovered",
                     entity=" ".join(words[k:j]))
    _side_from_before(m, keys, k0, owner, title, prev_owner)
    return m


def _strip_titles(g: Gazetteer, keys: list[str], words: list[str], k: int, j: int) -> tuple[int, int, bool]:
    """The name inside tokens k:j without leading titles, connectors and break words at its ends;
    with whether a title stood before it."""
    title = False
    # Leading titles ('President', 'Foreign Minister', 'Dr') are evidence, not part of the name.
    while k < j:
        L = title_length(g, keys, k, j)
        if not L:
            break
        title = True
        k += L
    # A title head inside the stretch ('Emergencies Minister Yevgeny Zinichev'): the name follows it.
    for c in range(j - 2, k - 1, -1):
        if keys[c] in _TITLE_HEADS and words[c][:1].isupper():
            k, title = c + 1, True
            break
    while k < j and ((keys[k] in _CONNECTORS and not (keys[k] in _NAME_PARTICLES and words[k][:1].isupper()
                                                      and k + 1 < j))
                     or keys[k].rstrip(".") in g.calendar):
        k += 1  # 'the', 'of' go; a capitalised particle opens a name ('De Wilde', 'Van der Westhuizen')
    while j > k and (keys[j - 1] in _CONNECTORS or keys[j - 1].rstrip(".") in g.calendar):
        j -= 1
    return k, j, title


def _not_a_name(g: Gazetteer, common: frozenset[str], words: list[str], keys: list[str], k: int, j: int,
                allcaps: bool) -> bool:
    """Capitalised, but no name: 'Police', 'Monday', a bare title, a single letter or symbol."""
    seg = tuple(keys[k:j])
    if (g.not_names.issuperset(seg) if not allcaps else all(w in g.not_names or w in common for w in seg)) and not (
            len(seg) >= 2 and seg[-1] in g.org_suffixes and not allcaps):
        return True  # 'Police', 'Monday'; but 'Defence Ministry' is an organisation
    if seg[-1] in _TITLE_HEADS or seg in g.titles:
        return True  # a bare title ('the Foreign Minister', 'Special Presidential Envoy') is not a name
    return len(seg) == 1 and not (len(words[k]) >= 2 and words[k][:2].isalnum()) \
        and sum(map(str.isalnum, words[k])) < 2  # single letters and symbols


def _segment_label(g: Gazetteer, common: frozenset[str], words: list[str], keys: list[str], k: int, j: int,
                   allcaps: bool, title: bool, numeric: bool | None) -> tuple[str, int]:
    """The label of the name at tokens k:j by the first evidence that applies, and its end (an
    organisation may take a lower-case head: 'Dialogue of Civilizations institute'). Labels
    starting with '?' are decided at article level."""
    n = len(words)
    seg = tuple(keys[k:j])
    prev = keys[k - 1] if k > 0 else ""
    nxt = keys[j] if j < n else ""
    nxt2 = keys[j + 1] if j + 1 < n else ""
    all_common = common.issuperset(seg) and g.first_names.isdisjoint(seg)
    org, j2 = _org_evidence(g, keys, words, k, j)
    singular = seg[0].rstrip("s") if len(seg) == 1 else ""
    if seg in g.misc or (singular and (singular,) in g.misc):
        return "MISC", j
    if len(seg) >= 2 and seg[0] in g.place_prefixes:
        return "PLACE", j  # 'Tell Tamer', 'Ain Issa', 'Ras al-Ain', 'Cape Town'
    if len(seg) >= 2 and seg[0] in g.event_prefixes:
        return "MISC", j  # 'Operation Peace Spring'
    if seg in g.places:
        return "PLACE", j
    if org:
        return "ORG", j2
    if len(seg) >= 2 and seg[-1] in g.event_suffixes:
        return "MISC", j
    if seg[-1] in g.place_suffixes and len(seg) >= 2 and words[j - 1][:1].isupper():
        return "PLACE", j
    if not allcaps and _head_after(g.place_heads, keys, words, j):
        return "PLACE", j  # 'the Murted air base', 'Silivri prison'
    if not allcaps and _head_after(g.product_heads, keys, words, j):
        return "MISC", j  # 'Bayraktar drones', 'the Sputnik vaccine'
    if any(map(str.isdigit, " ".join(words[k:j]))):
        return "MISC", j  # 'S-400', 'F-16', 'Euro 96': products, models, events
    if title or prev in g.person_cues or (prev == "," and k >= 2 and keys[k - 2] in g.person_cues):
        return "PERSON", j
    if seg[0] in g.first_names and (len(seg) >= 2 or not allcaps):
        return "PERSON", j
    if nxt == "," and nxt2 in g.person_nouns and len(seg) >= 2 and not all_common:
        return "PERSON", j
    if len(seg) == 1 and (prev in _LOC_BEFORE or (prev == "of" and k >= 2 and keys[k - 2] in _LOC_NOUNS)):
        return "PLACE", j  # 'in Arbil', 'the town of Tavildara'
    if len(seg) == 1 and words[k].isupper() and 2 <= len(words[k]) <= 5 and not allcaps:
        return "ORG", j
    if nxt[:1].isdigit() and (_results_line(words) if numeric is None else numeric):
        return "ORG", j  # a team in a results line: 'Somerset 83 and 174'
    if all_common:
        # Capitalised ordinary words: an organisation when several ('Foreign Ministry'),
        # nothing on their own unless the article names it elsewhere ('Brown' after 'Gordon Brown').
        return ("ORG" if len(seg) >= 2 else "?common"), j
    if len(seg) >= 2:
        return "PERSON", j  # two or more unknown, uncommon capitalised words: most often a person
    if nxt in ("dynasty", "family", "clan", "household"):
        return "PERSON", j  # 'the Romanov dynasty': a family name
    if nxt in g.speech_verbs and not words[k].isupper():
        return "?speaker", j  # 'Malashenko said': a person unless the article says otherwise
    return "?", j  # decided at article level (consistency), default there


def _side_from_before(m: MentionDraft, keys: list[str], k0: int, owner: list[MentionDraft | None], title: bool,
                      prev_owner: MentionDraft | None) -> None:
    """A discovered organisation or person takes the side of the state named right before it:
    "Russia's Defence Ministry", "Russian Deputy Foreign Minister X" (the adjective becomes a title)."""
    if m.label == "ORG" and k0 >= 2 and keys[k0 - 1] == "'s" and owner[k0 - 2] is not None \
            and owner[k0 - 2].label == "COUNTRY":
        m.side = owner[k0 - 2].side  # "Russia's Defence Ministry"
    if m.label != "PERSON":
        return
    before_title = owner[k0 - 1] if k0 > 0 else None
    if prev_owner is not None and prev_owner.side and prev_owner.how in ("title", "_titlerole"):
        m.side = prev_owner.side
    elif title and before_title is not None and before_title.side \
            and before_title.how in ("adjective", "title") and before_title.t1 == k0:
        m.side = before_title.side
        before_title.how = "title"


def _head_after(heads: frozenset[tuple[str, ...]], keys: list[str], words: list[str], j: int) -> bool:
    """True when one of ``heads`` (gazetteer ``place_heads``, ``product_heads``), in lower case,
    follows the name that ends at token j."""
    for size in (2, 1):
        head = tuple(keys[j:j + size])
        if len(head) == size and head in heads and all(w.islower() for w in words[j:j + size]):
            return True
    return False


def default_label(name: str) -> str:
    """Type for a capitalised name with no evidence at all.

    Several unknown words are most often a person's name. A single unknown word that the
    article never gives a first name or title for is more often an organisation (company,
    club, agency) than a person (measured on CoNLL-2003 eng.testa), unless its ending says place.
    """
    words = name.split()
    if len(words) == 1:
        w = words[0]
        if re.search(r"(?:ia|land|stan|shire|burg|grad|ville|polis|sk|abad|pur|kent|ovo|evo|orsk)$", w.lower()):
            return "PLACE"
        return "ORG"
    return "PERSON"
