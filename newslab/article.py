"""The document model: one :class:`Article` owns its text; everything else is a span into it.

Modelled on spaCy's ``Doc``/``Span``: paragraphs, sentences and tokens are small objects holding
``start``/``end`` character offsets into ``article.text``, so ``article.text[s.start:s.end]`` is
always the span's text. ``article.text`` is the decoded original; cleaning (a repeated title line,
a dateline, section heads such as "Mutual need:", trailing boilerplate such as "More from this
category") only decides which spans exist, and is remembered in ``article.structure``.

Example
-------
>>> a = Article.from_text("Talks in Sochi\\n\\nSOCHI, Russia: Mr. Putin met Mr. Erdogan. They agreed.")
>>> a.title, a.dateline, a.n_sentences
('Talks in Sochi', 'SOCHI, Russia', 2)
>>> s = a.sentences[0]; a.text[s.start:s.end] == s.text
True
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from . import layers
from .errors import ArticleIndexError, ParameterError
from .resources import lemma_forms, load_word_list
from .tokenize import TOKEN_RE, is_word, iter_tokens, split_sentences, stopwords


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of an article's text: ``article.text[start:end]``."""

    start: int
    end: int
    label: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph (``i`` counts body paragraphs only, from 0)."""

    i: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence; ``paragraph`` is the index of the body paragraph that holds it."""

    i: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A word or punctuation token; ``sentence`` is the index of its sentence.

    Treat it as read-only. It is not a frozen dataclass only because an article has hundreds of
    tokens and frozen construction costs twice as much.
    """

    i: int
    sentence: int
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return is_word(self.text)

    @property
    def is_stop(self) -> bool:
        return self.text.lower() in stopwords()


# A dateline opens the first body paragraph: "SOCHI, Russia:", "MOSCOW (Reuters) -",
# "ANKARA, Nov 13 (AFP) —". At most ~6 words before the separator, each capitalised or a number.
_DATELINE_RE = re.compile(
    r"""(?P<dateline>[A-Z][A-Za-z.'’-]*(?:[ ,]+(?:[A-Z][A-Za-z.'’-]*|\d{1,4}))*\.?(?:\s*\([A-Za-z/ .-]+\))?)"""
    r"""\s*(?::|\s[-–—]{1,2})\s+(?=\S)"""
)


@lru_cache(maxsize=4)
def _date_line_re(months: tuple[str, ...], weekdays: tuple[str, ...]) -> re.Pattern[str]:
    """A paragraph that is only a date: "Friday, January 4, 2019", "4 January 2019", "2019-01-04"."""
    names = "|".join(m.capitalize() for m in months)
    days = "|".join(d.capitalize() for d in weekdays)
    return re.compile(rf"(?:(?:{days}),?\s+)?(?:(?:{names})\s+\d{{1,2}},?\s+\d{{4}}"
                      rf"|\d{{1,2}}\s+(?:{names})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")


def date_line_re() -> re.Pattern[str]:
    """The dateline regex from the month and weekday names of ``time_cues.yml``."""
    from .timecues import calendar_words  # read on demand: importing the article stays light

    words = calendar_words()
    return _date_line_re(words.full_months, words.weekdays)
# Runs of non-blank lines; a line ends at \n, \r\n or an old-Mac \r.
_BLOCK_RE = re.compile(r"\S[^\n\r]*(?:(?:\r\n?|\n)[ \t]*\S[^\n\r]*)*")
_LINE_BREAK_RE = re.compile(r"\r\n?|\n")
_HEADING_MAX_WORDS = 8
QUOTE_CUES = "quote_cues.yml"  # its reporting verbs tell a quote's introduction from a section head
_TERMINAL = ".!?\"'”’)…"


@dataclass
class Structure:
    """What the loader recognised and kept out of sentences (all as spans into the text)."""

    title: Span | None = None
    title_repeats: list[Span] = field(default_factory=list)
    dateline: Span | None = None
    headings: list[Span] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        rows = []
        for kind, spans in (("title", [self.title] if self.title else []),
                            ("title_repeat", self.title_repeats),
                            ("dateline", [self.dateline] if self.dateline else []),
                            ("heading", self.headings), ("boilerplate", self.boilerplate)):
            rows += [{"kind": kind, "start": s.start, "end": s.end, "text": s.text} for s in spans]
        return pd.DataFrame(rows, columns=["kind", "start", "end", "text"]).sort_values("start", ignore_index=True)


def _reporting_re() -> re.Pattern[str]:
    """Any reporting verb of ``resources/quote_cues.yml`` or "according to", as one regex: the
    words of :func:`newslab.quotes.cues.reporting_words`, read here through
    :func:`newslab.resources.lemma_forms` because :mod:`newslab.quotes` imports this module."""
    words = lemma_forms(QUOTE_CUES, "verbs") | {"according to"}
    return _compile_reporting(tuple(sorted(words, key=lambda w: (-len(w), w))))


@lru_cache(maxsize=8)
def _compile_reporting(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b",
                      re.IGNORECASE)


@lru_cache(maxsize=8)
def _compile_boilerplate(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled patterns of ``resources/boilerplate.txt`` (recompiled only when the file changes)."""
    return _compile_boilerplate(load_word_list("boilerplate.txt"))


def _trimmed(text: str, s: int, e: int, label: str) -> Span:
    """A structure span over ``text[s:e]`` without its surrounding white space, so that the span's
    text, which is stripped, is still ``text[start:end]``."""
    chunk = text[s:e]
    s += len(chunk) - len(chunk.lstrip())
    e = s + len(chunk.strip())
    return Span(s, e, label, text[s:e])


def _is_boilerplate(block: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    if len(block) > 300:  # page furniture is short; skip the regexes for real paragraphs
        return False
    flat = " ".join(block.split())
    return any(p.fullmatch(flat) for p in patterns)


def _is_heading(block: str) -> bool:
    """A short line that introduces a section ("Mutual need:", "High opinions of themselves:")."""
    # At most one piece more than a head may have: enough to tell, without splitting a whole paragraph.
    words = block.split(None, _HEADING_MAX_WORDS)
    if not words or len(words) > _HEADING_MAX_WORDS or not words[0][:1].isupper():
        return False
    if _LINE_BREAK_RE.search(block.strip()):
        return False
    if block.rstrip().endswith(":"):
        # "Kremlin spokesman Dmitry Peskov told reporters:" introduces a quote; it is not a head.
        return not _reporting_re().search(block)
    # Title-like line without terminal punctuation: most words capitalised, no inner comma.
    if block.rstrip()[-1] in _TERMINAL + ",;" or "," in block:
        return False
    caps = sum(w[:1].isupper() for w in words if len(w) > 3)
    long_words = sum(len(w) > 3 for w in words)
    return long_words > 0 and caps == long_words and len(words) <= 6


_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _as_iso_date(date: str) -> str:
    """An ISO date stays as given (with any time after the day); another form that names one day
    ("June 17, 2020", "20200617", a feed's "Wed, 17 Jun 2020 08:00 GMT") becomes YYYY-MM-DD, so
    that time series and the results folder read it; anything else is kept as it was written."""
    if not isinstance(date, str) or not date or _ISO_DAY_RE.match(date):
        return date
    from .timecues import iso_date  # read on demand: importing the article stays light

    return iso_date(date) or date


class Article:
    """A news article: its original text, metadata, and spans for paragraphs, sentences, tokens.

    Build one with :meth:`from_text` (for raw text, optionally with the title on the first line)
    or with the loaders in :mod:`newslab.io`.

    Attributes
    ----------
    text : str
        The decoded original text; every offset in newslab points into it.
    id, title, date, source, url, dateline : str
        Metadata ('' when unknown). ``dateline`` is read from the first paragraph when the
        metadata does not give it.
    structure : Structure
        Title, repeated title, dateline, section heads and boilerplate that were kept out of
        sentences.
    splitter : str
        ``"rules"`` (default, no data needed) or ``"punkt"`` (NLTK's Punkt, optional data).
    """

    def __init__(self, text: str, *, id: str = "", title: str = "", date: str = "", source: str = "",
                 url: str = "", dateline: str = "", path: str = "", title_line: bool = False,
                 meta: dict[str, Any] | None = None, splitter: str = "rules") -> None:
        if not isinstance(text, str):
            raise ParameterError(f"text={type(text).__name__}: an Article is made from the article's text as a "
                                 "string — read the file first, or load it with newslab.io.load_article(path).")
        self.text = text
        self.splitter = splitter
        self.path = path
        self.meta = dict(meta or {})
        self.structure = Structure()
        # Annotation layers computed on this article (see :meth:`layer` and newslab.layers).
        self._layers: dict[Any, Any] = {}
        self._body: list[tuple[int, int]] = []
        self._parse(title_line)
        self.title = title or (self.structure.title.text if self.structure.title else "")
        self.dateline = dateline or (self.structure.dateline.text if self.structure.dateline else "")
        self.id = id or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        self.date, self.source, self.url = _as_iso_date(date), source, url

    @classmethod
    def from_text(cls, text: str, *, title_line: bool | None = None, **meta: Any) -> "Article":
        """Make an article from raw text.

        ``title_line``: True takes the first line as the title, False takes none; by default
        the first line is the title only when more lines follow it, so a single sentence is a
        one-sentence article (what a student testing an analyzer expects).

        >>> Article.from_text("Erdogan said Turkey was ready.").n_sentences
        1
        >>> Article.from_text("Talks in Delhi\\n\\nModi met Xi.").title
        'Talks in Delhi'
        """
        if title_line is None:
            title_line = isinstance(text, str) and "\n" in text.strip()
        return cls(text, title_line=title_line, **meta)

    # -- structure -------------------------------------------------------------------------
    def _parse(self, title_line: bool) -> None:
        text = self.text
        blocks = [(m.start(), m.end()) for m in _BLOCK_RE.finditer(text)]
        st = self.structure
        if title_line and blocks:
            s, e = blocks[0]
            # The title is the first line of the first block; the rest of that block is body.
            brk = _LINE_BREAK_RE.search(text, s, e)
            st.title = _trimmed(text, s, brk.start() if brk else e, "title")
            rest = [(brk.end(), e)] if brk else []
            blocks = rest + blocks[1:]
            title_norm = " ".join(st.title.text.split()).lower()
            while blocks and " ".join(text[blocks[0][0]:blocks[0][1]].split()).lower() == title_norm:
                s, e = blocks.pop(0)
                st.title_repeats.append(_trimmed(text, s, e, "title_repeat"))
        patterns = _boilerplate_patterns()
        # Trailing boilerplate ("More from this category") is dropped from the end inwards.
        while blocks and _is_boilerplate(text[blocks[-1][0]:blocks[-1][1]], patterns):
            s, e = blocks.pop()
            st.boilerplate.insert(0, _trimmed(text, s, e, "boilerplate"))
        body: list[tuple[int, int]] = []
        for s, e in blocks:
            block = text[s:e]
            if _is_boilerplate(block, patterns):
                st.boilerplate.append(_trimmed(text, s, e, "boilerplate"))
            elif _is_heading(block) and body:
                st.headings.append(_trimmed(text, s, e, "heading"))
            else:
                body.append((s, e))
        if len(body) > 1 and date_line_re().fullmatch(text[body[0][0]:body[0][1]].strip()):
            # A paragraph that is only a date ("Friday, January 4, 2019") is a dateline.
            s, e = body.pop(0)
            st.dateline = _trimmed(text, s, e, "dateline")
        elif body:
            s, e = body[0]
            m = _DATELINE_RE.match(text, s, e)
            if m and len(m.group("dateline").split()) <= 6:
                st.dateline = _trimmed(text, s, s + len(m.group("dateline").rstrip(" .")), "dateline")
                body[0] = (m.end(), e)
        self._body = body

    # -- spans ------------------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Body paragraphs (title, dateline, section heads and boilerplate excluded)."""
        return [Paragraph(i, s, e, self.text[s:e]) for i, (s, e) in enumerate(self._body)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body, in order; a sentence never crosses a paragraph break."""
        out: list[Sentence] = []
        for p in self.paragraphs:
            for s, e, t in split_sentences(self.text, p.start, p.end, self.splitter):
                out.append(Sentence(len(out), p.i, s, e, t))
        return out

    @cached_property
    def tokens(self) -> list[Token]:
        """Tokens of all sentences, with the index of the sentence each belongs to."""
        out: list[Token] = []
        text = self.text
        append = out.append
        ranges = []
        for sent in self.sentences:
            si = sent.i
            first = len(out)
            if "'" in sent.text or "’" in sent.text:  # a possessive may be split off a word
                for s, e, t in iter_tokens(text, sent.start, sent.end):
                    append(Token(len(out), si, s, e, t))
            else:  # the same tokens, without a generator step per token (this runs per article)
                for k, m in enumerate(TOKEN_RE.finditer(text, sent.start, sent.end), first):
                    s, e = m.span()
                    append(Token(k, si, s, e, m.group()))
            ranges.append((first, len(out)))
        self.__dict__["sentence_token_ranges"] = ranges  # known here for free
        return out

    @cached_property
    def sentence_token_ranges(self) -> list[tuple[int, int]]:
        """For each sentence, the ``[first, last+1)`` range of its tokens in :attr:`tokens`."""
        self.tokens  # noqa: B018 - tokenizing records the ranges in the instance dict
        return self.__dict__["sentence_token_ranges"]

    def sentence_tokens(self, i: int) -> list[Token]:
        """Tokens of sentence ``i``."""
        a, b = self.sentence_token_ranges[i]
        return self.tokens[a:b]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset`` (or None outside sentences)."""
        import bisect

        starts = self._sentence_starts
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def span(self, start: int, end: int, label: str = "") -> Span:
        """A :class:`Span` over ``text[start:end]``."""
        return Span(start, end, label, self.text[start:end])

    def layer(self, name: str, **params: Any) -> Any:
        """The annotation layer ``name`` ("sentences", "mentions", "quotes", ...): its rows,
        computed once and cached on this article until a resource file it reads changes.

        The rows are shared: read them, don't edit them (the analyzers' DataFrame functions,
        such as ``find_mentions``, give you a table of your own).

        >>> a = Article.from_text("T\\n\\nPutin met Erdogan.")
        >>> [r["text"] for r in a.layer("sentences")]
        ['Putin met Erdogan.']
        """
        return layers.compute(self, name, **params)

    def clear_layers(self, *names: str) -> None:
        """Forget the computed layers (all, or those named), e.g. to time an analyzer afresh.

        >>> a = Article.from_text("T\\n\\nPutin met Erdogan.")
        >>> _ = a.layer("sentences"); a.clear_layers("sentences"); len(a._layers)
        0
        """
        for key in [k for k in self._layers if not names or k[0] in names]:
            del self._layers[key]

    # -- summaries --------------------------------------------------------------------------
    @property
    def n_paragraphs(self) -> int:
        return len(self.paragraphs)

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    @property
    def n_words(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)

    def metadata(self) -> dict[str, Any]:
        """The article block of the JSON output."""
        return {"id": self.id, "title": self.title, "date": self.date, "source": self.source,
                "dateline": self.dateline, "n_paragraphs": self.n_paragraphs,
                "n_sentences": self.n_sentences, "n_tokens": self.n_tokens}

    def sentences_frame(self) -> pd.DataFrame:
        """One row per sentence: i, paragraph, start, end, text."""
        return layers.frame(self, "sentences")

    def tokens_frame(self) -> pd.DataFrame:
        """One row per token: i, sentence, start, end, text, lower, is_word, is_stop."""
        stops = stopwords()
        return pd.DataFrame([{"i": t.i, "sentence": t.sentence, "start": t.start, "end": t.end,
                              "text": t.text, "lower": t.text.lower(), "is_word": is_word(t.text),
                              "is_stop": t.text.lower() in stops} for t in self.tokens],
                            columns=["i", "sentence", "start", "end", "text", "lower", "is_word", "is_stop"])

    def show(self, *layer_names: str, max_paragraphs: int | None = None, scheme: str = "generic") -> Any:
        """The article as HTML with the spans of these layers marked (mentions, quotes, frames of
        one ``scheme``, relations, stance, sentiment), for a notebook: see :mod:`newslab.display`."""
        from .display import show

        return show(self, *layer_names, max_paragraphs=max_paragraphs, scheme=scheme)

    def _repr_html_(self) -> str:  # Jupyter shows an article with its actor mentions marked
        return self.show("mentions", max_paragraphs=12).html

    def __repr__(self) -> str:
        return f"Article(id={self.id!r}, title={self.title[:40]!r}, sentences={self.n_sentences})"


class Corpus:
    """An ordered collection of articles with a metadata table.

    Iterating yields :class:`Article` objects. A corpus made by :func:`newslab.io.load_corpus`
    is lazy: articles are read from disk as they are iterated.

    >>> c = Corpus([Article.from_text("A\\n\\nB met C."), Article.from_text("D\\n\\nE met F.")])
    >>> len(c), list(c.metadata()["title"])
    (2, ['A', 'D'])
    """

    def __init__(self, articles: Iterable[Article] | None = None, *, loader: Any = None,
                 name: str = "") -> None:
        self._articles = list(articles) if articles is not None else None
        self._loader = loader  # zero-argument callable returning an iterator of articles
        self.name = name
        self.skipped: list[tuple[str, str]] = []  # (path, reason) for files the loader skipped

    def __iter__(self) -> Iterator[Article]:
        if self._articles is not None:
            return iter(self._articles)
        return iter(self._loader())

    def __len__(self) -> int:
        if self._articles is None:
            self._articles = list(self._loader())
        return len(self._articles)

    def __getitem__(self, i: int) -> Article:
        if self._articles is None:
            self._articles = list(self._loader())
        try:
            return self._articles[i]
        except IndexError:
            n = len(self._articles)
            raise ArticleIndexError(f"article {i}: the corpus holds {n} article(s) — pass a number from 0 to {n - 1} "
                                    f"(article_index in a lesson), or -1 for the last.") from None

    def metadata(self) -> pd.DataFrame:
        """One row per article: the same fields as the JSON ``article`` block."""
        return pd.DataFrame([a.metadata() for a in self],
                            columns=["id", "title", "date", "source", "dateline", "n_paragraphs",
                                     "n_sentences", "n_tokens"])

    def __repr__(self) -> str:
        return f"Corpus(name={self.name!r})"


@layers.register("sentences", columns=("i", "paragraph", "start", "end", "text"),
                 dtypes={"i": "int", "paragraph": "int", "start": "int", "end": "int"}, table="sentences",
                 json_section="sentences", json_row=dict)
def sentence_rows(article: Article) -> list[dict[str, Any]]:
    """One row per sentence: its index, paragraph, offsets and text."""
    return [{"i": s.i, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
            for s in article.sentences]


def corpus_frame(obj: "Article | Corpus | Iterable[Article]", per_article: "Callable[[Article], pd.DataFrame]",
                 columns: list[str]) -> pd.DataFrame:
    """The corpus-level call shape: ``per_article`` over every article, stacked, ``doc_id`` and
    ``date`` first. ``columns`` are the per-article table's columns (used when there is no article).

    >>> c = Corpus([Article.from_text("A\\n\\nB met C.", id="x", date="2019-01-01")])
    >>> corpus_frame(c, lambda a: a.sentences_frame(), ["i", "text"])[["doc_id", "date", "text"]].values.tolist()
    [['x', '2019-01-01', 'B met C.']]
    """
    frames = []
    for art in as_articles(obj):
        df = per_article(art)
        df.insert(0, "doc_id", art.id)
        df.insert(1, "date", art.date)
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=["doc_id", "date"] + list(columns))
    return pd.concat(frames, ignore_index=True)


def as_articles(obj: "Article | Corpus | Iterable[Article]") -> Iterator[Article]:
    """Iterate the articles of an Article, Corpus or iterable (the corpus-level call pattern)."""
    if isinstance(obj, Article):
        yield obj
    else:
        yield from obj
