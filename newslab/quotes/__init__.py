"""Quotes and sources: who gets a voice in a news article, and in whose words.

:func:`extract_quotes` finds direct quotes (words inside quotation marks), indirect (reported)
speech without quotation marks, and partial quotes (a short quoted phrase inside reported speech),
and attributes each to a speaker. :func:`voice_share` sums them up per speaker and per side.

Method
------
A rule-based attribution in the tradition of Pouliquen, Steinberger & Best (2007) and Pareti's
PARC attribution relations (source + cue + content), as in textacy's ``direct_quotations`` but
extended to reported speech and to speakers named by a pronoun or a role:

1. **Quotation marks** are paired per paragraph (straight ``"``, curly ``“ ”``, ``« »``, ``„ “``;
   single ``‘ ’`` or ``' '`` only when the paragraph has no double quotes, and straight single
   marks only as a properly closed pair, so apostrophes are never taken for quotes). Single
   quotes inside double quotes stay inside. A quote that is not closed by the end of its
   paragraph is capped there and flagged ``unclosed`` — unless the next paragraph opens with a
   quotation mark, the newspaper convention for a quote that continues over several paragraphs.
2. **Cues** are reporting verbs from ``resources/quote_cues.yml`` (said, told, added, warned ...)
   outside quotation marks, plus "according to". For each cue the **speaker** is the noun phrase
   just before it (skipping "also", "has", "on Monday" and an apposition such as ", director of
   research at X,") or, inverted, just after it (``"...," said Erdogan``). Passive, negated,
   refused or hedged verbs ("is said to", "did not say", "declined to say", "I would say") and
   infinitives after promise-like verbs ("pledged to support") are not reported speech.
3. **Content**: the quote just before the speaker (``"...," X said``), the quote just after the cue
   (``X said: "..."``, ``X told reporters that "..."``), the clause after the cue (``X said (that)
   ...``, ``X told AFP ...``), or the clause before it (``..., X said``; ``according to X, ...``).
   A participle cue with no subject (``..., adding that ...``) keeps the speaker of its sentence.
4. **Partial vs scare quotes** (the general rule): a quoted phrase in the middle of a sentence is a
   *partial* quote only when it sits inside reported speech with a cue verb and a speaker
   (``X said Putin and Erdogan had a "mutual need"``, ``X called the deal "a mistake"``). The
   paraphrase around a partial quote is not returned as a separate indirect quote, so no words are
   counted twice. Quotation marks anywhere else (``a "de-escalation" zone``) are the reporter's
   and are not returned.
5. **Unattributed full quotes**: a paragraph that opens with a quote and has no cue continues the
   previous speaker's quote (when that speaker was quoted in the previous paragraph); otherwise a
   sentence-long quote is kept with an empty speaker.
6. **Speaker resolution** (one function, :func:`newslab.quotes.speakers.resolve_speaker`): the
   speaker phrase is mapped to a canonical actor with the mentions of
   :func:`newslab.entities.find_mentions` (names, aliases, roles such as "the Russian leader").
   Inside a phrase a person beats a role, an organisation or a place, and a possessive owner is
   skipped ("Erdogan's spokesman, Ibrahim Kalin" -> Ibrahim Kalin). Pronouns go to the
   most recent compatible speaker or sentence subject (he/she: a person, using gender evidence
   such as "Ms", "spokeswoman" or "her" after the name; they: a group, officials or a state;
   it: an organisation or state). A definite role the dictionary does not resolve ("the Russian
   minister", "X's Russian counterpart") goes to the latest person of that side; "the ministry"
   to the latest earlier phrase with that head ("Russia's defence ministry"). Names no dictionary
   knows keep their longest form ("Malashenko" -> "Alexei Malashenko").

Modules
-------
One module per step, each usable on its own: :mod:`~newslab.quotes.marks` (1),
:mod:`~newslab.quotes.cues` (the cue lexicon of 2), :mod:`~newslab.quotes.tokens` and
:mod:`~newslab.quotes.phrases` (tokens and speaker phrases for 2-3),
:mod:`~newslab.quotes.attribution` (2-4, per paragraph), :mod:`~newslab.quotes.continuation` (5),
:mod:`~newslab.quotes.speakers` (6) and :mod:`~newslab.quotes.rows` (the steps put together).
This module registers the ``quotes`` layer and holds the public functions.

Known limits: nested straight double quotes ("a "b" c") cannot be paired reliably; speakers
named only far from the quote (several paragraphs earlier, with other people in between) and
reported speech without a cue verb from the list are missed; "the president" with no
nationality goes to the latest person quoted or named as a subject.

Example
-------
>>> from newslab import Article
>>> a = Article.from_text('Talks\\n\\nPutin met Erdogan in Sochi.\\n\\n'
...                       '"We agreed on a lot," Putin told reporters.')
>>> q = extract_quotes(a)
>>> q.loc[0, ["text", "kind", "cue", "speaker_text"]].tolist()
['We agreed on a lot', 'direct', 'told', 'Putin']
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from ..lazy import pandas as pd

from .. import layers
from ..article import Article, Corpus, as_articles
from ..errors import ParameterError
# CueLexicon, find_quote_marks, mentions_by_start and reporting_words stay importable from here.
from .cues import DEFAULT_CUES, TIME_CUES, CueLexicon, load_cues, reporting_words  # noqa: F401
from .marks import find_quote_marks  # noqa: F401
from .rows import quote_rows
from .speakers import mentions_by_start  # noqa: F401

__all__ = ["extract_quotes", "voice_share", "load_cues", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = ["text", "start", "end", "kind", "cue", "cue_start", "cue_end", "speaker_text",
                 "speaker_start", "speaker_end", "speaker", "side", "sentence", "paragraph",
                 "unclosed", "how", "group"]

_INT_COLUMNS = ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end", "sentence", "paragraph",
                "group")


def _quote_json(r: dict[str, Any]) -> dict[str, Any]:
    return {"text": r["text"], "start": r["start"], "end": r["end"], "kind": r["kind"], "cue": r["cue"],
            "speaker_text": r["speaker_text"], "speaker": r["speaker"], "side": r["side"],
            "unclosed": bool(r["unclosed"])}


@layers.register("quotes", columns=QUOTE_COLUMNS, requires=("mentions_by_start",),
                 dtypes={**{c: "int" for c in _INT_COLUMNS}, "unclosed": "bool"},
                 resources=lambda p: [p.get("cues") or DEFAULT_CUES, TIME_CUES], defaults={"cues": None},
                 table="quotes", json_section="quotes", json_row=_quote_json)
def quote_layer(article: Article, cues: str | os.PathLike[str] | None) -> list[dict[str, Any]]:
    """One row per quote with its speaker (see :func:`extract_quotes`)."""
    return quote_rows(article, load_cues(cues), article.layer("mentions_by_start"))


def extract_quotes(article: Article | Corpus | Iterable[Article],
                   cues: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Find the quotes of an article and who said them; one row per quote.

    Parameters
    ----------
    article : Article, or a Corpus (then the table of every article, with ``doc_id`` and
        ``date`` columns first)
    cues : path, optional
        A cue file of the same shape as ``newslab/resources/quote_cues.yml``.

    Returns
    -------
    DataFrame with columns ``text, start, end`` (the quoted or reported words;
    ``article.text[start:end] == text``), ``kind`` (direct / indirect / partial / mixed: a
    reported clause with quoted words inside, as in ``said the talks were "constructive"``), ``cue``,
    ``cue_start, cue_end``, ``speaker_text, speaker_start, speaker_end`` (the words that name the
    speaker, -1 when a quote continues an earlier speaker's), ``speaker`` (canonical actor),
    ``side``, ``sentence``, ``paragraph``, ``unclosed`` (quotation mark never closed; capped at
    the paragraph end), ``how`` (which rule attributed it) and ``group`` (pieces of one
    multi-paragraph quote share it).

    >>> from newslab import Article
    >>> a = Article.from_text('T\\n\\nTurkey is ready to talk, Cavusoglu said on Monday.')
    >>> extract_quotes(a)[["text", "kind", "speaker_text"]].values.tolist()
    [['Turkey is ready to talk', 'indirect', 'Cavusoglu']]
    """
    return layers.frame(article, "quotes", cues=cues)


def voice_share(article_or_corpus: Article | Corpus | Iterable[Article], by: str = "speaker",
                cues: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Who gets a voice: quotes and quoted words per speaker (or per side).

    Parameters
    ----------
    by : "speaker" or "side"
        One row per speaker (with its side) or per side.

    Returns
    -------
    DataFrame with ``n_quotes`` (a multi-paragraph quote counts once), ``n_direct``,
    ``n_indirect``, ``n_partial``, ``quoted_words``, ``share_words`` (share of all quoted words
    in the article or corpus), ``words_direct/indirect/partial`` and ``n_mixed``, ``words_mixed``
    (reported clauses with a quoted phrase inside), sorted by quoted words. Quotes with no resolved speaker are
    counted under ``"(unattributed)"``.

    >>> from newslab import Article
    >>> a = Article.from_text('T\\n\\n"We won," Putin said. "We lost," said Erdogan.')
    >>> voice_share(a)[["speaker", "n_quotes", "quoted_words"]].values.tolist()
    [['Recep Tayyip Erdogan', 1, 2], ['Vladimir Putin', 1, 2]]
    """
    if by not in ("speaker", "side"):
        raise ParameterError(f"voice_share(by={by!r}) is unknown — use by='speaker' or by='side'.")
    frames = []
    for art in as_articles(article_or_corpus):
        q = extract_quotes(art, cues=cues)
        if len(q):
            q = q.assign(doc_id=art.id)
            frames.append(q)
    cols_key = ["speaker", "side"] if by == "speaker" else ["side"]
    out_cols = cols_key + ["n_quotes", "n_direct", "n_indirect", "n_partial", "quoted_words", "share_words",
                           "words_direct", "words_indirect", "words_partial", "n_mixed", "words_mixed"]
    if not frames:
        return pd.DataFrame(columns=out_cols)
    q = pd.concat(frames, ignore_index=True)
    q["speaker"] = q["speaker"].replace("", "(unattributed)")
    q["side"] = q["side"].fillna("")
    q["words"] = q["text"].str.count(r"\b\w[\w'’-]*")
    # A quote continued over paragraphs counts once in n_quotes (same doc, same group >= 0).
    q["quote_key"] = q["doc_id"].astype(str) + ":" + q["group"].astype(str)
    q.loc[q["group"] < 0, "quote_key"] = q["doc_id"].astype(str) + ":s" + q["start"].astype(str)
    g = q.groupby(cols_key, dropna=False)
    out = pd.DataFrame({
        "n_quotes": g["quote_key"].nunique(),
        "n_direct": g["kind"].apply(lambda k: int((k == "direct").sum())),
        "n_indirect": g["kind"].apply(lambda k: int((k == "indirect").sum())),
        "n_partial": g["kind"].apply(lambda k: int((k == "partial").sum())),
        "n_mixed": g["kind"].apply(lambda k: int((k == "mixed").sum())),
        "quoted_words": g["words"].sum(),
        "words_direct": g.apply(lambda d: int(d.loc[d["kind"] == "direct", "words"].sum()), include_groups=False),
        "words_indirect": g.apply(lambda d: int(d.loc[d["kind"] == "indirect", "words"].sum()), include_groups=False),
        "words_partial": g.apply(lambda d: int(d.loc[d["kind"] == "partial", "words"].sum()), include_groups=False),
        "words_mixed": g.apply(lambda d: int(d.loc[d["kind"] == "mixed", "words"].sum()), include_groups=False),
    }).reset_index()
    total = out["quoted_words"].sum()
    out["share_words"] = out["quoted_words"] / total if total else 0.0
    out = out.sort_values(["quoted_words"] + cols_key, ascending=[False] + [True] * len(cols_key),
                          ignore_index=True)
    return out[out_cols]
