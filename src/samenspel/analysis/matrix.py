"""Data preparation: one respondents x items matrix per measurement round.

Missing answers are NaN (never 0), reverse-keyed items are turned around so
that high always means the same as the construct, and every value is also
available as POMP (0-100, FORMATS.md): ``100 * (x - min) / (max - min)``.
Relation items (ratings of other partners) are kept apart for the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from samenspel.instrument.model import Instrument, Item
from samenspel.responses.model import Answer, ResponseSet


@dataclass(frozen=True, eq=False)
class RoundMatrix:
    """Answers of one round as arrays; rows are respondents, columns items."""

    round: str
    respondents: tuple[str, ...]
    partners: tuple[str, ...]  # own organisation per respondent (row)
    roles: tuple[str | None, ...]
    items: tuple[Item, ...]  # columns
    raw: np.ndarray  # item scale, reverse keys applied, NaN = missing
    pomp: np.ndarray  # 0-100 for items with min/max; raw for choice items
    relations: tuple[Answer, ...]  # relation answers of this round (with target)
    column: dict[str, int] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.respondents)

    def columns(self, construct: str) -> list[int]:
        """Columns whose construct is ``construct`` or starts with ``construct:``."""
        return [
            i for i, it in enumerate(self.items) if it.construct == construct or it.construct.startswith(construct + ":")
        ]

    def exact(self, construct: str) -> list[int]:
        return [i for i, it in enumerate(self.items) if it.construct == construct]

    def partner_rows(self) -> dict[str, np.ndarray]:
        """Partner -> boolean row mask, in order of first appearance."""
        arr = np.asarray(self.partners, dtype=object)
        return {p: arr == p for p in dict.fromkeys(self.partners)}


def _to_pomp(raw: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return 100.0 * (raw - lo) / (hi - lo)


def split_rounds(responses: ResponseSet) -> tuple[list[str], dict[str, list[Answer]]]:
    """Rounds in order and the answers per round, in one pass over a possibly large set.

    The order is that of ``ResponseSet.rounds()``: by ``round_date`` where
    given, else by first appearance.
    """
    out: dict[str, list[Answer]] = {}
    first: dict[str, int] = {}
    dates: dict[str, date] = {}
    for i, a in enumerate(responses.answers):
        bucket = out.get(a.round)
        if bucket is None:
            bucket = out[a.round] = []
            first[a.round] = i
        if a.round_date is not None and a.round not in dates:
            dates[a.round] = a.round_date
        bucket.append(a)
    order = sorted(first, key=lambda r: (dates.get(r, date.max), first[r]))
    return order, out


def build_matrix(answers: Iterable[Answer], instrument: Instrument, round_id: str) -> RoundMatrix:
    """Arrange the numeric answers of one round; unknown items and text answers are ignored.

    ``answers`` may hold other rounds too; only ``round_id`` is used.
    """
    items = tuple(it for it in instrument.items if it.numeric and it.type != "relation")
    column = {it.id: i for i, it in enumerate(items)}
    relation_ids = {it.id for it in instrument.items if it.type == "relation"}
    rows: dict[str, int] = {}
    partners: list[str] = []
    roles: list[str | None] = []
    cells_r: list[int] = []
    cells_c: list[int] = []
    cells_v: list[float] = []
    relations: list[Answer] = []
    for a in answers:
        if a.round != round_id:
            continue
        r = rows.get(a.respondent)
        if r is None:
            r = rows[a.respondent] = len(rows)
            partners.append(a.partner)
            roles.append(a.role)
        elif a.role is not None and roles[r] is None:
            roles[r] = a.role
        c = column.get(a.item)
        if c is None:
            if a.item in relation_ids and a.target is not None and isinstance(a.value, (int, float)):
                relations.append(a)
            continue
        v = a.value
        if v is None or isinstance(v, str):
            continue
        cells_r.append(r)
        cells_c.append(c)
        cells_v.append(v)
    raw = np.full((len(rows), len(items)), np.nan)
    if cells_r:
        raw[np.asarray(cells_r), np.asarray(cells_c)] = np.asarray(cells_v)
    pomp = raw.copy()
    for i, it in enumerate(items):
        if it.type == "choice" or it.min is None or it.max is None or it.max == it.min:
            continue
        if it.reverse:
            raw[:, i] = it.min + it.max - raw[:, i]
        pomp[:, i] = _to_pomp(raw[:, i], it.min, it.max)
    return RoundMatrix(
        round=round_id,
        respondents=tuple(rows),
        partners=tuple(partners),
        roles=tuple(roles),
        items=items,
        raw=raw,
        pomp=pomp,
        relations=tuple(relations),
        column=column,
    )


def person_scores(pomp: np.ndarray, min_item_share: float) -> np.ndarray:
    """Each person's scale score: mean POMP of the answered items, NaN below the item share.

    ``pomp`` holds the scale's columns only. A person needs at least
    ``min_item_share`` of the items answered (issue 3: half of them).
    """
    if pomp.shape[1] == 0:
        return np.full(pomp.shape[0], np.nan)
    answered = np.sum(~np.isnan(pomp), axis=1)
    enough = answered >= min_item_share * pomp.shape[1]
    out = np.full(pomp.shape[0], np.nan)
    if enough.any():
        with np.errstate(invalid="ignore"):
            out[enough] = np.nanmean(pomp[enough], axis=1)
    return out
