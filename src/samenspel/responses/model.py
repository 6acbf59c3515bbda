"""Answers as plain frozen records (FORMATS.md §2), free of any file format.

Readers in ``responses.reader`` build a :class:`ResponseSet` from CSV/XLSX and
the web app builds one from its database; the analysis only sees this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple

ROLES: tuple[str, ...] = ("board", "manager", "staff", "other")
COLUMNS: tuple[str, ...] = ("alliance", "round", "respondent", "partner", "item", "value")
OPTIONAL_COLUMNS: tuple[str, ...] = ("role", "target", "round_date", "language", "missing", "instrument")
MISSING_REASONS: tuple[str, ...] = ("dont_know", "not_applicable", "skipped", "not_asked")
"""Why a value is empty (FORMATS.md §4, column ``missing``): "don't know", "not applicable",
seen but not answered (a box never touched), not in this round (module or item not asked)."""

_ROUND, _ROUND_DATE = attrgetter("round"), attrgetter("round_date")

Value = float | str | None  # float for numeric items, str for open answers, None = missing


class Answer(NamedTuple):
    """One answer: a named tuple, because a large file makes 100,000s of them and a tuple is made
    about five times faster than a frozen dataclass (benchmarks/analyse_bench.py). Change one
    with ``answer._replace(...)``."""

    alliance: str
    round: str
    respondent: str
    partner: str
    item: str
    value: Value
    role: str | None = None
    target: str | None = None  # rated partner, relation items only
    round_date: date | None = None
    language: str | None = None
    missing: str | None = None  # why the value is empty (MISSING_REASONS); None = unknown or answered
    instrument: str | None = None  # questionnaire@version the answer was given with, e.g. samenspel-core@1.0

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        """One answer per (round, respondent, item, target); duplicates are an error."""
        return (self.round, self.respondent, self.item, self.target)


@dataclass(frozen=True)
class ResponseSet:
    """All answers of one alliance, possibly several rounds."""

    answers: tuple[Answer, ...]
    source: str = "<memory>"

    @property
    def alliance(self) -> str:
        return self.answers[0].alliance if self.answers else ""

    @cached_property
    def by_round(self) -> Mapping[str, tuple[Answer, ...]]:
        """Each round's answers, rounds in order of first appearance; worked out once per set.

        A round stored as one block (as files and the database give it) is sliced, not
        filtered, and all counting is done by C loops: a large alliance holds 100,000s of
        answers and the CLI asks for its rounds several times.
        """
        answers = self.answers
        labels = list(map(_ROUND, answers))
        out: dict[str, tuple[Answer, ...]] = {}
        for r in dict.fromkeys(labels):
            start, count = labels.index(r), labels.count(r)
            if labels[start:start + count].count(r) == count:  # the usual case: one block
                out[r] = answers[start:start + count]
            else:
                out[r] = tuple(a for a in answers if a.round == r)
        return MappingProxyType(out)  # shared by every caller: read-only

    def rounds(self) -> list[str]:
        """Round ids ordered by ``round_date`` where given, else by first appearance."""
        blocks = self.by_round
        first = {r: i for i, r in enumerate(blocks)}
        dates: dict[str, date] = {}
        for r, block in blocks.items():  # the first dated answer of the round (a date is never false)
            when = next(filter(None, map(_ROUND_DATE, block)), None)
            if when is not None:
                dates[r] = when
        return sorted(first, key=lambda r: (dates.get(r, date.max), first[r]))

    def for_round(self, round_id: str) -> ResponseSet:
        return ResponseSet(self.by_round.get(round_id, ()), self.source)

    def partners(self) -> list[str]:
        """Partners in order of first appearance (as respondents' own organisation or as targets)."""
        seen: dict[str, None] = {}
        for a in self.answers:
            seen.setdefault(a.partner, None)
        for a in self.answers:
            if a.target is not None:
                seen.setdefault(a.target, None)
        return list(seen)

    def respondents(self) -> dict[str, str]:
        """Respondent id -> partner, in order of first appearance."""
        out: dict[str, str] = {}
        for a in self.answers:
            out.setdefault(a.respondent, a.partner)
        return out

    def roles(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for a in self.answers:
            if a.role is not None or a.respondent not in out:
                out[a.respondent] = a.role
        return out
