"""Answers as plain frozen records (FORMATS.md §2), free of any file format.

Readers in ``responses.reader`` build a :class:`ResponseSet` from CSV/XLSX and
the web app builds one from its database; the analysis only sees this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ROLES: tuple[str, ...] = ("board", "manager", "staff", "other")
COLUMNS: tuple[str, ...] = ("alliance", "round", "respondent", "partner", "item", "value")
OPTIONAL_COLUMNS: tuple[str, ...] = ("role", "target", "round_date", "language", "missing", "instrument")
MISSING_REASONS: tuple[str, ...] = ("dont_know", "not_applicable", "skipped", "not_asked")
"""Why a value is empty (FORMATS.md §4, column ``missing``): "don't know", "not applicable",
seen but not answered (a box never touched), not in this round (module or item not asked)."""

Value = float | str | None  # float for numeric items, str for open answers, None = missing


@dataclass(frozen=True, slots=True)
class Answer:
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

    def rounds(self) -> list[str]:
        """Round ids ordered by ``round_date`` where given, else by first appearance."""
        first: dict[str, int] = {}
        dates: dict[str, date] = {}
        for i, a in enumerate(self.answers):
            first.setdefault(a.round, i)
            if a.round_date is not None:
                dates.setdefault(a.round, a.round_date)
        return sorted(first, key=lambda r: (dates.get(r, date.max), first[r]))

    def for_round(self, round_id: str) -> ResponseSet:
        return ResponseSet(tuple(a for a in self.answers if a.round == round_id), self.source)

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
