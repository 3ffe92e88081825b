"""Attribution over one paragraph: each cue with its speaker and its content (steps 2-4 of the
method in :mod:`newslab.quotes`).

A cue is a reporting verb of ``quote_cues.yml`` outside quotation marks, or "according to". For
each, in this order:

1. **Is it reported speech?** Not when passive ("is said to"), negated or refused ("did not
   say", "declined to say") or hedged ("I would say").
2. **The speaker**: the phrase before the verb (see :mod:`newslab.quotes.phrases`), the subject
   of the sentence for a second verb ("... and said") or a participle ("..., saying"), or the
   phrase after it when inverted ("..., said Erdogan").
3. **The content**, the first that fits: the quote just before the speaker ('"...," X said'),
   a quote after the cue ('X said: "..."'), a "that" clause, a bare clause, or the clause before
   a comma ('..., X said'). Quotation marks inside reported speech are partial quotes.

The result is a list of :class:`Attribution` per paragraph; speakers are resolved later.

>>> from newslab import Article
>>> from newslab.quotes.cues import load_cues
>>> from newslab.quotes.marks import find_quote_marks
>>> from newslab.quotes.phrases import Rules
>>> from newslab.quotes.tokens import Paragraph
>>> a = Article.from_text('T\\n\\nModi told reporters that India wanted calm on the border.')
>>> quotes = find_quote_marks(a)
>>> par = Paragraph(a, 0, quotes, [], list(a.sentences))
>>> [(x.kind, x.how, a.text[x.start:x.end]) for x in attribute_paragraph(a, Rules(load_cues()), par, quotes)]
[('indirect', 'cue_that', 'India wanted calm on the border')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..tokenize import stopwords
from .cues import cue_first_words
from .layouts import layout_attributions
from .phrases import Rules, Span, np_loose
from .tokens import (BE, DAYS, DETERMINERS, FINITE_HINTS, PREPOSITIONS, PRONOUNS, QUANTIFIERS, Paragraph, Tok,
                     pronoun_base)

if TYPE_CHECKING:
    from ..article import Article
    from .marks import QuoteMarks

# Sentence openers that are only a fronted adverbial ('As the funeral progressed, Trump tweeted').
_FRONTED_OPENERS = frozenset(("as when while after before if although though because since despite "
                              "during in on at following amid with once until unless").split())
# Adverbs between a comma and a participle cue (', further remarking "..."').
_PARTICIPLE_ADVERBS = frozenset(("further", "also", "then", "later", "again"))
# Words after which a participle cue continues its sentence's speaker ('after saying', 'by adding').
_PARTICIPLE_LEADS = frozenset(("by", "after", "before", "while", "when", "upon", "without"))
# Particles after a characterising verb that make another verb ('called for', 'called off').
_PARTICLES = frozenset(("for", "off", "up", "out", "back"))
_MODALS = frozenset(("would", "could", "might", "may", "can"))
# A comma or a dash before a closing participle or another speaker ('— asserting that ...').
_COMMA_LIKE = frozenset((",", "—", "–", "―", "--"))
# Words that open an aside in commas after the verb besides prepositions ('said, without evidence, that').
_ASIDE_OPENERS = frozenset(("without", "per", "like", "as", "unprompted"))
# Subject pronouns that open a reported clause after a listener ('told the gathering she will ...').
_CLAUSE_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
# Words that open a relative or interrogative clause ('for what she calls "real answers"').
_WH_WORDS = frozenset(("what", "which", "who", "whom", "how", "why", "where"))
_CONNECTIVE_RE = re.compile(r"([A-Za-z]+),?\s+")


@dataclass
class Attribution:
    """A cue with its speaker tokens and its content: a quote (``quote`` >= 0) or a span."""

    kind: str
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    sp: Span | None              # speaker token range [a, b)
    how: str
    quote: int = -1
    inherit_from: int = -1       # index of another attribution whose speaker this one shares
    priority: int = 0
    unclosed: bool = False
    speaker_text: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    covers: tuple[int, ...] = ()  # a mixed clause: the quotes inside it


@dataclass
class _Speaker:
    """The speaker tokens of a verb, the apposition beside them, the attribution whose speaker a
    participle shares (-1: none) and whether the speaker follows the verb ('said Erdogan')."""

    sp: Span | None
    appos: Span | None = None
    inherit: int = -1
    inverted: bool = False


@dataclass
class _AfterCue:
    """What follows the verb: where a bare clause would start, an opening mark, a 'that'."""

    i0: int
    direct_at: int = -1
    that_at: int = -1


@dataclass
class _Cue:
    """One cue occurrence: tokens [k, end), its sentence [sa, sb) and clause start lo."""

    k: int
    end: int
    word: str
    start: int
    stop: int
    sa: int
    sb: int
    lo: int
    verb: tuple[str, str, bool] | None   # (lemma, indirect mode, partial_only); None: 'according to'


def attribute_paragraph(article: Article, rules: Rules, par: Paragraph, quotes: list[QuoteMarks],
                        labels: frozenset[str] = frozenset()) -> list[Attribution]:
    """Every attribution the cues of one paragraph make (see the module docstring), and those
    of the layouts without a cue verb (:mod:`newslab.quotes.layouts`; ``labels``: the article's
    transcript speakers)."""
    scan = _Scan(rules, par, quotes, article.text)
    scan.atts.extend(layout_attributions(rules, par, labels, article.text, Attribution))
    first = cue_first_words(rules.lex)
    k = 0  # tokens before k belong to the last cue found
    # Only a token whose word can start a cue is looked at (cue_at would turn the others down).
    for j in [j for j, t in enumerate(par.toks) if t.lower in first]:
        if j < k:
            continue
        cue = scan.cue_at(j)
        if cue is None:
            continue
        if cue.verb is None:
            scan.according_to(cue)
        else:
            scan.reporting_verb(cue)
        k = cue.end
    return scan.atts


class _Scan:
    """The attributions of one paragraph, built cue by cue."""

    def __init__(self, rules: Rules, par: Paragraph, quotes: list[QuoteMarks], text: str):
        self.rules, self.lex, self.par, self.toks = rules, rules.lex, par, par.toks
        self.quotes, self.text = quotes, text
        self.atts: list[Attribution] = []
        self.last_in_sentence: dict[int, int] = {}  # sentence id -> its last attribution with a speaker
        # ("open"|"close", quote) -> its first token position: a scan per lookup is quadratic in a
        # paragraph that holds a whole article
        self.mark_at = {(self.toks[j].mark, self.toks[j].quote): j for j in reversed(par.marked)}

    # -- finding cues ------------------------------------------------------------------------

    def cue_at(self, k: int) -> _Cue | None:
        """The cue starting at token k outside quotation marks, if any."""
        toks, lex = self.toks, self.lex
        t = toks[k]
        if t.quote != -1 or t.mark:
            return None
        nxt = toks[k + 1].lower if k + 1 < len(toks) else None
        if t.lower == "according" and nxt == "to":
            verb, end = None, k + 2
        elif nxt is not None and (t.lower, nxt) in lex.multiword:
            verb, end = lex.multiword[(t.lower, nxt)], k + 2
        elif t.lower in lex.forms and t.text == t.lower:  # 'United States' is not a cue
            verb, end = lex.forms[t.lower], k + 1
        elif self._fronted_verb(k):
            verb, end = lex.forms[t.lower], k + 1  # 'Said Raab: "..."': the verb first, then its speaker
        else:
            return None
        sa, sb = self.par.sentence_range(k)
        # The clause this cue belongs to starts after the last closing mark in its sentence.
        lo = next((j + 1 for j in range(k - 1, sa - 1, -1) if toks[j].mark == "close" or toks[j].quote != -1), sa)
        s, e = t.start, toks[end - 1].end
        return _Cue(k, end, self.text[s:e], s, e, sa, sb, lo, verb)

    def _fronted_verb(self, k: int) -> bool:
        """'Said Raab: "..."', 'Added the minister, "..."': a capitalised finite reporting verb
        opening its sentence, then a speaker phrase and a colon or a comma before a quote."""
        toks = self.toks
        t = toks[k]
        entry = self.lex.forms.get(t.lower)
        if entry is None or entry[2] or t.lower.endswith("ing") or t.text != t.lower.capitalize():
            return False
        if k > 0 and toks[k - 1].sentence == t.sentence and toks[k - 1].mark != "open":
            return False
        sp = self.rules.np_fwd(toks, k + 1, len(toks))
        return sp is not None and sp[1] + 1 < len(toks) and toks[sp[1]].text in ":," \
            and toks[sp[1] + 1].mark == "open"

    def cue_outside_quotes(self, a: int, b: int) -> bool:
        return any(self.rules.is_cue(x) and x.quote == -1 for x in self.toks[a:b])

    def quote_before(self, i: int) -> int:
        """The quote whose closing mark sits right before token i (commas between allowed)."""
        toks = self.toks
        j = i - 1
        while j >= 0 and toks[j].text == "," and not toks[j].mark:
            j -= 1
        return toks[j].quote if j >= 0 and toks[j].mark == "close" else -1

    def _runs_on_after_quote(self, qi: int, c1: int) -> bool:
        """Does the reporter's clause go on after quote qi ('said "a bomb" had gone off')? Not when
        the quote ends a sentence of its own ('said: "We will win." Then ...')."""
        if self.text[self.quotes[qi].end - 1] in ".!?…":
            return False
        close = self.mark_at.get(("close", qi), -1)
        return close != -1 and self._reporter_words_in(close + 1, c1) >= 2

    def _reporter_words_in(self, a: int, b: int) -> int:
        """Words of toks[a:b] outside quotation marks."""
        return sum(1 for x in self.toks[a:b] if x.quote == -1 and not x.mark and x.text[0].isalnum())

    def words_in(self, a: int, b: int) -> int:
        return sum(1 for x in self.toks[a:b] if x.text[0].isalnum())

    # -- adding attributions -----------------------------------------------------------------

    def quote_att(self, out: list[Attribution], cue: _Cue, sp: Span | None, kind: str, how: str, quote: int,
                  priority: int, inherit: int = -1) -> None:
        out.append(Attribution(kind, 0, 0, cue.word, cue.start, cue.stop, sp, how, quote=quote,
                               inherit_from=inherit, priority=priority))

    def clause(self, out: list[Attribution], c0: int, c1: int, s: int, e: int, cue: _Cue, sp: Span | None,
               how: str, inherit: int = -1) -> None:
        """Reported speech toks[c0:c1]: quotes inside become partial (or direct if they open it)."""
        toks = self.toks
        inner = sorted({toks[j].quote for j in range(c0, c1) if toks[j].mark == "open"})
        colon = any(toks[j].mark == "open" and j > c0 and toks[j - 1].text == ":" for j in range(c0, c1))
        opens_only = toks[c0].mark == "open" and not self._runs_on_after_quote(toks[c0].quote, c1)
        if inner and e > s and not colon and not opens_only and self._reporter_words_in(c0, c1) >= 2:
            # 'X said the flights were "only days away"': the whole clause, the quotes inside it
            out.append(Attribution("mixed", s, e, cue.word, cue.start, cue.stop, sp, how, inherit_from=inherit,
                                   covers=tuple(inner)))
            return
        for qi in inner:
            at = next(j for j in range(c0, c1) if toks[j].mark == "open" and toks[j].quote == qi)
            # A quote that opens the clause, or follows a colon ('told Anadolu news agency: "..."')
            opens_clause = at == c0 or toks[at - 1].text == ":"
            self.quote_att(out, cue, sp, "direct" if opens_clause else "partial", how, qi,
                           2 if opens_clause else 1, inherit)
        if not inner and self.words_in(c0, c1) >= 2 and e > s:
            out.append(Attribution("indirect", s, e, cue.word, cue.start, cue.stop, sp, how, inherit_from=inherit))

    def strip(self, s: int, e: int, connectives: frozenset[str] = frozenset()) -> tuple[int, int]:
        """Trim spaces, final punctuation and the reporter's opening connective from reported speech."""
        text = self.text
        while s < e and (text[s].isspace() or text[s] in ",;:"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?"):
            e -= 1
        m = _CONNECTIVE_RE.match(text, s, e)
        if m and m.group(1).lower() in connectives:
            s = m.end()
        return s, e

    def content_end(self, i: int, hi: int) -> int:
        """Token index where reported speech starting at i stops: the sentence end, a second
        verb ('..., and said'), another speaker (', a diplomatic source said.'), a closing
        participle (', adding ...') or ', according to'."""
        toks = self.toks
        for j in range(i, hi):
            t = toks[j]
            if t.quote != -1:
                continue
            if j > i and t.lower in ("and", "but") and self._new_report_after(j, hi):
                return j - 1 if toks[j - 1].text == "," else j  # '..., and said there was ...'
            if t.text in _COMMA_LIKE and j + 1 < hi and (self._another_speaker_after(j, hi)
                                                         or self._closing_participle(j, hi)):
                return j
        return self._past_open_quote(hi)

    def _past_open_quote(self, c1: int) -> int:
        """Reported speech never stops inside a quotation it opened: 'said the talks were "a
        slow process. But it moves."' runs to the closing mark, over the sentence break."""
        toks = self.toks
        last = toks[c1 - 1] if 0 < c1 <= len(toks) else None
        if last is None or last.quote == -1 or last.mark == "close":
            return c1
        close = next((j for j in range(c1, len(toks)) if toks[j].quote != last.quote or toks[j].mark == "close"), -1)
        return close + 1 if close != -1 and toks[close].mark == "close" else c1

    def _new_report_after(self, j: int, hi: int) -> bool:
        """'and said ...', 'but the other side's spokesman said ...', 'and more than 4 in 10 said
        ...': a cue outside quotation marks within a short subject after 'and'/'but' starts a
        new report (the narrator's), not more of this one."""
        toks = self.toks
        for m in range(j + 1, min(hi, j + 9)):
            x = toks[m]
            if x.quote != -1 or x.mark or x.text in ",;:" or x.lower == "that" or x.lower in _WH_WORDS:
                return False  # 'but also hungry for what she calls ...' is a relative clause
            if self.rules.is_cue(x):
                return m == j + 1 or not (self._passive_at(m) or toks[m - 1].lower in DETERMINERS)
            if x.lower in FINITE_HINTS:
                return False  # a verb before the cue: 'and Erdogan had agreed in a phone call'
        return False

    def _passive_at(self, m: int) -> bool:
        return self.toks[m - 1].lower in BE

    def _another_speaker_after(self, j: int, hi: int) -> bool:
        """', a diplomatic source said.' closing the sentence belongs to another speaker."""
        toks = self.toks
        for m in range(j + 2, min(hi, j + 9)):
            if self.rules.is_cue(toks[m]) and toks[m].quote == -1:
                between = toks[j + 1:m]
                return bool(between) and all(x.text[0].isalnum() and x.quote == -1 for x in between) and \
                    (between[0].lower in DETERMINERS or between[0].lower in PRONOUNS
                     or self.rules.is_np_word(between[0])) and \
                    (m + 1 >= hi or toks[m + 1].text in ".,;!?" or toks[m + 1].lower in PREPOSITIONS)
        return False

    def _closing_participle(self, j: int, hi: int) -> bool:
        """', adding ...', ', citing ...', ', according to ...' after a comma end the content."""
        nxt = self.toks[j + 1]
        if nxt.quote != -1 or nxt.mark:
            return False
        if nxt.lower in self.lex.clause_breaks:
            return True  # ', although he refused ...': the reporter's clause
        if nxt.lower.endswith("ly") and j + 2 < hi:
            nxt = self.toks[j + 2]  # ', implicitly putting ...'
        if nxt.lower.endswith("ing") and (nxt.lower in self.lex.forms or nxt.lower in self.lex.closing_participles):
            return True  # ', adding ...', ', putting his name on the line'

        return nxt.lower == "according" and j + 2 < hi and self.toks[j + 2].lower == "to"

    # -- 'according to X' --------------------------------------------------------------------

    def according_to(self, cue: _Cue) -> None:
        """'..., according to X.', '... yesterday according to X.' and 'According to X, ...'."""
        toks = self.toks
        sp = self.rules.np_fwd(toks, cue.end, cue.sb) or np_loose(toks, cue.end, cue.sb)
        if sp is None:
            return
        k, lo, after = cue.k, cue.lo, sp[1]
        if k > lo and toks[k - 1].text == ",":
            self._according_after_content(cue, sp)
        elif k > lo and (after >= cue.sb or toks[after].text in ".!?") and not self.cue_outside_quotes(lo, k):
            # '... entered Tell Tamer yesterday according to state media.'
            s, e = self.strip(toks[lo].start, toks[k - 1].end, self.lex.connectives)
            self.clause(self.atts, lo, k, s, e, cue, sp, "according_to")
        elif after < cue.sb and toks[after].text == ",":
            self._according_before_content(cue, sp)

    def _according_after_content(self, cue: _Cue, sp: Span) -> None:
        """'..., according to X.': the quote or the clause before the comma."""
        toks, k, lo = self.toks, cue.k, cue.lo
        q = self.quote_before(k)
        if q != -1:
            self.quote_att(self.atts, cue, sp, "direct", "according_to", q, 3)
            return
        if self.cue_outside_quotes(lo, k):
            return  # 'The ministry said ..., according to state media': the ministry speaks
        if lo > cue.sa and toks[lo].text[:1].islower() and not self.cue_outside_quotes(cue.sa, lo) \
                and toks[cue.sa].mark != "open":
            lo = cue.sa  # 'Thousands joined a "walk-in" at 200 schools, according to X': a quote inside the clause
        if lo > cue.sa and toks[lo].text[:1].islower():
            return  # 'He shouted "..." before opening fire, according to witnesses': the end of a sentence
        if self.cue_outside_quotes(sp[1], cue.sb):
            return  # 'Witnesses, according to The Telegraph, said ...': the verb after has its own speaker
        c1, end_char = k - 1, toks[k - 1].start
        after = sp[1]
        nxt = toks[after + 1] if after + 1 < cue.sb else None
        verb_before = k >= 2 and (toks[k - 2].lower in FINITE_HINTS or toks[k - 2].lower.endswith("ed"))
        if nxt is not None and toks[after].text == "," and nxt.quote == -1 \
                and nxt.lower not in self.lex.speaker_words and (verb_before or not (
                nxt.lower in DETERMINERS or nxt.lower in QUANTIFIERS or nxt.lower in self.lex.clause_breaks
                or nxt.lower in ("which", "whose", "who", "more", "less") or nxt.text[0].isdigit())):
            # 'Thunberg then led, according to Time, the largest ...': a parenthesis inside the content
            # (not ', according to X, a former aide, whose ...' or ', according to X, director of Y':
            # the source's own apposition)
            tail_end = self.content_end(after + 1, cue.sb)
            if self.words_in(after + 1, tail_end) >= 2:
                c1, end_char = tail_end, toks[tail_end - 1].end
        s, e = self.strip(toks[lo].start, end_char, self.lex.connectives)
        self.clause(self.atts, lo, c1, s, e, cue, sp, "according_to")

    def _according_before_content(self, cue: _Cue, sp: Span) -> None:
        """'According to X, ...' (and 'According to X, formerly the director of Y, ...')."""
        toks, sb = self.toks, cue.sb
        c0 = self._skip_source_apposition(sp[1] + 1, sb)
        c1 = self.content_end(c0, sb)
        if c0 < sb and toks[c0].mark == "open":
            self.quote_att(self.atts, cue, sp, "direct", "according_to", toks[c0].quote, 2)
        elif c0 < c1:
            s, e = self.strip(toks[c0].start, toks[c1 - 1].end, self.lex.connectives)
            self.clause(self.atts, c0, c1, s, e, cue, sp, "according_to")

    def _skip_source_apposition(self, c0: int, sb: int) -> int:
        """A lower-case phrase in commas after the source describes it, without a verb
        ('According to X, formerly the director of Y, ...'): the content starts after it."""
        toks = self.toks
        if c0 < sb and (toks[c0].text.islower() or toks[c0].lower in DETERMINERS) and toks[c0].quote == -1:
            nxt_comma = next((m for m in range(c0, min(sb, c0 + 25)) if toks[m].text == ","
                              and toks[m].quote == -1), -1)
            if nxt_comma != -1 and not any(self.rules.is_cue(x) for x in toks[c0:nxt_comma]) and \
                    not any(x.lower in FINITE_HINTS for x in toks[c0:nxt_comma]):
                return nxt_comma + 1
        return c0

    # -- reporting verbs ---------------------------------------------------------------------

    def reporting_verb(self, cue: _Cue) -> None:
        """Speaker and content of one reporting verb (steps 1-3 of the module docstring)."""
        if self._passive(cue) or self._not_reporting(cue):
            return
        who = self._speaker(cue)
        if who is None:
            return
        made: list[Attribution] = []
        q = self._quote_then_cue(cue, who, made)
        after = self._after_cue(cue, who)
        self._content(cue, who, q, after, made)
        self._record(cue, who, made)

    def _passive(self, cue: _Cue) -> bool:
        """'is said to', 'was told': the subject is not the speaker ('was quoted as saying' is)."""
        toks, k, lo = self.toks, cue.k, cue.lo
        if toks[k].lower.endswith("ing"):
            return False  # 'Trump is telling a veterans group that ...' is progressive, not passive
        return k - 1 >= lo and toks[k - 1].lower in BE and not (k - 2 >= lo and toks[k - 2].lower == "quoted")

    def _not_reporting(self, cue: _Cue) -> bool:
        """'Peskov did not say whether ...', 'declined to say', 'I would say' are no reported speech."""
        before = [t.lower for t in self.toks[max(cue.lo, cue.k - 3):cue.k]]
        if any(w in ("not", "never") or w.endswith("n't") for w in before[-2:]):
            return True
        if len(before) >= 2 and before[-1] == "to" and before[-2] in self.lex.refusal_verbs:
            return True
        # 'I would say', "I'd say", 'we might add': a speaker hedging, not a report
        return len(before) >= 2 and before[-1] in _MODALS and pronoun_base(before[-2]) in ("i", "we", "you") \
            or (before[-1:] and before[-1] in ("i'd", "we'd"))

    def _speaker(self, cue: _Cue) -> _Speaker | None:
        """Who speaks through this verb; None when the cue has no speaker."""
        found = self._speaker_before(cue)
        if found is not None:
            return _Speaker(found[0], found[1])
        if self._participle_continuing(cue):
            inherit = self.last_in_sentence.get(self.toks[cue.k].sentence, -1)
            if inherit != -1:
                return _Speaker(None, inherit=inherit)
            # 'Erdogan lashed out at Moscow, saying ...': the subject of the sentence speaks
            sp = self.rules.subject_np(self.toks, cue.sa, cue.k)
            return _Speaker(sp) if sp is not None else None
        if (self._after_comma_or_quote(cue) or cue.k == cue.sa) and not cue.verb[2]:
            sp = self.rules.np_fwd(self.toks, cue.end, cue.sb)  # '"...," said Erdogan'
            if sp is None and self.quote_before(cue.k) != -1:
                sp = self.rules.np_fwd_common(self.toks, cue.end, cue.sb)  # '"...," said the ruling.'
            if sp is not None:
                return _Speaker(sp, inverted=True)
        return None

    def _speaker_before(self, cue: _Cue) -> tuple[Span, Span | None] | None:
        """The phrase before the verb; for 'who said' the phrase before 'who'; for '... and said'
        the subject of the sentence."""
        toks, k, lo, rules = self.toks, cue.k, cue.lo, self.rules
        found = rules.np_back(toks, k, lo)
        w = rules.skip_back(toks, k, lo)  # 'who in 2010 said', 'which also said'
        if found is None and w >= lo and toks[w].lower in ("who", "which"):
            # 'a statement which said', 'Kalin, who told reporters'
            j = w - 1 if w - 1 >= lo and toks[w - 1].text != "," else w - 2
            np_ = rules.np_ending_at(toks, j, lo)
            found = (np_, None) if np_ else None
        if found is None and k - 1 >= lo and toks[k - 1].lower in ("and", "but"):
            # 'Erdogan cited Article 5 and said, "..."': the subject of the sentence speaks
            np_ = rules.subject_np(toks, cue.sa, k - 1)
            found = (np_, None) if np_ else None
        return found

    def _participle_continuing(self, cue: _Cue) -> bool:
        """A participle cue after a comma, a quote or 'after'/'by' ('..., adding that ...')
        continues the speaker of its sentence."""
        toks = self.toks
        if not toks[cue.k].lower.endswith("ing"):
            return False
        prev_k = cue.k - 1
        while prev_k > 0 and toks[prev_k].lower in _PARTICIPLE_ADVERBS:
            prev_k -= 1  # ', further remarking "..."'
        return prev_k >= 0 and (toks[prev_k].text in _COMMA_LIKE or toks[prev_k].mark == "close"
                                or toks[prev_k].lower in _PARTICIPLE_LEADS)

    def _after_comma_or_quote(self, cue: _Cue) -> bool:
        """A verb right after a comma or a closing mark may be inverted ('"...," said X')."""
        k = cue.k
        return k - 1 >= 0 and (self.toks[k - 1].text == "," or self.toks[k - 1].mark == "close")

    # -- content -------------------------------------------------------------------------------

    def _quote_then_cue(self, cue: _Cue, who: _Speaker, made: list[Attribution]) -> int:
        """'"...," X said' / '"...," said X': the quote just before the speaker (-1 if none)."""
        if cue.verb[2]:
            return -1  # a partial-only verb ('called') never takes a full quote before it
        np_start = cue.k if who.inverted else (who.sp[0] if who.sp else cue.k)
        if who.appos is not None:
            np_start = min(np_start, who.appos[0])  # '"...," Erdogan's spokesman, Ibrahim Kalin, said'
        q = self.quote_before(np_start)
        if q == -1 and np_start > 0 and self.toks[np_start - 1].lower == "as" and not who.inverted:
            q = self.quote_before(np_start - 1)  # '"...," as the memo put it'
        if q == -1 and who.sp is not None and not who.inverted and who.appos is None:
            q = self._quote_before_modifiers(who)
        if q != -1 and self._new_sentence_after_quote(cue, q):
            return -1
        if q != -1 and self._reporter_words_before(q):
            # 'The talks were "constructive", an official said': the reporter's clause with the quote
            self._mixed_before(cue, who, q, made)
        elif q != -1:
            self.quote_att(made, cue, who.sp, "direct", "quote_then_cue", q, 3, who.inherit)
        return q

    def _quote_before_modifiers(self, who: _Speaker) -> int:
        """'"...," retired Army general Ved Malik said': up to two lower-case modifiers between the
        closing mark and the speaker's name belong to the speaker phrase, which grows over them;
        the quote (or -1)."""
        toks, a = self.toks, who.sp[0]
        for n in (1, 2):
            m = a - n
            if m < 1 or not all(_plain_lower(toks[x]) and not self.rules.is_cue(toks[x]) for x in range(m, a)):
                return -1
            q = self.quote_before(m)
            if q != -1:
                who.sp = (m, who.sp[1])
                return q
        return -1

    def _mixed_before(self, cue: _Cue, who: _Speaker, q: int, made: list[Attribution]) -> None:
        """The clause from the sentence start to the closing mark of quote q, a mixed quote."""
        toks = self.toks
        close = self.mark_at[("close", q)]
        sa, _ = self.par.sentence_range(close)
        c0 = sa + 1 if toks[sa].mark == "open" and toks[sa].quote != q else sa
        s, _e = self.strip(toks[c0].start, toks[close].end, self.lex.connectives)
        inner = tuple(sorted({toks[j].quote for j in range(c0, close + 1) if toks[j].mark == "open"} | {q}))
        made.append(Attribution("mixed", s, toks[close].end, cue.word, cue.start, cue.stop, who.sp,
                                "quote_then_cue", inherit_from=who.inherit, covers=inner, priority=3))

    def _new_sentence_after_quote(self, cue: _Cue, q: int) -> bool:
        """'"... you know that." UNESCO reportedly said a change ...' starts a new sentence with
        its own content, but '"Why should we?" Erdogan asked.' is still attributed."""
        return self.text[self.quotes[q].end - 1] in ".!?…" and not self._same_sentence_as_close(q, cue.k) \
            and self._has_complement(cue)

    def _same_sentence_as_close(self, qi: int, k: int) -> bool:
        close = self.mark_at.get(("close", qi))
        return close is not None and self.toks[close].sentence == self.toks[k].sentence

    def _has_complement(self, cue: _Cue) -> bool:
        """Does reported speech follow the cue (a 'that' clause, a quote or a bare clause)?"""
        toks, hi = self.toks, cue.sb
        i = self._skip_adverbials(self.rules.skip_audience(toks, cue.end, hi, cue.verb[0]), hi)
        return any(t.lower == "that" or t.mark == "open" for t in toks[i:min(hi, i + 12)]) \
            or self.rules.is_clause_start(toks, i, hi)

    def _reporter_words_before(self, qi: int) -> bool:
        """Are there words outside quotation marks between the sentence start and quote qi?"""
        toks = self.toks
        k = self.mark_at.get(("open", qi))
        if k is None:
            return False
        if k > 0 and toks[k - 1].text == ":":
            return False  # 'the WHO noted the need to act: "All countries can ..."' is a full quote
        sa, _ = self.par.sentence_range(k)
        return any(toks[i].quote == -1 and not toks[i].mark and toks[i].text[0].isalnum() for i in range(sa, k))

    def _after_cue(self, cue: _Cue, who: _Speaker) -> _AfterCue:
        """Skip the audience, a listener and adverbials after the verb, then look (up to 12
        tokens) for an opening mark, a 'that', or a comma before a clause."""
        toks, sb, lemma = self.toks, cue.sb, cue.verb[0]
        i = self.rules.skip_audience(toks, who.sp[1] if who.inverted else cue.end, sb, lemma)
        if lemma in self.lex.listener_verbs:
            i = self._that_after_listener(i, sb)
        after = _AfterCue(self._skip_adverbials(i, sb))
        steps = 0
        while i < sb and steps < 12:
            x = toks[i]
            j = self.rules.time_phrase_end(toks, i, sb)
            if j > i:
                i, steps = j, steps + 1  # a date between the verb and its content
                continue
            if x.text in ("—", "–", "--", "(") and x.quote == -1:
                j = self._aside_end(i, sb)
                if j == -1:
                    break
                i, steps = j + 1, steps + 1  # 'said — as reported by Hurriyet — "..."'
                continue
            if x.mark == "open" and i > 0 and toks[i - 1].lower.endswith(("'s", "’s")):
                close = next((j for j in range(i + 1, sb) if toks[j].mark == "close"), -1)
                if close != -1 and close - i <= 5:
                    i, steps = close + 1, steps + 1  # "told MSNBC's "Morning Joe" that ...": a title
                    continue
            if x.mark == "open":
                after.direct_at = i
                break
            if x.lower == "that" and x.quote == -1:
                after.that_at = i
                break
            if x.text in ":," and i + 1 < sb and toks[i + 1].mark == "open":
                after.direct_at = i + 1  # 'said: "..."', 'said, "..."'
                break
            if x.text == "," and steps == 0 and i + 1 < sb and (toks[i + 1].lower in PREPOSITIONS
                                                                or toks[i + 1].lower in _ASIDE_OPENERS) \
                    and toks[i + 1].quote == -1:
                i, steps = i + 1, steps + 1  # 'He said, in remarks published by CNN in February, "..."'
                continue
            if x.text == "," and steps > 0 and i + 1 < sb and toks[i + 1].lower == "that" and toks[i + 1].quote == -1:
                i, steps = i + 1, steps + 1  # 'said, without evidence, that ...': the aside closes
                continue
            if x.text == "," and steps > 0 and cue.verb[1] == "clause" and i + 1 < sb \
                    and self.rules.is_clause_start(toks, i + 1, sb):
                after.i0 = i + 1  # 'said in a statement, Navalny would be ...'
                break
            if x.text in ".;!?,:" or self.rules.is_cue(x) or x.quote != -1:
                break
            if steps == 0 and not (x.lower in self.lex.adverbials or x.text in DAYS or x.lower in PREPOSITIONS):
                break  # the words after the verb are no adverbial phrase
            i, steps = i + 1, steps + 1
        if after.direct_at == -1 and after.that_at == -1:
            after.direct_at = self._quote_after_colon(cue.end, sb)
        return after

    def _quote_after_colon(self, i: int, sb: int) -> int:
        """'added a caveat: "..."', 'explained it this way: "..."', 'replied, with a smile: "..."':
        a short object or aside, then a colon and a quote; the index of the opening mark, or -1."""
        toks = self.toks
        for j in range(i, min(sb - 1, i + 10)):
            x = toks[j]
            if x.text == ":" and toks[j + 1].mark == "open":
                return j + 1
            if x.quote != -1 or x.mark or x.text in ".;!?:" or self.rules.is_cue(x):
                return -1
        return -1

    def _that_after_listener(self, i: int, sb: int) -> int:
        """'told his party's lawmakers in parliament that ...': the listener can be any phrase;
        a subject pronoun after it opens the reported clause too ('told a gathering in Leeds he
        will ...')."""
        for j in range(i, min(sb, i + 12)):
            x = self.toks[j]
            if x.lower == "that" and x.quote == -1:
                return j
            if pronoun_base(x.lower) in _CLAUSE_PRONOUNS and x.quote == -1:
                # the first subject pronoun after a short listener phrase ('a party gathering in Leeds')
                short = j - i <= 7 and sum(_plain_lower(y) and y.lower not in self.lex.speaker_words
                                           for y in self.toks[i:j]) <= 2
                return j if short and self.rules.is_clause_start(self.toks, j, sb) else i
            if x.text in ".;!?,:" or x.mark or x.quote != -1 or self.rules.is_cue(x):
                break
        return i

    def _skip_adverbials(self, i: int, sb: int) -> int:
        """'said earlier he might ...', 'said Monday Turkey would ...', 'reported on Sunday the party had'."""
        toks = self.toks
        while i < sb:
            j = self.rules.time_phrase_end(toks, i, sb)  # 'said Thursday (March 5)', 'said on Sept. 3'
            if j > i:
                i = j
            elif toks[i].lower in self.lex.adverbials and toks[i].lower not in PREPOSITIONS:
                i += 1
            else:
                break
        return i

    def _aside_end(self, i: int, sb: int) -> int:
        """The dash or bracket closing an aside opened at i (within 15 tokens), or -1."""
        toks = self.toks
        closer = ")" if toks[i].text == "(" else toks[i].text
        j = i + 1
        while j < sb and toks[j].text != closer and j - i < 15 and toks[j].quote == -1:
            j += 1
        return j if j < sb and toks[j].text == closer else -1

    def _second_half(self, cue: _Cue, who: _Speaker, q: int, made: list[Attribution]) -> None:
        """'"The risk," said X, an economist at Y, "is that ..."': the quote after a comma later in
        the sentence goes on with the quote before the speaker (no other cue between them)."""
        toks = self.toks
        for j in range(cue.end, cue.sb):
            t = toks[j]
            if t.mark == "open" and t.quote != q and (toks[j - 1].text == "," or (
                    toks[j - 1].lower in ("but", "and") and j - 2 >= cue.end and toks[j - 2].text == ",")):
                # '"..., " he said, but "...": the quote after the conjunction goes on too
                self.quote_att(made, cue, who.sp, "direct", "cue_then_quote", t.quote, 2, who.inherit)
                return
            if t.quote != -1 or t.mark or self.rules.is_cue(t) or t.text in ".;!?":
                return

    def _content(self, cue: _Cue, who: _Speaker, q: int, after: _AfterCue, made: list[Attribution]) -> None:
        """The reported speech after the cue, or else before it (step 3 of the module docstring)."""
        toks, sb = self.toks, cue.sb
        _lemma, mode, partial_only = cue.verb
        if q != -1 and after.direct_at == -1 and not partial_only:
            self._second_half(cue, who, q, made)
        if partial_only:  # 'X called the deal "a mistake"': the object with the quote is mixed
            if cue.end < sb and (toks[cue.end].lower in PREPOSITIONS or toks[cue.end].lower in _PARTICLES):
                return  # 'called on X to ...', 'called for calm' make no characterisation
            c1 = self.content_end(cue.end, sb)
            # the characterisation ends with its last quoted words ('described X as "a disgrace"')
            c1 = next((j + 1 for j in range(c1 - 1, cue.end - 1, -1) if toks[j].mark == "close"), c1)
            inner = tuple(sorted({toks[j].quote for j in range(cue.end, c1) if toks[j].mark == "open"}))
            if inner and self._reporter_words_in(cue.end, c1) >= 2:
                s, e = self.strip(toks[cue.end].start, toks[c1 - 1].end)
                made.append(Attribution("mixed", s, e, cue.word, cue.start, cue.stop, who.sp, "partial_cue",
                                        inherit_from=who.inherit, covers=inner))
                return
            for j in range(cue.end, c1):  # 'X called "for calm"': each quoted phrase is partial
                if toks[j].mark == "open":
                    self.quote_att(made, cue, who.sp, "partial", "partial_cue", toks[j].quote, 1, who.inherit)
        elif after.direct_at != -1:
            # 'X said: "..."', and the second half of '"...," X said, "..."'
            at, qa = after.direct_at, toks[after.direct_at].quote
            c1 = self.content_end(at, sb)
            if qa != q and toks[at - 1].text not in ":," and mode != "none" and self._runs_on_after_quote(qa, c1):
                s, e = self.strip(toks[at].start, toks[c1 - 1].end)  # 'said "a bomb" had gone off'
                self.clause(made, at, c1, s, e, cue, who.sp, "cue_then_quote", who.inherit)
            elif qa != q:
                self.quote_att(made, cue, who.sp, _kind_after_cue(toks, at), "cue_then_quote", qa, 2, who.inherit)
        elif after.that_at != -1 and mode != "none" and q == -1:
            self._clause_after(cue, who, after.that_at + 1, "cue_that", made)
        elif mode == "clause" and q == -1 and self.rules.is_clause_start(toks, after.i0, sb):
            self._clause_after(cue, who, after.i0, "cue_clause", made)
        elif q == -1 and mode != "none" and who.inherit == -1:
            self._clause_before(cue, who, after.i0, made)

    def _clause_after(self, cue: _Cue, who: _Speaker, c0: int, how: str, made: list[Attribution]) -> None:
        """'X said (that) ...': the clause from c0 to where the reported speech ends."""
        c1 = self.content_end(c0, cue.sb)
        if c0 < c1:
            s, e = self.strip(self.toks[c0].start, self.toks[c1 - 1].end)
            self.clause(made, c0, c1, s, e, cue, who.sp, how, who.inherit)

    def _clause_before(self, cue: _Cue, who: _Speaker, i0: int, made: list[Attribution]) -> None:
        """'..., X said.' — the clause from the sentence start to the comma before the speaker,
        when nothing follows the cue. Quotation marks inside it make partial quotes ('Both have
        a "strategic interest" in ..., he said')."""
        toks, sa, sb = self.toks, cue.sa, cue.sb
        np_first = cue.k if who.inverted else who.sp[0]
        tail_ok = i0 >= sb or toks[i0].text in ".,;!?" or toks[i0].lower in PREPOSITIONS \
            or toks[i0].lower in self.lex.adverbials
        if tail_ok and np_first - 2 > cue.lo and toks[np_first - 1].lower == "as" and toks[np_first - 2].text == ",":
            np_first -= 1  # '..., as a Home Office memo put it.': 'as' opens the reporting clause
        if not (tail_ok and np_first - 1 > cue.lo and toks[np_first - 1].text == ","):
            return
        c0, c1 = sa, np_first - 1
        if who.appos is not None and who.appos[0] < who.sp[0]:
            c1 = _comma_before(toks, who.appos[0], sa)  # 'Erdogan's spokesman, Ibrahim Kalin, said'
        if toks[c0].lower in _FRONTED_OPENERS and not any(x.text == "," for x in toks[c0:c1]):
            # 'As the funeral progressed, Trump tweeted ...': only a fronted adverbial; but
            # 'During his years in office, Obama said, a majority ... came to believe ...': the clause after
            if i0 + 1 < sb and toks[i0].text == "," and self.rules.is_clause_start(toks, i0 + 1, sb):
                self._clause_after(cue, who, i0 + 1, "cue_clause", made)
            return
        if c1 <= c0:
            return
        c_end = self._parenthetical_tail(cue, who, i0, c1)
        s, e = self.strip(toks[c0].start, toks[c_end - 1].end, self.lex.connectives)
        if toks[c0].mark == "open":
            s = toks[c0].end  # a quotation mark opening the sentence is not content
        self.clause(made, c0, c_end, s, e, cue, who.sp, "clause_then_cue", who.inherit)

    def _parenthetical_tail(self, cue: _Cue, who: _Speaker, i0: int, c1: int) -> int:
        """'These orcas, she suggested, specialize in ...': a cue in commas is a parenthesis and
        the content goes on after it; returns where the content ends."""
        toks, sb = self.toks, cue.sb
        nxt = toks[i0 + 1] if i0 + 1 < sb else None
        if not who.inverted and nxt is not None and toks[i0].text == "," and not nxt.lower.endswith("ing") \
                and nxt.quote == -1 and not nxt.mark and not nxt.text[0].isdigit() \
                and (nxt.lower not in DETERMINERS or self.rules.is_clause_start(toks, i0 + 1, sb)) \
                and nxt.lower not in PREPOSITIONS and nxt.lower not in self.lex.clause_breaks:
            # ', two days after ...', ', when ...' are the reporter's, not the rest of the content
            after = self.content_end(i0 + 1, sb)
            if self.words_in(i0 + 1, after) >= 2:
                return max(after, c1)
        return c1

    def _record(self, cue: _Cue, who: _Speaker, made: list[Attribution]) -> None:
        """Keep the attributions; remember the speaker for a participle later in the sentence."""
        sid = self.toks[cue.k].sentence
        if made:
            self.atts.extend(made)
            self.last_in_sentence[sid] = len(self.atts) - 1 if who.inherit == -1 else who.inherit
        elif who.sp is not None and who.inherit == -1:
            # A speaker with a cue but no content here ('Putin said in a statement:' at paragraph end)
            self.atts.append(Attribution("none", 0, 0, cue.word, cue.start, cue.stop, who.sp, "speaker_only"))
            self.last_in_sentence[sid] = len(self.atts) - 1


def _kind_after_cue(toks: list[Tok], open_at: int) -> str:
    """'X said: "There will be ..."' is a direct quote; 'X warned of "serious consequences"' (a
    short phrase that starts in lower case and ends without a full stop) is a partial one."""
    qi = toks[open_at].quote
    inner, j = [], open_at + 1
    while j < len(toks) and toks[j].quote == qi and not toks[j].mark:  # no slice: O(quote), not O(paragraph)
        inner.append(toks[j].text)
        j += 1
    first = next((w for w in inner if w[0].isalnum()), "")
    n_words = sum(1 for w in inner if w[0].isalnum())
    if first[:1].islower() and n_words <= 5 and inner[-1] not in (".", "!", "?", "…", ","):
        return "partial"
    return "direct"


def _plain_lower(t: Tok) -> bool:
    """A lower-case word of letters outside quotation marks that is no grammar word ('retired',
    not 'while')."""
    return t.quote == -1 and not t.mark and t.text.isalpha() and t.text.islower() \
        and t.lower not in stopwords() and t.lower not in PREPOSITIONS


def _comma_before(toks: list[Tok], i: int, lo: int) -> int:
    j = i - 1
    while j > lo and toks[j].text != ",":
        j -= 1
    return j
