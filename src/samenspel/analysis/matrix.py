"""Data preparation: one respondents x items matrix per measurement round.

Missing answers are NaN (never 0), reverse-keyed items are turned around so
that high always means the same as the construct, and every value is also
available as POMP (0-100, FORMATS.md): ``100 * (x - min) / (max - min)``.
Relation items (ratings of other partners) are kept apart for the network.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import attrgetter

import numpy as np

from samenspel.instrument.model import Instrument, Item
from samenspel.responses.model import Answer, ResponseSet


_ROUND, _RESPONDENT = attrgetter("round"), attrgetter("respondent")
_ITEM, _VALUE = attrgetter("item"), attrgetter("value")


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
    origins: tuple[str, ...] = ()  # own partner per row before merging into "other partners" (published())
    _small: dict[int, list[np.ndarray]] = field(default_factory=dict, init=False, repr=False)

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

    def published(self, group_of: Callable[[str], str | None], raters: Collection[str]) -> RoundMatrix:
        """The matrix as published (``analysis.disclosure``): rows of left-out partners dropped, partners
        renamed to their published group, and only relation answers of respondents of ``raters``."""
        groups = [group_of(p) for p in self.partners]
        keep = np.array([g is not None for g in groups], dtype=bool)
        kept_people = {r for r, k in zip(self.respondents, keep) if k}
        partner_of = dict(zip(self.respondents, self.partners))
        return RoundMatrix(
            round=self.round,
            respondents=tuple(r for r, k in zip(self.respondents, keep) if k),
            partners=tuple(g for g in groups if g is not None),
            roles=tuple(r for r, k in zip(self.roles, keep) if k),
            items=self.items, raw=self.raw[keep], pomp=self.pomp[keep],
            relations=tuple(a for a in self.relations
                            if a.respondent in kept_people and partner_of.get(a.respondent) in raters),
            column=self.column,
            origins=tuple(p for p, k in zip(self.partners, keep) if k),
        )

    def only(self, people: Collection[str]) -> RoundMatrix:
        """The matrix of these respondents only (rows and relation answers), in the same order."""
        chosen = set(people)
        keep = np.fromiter((r in chosen for r in self.respondents), dtype=bool, count=self.n)
        return replace(
            self,
            respondents=tuple(r for r, k in zip(self.respondents, keep) if k),
            partners=tuple(p for p, k in zip(self.partners, keep) if k),
            roles=tuple(r for r, k in zip(self.roles, keep) if k),
            raw=self.raw[keep], pomp=self.pomp[keep],
            relations=tuple(a for a in self.relations if a.respondent in chosen),
            origins=tuple(p for p, k in zip(self.origins, keep) if k) if self.origins else (),
        )

    def answered(self, item_ids: Collection[str]) -> tuple[list[str], np.ndarray]:
        """The ids of those of ``item_ids`` that are columns here, and who answered each (rows x ids)."""
        cols = [self.column[i] for i in item_ids if i in self.column]
        return [self.items[c].id for c in cols], ~np.isnan(self.raw[:, cols])

    def small_origins(self, min_group: int) -> list[np.ndarray]:
        """Row masks of the partners merged into a published group that are below the minimum themselves.

        Asked once per scale with the same minimum: kept after the first time.
        """
        if not self.origins:
            return []
        known = self._small.get(min_group)
        if known is None:
            known = self._small[min_group] = self._small_origins(min_group)
        return known

    def _small_origins(self, min_group: int) -> list[np.ndarray]:
        arr = np.asarray(self.origins, dtype=object)
        out = []
        for p in dict.fromkeys(self.origins):
            mask = arr == p
            if p not in self.partners and 0 < int(mask.sum()) < min_group:
                out.append(mask)
        return out

    def partner_rows(self) -> dict[str, np.ndarray]:
        """Partner -> boolean row mask, in order of first appearance."""
        arr = np.asarray(self.partners, dtype=object)
        return {p: arr == p for p in dict.fromkeys(self.partners)}


def _to_pomp(raw: np.ndarray, lo: float | np.ndarray, hi: float | np.ndarray) -> np.ndarray:
    return 100.0 * (raw - lo) / (hi - lo)


def split_rounds(responses: ResponseSet) -> tuple[list[str], Mapping[str, tuple[Answer, ...]]]:
    """Rounds in order (``ResponseSet.rounds()``: by ``round_date`` where given, else by first
    appearance) and the answers per round, which the set works out once (``ResponseSet.by_round``)."""
    return responses.rounds(), responses.by_round


def build_matrix(answers: Iterable[Answer], instrument: Instrument, round_id: str) -> RoundMatrix:
    """Arrange the numeric answers of one round; unknown items and text answers are ignored.

    ``answers`` may hold other rounds too; only ``round_id`` is used. Each
    respondent's partner is taken from their first answer, their role from
    the first answer that gives one.
    """
    items = tuple(it for it in instrument.items if it.numeric and it.type != "relation")
    column = {it.id: i for i, it in enumerate(items)}
    relation_ids = {it.id for it in instrument.items if it.type == "relation"}
    answers = list(answers)
    if any(r != round_id for r in dict.fromkeys(map(_ROUND, answers))):
        answers = [a for a in answers if a.round == round_id]
    # attribute columns by C-level map(): a large round has 100,000s of answers
    respondents = list(map(_RESPONDENT, answers))
    rows = {r: i for i, r in enumerate(dict.fromkeys(respondents))}
    r_idx = np.fromiter(map(rows.__getitem__, respondents), dtype=np.int64, count=len(respondents))
    # index of each respondent's first answer (rows are numbered in order of first appearance)
    first = np.unique(r_idx, return_index=True)[1].tolist()
    partners = [answers[i].partner for i in first]
    roles: list[str | None] = [answers[i].role for i in first]
    if None in roles:  # take the first answer that gives a role
        role_of: dict[str, str] = {}
        for a in answers:
            if a.role is not None and a.respondent not in role_of:
                role_of[a.respondent] = a.role
        roles = [role_of.get(r) for r in rows]
    cols = list(map(column.get, map(_ITEM, answers), repeat(-1)))
    c_idx = np.array(cols, dtype=np.int64)
    outside = [answers[i] for i in np.flatnonzero(c_idx < 0).tolist()]
    relations = [a for a in outside if a.item in relation_ids
                 and a.target is not None and isinstance(a.value, (int, float))]
    raw = np.full((len(rows), len(items)), np.nan)
    if answers:
        values = list(map(_VALUE, answers))
        if str in set(map(type, values)):  # text answers (and text in a numeric column) are ignored
            values = [None if isinstance(v, str) else v for v in values]
        vals = np.array(values, dtype=float)  # None -> NaN
        keep = (c_idx >= 0) & ~np.isnan(vals)
        raw[r_idx[keep], c_idx[keep]] = vals[keep]
    # reverse keys and POMP, all scored columns at once (choice items keep their codes)
    scored = [i for i, it in enumerate(items)
              if it.type != "choice" and it.min is not None and it.max is not None and it.max != it.min]
    lo = np.array([items[i].min for i in scored], dtype=float)
    hi = np.array([items[i].max for i in scored], dtype=float)
    flip = np.array([bool(items[i].reverse) for i in scored], dtype=bool)
    block = raw[:, scored]
    block = np.where(flip, lo + hi - block, block)
    raw[:, scored] = block
    pomp = raw.copy()
    pomp[:, scored] = _to_pomp(block, lo, hi)
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
