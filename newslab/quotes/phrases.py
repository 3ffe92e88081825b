"""Speaker phrases: the noun phrase before a cue ("the Russian leader said"), after it ("said
Erdogan"), in apposition ("Alexei Malashenko, director of research at ..., said"), the subject
that opens a sentence, and the audience after "told".

A word can be part of a speaker phrase when it is capitalised (a name) or listed under
``speaker_words`` in ``quote_cues.yml`` (role nouns such as "spokesman"); :class:`Rules` holds
the phrase rules, parametrised by the cue lexicon.

>>> from newslab.quotes.cues import load_cues
>>> from newslab.quotes.tokens import TOKEN_RE, Tok
>>> toks = [Tok(m.start(), m.end(), m.group(), m.group().lower(), 0)
...         for m in TOKEN_RE.finditer("Meanwhile the Russian foreign minister said")]
>>> rules = Rules(load_cues())
>>> a, b = rules.np_back(toks, 5, 0)[0]; " ".join(t.text for t in toks[a:b])
'the Russian foreign minister'
"""
from __future__ import annotations

import re

from ..tokenize import stopwords
from .cues import CueLexicon, audiences_by_first_word
from .tokens import (DAYS, DETERMINERS, FINITE_HINTS, LINKS, PREPOSITIONS, PRONOUNS, QUANTIFIERS, STOP_NP, BE, Tok,
                     is_name_word, pronoun_base)

Span = tuple[int, int]  # a token range [a, b)
# Words that open a time phrase ('on Sunday', 'last week', 'in March') and time nouns after them.
_TIME_LEADS = frozenset(("on", "in", "last", "this", "late", "early", "next", "since", "until", "by"))
_TIME_NOUNS = frozenset(("week", "month", "year", "night", "weekend", "morning", "evening", "afternoon"))
# Words in -ly that are no adverbs.
_NOT_ADVERBS = frozenset(("family", "ally", "rally", "assembly", "supply", "only", "early", "daily", "weekly",
                          "monthly", "yearly", "likely", "holy", "belly", "bully", "reply", "apply", "july"))
# A party and state tag after a name ('R-Ky', 'D-Wis', 'I-Vt'): a capital, a hyphen, a place.
_TAG_RE = re.compile(r"^[A-Z]-[A-Z][A-Za-z.]*$")
_SUBORDINATORS = frozenset(("as", "when", "while", "after", "before", "because", "since", "until", "once",
                            "though", "although", "whereas", "unless"))
_THEN_WORDS = frozenset(("then", "later", "finally", "again"))
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it", "you"))
# ', a step that could ease tensions' / ', a move welcomed by traders': after 'X said' a noun
# phrase opened by one of these and modified by a relative clause or a participle sums up the
# sentence before; it is the reporter's comment, not a reported clause.
_SUMMARY_OPENERS = frozenset(("a", "an", "another"))
_RELATIVES = frozenset(("that", "which", "who", "whose"))

# Words that may stand between a speaker and the verb ('Putin also said', 'Erdogan has said').
_BACK_SKIP = frozenset(("also later earlier again then further previously recently repeatedly once "
                        "publicly separately reportedly privately bluntly today yesterday tonight has "
                        "have had would will did does do later still just long often always usually sometimes now Monday Tuesday Wednesday "
                        "Thursday Friday Saturday Sunday "
                        # a discourse adverb or a reflexive after the subject ('Carter however said',
                        # 'Trump himself said')
                        "however instead too himself herself themselves itself").split())
# Subordinators that may open an apposition holding a cue ('Kalin, speaking to reporters, said').
_SUBORDINATE_OPENERS = frozenset(("when", "while", "who", "after", "speaking", "asked"))
# Nouns of media an audience phrase may end in ('told the Hurriyet daily').
_MEDIA_NOUNS = frozenset(("daily", "newspaper", "news", "agency", "channel", "broadcaster", "radio",
                          "television", "tv"))


class Rules:
    """Noun-phrase and clause rules over a paragraph's tokens, parametrised by the cue lexicon."""

    def __init__(self, lex: CueLexicon):
        self.lex = lex
        self.drop_initial = lex.connectives | PREPOSITIONS | {"speaking", "when", "while", "if", "as",
                                                               "asked", "although", "because", "this",
                                                               "last", "next", "late", "early"} \
            | {d.lower() for d in DAYS} | lex.months

    def time_phrase_end(self, toks: list[Tok], i: int, hi: int) -> int:
        """End of a date or time phrase at token i ('Thursday (March 5)', 'on Sept. 3', 'last
        week', 'in May 2016'), or of one adverb in -ly ('said explicitly'); i when there is none."""
        j = i + 1 if i < hi and toks[i].lower in _TIME_LEADS else i
        if j < hi and toks[j].text in DAYS:
            j += 1
            if j < hi and toks[j].lower in _TIME_NOUNS:
                j += 1  # 'Friday afternoon'
            if j + 2 < hi and toks[j].text == "(":  # 'Thursday (March 5)'
                k = next((m for m in range(j + 1, min(hi, j + 6)) if toks[m].text == ")"), -1)
                j = k + 1 if k != -1 else j
            return j
        if j < hi and toks[j].lower in _TIME_NOUNS and j > i:
            return j + 1
        if j < hi and toks[j].lower in self.lex.months and toks[j].text[0].isupper():
            j += 1
            while j < hi and (toks[j].text == "." or toks[j].text.isdigit() or toks[j].text == "," and j + 1 < hi
                              and toks[j + 1].text.isdigit() and len(toks[j + 1].text) == 4):
                j += 1  # 'Sept. 3', 'March 5, 2016'
            return j
        if j == i and i < hi and toks[i].text.islower() and toks[i].lower.endswith("ly") and len(toks[i].lower) > 4 \
                and toks[i].quote == -1 and toks[i].lower not in _NOT_ADVERBS:
            return i + 1
        return i

    def is_np_word(self, t: Tok) -> bool:
        return t.quote == -1 and not t.mark and (is_name_word(t) or t.lower in self.lex.speaker_words)

    def is_cue(self, t: Tok) -> bool:
        return t.lower in self.lex.forms and t.text == t.lower

    def is_head_word(self, t: Tok) -> bool:
        """A word of a speaker phrase that is not itself a cue verb."""
        return self.is_np_word(t) and not self.is_cue(t)

    def np_ending_at(self, toks: list[Tok], j: int, lo: int) -> Span | None:
        """The noun phrase whose last token is j (tokens >= lo), e.g. 'the Russian leader'."""
        if j < lo or not self.is_np_word(toks[j]):
            return None
        i = j
        start = j
        unknown = 0
        while i >= lo:
            t = toks[i]
            if self.is_head_word(t):
                start = i
                i -= 1
                continue
            if unknown == 0 and i < j and self._unlisted_modifier(toks, i, lo):
                unknown = 1  # one unlisted modifier: 'Turkish security official', 'foreign policy aide'
                if toks[i - 1].text == ",":
                    start = i  # ', trade minister Ana Silva said': the modifier opens the phrase
                i -= 1
                continue
            if i < j and t.lower in LINKS and i - 1 >= lo and self.is_np_word(toks[i - 1]):
                i -= 1  # 'the Minister of Defence'
                continue
            if i < j and t.lower == "in" and i - 1 >= lo and toks[i - 1].text.islower() \
                    and toks[i - 1].lower in self.lex.speaker_words:
                i -= 1  # 'officials in Omsk', 'diplomats in Ankara'
                continue
            if (t.lower in DETERMINERS or t.lower in QUANTIFIERS) and t.quote == -1:
                start = i  # 'the Russian leader', 'another source', 'many Democrats'
                if self._of_institution(toks, i, lo):
                    i -= 2  # 'Steve Peers of the University of Essex': a name 'of the' an institution
                    continue
            break
        return self._trimmed_np(toks, start, j)

    def _unlisted_modifier(self, toks: list[Tok], i: int, lo: int) -> bool:
        """A lower-case content word (not a participle) between two phrase words, or opening the
        phrase after a determiner or a comma ('the trade minister', ', trade minister Ana Silva')."""
        t = toks[i]
        if not (t.text.isalpha() and t.text.islower() and t.quote == -1
                and t.lower not in stopwords() and not t.lower.endswith(("ed", "ing"))):
            return False
        if i - 1 >= 0 and toks[i - 1].text == ",":
            return True  # the comma may lie just before lo: the phrase opens the clause
        before = toks[i - 1] if i - 1 >= lo else None
        return before is not None and (self.is_head_word(before)
                                       or (before.lower in DETERMINERS and before.quote == -1))

    def _of_institution(self, toks: list[Tok], i: int, lo: int) -> bool:
        """Determiner i follows 'of'/'for' after a phrase word ('X of the University')."""
        return i - 2 >= lo and toks[i - 1].lower in ("of", "for") and self.is_head_word(toks[i - 2])

    def _trimmed_np(self, toks: list[Tok], start: int, j: int) -> Span | None:
        """Drop the reporter's openers ('Meanwhile', 'But', 'In') and refuse non-phrases."""
        while start <= j and (toks[start].lower in self.drop_initial or toks[start].lower in LINKS):
            start += 1
        if start > j or toks[j].lower in DETERMINERS:
            return None
        if start == j and (toks[j].lower in STOP_NP or toks[j].lower in self.lex.connectives):
            return None  # 'That said, ...', 'This said' are not speakers
        if j - start >= 10:
            start = j - 9
        return start, j + 1

    def np_back(self, toks: list[Tok], k: int, lo: int) -> tuple[Span, Span | None] | None:
        """Speaker phrase ending just before cue token k: ((a, b), apposition range or None)."""
        j = k - 1
        going_on = self.lex.continuing_verbs
        if j - 2 >= lo and toks[j].lower == "to" and (toks[j - 1].lower in going_on
                                                     or (toks[j - 1].lower == "on" and toks[j - 2].lower in going_on)):
            j -= 3 if toks[j - 1].lower == "on" else 2  # 'Dittmar went on to add', 'continued to insist'
        if j >= lo and toks[j].lower == "as":
            quoted = self._quoted_object(toks, j, lo)
            if quoted is not None:
                return quoted  # 'Russian agencies quoted Lavrov as saying': the object speaks
        j = self._skip_back_to_subject(toks, j, k, lo)
        if j < lo:
            return None
        t = toks[j]
        if pronoun_base(t.lower) and t.quote == -1 and not t.mark:
            # 'Can you tell us ...' is an interviewer's question, not a speaker
            return ((j, j + 1), None) if pronoun_base(t.lower) != "you" else None
        if t.text == ",":
            return self._apposition(toks, j, lo)
        np_ = self.np_ending_at(toks, j, lo) or self._unlisted_head(toks, j, lo)
        aside = self._aside_subject(toks, k, lo)
        if aside is not None and (np_ is None or aside[1] <= np_[0]):
            np_ = aside  # 'Protesters marching through central Tehran chanted': not 'Tehran'
        np_ = np_ or self._common_noun_phrase(toks, j, lo)
        return (np_, None) if np_ else None

    def _quoted_object(self, toks: list[Tok], j: int, lo: int) -> tuple[Span, Span | None] | None:
        """'X quoted Lavrov as saying': the phrase between the quoting verb and 'as'."""
        np_ = self.np_ending_at(toks, j - 1, lo)
        if np_ is not None and np_[0] - 1 >= lo and toks[np_[0] - 1].lower in self.lex.quoting_verbs:
            return np_, self.np_ending_at(toks, np_[0] - 2, lo)
        return None

    def _skip_back_to_subject(self, toks: list[Tok], j: int, k: int, lo: int) -> int:
        """Step back from the verb over what stands between it and its subject: 'was quoted
        (by X) as', adverbs and auxiliaries, a day, a bracketed acronym."""
        if j >= lo and toks[j].lower == "as":
            for m in range(j - 1, max(lo - 1, j - 9), -1):
                if toks[m].lower in self.lex.quoting_verbs and m - 1 >= lo and toks[m - 1].lower in BE:
                    j = m - 2  # 'was quoted by RIA Novosti as saying': the subject speaks
                    break
        if j >= lo and j == k - 1 and toks[j].lower in BE and toks[k].lower.endswith("ing"):
            j -= 1  # 'Trump is telling a veterans group that ...': a progressive verb
        while j >= lo and (toks[j].text in _BACK_SKIP or toks[j].lower in _BACK_SKIP
                           or (toks[j].lower == "on" and j + 1 < k and toks[j + 1].text in DAYS)
                           or (j - 1 >= lo and self.time_phrase_end(toks, j, k) == j + 1
                               and not toks[j].text in DAYS and (is_name_word(toks[j - 1]) or pronoun_base(toks[j - 1].lower)
                                                                 or toks[j - 1].lower in _BACK_SKIP))):
            j -= 1  # 'Putin also said', 'Trump has long said', 'Clinton flatly denied'
        while j - 1 >= lo and _YEAR_RE.match(toks[j].text) and toks[j - 1].lower in ("in", "since"):
            j -= 2  # 'who in 2010 said'
            while j >= lo and (toks[j].text in _BACK_SKIP or toks[j].lower in _BACK_SKIP):
                j -= 1
        opener = self._bracket_before(toks, j, lo)
        if opener != -1:
            j = opener - 1  # 'the Syrian Democratic Forces (SDF) announced', 'Sen. David Perdue (R-Ga.) said'
        return j

    def skip_back(self, toks: list[Tok], k: int, lo: int) -> int:
        """The token before cue k once adverbs, auxiliaries and time phrases are stepped over
        ('Kalin, who in 2010 also said': the index of 'who')."""
        return self._skip_back_to_subject(toks, k - 1, k, lo)

    def _bracket_before(self, toks: list[Tok], j: int, lo: int) -> int:
        """The '(' of a short bracket closing at token j after a phrase word (an acronym, a party
        and state tag), with no cue inside; -1 when there is none."""
        if j < lo or toks[j].text != ")":
            return -1
        m = next((m for m in range(j - 1, max(lo - 1, j - 7), -1) if toks[m].text == "("), -1)
        if m - 1 < lo or any(self.is_cue(x) or x.quote != -1 for x in toks[m + 1:j]) \
                or not self.is_np_word(toks[m - 1]):
            return -1
        return m

    def _apposition(self, toks: list[Tok], j: int, lo: int) -> tuple[Span, Span | None] | None:
        """A comma right before the verb closes an apposition: 'Alexei Malashenko, director of
        research at ..., said' -> (speaker, apposition)."""
        m = j - 1
        while m >= lo and toks[m].text != "," and toks[m].quote == -1 and not toks[m].mark:
            m -= 1
        if m < lo or toks[m].text != ",":
            return None
        seg = toks[m + 1:j]
        head = self.np_ending_at(toks, m - 1, lo)
        if head is not None and seg and all(_TAG_RE.match(x.text) or x.text in ".-" for x in seg):
            return head, (m + 1, j)  # 'Mitch McConnell, R-Ky., said': a party and state tag
        subordinate = bool(seg) and seg[0].lower in _SUBORDINATE_OPENERS
        if not seg or len(seg) > 30 or (any(self.is_cue(x) for x in seg) and not subordinate):
            return None  # a cue inside the commas belongs to another clause
        head = self._head_before_comma(toks, m, lo)
        if head is not None and head[1] < m - 1 and toks[head[1]].text == ",":
            return head, (head[1] + 1, j)  # 'X, of Springfield, Va., said': the place in commas describes X
        bare_name = len(seg) <= 4 and all(is_name_word(x) for x in seg)
        if head is None:
            # "Dunn's mother, Charlotte Charles, said": the name in commas is the speaker
            name = self.np_ending_at(toks, j - 1, m + 1) if bare_name else None
            return (name, None) if name is not None and name[0] == m + 1 else None
        first = seg[0]
        if first.lower in DETERMINERS or first.lower in ("who", "which") or first.text[0].islower() \
                or first.text[0].isdigit() or (len(seg) > 2 and seg[1].text in ("'", "’")) \
                or (len(seg) > 1 and first.lower.endswith(("'s", "’s"))):
            # a description in commas ("Sanders' senior adviser", "Pyongyang's only ally"): the phrase before it speaks
            return head, (m + 1, j)
        name = self.np_ending_at(toks, j - 1, m + 1)
        if name is None or name[0] != m + 1:
            return None
        return self._name_and_role(toks, head, name, bare_name)

    def _head_before_comma(self, toks: list[Tok], m: int, lo: int) -> Span | None:
        """The phrase before the comma at m, over an age or a bracketed tag ('Ramil Carr, 31, a
        photographer, said', 'Rep. Elijah Cummings (D-Md.), chair of ..., said')."""
        j = m - 1
        if j - 1 > lo and toks[j].text.isdigit() and toks[j - 1].text == ",":
            j -= 2  # ', 31,'
        if j - 1 > lo and toks[j].text == "." and toks[j - 1].end == toks[j].start and is_name_word(toks[j - 1]):
            j -= 1  # 'Johnnie Wilson, of Springfield, Va., said': the dot of an abbreviation
        opener = self._bracket_before(toks, j, lo)
        if opener != -1:
            j = opener - 1
        head = self.np_ending_at(toks, j, lo)
        if head is not None and head[0] - 2 > lo and toks[head[0] - 1].lower in ("of", "from") \
                and toks[head[0] - 2].text == ",":
            # 'Rajiv Mehta, of Pune, India, said': the place in commas describes the name before it
            return self._head_before_comma(toks, head[0] - 2, lo) or head
        return head

    def _name_and_role(self, toks: list[Tok], head: Span, name: Span, bare_name: bool) -> tuple[Span, Span]:
        """Two noun phrases in apposition: the name is the speaker, the role describes it
        ('Ibrahim Kalin, Erdogan's spokesman, said' / 'Erdogan's spokesman, Ibrahim Kalin, said')."""
        if self.has_role(toks, head) and not self.has_role(toks, name):
            return name, head
        # 'the president of the League, Jamel Msallem, said': a bare name after a longer phrase
        if bare_name and (any(toks[i].text[0].islower() for i in range(*head))
                          or toks[head[0]].lower in DETERMINERS):
            return name, head
        return head, name

    def _unlisted_head(self, toks: list[Tok], j: int, lo: int) -> Span | None:
        """A lower-case head noun the cue file does not list: 'the Turkish strongman said',
        'His associates have alleged'."""
        t = toks[j]
        if not (t.text.isalpha() and t.text.islower() and t.lower not in LINKS and t.lower not in stopwords()):
            return None
        head = self.np_ending_at(toks, j - 1, lo)
        if head is not None and toks[head[0]].lower in DETERMINERS and j - head[0] <= 4:
            return head[0], j + 1
        if j - 1 >= lo and toks[j - 1].lower in ("his", "her", "their", "its") and t.lower.endswith("s"):
            return j - 1, j + 1
        return None

    def _common_noun_phrase(self, toks: list[Tok], j: int, lo: int) -> Span | None:
        """'The bank said', 'a joint communiqué said', 'Top advisers said': a determiner (or the
        clause start) and up to three lower-case words; organisations, documents and
        descriptions speak too."""
        t = toks[j]
        if not _plain_word(t) or t.lower in stopwords() or t.lower in STOP_NP or t.lower.endswith("ly") \
                or t.lower in self.lex.forms:
            return None
        i = j
        while i - 1 >= lo and j - i < 3 and _plain_word(toks[i - 1]) and toks[i - 1].lower not in stopwords():
            i -= 1
        if i - 1 >= lo and (toks[i - 1].lower in _NP_OPENERS or toks[i - 1].lower in QUANTIFIERS
                            or toks[i - 1].text.replace(",", "").isdigit()) \
                and toks[i - 1].quote == -1:  # a number counts like a determiner: '63 percent said' (a poll)
            return i - 1, j + 1
        if i - 1 >= lo and toks[i - 1].lower.endswith(("'s", "’s")) and is_name_word(toks[i - 1]) and i < j + 1:
            owner = self.np_ending_at(toks, i - 1, lo)  # "Connecticut's tax commissioner said"
            return (owner[0] if owner else i - 1), j + 1
        if i == lo or (i - 1 >= 0 and toks[i - 1].text in ",;:" and i - 1 == lo):
            return (i, j + 1) if i < j or toks[i].lower.endswith("s") else None
        return None

    def _aside_subject(self, toks: list[Tok], k: int, lo: int) -> Span | None:
        """'Mitsotakis speaking to the Atlantic Council think tank called ...': a participle
        phrase without commas between the speaker and the verb."""
        for m in range(k - 1, max(lo, k - 12) - 1, -1):
            x = toks[m]
            if x.text in ",;:" or x.mark or x.quote != -1 or self.is_cue(x):
                return None
            if x.lower in self.lex.aside_participles:
                return self.np_ending_at(toks, m - 1, lo)
            if _participle(x) and m - 1 >= lo and is_name_word(toks[m - 1]):
                # 'Protesters marching through the streets chanted': any participle after a name
                np_ = self.np_ending_at(toks, m - 1, lo)
                if np_ is not None:
                    return np_
        return None

    def has_role(self, toks: list[Tok], r: Span) -> bool:
        """Does the phrase hold a role noun or a possessive ('Erdogan's spokesman')?"""
        return any(toks[i].text[0].islower() and toks[i].lower in self.lex.speaker_words
                   or toks[i].lower.endswith(("'s", "’s")) for i in range(*r))

    def np_fwd(self, toks: list[Tok], k: int, hi: int) -> Span | None:
        """Inverted speaker phrase starting at token k ('said Erdogan', 'said the Russian leader')."""
        i = k
        if self.time_phrase_end(toks, k, hi) > k:
            return None  # 'said this week ...' names no speaker
        if i < hi and (toks[i].lower in DETERMINERS or toks[i].lower in QUANTIFIERS):
            i += 1  # 'said the minister', 'said one source in the room'
        last = -1
        while i < hi:
            t = toks[i]
            if self.is_head_word(t):
                last = i
                i += 1
                continue
            if t.lower in LINKS and i + 1 < hi and self.is_np_word(toks[i + 1]) and last != -1:
                i += 1
                continue
            if (last != -1 or i > k) and t.text.isalpha() and t.text.islower() and t.lower not in stopwords():
                m = self._modifiers_before_name(toks, i, hi)
                if m != -1:
                    i = m  # "Huber's longtime tag team partner Erick Rowan"
                    continue
            break
        if last == -1:
            return None
        nxt = toks[last + 1] if last + 1 < hi else None
        if nxt is not None and not (nxt.text in ",.;:!?(" or nxt.mark or nxt.lower in PREPOSITIONS
                                    or nxt.lower in self.lex.adverbials or nxt.text in "\"“”«»"):
            return None  # 'said Putin and Erdogan had ...' is not an inversion ('said Rep. X (D-N.Y.)' is)
        return k, last + 1

    def np_fwd_common(self, toks: list[Tok], k: int, hi: int) -> Span | None:
        """'"...," said the ruling.', 'said a second letter,': a determiner and up to three
        lower-case words that end the clause, after an inverted verb; None otherwise."""
        if k >= hi or toks[k].lower not in ("the", "a", "an", "one", "another") or toks[k].quote != -1:
            return None
        j = k + 1
        while j < hi and j - k <= 3 and _plain_word(toks[j]) and toks[j].text.islower() \
                and toks[j].lower not in stopwords() and toks[j].lower not in self.lex.forms:
            j += 1
        if j == k + 1 or (j < hi and not (toks[j].text in ",.;:!?" or toks[j].mark == "open")):
            return None
        return k, j

    def _modifiers_before_name(self, toks: list[Tok], i: int, hi: int) -> int:
        """Up to four unlisted lower-case words followed by a phrase word: the index of that
        word, else -1."""
        m = i
        while m < hi and m - i < 4 and toks[m].text.isalpha() and toks[m].text.islower() \
                and not self.is_np_word(toks[m]) and toks[m].lower not in stopwords():
            m += 1
        return m if m < hi and self.is_head_word(toks[m]) else -1

    def subject_np(self, toks: list[Tok], sa: int, k: int) -> Span | None:
        """The noun phrase that opens a sentence ('Erdogan lashed out ...'), after an opening
        phrase ending in a comma ('In Ankara, Erdogan ...'); None when the sentence opens otherwise."""
        i = sa
        while i < k and toks[i].lower in self.lex.connectives | _THEN_WORDS and toks[i].lower not in PREPOSITIONS:
            i += 1  # 'And then Trump went on the attack, saying ...': the connective only
            if i < k and toks[i].text == "," and i - 1 >= sa:
                i += 1  # 'Meanwhile, it attacked Khan, saying ...'
        if i < k and (toks[i].lower in PREPOSITIONS or toks[i].lower in self.drop_initial):
            while i < k and toks[i].text != ",":
                i += 1
            i += 1
        if i < k and toks[i].lower in PRONOUNS and toks[i].quote == -1:
            return i, i + 1
        j = i + 1 if i < k and toks[i].lower in DETERMINERS else i
        last = -1
        while j < k and self.is_head_word(toks[j]):
            last = j
            j += 1
        partitive = last != -1 and last + 1 < k and toks[last + 1].lower == "of"
        if last == -1 or (last == i and toks[i].lower in STOP_NP) or partitive:
            return self._subject_after_comma(toks, sa, i, k)
        return i, last + 1

    def _subject_after_comma(self, toks: list[Tok], sa: int, i: int, k: int) -> Span | None:
        """When the sentence does not open with a name: 'One of these groups, the Syrian
        Democratic Forces (SDF), opposed ...' (a phrase in commas), or 'A month later, during the
        debate, O'Rourke defended ...' (the first segment opening with a name and a verb)."""
        c = next((m for m in range(i, k) if toks[m].text == ","), -1)
        if c != -1:
            a, j = self._phrase_after(toks, c, k)
            if j > a and j < k and toks[j].text in ",(":
                return c + 1, j
        for c in (m for m in range(sa, k) if toks[m].text == ","):
            a, j = self._phrase_after(toks, c, k)
            if j > a and j < k and toks[j].text.islower() and toks[j].text.isalpha() and toks[j].lower not in LINKS:
                return c + 1, j
        return None

    def _phrase_after(self, toks: list[Tok], c: int, k: int) -> Span:
        """Phrase words after comma c (and an optional determiner): (first word, end)."""
        j = c + 1 + (c + 1 < k and toks[c + 1].lower in DETERMINERS)
        a = j
        while j < k and self.is_head_word(toks[j]):
            j += 1
        return a, j

    def skip_audience(self, toks: list[Tok], i: int, hi: int, lemma: str) -> int:
        """Skip 'reporters', 'AFP', 'a news conference' after told / said to / speaking to."""
        if lemma not in self.lex.listener_verbs:
            if i < hi and toks[i].lower == "to":
                j = self._match_audience(toks, i + 1, hi)
                if j > i + 1:
                    return j
            return i
        j = self._match_audience(toks, i, hi)
        if j > i:
            return j
        # Any other short noun phrase: 'told the Hurriyet daily', 'told Turkish broadcaster NTV'.
        j = i
        if j < hi and toks[j].lower in DETERMINERS:
            j += 1
        start = j
        while j < hi and j - start < 6 and toks[j].quote == -1 and not toks[j].mark and \
                (self.is_np_word(toks[j]) or toks[j].lower in _MEDIA_NOUNS):
            j += 1
        return j if j > start else i

    def _match_audience(self, toks: list[Tok], i: int, hi: int) -> int:
        """End of the longest listed audience starting at i, or i."""
        if i >= hi:
            return i
        for aud in audiences_by_first_word(self.lex).get(toks[i].lower, ()):
            n = len(aud)
            if i + n <= hi and all(toks[i + m].lower == aud[m] for m in range(1, n)):
                return i + n
        return i

    def is_clause_start(self, toks: list[Tok], i: int, hi: int) -> bool:
        """Does a reported clause start at token i (subject first) and contain a finite verb?"""
        if i >= hi:
            return False
        t = toks[i]
        if t.mark == "open":
            return True
        if not t.text[0].isalnum() or t.lower in PREPOSITIONS or t.lower in self.lex.adverbials \
                or t.lower.endswith("ing") or t.lower in ("so", "not", "goodbye", "yes") or t.lower in _SUBORDINATORS:
            return False  # 'said as he entered the talks': an adverbial clause, not a reported one
        if t.text in DAYS:
            return False
        words = []
        depth = 0
        for x in toks[i:hi]:
            depth += (x.text == "(") - (x.text == ")")
            if depth == 0 and x.text[0].isalnum():
                words.append(x)  # words inside brackets do not count towards the verb window
        if len(words) < 3:
            return False
        if pronoun_base(t.lower) in _SUBJECT_PRONOUNS and t.lower not in ("it", "you"):
            return True  # 'said he thinks ...', 'said she respects ...': a subject pronoun opens a clause
        if t.lower in _SUMMARY_OPENERS and i > 0 and toks[i - 1].text == "," and _summary_phrase(words):
            return False
        return any(_finite_hint(x, prev) for prev, x in zip(words[:15], words[1:16]))


# Determiners that open a common noun phrase speaker ('the bank said', 'my father often said').
_NP_OPENERS = frozenset(("the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "your"))
# Words in -ing that are no participles.
_NOT_PARTICIPLES = frozenset(("during", "morning", "evening", "nothing", "something", "anything", "everything",
                              "building", "spring", "string", "thing", "ceiling", "sibling", "including",
                              "according", "following", "regarding", "concerning", "wedding", "meeting"))


def _participle(t: Tok) -> bool:
    """A lower-case word in -ing outside quotation marks that can be a participle ('marching')."""
    return t.quote == -1 and not t.mark and t.text.isalpha() and t.text.islower() and len(t.text) > 5 \
        and t.lower.endswith("ing") and t.lower not in _NOT_PARTICIPLES


def _plain_word(t: Tok) -> bool:
    """A word of letters (capitalised only at a sentence start) outside quotation marks."""
    return t.quote == -1 and not t.mark and t.text.replace("-", "").isalpha() and \
        (t.text.islower() or t.text[1:].islower())


def _summary_phrase(words: list[Tok]) -> bool:
    """Do ``words`` (opened by 'a'/'an'/'another') read as a noun phrase summing up the sentence
    before: up to three words of noun phrase, then 'that'/'which' or a participle with 'by'
    ('a step that could ease ...', 'a move welcomed by ...'), with no verb before it?"""
    for k in range(1, min(5, len(words))):
        w = words[k].lower
        if w in _RELATIVES:
            return k > 1
        if w.endswith(("ed", "en")) and k + 1 < len(words) and words[k + 1].lower == "by":
            return k > 1
        if _finite_hint(words[k], words[k - 1]):
            return False
    return False


def _finite_hint(x: Tok, prev: Tok) -> bool:
    """Does word x look like a finite verb after word prev: a listed verb or auxiliary, a
    negated auxiliary ("doesn’t"), a past form in -ed, or a present form in -s after a name or
    a pronoun ('Trump wants', 'it remains')?"""
    w = x.lower.replace("’", "'")
    if w in FINITE_HINTS or w.endswith("n't") or (w.endswith("ed") and len(w) > 4):
        return True
    return x.text.islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")) \
        and (pronoun_base(prev.lower) in ("he", "she", "it") or (is_name_word(prev) and prev.text[0].isupper())
             or (prev.text.isalpha() and prev.text.islower() and not prev.lower.endswith("s")
                 and prev.lower not in stopwords()))  # 'an internal review shows'



def np_loose(toks: list[Tok], k: int, hi: int) -> Span | None:
    """'according to a statement from the Turkish presidency': up to the next comma or the end."""
    j = k
    while j < hi and toks[j].text not in ",.;:!?" and not toks[j].mark and j - k < 10:
        j += 1
    return (k, j) if j > k else None
