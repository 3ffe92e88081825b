"""Validating frame codes against human coders: a coding sheet out, agreement figures back.

What a methods class does with a dictionary: draw a sample, let people code it blind, and check
how far the machine agrees with them (Krippendorff 2004, ch. 11; Grimmer & Stewart 2013,
"validate, validate, validate").

1. :func:`newslab.frames.coding_sheet` writes a CSV with one row per unit (paragraph or article)
   and one empty column per frame, plus an instructions file beside it with each frame's
   definition (never the dictionary terms, which would bias the coders). It also writes newslab's
   own codes for the same units to ``<name>.newslab.csv`` — keep that file away from the coders.
2. Coders fill the frame columns with 1 (frame present) or 0 (absent); a blank cell means "not
   coded". Several coders can share one file by adding a ``coder`` column (one block of rows per
   coder), or use one file each.
3. :func:`agreement` (also ``newslab.frames.agreement``) compares the human codes with newslab's
   and reports, per frame, Krippendorff's alpha (nominal), Cohen's kappa and percent agreement,
   computed with :class:`nltk.metrics.agreement.AnnotationTask`.

This module does only the statistics and imports nothing of the frames module, which uses it.

NLTK's traps, and what newslab does about them
----------------------------------------------
* **Missing codes.** A ``None``/blank label would be counted as a category of its own. Units that
  a coder left blank are dropped for that frame (listwise: a unit counts only when every coder
  coded it, since kappa assumes complete data); ``n_units`` and ``note`` say how many were used.
* **No variation.** When every code for a frame is the same (all 0 or all 1), expected
  disagreement is zero and alpha and kappa are 0/0. NLTK then returns 1.0 (alpha) or raises; the
  coefficient is in fact *undefined* (Krippendorff 2004: a variable that does not vary carries no
  information about reliability). newslab reports NaN with ``note = "undefined: ..."``, and the
  percent agreement, which is still meaningful.
* **Fewer than two units / coders.** Reported as undefined, never an exception.

Example
-------
>>> import pandas as pd
>>> human = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "unit": ["article"] * 4,
...                       "conflict": [1, 0, 1, 1]})
>>> machine = human.assign(conflict=[1, 0, 0, 1])
>>> agreement(human, machine)[["frame", "n_units", "percent_agreement"]].values.tolist()
[['conflict', 4, 0.75]]
"""
from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from .errors import InputError, InputNotFoundError, ParameterError

KEY_COLUMNS = ("doc_id", "unit")
SHEET_INFO_COLUMNS = ("doc_id", "unit", "date", "title", "text")
AGREEMENT_COLUMNS = ["frame", "n_units", "n_coders", "percent_agreement", "krippendorff_alpha",
                     "cohen_kappa", "human_rate", "newslab_rate", "note"]


# ---------------------------------------------------------------------------------------------
# Agreement
# ---------------------------------------------------------------------------------------------
def _read_codes(obj: Any, what: str) -> pd.DataFrame:
    if isinstance(obj, pd.DataFrame):
        df = obj.copy()
    else:
        p = Path(obj)
        if not p.exists():
            raise InputNotFoundError(f"{p}: {what} file not found — pass the CSV written by coding_sheet() "
                                     f"(filled in) or a DataFrame.")
        df = pd.read_csv(p, dtype={"doc_id": str, "unit": str}, encoding="utf-8-sig",
                         keep_default_na=True)
    if {"level", "frame", "present"} <= set(df.columns):  # a score_frames() table
        df = df.copy()
        df["unit"] = df["level"].where(df["level"] == "article", "p" + df["paragraph"].astype("string"))
        df = (df.pivot_table(index=["doc_id", "unit"], columns="frame", values="present",
                             aggfunc="max", sort=False).astype(int).reset_index())
    missing = [c for c in KEY_COLUMNS if c not in df.columns]
    if missing:
        raise InputError(f"{what}: missing column(s) {', '.join(missing)} — keep the doc_id and unit "
                         f"columns of the coding sheet.")
    df["doc_id"] = df["doc_id"].astype(str)
    df["unit"] = df["unit"].astype(str)
    return df


def _label(v: Any) -> int | None:
    """A code as 0/1, or None for blank/unreadable (never a category of its own)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return None
    if isinstance(v, str):
        s = v.strip().lower()
        if s in ("", "na", "nan", "none", "?"):
            return None
        if s in ("1", "yes", "y", "true", "x", "present"):
            return 1
        if s in ("0", "no", "n", "false", "absent"):
            return 0
        try:
            v = float(s)
        except ValueError:
            return None
    try:
        return 1 if float(v) > 0 else 0
    except (TypeError, ValueError):
        return None


def agreement_table(codings: list[tuple[str, str, int | None]]) -> dict[str, Any]:
    """Alpha, kappa and percent agreement for one frame from (coder, item, label) triples.

    Guards NLTK's traps (see the module notes): incomplete items are dropped; no variation or
    too little data gives NaN with a note instead of an exception or a misleading 1.0.

    >>> r = agreement_table([("h", "1", 1), ("m", "1", 1), ("h", "2", 1), ("m", "2", 1)])
    >>> r["percent_agreement"], r["note"]
    (1.0, 'undefined: no variation (every code is 1)')
    """
    from nltk.metrics.agreement import AnnotationTask

    coders = sorted({c for c, _, _ in codings})
    by_item: dict[str, dict[str, int | None]] = {}
    for c, i, lab in codings:
        by_item.setdefault(i, {})[c] = lab
    complete = {i: d for i, d in by_item.items()
                if all(d.get(c) is not None for c in coders)}
    dropped = len(by_item) - len(complete)
    out: dict[str, Any] = {"n_units": len(complete), "n_coders": len(coders),
                           "percent_agreement": math.nan, "krippendorff_alpha": math.nan,
                           "cohen_kappa": math.nan, "note": ""}
    notes = [f"{dropped} unit(s) dropped: not coded by every coder"] if dropped else []
    if len(coders) < 2 or len(complete) < 2:
        notes.insert(0, "undefined: needs at least two coders and two fully coded units")
        out["note"] = "; ".join(notes)
        return out
    triples = [(c, i, d[c]) for i, d in complete.items() for c in coders]
    task = AnnotationTask(data=triples)
    out["percent_agreement"] = float(task.avg_Ao())
    labels = {lab for _, _, lab in triples}
    if len(labels) < 2:
        notes.insert(0, f"undefined: no variation (every code is {labels.pop()})")
        out["note"] = "; ".join(notes)
        return out
    try:
        out["krippendorff_alpha"] = float(task.alpha())
    except (ZeroDivisionError, ValueError) as exc:
        notes.append(f"alpha undefined ({exc})")
    try:
        out["cohen_kappa"] = float(task.kappa())
    except (ZeroDivisionError, ValueError) as exc:
        # e.g. both coders constant but different: expected agreement 1 with observed < 1
        notes.append(f"kappa undefined ({exc})")
    out["note"] = "; ".join(notes)
    return out


def agreement(human_csv: str | os.PathLike[str] | pd.DataFrame,
              newslab_codes: str | os.PathLike[str] | pd.DataFrame,
              frames: Iterable[str] | None = None) -> pd.DataFrame:
    """Agreement between human coders and newslab, per frame.

    Parameters
    ----------
    human_csv : the filled-in coding sheet (path or DataFrame): doc_id, unit, one 0/1 column per
        frame, optionally ``coder`` (several coders in one file).
    newslab_codes : ``<sheet>.newslab.csv`` written by :func:`newslab.frames.coding_sheet`, the DataFrame it
        returned, or a :func:`newslab.frames.score_frames` table for the same units.
    frames : frames to compare (default: every frame column present in both).

    Returns
    -------
    DataFrame, one row per frame: frame, n_units (units coded by everyone), n_coders (humans +
    newslab), percent_agreement (mean pairwise observed agreement), krippendorff_alpha
    (nominal), cohen_kappa (Cohen's kappa; with several human coders, the mean over coder pairs,
    as NLTK computes it), human_rate and newslab_rate (share of units coded present), note
    ("undefined: ..." when a coefficient cannot be computed). NaN marks an undefined value.
    """
    human = _read_codes(human_csv, "human coding sheet")
    machine = _read_codes(newslab_codes, "newslab codes")
    skip = set(SHEET_INFO_COLUMNS) | {"notes", "coder", "level", "paragraph"}
    if frames is None:
        frames = [c for c in machine.columns if c not in skip and c in human.columns]
    frames = list(frames)
    if not frames:
        raise InputError("human coding sheet: no frame columns in common with newslab's codes — keep the "
                         "frame column names of the coding sheet.")
    for f in frames:
        for df, what in ((human, "human coding sheet"), (machine, "newslab codes")):
            if f not in df.columns:
                raise ParameterError(f"frames: '{f}' is not a column of the {what} — check the spelling.")
    if "coder" in human.columns:
        human["coder"] = human["coder"].fillna("human").astype(str)
    else:
        human["coder"] = "human"
    machine_keys = set(zip(machine["doc_id"], machine["unit"]))
    human_keys = set(zip(human["doc_id"], human["unit"]))
    shared = machine_keys & human_keys
    if not shared:
        raise InputError("human coding sheet: none of its (doc_id, unit) rows match newslab's codes — "
                         "compare the sheet with the .newslab.csv written beside it.")
    rows = []
    for f in frames:
        codings: list[tuple[str, str, int | None]] = []
        for d, u, c, v in zip(human["doc_id"], human["unit"], human["coder"], human[f]):
            if (d, u) in shared:
                codings.append((f"human:{c}", f"{d}|{u}", _label(v)))
        for d, u, v in zip(machine["doc_id"], machine["unit"], machine[f]):
            if (d, u) in shared:
                codings.append(("newslab", f"{d}|{u}", _label(v)))
        res = agreement_table(codings)
        hum = [lab for c, _, lab in codings if c != "newslab" and lab is not None]
        mac = [lab for c, _, lab in codings if c == "newslab" and lab is not None]
        res["human_rate"] = sum(hum) / len(hum) if hum else math.nan
        res["newslab_rate"] = sum(mac) / len(mac) if mac else math.nan
        rows.append({"frame": f, **res})
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
