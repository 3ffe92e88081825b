"""One time vocabulary: month and weekday names, and the cues of recalled (background) time.

Everything lives in the editable file ``newslab/resources/time_cues.yml``: the month names and
their short forms, the weekdays, the phrases that mark a recalled past ("previously", "last
year"), the participles of the past perfect, and the nouns that make a four-digit number a count
("2000 troops") rather than a year. The article reader (datelines such as "Friday, January 4,
2019"), name discovery (a weekday is no name) and the time of relation events all read it from
here.

>>> words = calendar_words()
>>> words.months["march"], words.months["sept"], "friday" in words.weekdays
(3, 9, True)
>>> bool(load_time_cues().markers.search(TokenKeys.of_text("The two had previously met.")))
True
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .errors import ResourceFileError
from .matcher import PhraseSet, TokenKeys
from .resources import load_yaml, resource_stamp

__all__ = ["CalendarWords", "TimeCues", "calendar_words", "load_time_cues", "phrase_set", "TokenKeys"]


@dataclass(frozen=True)
class CalendarWords:
    """Month names (full names and short forms, lower case → 1..12) and weekdays (lower case)."""

    months: dict[str, int]
    full_months: tuple[str, ...]  # the full names, in calendar order
    weekdays: tuple[str, ...]

    @property
    def all_words(self) -> frozenset[str]:
        """Every month name, short form and weekday, lower case."""
        return frozenset(self.months) | frozenset(self.weekdays)


@dataclass(frozen=True)
class TimeCues:
    markers: PhraseSet  # "previously", "at the time": the clause recalls the past
    relative: PhraseSet  # "last year", "last met"
    past_perfect: re.Pattern[str]
    months: dict[str, int] = field(default_factory=dict)  # month names and short forms -> 1..12
    month_re: re.Pattern[str] = re.compile(r"(?!)")  # a month, optional day, optional year
    year_re: re.Pattern[str] = re.compile(r"(?!)")  # a year (not a count: "2000 troops")


def phrase_set(groups: list[list[Any]], where: list[str] | str) -> PhraseSet:
    """A :class:`~newslab.matcher.PhraseSet` of a resource file's phrases; a phrase that cannot be
    read is a ResourceFileError naming the file, the place and the phrase.

    >>> phrase_set([["back(s"]], "my_cues.yml: support")
    Traceback (most recent call last):
    ...
    newslab.errors.ResourceFileError: my_cues.yml: support: the phrase 'back(s' cannot be read (a '(' without its ')') — check its brackets ( ) and [ ] and the | inside them.
    """
    try:
        return PhraseSet(groups, where)
    except ValueError as exc:
        raise ResourceFileError(f"{exc} — check its brackets ( ) and [ ] and the | inside them.") from None


def _calendar(data: dict[str, Any]) -> CalendarWords:
    full = {str(k).lower(): int(v) for k, v in (data.get("months") or {}).items()}
    months = dict(full)
    months.update({str(k).lower(): int(v) for k, v in (data.get("month_abbreviations") or {}).items()})
    weekdays = tuple(str(w).lower() for w in data.get("weekdays") or [])
    return CalendarWords(months, tuple(sorted(full, key=full.__getitem__)), weekdays)


@lru_cache(maxsize=4)
def _load_calendar(path: str, mtime: float) -> CalendarWords:
    return _calendar(load_yaml(path) or {})


def calendar_words(path: str | os.PathLike[str] | None = None) -> CalendarWords:
    """The month and weekday names of ``time_cues.yml`` (or your own file in that format)."""
    return _load_calendar(*resource_stamp(path or "time_cues.yml"))


# Dates in the forms news metadata come in (CSV exports, feeds, GDELT); the month names are
# time_cues.yml's. Numbers with slashes are ISO order only: 06/07/2020 is ambiguous.
_COMPACT_DATE_RE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?")
_SLASHED_DATE_RE = re.compile(r"((?:19|20)\d{2})[/.](\d{1,2})[/.](\d{1,2})\b.*")


@lru_cache(maxsize=4)
def _named_date_res(months: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    weekday = r"(?:[A-Za-z]+\.?,?\s+)?"
    month_first = re.compile(rf"{weekday}({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b.*",
                             re.IGNORECASE)
    day_first = re.compile(rf"{weekday}(\d{{1,2}})(?:st|nd|rd|th)?\s+({names})\.?,?\s+((?:19|20)\d{{2}})\b.*",
                           re.IGNORECASE)
    return month_first, day_first


def iso_date(value: str) -> str | None:
    """``value`` as ``YYYY-MM-DD`` when it names one day without ambiguity, else None.

    Read: ISO dates (a time after them is dropped), ``20200617`` and ``20200617T080000Z``
    (GDELT), ``2020/06/17``, ``June 17, 2020``, ``17 June 2020``, ``Wed, 17 Jun 2020 08:00:00 GMT``
    (feeds). ``06/07/2020`` could be June or July: None.

    >>> [iso_date(v) for v in ("2020-06-17T08:00Z", "20200617", "June 17, 2020", "Wed, 17 Jun 2020 08:00:00 GMT",
    ...                        "06/07/2020", "2020-02-30")]
    ['2020-06-17', '2020-06-17', '2020-06-17', '2020-06-17', None, None]
    """
    import datetime as dt

    text = " ".join(str(value).split())
    months = calendar_words().months
    parts: tuple[str, str, str] | None = None
    m = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", text) or _COMPACT_DATE_RE.fullmatch(text) \
        or _SLASHED_DATE_RE.fullmatch(text)
    if m:
        parts = (m.group(1), m.group(2), m.group(3))
    else:
        month_first, day_first = _named_date_res(tuple(months))
        if (m := month_first.fullmatch(text)):
            parts = (m.group(3), str(months[m.group(1).lower()]), m.group(2))
        elif (m := day_first.fullmatch(text)):
            parts = (m.group(3), str(months[m.group(2).lower()]), m.group(1))
    if parts is None:
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:  # a day that does not exist (2020-02-30)
        return None


def _time_words(data: dict[str, Any]) -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    """The month table and the month and year regexes of time_cues.yml."""
    months = _calendar(data).months
    names = sorted(months, key=lambda w: -len(w))
    month_re = re.compile(rf"\b({'|'.join(map(re.escape, names))})\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
                          r"(?:,?\s+((?:19|20)\d{2})\b)?", re.IGNORECASE) if names else re.compile(r"(?!)")
    counts = "|".join(map(re.escape, (str(w) for w in data.get("count_nouns") or [])))
    year_re = re.compile(r"(?<![\d$€£.,-])((?:19|20)\d{2})(?![\d,]" + (rf"|\s*(?:{counts})" if counts else "") + ")")
    return months, month_re, year_re


@lru_cache(maxsize=4)
def _compile_time(path: str, mtime: float) -> TimeCues:
    data = load_yaml(path) or {}
    markers = data.get("background_markers") or ["previously"]
    relative = data.get("past_relative") or ["last year"]
    parts = data.get("participles") or ["been"]
    # The past perfect is grammar, not vocabulary: "had" (+ an adverb) + a participle.
    pp = re.compile(r"\bhad\s+(?:not\s+|never\s+|already\s+|also\s+|just\s+|first\s+|once\s+)?"
                    r"(?:\w+ed|" + "|".join(map(re.escape, parts)) + r")\b", re.IGNORECASE)
    return TimeCues(phrase_set([markers], f"{path}: background_markers"),
                    phrase_set([relative], f"{path}: past_relative"), pp, *_time_words(data))


def load_time_cues(path: str | os.PathLike[str] | None = None) -> TimeCues:
    """The time cues of ``time_cues.yml`` (or your own file in that format), compiled once."""
    return _compile_time(*resource_stamp(path or "time_cues.yml"))
