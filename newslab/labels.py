"""Display names: one spelling of a frame's name everywhere a student reads it.

The frame files keep the labels benchmarks use (the policy scheme spells them the SemEval way,
``Legality_Constitutionality_and_jurisprudence``); tables, charts and narrative show them as
words through :func:`frame_name`, so a frame is never written three ways in one report.

>>> frame_name("External_regulation_and_reputation")
'External regulation and reputation'
>>> frame_name("Legality_Constitutionality_and_jurisprudence")
'Legality, constitutionality and jurisprudence'
>>> frame_name("human_interest"), frame_name("Diplomacy and political settlement")
('Human interest', 'Diplomacy and political settlement')
"""
from __future__ import annotations

__all__ = ["frame_name"]

_JOINERS = {"and", "or", "of", "the", "in", "for"}


def frame_name(label: object) -> str:
    """A frame label or key as words: underscores to spaces, sentence case, commas between list items.

    In the SemEval spelling a capitalised word after the first starts a new item of a list
    (``Legality_Constitutionality_and_jurisprudence``), so it gets a comma before it unless a
    joiner (*and*, *or*) precedes it. Labels already written as words are returned unchanged;
    words in capitals (``US``, ``NATO``) keep them.

    >>> frame_name("Crime_and_Punishment"), frame_name("security_and_defense")
    ('Crime and punishment', 'Security and defense')
    """
    text = "" if label is None else str(label).strip()
    if "_" not in text:
        return text[:1].upper() + text[1:]
    words = [w for w in text.split("_") if w]
    out: list[str] = []
    for k, word in enumerate(words):
        if k and word[:1].isupper() and out[-1].lower() not in _JOINERS:
            out[-1] += ","
        out.append(word if k == 0 or word.isupper() else word.lower())
    first = out[0] if out else ""
    return " ".join([first[:1].upper() + first[1:], *out[1:]])
