"""One phrase and glob matcher for the whole package: dictionary entries against article tokens.

In the spirit of spaCy's ``PhraseMatcher`` (patterns compiled once, matched over a document's
tokens) and quanteda's glob dictionaries (``conflict: [war*, clash*, two sides]``), a
:class:`Matcher` holds patterns written as words a researcher can read:

* ``sanctions`` — a word; ``peace talks`` — a phrase (consecutive tokens). A word is split the
  way newslab tokenizes articles (:mod:`newslab.tokenize`), so ``Syria's`` is ``syria`` + ``'s``;
* ``sanction*`` — a glob over one token (``*`` any letters, ``?`` one letter);
* ``critici[sz]*`` — a character class; ``(ties|relations)`` or ``str(ike|uck)`` — alternatives;
* ``impose* ... sanctions`` — ``...`` is a gap of up to three tokens of any kind
  ("imposed tough new sanctions").

Patterns are compiled once into a trie whose root is indexed by first word: a literal word is a
dict key, a prefix glob (``sanction*``) is found by prefix lookups, other globs are tried once per
distinct token type and remembered. Matching walks the article's tokens (``article.tokens``,
normalised by the matcher's ``normalise`` function: lower case and straight apostrophes by
default, :func:`newslab.discovery.fold` for actor names), so every hit is a token range that maps
to character offsets. :meth:`Matcher.find` yields every match (all lengths, for frame
dictionaries that keep the longest per frame); :meth:`Matcher.longest` takes the longest match at
each start, left to right, without overlaps (for actor aliases).

**Case rules** (optional, per pattern): ``case="auto"`` makes a pattern word written with a
capital need a capital in the text ("Turkey", not "turkey") and a short acronym of up to three
capitals need the exact case ("US", not "us"); ``case="exact"`` needs every word in its exact
case. Exact case binds words of up to three characters; a longer word is also taken in another
case ("Nato" for "NATO"), where a clash with an ordinary word is unlikely.
The default ``case="any"`` ignores case.

>>> m = Matcher()
>>> m.add("impose* ... sanctions", "sanctions")
>>> m.add("peace talk*", "talks")
>>> toks = m.keys_of("They imposed tough new sanctions before the peace talks".split())
>>> [(i, j, p) for i, j, p in m.longest(toks)]
[(1, 5, 'sanctions'), (7, 9, 'talks')]

**Cue phrases** (relations, stance, time cues: :class:`PhraseSet` over :class:`TokenKeys`) are
the same patterns, grouped (one group per cue or per phrase) and read the way a regex of a
group's forms joined by ``|`` reads a text left to right: at each start the first form written
that matches, with its shortest gap, and no two matches of one group overlapping. An alternative
holding spaces (``is (wrong|a threat)``) is spelled out into plain phrases
(:func:`expand_alternatives`); a phrase that cannot be read says why (:func:`check_phrase`), and
the resource loaders turn that into an error naming the file, the cue and the phrase. What
follows from matching tokens rather than characters: a gap counts tokens, so a comma or a
split-off possessive ("Iran" + "'s") fills one of its three places; a cue right after a hyphen
that the tokenizer splits off ("U.S." + "-" + "backed", "policy" + "--" + "suspending") is read;
a glob ends where its token ends ("ban*" reads "Bangladesh", not "Bangladesh's"); and a phrase
never runs from one sentence into the next.

"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

from .tokenize import iter_tokens, split_sentences

__all__ = ["Matcher", "CaseRule", "PhraseSet", "TokenKeys", "check_phrase", "expand_alternatives", "normalise",
           "GAP", "MAX_GAP"]

GAP = "..."      # a pattern word that stands for a gap between words
MAX_GAP = 3      # tokens a gap may skip
_SPECIAL = re.compile(r"[*?\[(|]")
_TERMINAL = "\x00end"   # node key: the payloads of the patterns ending here
_RULES = "\x00case"     # node key: their case rules (parallel to the payloads)
_GLOB = "\x01"          # first character of a glob element's key
_GAP_KEY = "\x02gap"    # edge key of a gap


def normalise(token: str) -> str:
    """The default matching form of a token: lower case, curly apostrophe straightened.

    >>> normalise("Russia’s")
    "russia's"
    """
    return token.lower().replace("’", "'")


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A one-token glob (``*``, ``?``, ``[sz]``, ``[!x]``, ``(a|b)``) as a whole-token regex.

    >>> [bool(glob_regex("critici[sz]*").fullmatch(w)) for w in ("criticised", "criticized", "critic")]
    [True, True, False]
    >>> bool(glob_regex("str(ike|uck)").fullmatch("struck"))
    True
    """
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = i + 1 + (pattern[i + 1:i + 2] == "!")
            j = pattern.find("]", j + (pattern[j:j + 1] == "]"))
            if j < 0:
                out.append("\\[")  # no closing bracket: a plain '['
            else:
                body = pattern[i + 1:j]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        elif c == "(":
            out.append("(?:")
        elif c in "|)":
            out.append(c)
        else:
            out.append(re.escape(c))
        i += 1
    try:
        return re.compile("(?s:" + "".join(out) + r")\Z")
    except re.error:
        raise ValueError(f"{pattern!r}: a '(' without its ')' — write alternatives as (a|b).") from None


class CaseRule(NamedTuple):
    """Per pattern word: 0 any case, 1 needs a capital, 2 exact case; with the words as written."""

    levels: tuple[int, ...]
    words: tuple[str, ...]

    @classmethod
    def of(cls, words: Sequence[str], case: str = "auto") -> "CaseRule":
        """The rule for ``words`` under ``case`` ("auto" or "exact", see the module notes).

        >>> CaseRule.of(["US", "Navy", "base"]).levels
        (2, 1, 0)
        """
        levels = []
        for w in words:
            letters = [c for c in w if c.isalpha()]
            if case == "exact" or (letters and all(c.isupper() for c in letters) and len(letters) <= 3):
                levels.append(2)  # "US", "UN", "IS": exact case, else "us"/"is" would match
            elif w[:1].isupper():
                levels.append(1)
            else:
                levels.append(0)
        return cls(tuple(levels), tuple(words))

    def accepts(self, tokens: Sequence[str], i: int, long_words_any_case: bool = True) -> bool:
        """Do ``tokens[i:]`` (as written) satisfy the rule? With ``long_words_any_case`` an
        exact word of more than three characters may be written in another case."""
        for k, level in enumerate(self.levels):
            w = tokens[i + k]
            if level == 2:
                if w != self.words[k] and not (long_words_any_case and len(w) > 3 and w.upper() == self.words[k].upper()):
                    return False
            elif level == 1 and not w[:1].isupper():
                return False
        return True


class Matcher:
    """Patterns (words, phrases, globs, gaps) compiled once, matched over normalised tokens.

    ``normalise`` gives the matching form of a token and of a pattern's words. Positions are
    positions in the token list given; ``start``/``end`` restrict a search to one sentence of an
    article's token list without changing them.

    >>> m = Matcher(); m.add("peace talk*", "P"); m.add("talks", "T")
    >>> [(s, e, p) for s, e, p in m.find(["the", "peace", "talks", "resumed"])]
    [(1, 3, ['P']), (2, 3, ['T'])]
    """

    def __init__(self, normalise: Callable[[str], str] = normalise) -> None:
        self.normalise = normalise
        self.root: dict[str, Any] = {}
        self.literals: set[str] = set()
        self.prefixes: dict[str, str] = {}  # prefix -> glob key, for 'abc*' globs
        self._prefix_lengths: tuple[int, ...] = ()  # distinct lengths of those prefixes, ascending
        self._prefix_heads: set[str] = set()  # the prefixes cut to the shortest length: a quick 'no'
        self.globs: list[tuple[str, re.Pattern[str]]] = []  # other globs
        self._any_glob: re.Pattern[str] | None = None  # all of them in one regex (see keys_for)
        self.has_gaps = False
        self._types: dict[str, tuple[str, ...]] = {}
        self._first: dict[str, tuple[dict[str, Any], ...]] = {}  # token -> root children it enters
        self._first_words: frozenset[str] | None = None

    # -- compiling --------------------------------------------------------------------------
    def elements(self, pattern: str | Sequence[str], literal: bool = False) -> list[tuple[str, str]]:
        """``(trie key, word as written)`` per element of a pattern; glob keys start with ``\\x01``.

        A string is split at spaces and each piece tokenized like an article (a glob piece stays
        whole); a sequence is taken as the pattern's words already split. ``literal`` reads
        ``*``, ``(`` ... as plain characters (names such as "Islamic State (IS)").
        """
        norm = self.normalise
        split = isinstance(pattern, str)
        out: list[tuple[str, str]] = []
        for piece in (pattern.split() if split else list(pattern)):  # type: ignore[union-attr]
            if not literal and piece == GAP:
                out.append((_GAP_KEY, piece))
            elif not literal and _SPECIAL.search(piece):
                out.append((_GLOB + norm(piece), piece))
            elif split:
                out.extend((norm(t), t) for _, _, t in iter_tokens(piece))
            else:
                out.append((norm(piece), piece))
        return out

    def add(self, pattern: str | Sequence[str], payload: Any, *, case: str | CaseRule = "any",
            literal: bool = False) -> None:
        """Add a pattern with its payload (any object, returned with each match of it).

        ``case``: "any" (default), "auto", "exact" or a ready :class:`CaseRule`.
        """
        elems = self.elements(pattern, literal)
        if not elems:
            return
        keys = [k for k, _ in elems]
        if keys[0] == _GAP_KEY or keys[-1] == _GAP_KEY or any(a == b == _GAP_KEY for a, b in zip(keys, keys[1:])):
            raise ValueError(f"{pattern!r}: '...' stands between two words (as in 'impose* ... sanctions').")
        rule = case if isinstance(case, CaseRule) else None
        if case in ("auto", "exact"):
            if _GAP_KEY in keys:
                raise ValueError(f"{pattern!r}: case rules apply to patterns without '...' gaps.")
            rule = CaseRule.of([w for _, w in elems], case)  # type: ignore[arg-type]
        node = self.root
        for k in keys:
            self._index_key(k)
            node = node.setdefault(k, {})
        node.setdefault(_TERMINAL, []).append(payload)
        node.setdefault(_RULES, []).append(rule)
        self._types.clear()
        self._first.clear()
        self._first_words = None

    def _index_key(self, k: str) -> None:
        if k == _GAP_KEY:
            self.has_gaps = True
        elif k.startswith(_GLOB):
            pat = k[1:]
            body = pat[:-1]
            if pat.endswith("*") and body and not _SPECIAL.search(body):
                self.prefixes[body] = k
                if len(body) not in self._prefix_lengths:
                    self._prefix_lengths = tuple(sorted({*self._prefix_lengths, len(body)}))
                    if len(body) == self._prefix_lengths[0]:  # a new shortest length: cut them all again
                        self._prefix_heads = {p[:len(body)] for p in self.prefixes}
                self._prefix_heads.add(body[:self._prefix_lengths[0]])
            elif all(g != k for g, _ in self.globs):
                self.globs.append((k, glob_regex(pat)))
                self._any_glob = None
        else:
            self.literals.add(k)

    # -- looking up -------------------------------------------------------------------------
    def keys_of(self, tokens: Iterable[str]) -> list[str]:
        """The matching forms of ``tokens`` (token texts, e.g. ``[t.text for t in article.tokens]``)."""
        return list(map(self.normalise, tokens))

    def keys_for(self, token: str) -> tuple[str, ...]:
        """The trie keys a (normalised) token can take; cached per token type."""
        got = self._types.get(token)
        if got is not None:
            return got
        keys = [token] if token in self.literals else []
        lengths = self._prefix_lengths
        if lengths and token[:lengths[0]] in self._prefix_heads:  # most tokens begin no prefix
            prefixes = self.prefixes
            n = len(token)
            for length in lengths:  # shortest first: a stable order of the alternatives
                if length > n:
                    break
                k = prefixes.get(token[:length])
                if k is not None:
                    keys.append(k)
        if self.globs and self._glob_filter().match(token):
            for k, rx in self.globs:
                if rx.match(token):
                    keys.append(k)
        got = tuple(keys)
        self._types[token] = got
        return got

    def _glob_filter(self) -> re.Pattern[str]:
        """One regex matching a token when some glob does: most tokens match none, and one C-level
        test of the alternation is cheaper than one call per glob (dozens in a cue list)."""
        if self._any_glob is None:
            self._any_glob = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in self.globs))
        return self._any_glob

    def first_nodes(self, token: str) -> tuple[dict[str, Any], ...]:
        """The trie nodes a pattern starting with ``token`` enters; cached per token type."""
        got = self._first.get(token)
        if got is None:
            keys = self.keys_for(token)
            root = self.root
            got = tuple([root[k] for k in keys if k in root]) if keys else ()
            self._first[token] = got
        return got

    @property
    def first_words(self) -> frozenset[str]:
        """The literal words that begin a pattern (a fast 'could a pattern start here?' test)."""
        if self._first_words is None:
            self._first_words = frozenset(k for k in self.root if not k.startswith((_GLOB, "\x00", "\x02")))
        return self._first_words

    def lookup(self, keys: Sequence[str]) -> list[tuple[Any, CaseRule | None]]:
        """``(payload, case rule)`` of the patterns that are exactly the literal words ``keys``
        (normalised), in the order they were added; [] if none.

        >>> m = Matcher(); m.add("Turkey", "TR", case="auto")
        >>> [(p, r.levels) for p, r in m.lookup(["turkey"])]
        [('TR', (1,))]
        """
        node: Any = self.root
        for k in keys:
            node = node.get(k)
            if node is None:
                return []
        return list(zip(node.get(_TERMINAL, ()), node.get(_RULES, ())))

    # -- matching ---------------------------------------------------------------------------
    def starts(self, tokens: Sequence[str], start: int = 0, end: int | None = None) -> list[int]:
        """Positions in ``tokens[start:end]`` where some pattern may begin (its first word matches).

        Every new token type is resolved once; then the scan is a C-level pass over the tokens,
        so the cost per token that starts nothing (most of them) is one dict lookup.
        """
        end = len(tokens) if end is None else end
        first = self._first
        window = tokens if start == 0 and end == len(tokens) else tokens[start:end]
        words = self.first_words
        if len(words) == len(self.root):
            # Every pattern begins with a plain word (no glob): a start is a token among those
            # words, and only those tokens need resolving, not every new type of the window.
            found = list(compress(range(start, end), map(words.__contains__, window)))
            for i in found:
                if tokens[i] not in first:
                    self.first_nodes(tokens[i])
            return found
        try:
            nodes = list(map(first.__getitem__, window))
        except KeyError:
            # Only a window with unseen token types builds a set of them: a set per window (a
            # sentence, asked for by each cue list) cost more than the scan itself.
            for token in set(window).difference(first):
                self.first_nodes(token)
            nodes = list(map(first.__getitem__, window))
        return list(compress(range(start, end), nodes))

    def _walk(self, tokens: Sequence[str], i: int, end: int) -> Iterator[tuple[int, dict[str, Any]]]:
        """``(j, node)`` for every pattern end node reached from ``tokens[i]``, shortest first."""
        keys_for = self.keys_for
        frontier: list[dict[str, Any]] = list(self._first[tokens[i]])
        pending: dict[int, list[dict[str, Any]]] = {}
        j = i + 1
        while frontier or pending:
            if self.has_gaps:
                frontier = self._with_gaps(frontier, pending, j, end)
            nxt: list[dict[str, Any]] = []
            for node in frontier:
                if _TERMINAL in node:
                    yield j, node
                if j < end and len(node) > (2 if _TERMINAL in node else 0):
                    for k in keys_for(tokens[j]):
                        child = node.get(k)
                        if child is not None:
                            nxt.append(child)
            frontier = nxt
            j += 1
            if j > end:
                break

    @staticmethod
    def _with_gaps(frontier: list[dict[str, Any]], pending: dict[int, list[dict[str, Any]]], j: int,
                   end: int) -> list[dict[str, Any]]:
        """The frontier at token ``j`` with the gaps opened: a gap node waits 0-3 tokens."""
        here = frontier + pending.pop(j, [])
        k = 0
        while k < len(here):
            gap = here[k].get(_GAP_KEY)
            if gap is not None:
                here.append(gap)  # the gap skips no token ...
                for skip in range(1, MAX_GAP + 1):  # ... or up to three
                    if j + skip <= end:
                        pending.setdefault(j + skip, []).append(gap)
            k += 1
        seen: set[int] = set()
        return [n for n in here if not (id(n) in seen or seen.add(id(n)))]  # type: ignore[func-returns-value]

    def matches_at(self, tokens: Sequence[str], i: int, end: int) -> Iterator[tuple[int, list[Any]]]:
        """Yield ``(j, payloads)`` for every pattern matching ``tokens[i:j]`` with ``j <= end``,
        shortest first (``i`` must come from :meth:`starts`)."""
        if self.has_gaps:
            for j, node in self._walk(tokens, i, end):
                yield j, node[_TERMINAL]
            return
        # Without gaps (every frame dictionary so far): the same walk, one frontier per token.
        keys_for = self.keys_for
        frontier: Sequence[dict[str, Any]] = self._first[tokens[i]]
        j = i + 1
        while frontier:
            nxt = []
            for node in frontier:
                pay = node.get(_TERMINAL)
                if pay:
                    yield j, pay
                if j < end and len(node) > (2 if pay else 0):  # children besides the payloads
                    for k in keys_for(tokens[j]):
                        child = node.get(k)
                        if child is not None:
                            nxt.append(child)
            frontier = nxt
            j += 1

    def find(self, tokens: Sequence[str], start: int = 0,
             end: int | None = None) -> Iterator[tuple[int, int, list[Any]]]:
        """Yield ``(i, j, payloads)`` for every pattern matching ``tokens[i:j]`` (all lengths)."""
        end = len(tokens) if end is None else end
        for i in self.starts(tokens, start, end):
            for j, pay in self.matches_at(tokens, i, end):
                yield i, j, pay

    def longest(self, tokens: Sequence[str], words: Sequence[str] | None = None,
                accept: Callable[[Any, int, int], bool] | None = None, start: int = 0,
                end: int | None = None) -> list[tuple[int, int, Any]]:
        """Leftmost-longest matches without overlaps: ``[(i, j, payload)]``, left to right.

        ``tokens`` are normalised; ``words`` the same tokens as written, for the case rules
        (None: case is not checked). ``accept(payload, i, j)`` may refuse a payload in context.
        At each length the first payload (in the order added) that passes is taken.
        """
        end = len(tokens) if end is None else end
        if not (self.prefixes or self.globs or self.has_gaps):
            return self._longest_literal(tokens, words, accept, start, end)
        out: list[tuple[int, int, Any]] = []
        pos = start
        for i in self.starts(tokens, start, end):
            if i < pos:
                continue  # inside the previous match
            best: tuple[int, Any] | None = None
            for j, node in self._walk(tokens, i, end):
                if best is not None and best[0] >= j:
                    continue
                for payload, rule in zip(node[_TERMINAL], node[_RULES]):
                    if (rule is None or words is None or rule.accepts(words, i)) \
                            and (accept is None or accept(payload, i, j)):
                        best = (j, payload)
                        break
            if best is not None:
                out.append((i, best[0], best[1]))
                pos = best[0]
        return out

    def _longest_literal(self, tokens: Sequence[str], words: Sequence[str] | None,
                         accept: Callable[[Any, int, int], bool] | None, start: int,
                         end: int) -> list[tuple[int, int, Any]]:
        """:meth:`longest` for patterns of literal words only (actor names): one dict step per
        token, no per-token-type tables (the dictionary's hot path)."""
        root = self.root
        out: list[tuple[int, int, Any]] = []
        pos = start
        window = tokens if start == 0 and end == len(tokens) else tokens[start:end]
        for i in list(compress(range(start, end), map(root.__contains__, window))):  # words that start a pattern
            if i < pos:
                continue  # inside the previous match
            node = root[tokens[i]]
            best: tuple[int, Any] | None = None
            j = i + 1
            while True:
                payloads = node.get(_TERMINAL)
                if payloads:
                    for payload, rule in zip(payloads, node[_RULES]):
                        if (rule is None or words is None or rule.accepts(words, i)) \
                                and (accept is None or accept(payload, i, j)):
                            best = (j, payload)
                            break
                if j >= end:
                    break
                node = node.get(tokens[j])
                if node is None:
                    break
                j += 1
            if best is not None:
                out.append((i, best[0], best[1]))
                pos = best[0]
        return out


# -- cue phrases: the relation, stance and time lexicons ------------------------------------------
def expand_alternatives(phrase: str) -> list[str]:
    """A phrase whose ``( | )`` alternatives hold spaces, as the plain phrases it stands for.

    An alternative of one word stays inside its word (``str(ike|uck)`` is one glob); one with
    spaces is spelled out, in the order written. A bracket without its partner is a ValueError.

    >>> expand_alternatives("is (wrong|a threat) now")
    ['is wrong now', 'is a threat now']
    >>> expand_alternatives("mend* (ties|relations)")
    ['mend* (ties|relations)']
    """
    depth, square, open_at = 0, False, -1
    for k, c in enumerate(phrase):
        if square:
            square = c != "]"
        elif c == "[":
            square = True
        elif c == "(":
            depth += 1
            if depth == 1:
                open_at = k
        elif c == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("a ')' without its '('")
            if depth == 0 and " " in phrase[open_at:k].strip():
                alts = _split_top(phrase[open_at + 1:k])
                return [p for alt in alts for p in expand_alternatives(phrase[:open_at] + alt + phrase[k + 1:])]
    if depth:
        raise ValueError("a '(' without its ')'")
    if square:
        raise ValueError("a '[' without its ']'")
    return [" ".join(phrase.split())]


def _split_top(body: str) -> list[str]:
    """``body`` split at the ``|`` outside inner brackets."""
    out, depth, cur = [], 0, ""
    for c in body:
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
    return [*out, cur]


def check_phrase(phrase: str) -> str | None:
    """Why a cue phrase cannot be read (one short reason), or None when it is fine.

    >>> check_phrase("back(s"), check_phrase("impose* ... sanctions")
    ("a '(' without its ')'", None)
    """
    try:
        for p in expand_alternatives(str(phrase)):
            words = p.split()
            if not words:
                return "it is empty"
            if GAP in (words[0], words[-1]) or any(a == b == GAP for a, b in zip(words, words[1:])):
                return "'...' stands between two words"
            for w in words:
                if w != GAP and _SPECIAL.search(w):
                    glob_regex(w)
    except ValueError as exc:
        msg = str(exc)
        return msg.split(": ", 1)[1].split(" —")[0] if msg.startswith("'") and ": " in msg else msg
    return None


class TokenKeys(NamedTuple):
    """Tokens as a matcher reads them: matching forms, character offsets, and for each token the
    end of its sentence (a phrase never runs past it).

    >>> tk = TokenKeys.of_text("Iran's envoy left. Talks resumed.")
    >>> tk.keys[:3], tk.span(0, 12), tk.sent_end[:5]
    (['iran', "'s", 'envoy'], (0, 3), [5, 5, 5, 5, 5])
    """

    keys: list[str]
    starts: list[int]
    ends: list[int]
    sent_end: list[int]

    @classmethod
    def of_tokens(cls, tokens: Sequence[Any], ranges: Sequence[tuple[int, int]],
                  norm: Callable[[str], str] = normalise) -> "TokenKeys":
        """From tokens with ``text``/``start``/``end`` (``article.tokens``) and their sentences'
        ``[first, last+1)`` token ranges."""
        memo: dict[str, str] = {}
        keys = []
        for t in tokens:
            k = memo.get(t.text)
            if k is None:
                k = memo[t.text] = norm(t.text)
            keys.append(k)
        sent_end = [0] * len(keys)
        for a, b in ranges:
            sent_end[a:b] = [b] * (b - a)
        return cls(keys, [t.start for t in tokens], [t.end for t in tokens], sent_end)

    @classmethod
    def of_text(cls, text: str, start: int = 0, end: int | None = None) -> "TokenKeys":
        """From a short text (a tweet, a headline), split into sentences as articles are."""
        keys: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        sent_end: list[int] = []
        for a, b, _ in split_sentences(text, start, end):
            for s, e, t in iter_tokens(text, a, b):
                keys.append(normalise(t))
                starts.append(s)
                ends.append(e)
            sent_end += [len(keys)] * (len(keys) - len(sent_end))
        return cls(keys, starts, ends, sent_end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The ``[i, j)`` token range of the tokens lying inside characters ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """The character offsets of tokens ``[i, j)``."""
        return self.starts[i], self.ends[j - 1]


class PhraseSet:
    """Groups of cue phrases (one group: one cue's forms, or one phrase) in one :class:`Matcher`.

    :meth:`find` reads each group the way one regex of its forms joined by ``|`` is read left to
    right: at each start the first form written that matches, with its shortest gap, and no two
    matches of a group overlapping. Phrases are checked first (:func:`check_phrase`): ``where``
    names the file and place for the ValueError of a bad one.

    >>> ps = PhraseSet([["impose* ... sanctions"], ["talks", "talks with"]])
    >>> tk = TokenKeys.of_text("Iran imposed new sanctions and held talks with Oman.")
    >>> [(tk.chars(i, j), g) for i, j, g in ps.find(tk)]
    [((5, 26), 0), ((36, 41), 1)]
    """

    def __init__(self, groups: Iterable[Iterable[Any]], where: Sequence[str] | str = "") -> None:
        self.matcher = Matcher()
        self.size = 0
        for g, forms in enumerate(groups):
            order = 0
            for form in forms:
                form = str(form)
                why = check_phrase(form)
                if why is not None:
                    place = where[g] if not isinstance(where, str) else where
                    raise ValueError(f"{place}: the phrase {form!r} cannot be read ({why})")
                for plain in expand_alternatives(form):
                    self.matcher.add(plain, (g, order))
                    order += 1
            self.size = g + 1

    def find(self, tk: TokenKeys, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """``(i, j, group)`` for the matches in tokens ``[start, end)``, by start then group."""
        end = len(tk.keys) if end is None else end
        keys, sent_end, matcher = tk.keys, tk.sent_end, self.matcher
        out: list[tuple[int, int, int]] = []
        last_end: dict[int, int] = {}
        for i in matcher.starts(keys, start, end):
            here: dict[int, tuple[int, int]] = {}
            for j, pays in matcher.matches_at(keys, i, min(end, sent_end[i])):  # shortest first
                for g, order in pays:
                    if g not in here or order < here[g][0]:
                        here[g] = (order, j)
            for g in sorted(here):
                if last_end.get(g, -1) <= i:
                    j = here[g][1]
                    out.append((i, j, g))
                    last_end[g] = j
        return out

    def search(self, tk: TokenKeys, start: int = 0, end: int | None = None) -> bool:
        """Does some phrase match inside tokens ``[start, end)``?"""
        end = len(tk.keys) if end is None else end
        keys, matcher = tk.keys, self.matcher
        return any(next(matcher.matches_at(keys, i, min(end, tk.sent_end[i])), None) is not None
                   for i in matcher.starts(keys, start, end))

    def match_at(self, tk: TokenKeys, i: int, end: int | None = None) -> int | None:
        """The end ``j`` of the match starting at token ``i`` (earliest form, shortest), or None."""
        end = len(tk.keys) if end is None else end
        if i >= end or not self.matcher.first_nodes(tk.keys[i]):
            return None
        best: tuple[tuple[int, int], int] | None = None
        for j, pays in self.matcher.matches_at(tk.keys, i, min(end, tk.sent_end[i])):
            for g, order in pays:
                if best is None or (g, order) < best[0]:
                    best = ((g, order), j)
        return None if best is None else best[1]

    def fullmatch(self, text: str) -> bool:
        """Is the whole of ``text`` one phrase ("ouster", "seeking")?"""
        keys = [normalise(t) for _, _, t in iter_tokens(text)]
        if not keys or not self.matcher.first_nodes(keys[0]):
            return False
        return any(j == len(keys) for j, _ in self.matcher.matches_at(keys, 0, len(keys)))
