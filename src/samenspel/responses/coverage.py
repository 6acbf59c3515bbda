"""How much of the questionnaire a response file covers: what a user must hear before trusting it.

A file can be valid row by row and still be no basis for a diagnosis:

* respondents who do not count (``responses.counting``: fewer than half of the
  asked domain items answered) are warned about; a round in which nobody
  counts has nothing to analyse, and a file in which nobody counts is an
  error, so that a sheet of empty answers never yields a reassuring diagnosis;
* a respondent whose answers stop before the last part of the questionnaire
  (a file cut off, a copy-paste that lost rows) is warned about.

Open questions (text) may be left out of a file without a row, so the last
part that must be reached is the last one with a question that is not open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from samenspel.errors import Problem, SamenspelError
from samenspel.instrument.model import Instrument
from samenspel.responses.counting import count
from samenspel.responses.model import ResponseSet
from samenspel.responses.versions import Questionnaires, resolver

SHOWN = 10
"""Most respondent ids named in one warning."""


@dataclass(frozen=True)
class Coverage:
    """Warnings about a response file, and the rounds in which nobody counts."""

    warnings: tuple[Problem, ...]
    empty_rounds: tuple[str, ...]  # rounds without a single respondent who counts
    rounds: tuple[str, ...]
    not_counted: int = 0  # respondents (per round) who do not count
    stopped_early: int = 0  # respondents (per round) whose answers stop before the last part

    @property
    def nobody_counts(self) -> bool:
        return bool(self.rounds) and len(self.empty_rounds) == len(self.rounds)


def _ids(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:SHOWN])
    return shown + (f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else "")


def _people(n: int) -> str:
    return f"{n} respondent{'s' if n != 1 else ''}"


def check(responses: ResponseSet, instrument: Questionnaires) -> Coverage:
    """Who does not count and who stops early, per round; see the module's docstring."""
    source = responses.source
    warnings: list[Problem] = []
    counts = count(responses, instrument)
    empty: list[str] = []
    for rnd, c in counts.items():
        total = len(c.counted) + len(c.not_counted)
        if not c.counted:
            empty.append(rnd)
            warnings.append(Problem(source, None, (
                f"round {rnd}: nobody counts as a respondent; all {_people(total)} answered fewer than half of the "
                f"{len(c.asked)} domain questions asked, so there is nothing to analyse")))
        elif c.not_counted:
            warnings.append(Problem(source, None, (
                f"round {rnd}: {len(c.not_counted)} of {_people(total)} do not count (fewer than half of the "
                f"{len(c.asked)} domain questions answered): {_ids(c.not_counted)}")))
    questionnaire_of = resolver(instrument)
    early = [e for rnd in counts for e in _stopped_early(responses.for_round(rnd), questionnaire_of(rnd))]
    return Coverage(tuple(warnings) + tuple(p for p, _ in early), tuple(empty), tuple(counts),
                    sum(len(c.not_counted) for c in counts.values()), sum(n for _, n in early))


def _stopped_early(responses: ResponseSet, instrument: Instrument) -> list[tuple[Problem, int]]:
    """One warning per round and part where respondents' answers stop before the questionnaire ends,
    with the number of respondents it is about."""
    order = {p.id: i for i, p in enumerate(instrument.parts)}
    titles = {p.id: p.title.en for p in instrument.parts}
    pulse = {it.id for it in instrument.items if it.pulse}
    last: dict[tuple[str, str], int] = {}  # (round, respondent) -> index of the last part with a row
    items_in_round: dict[str, set[str]] = {}
    for a in responses.answers:
        if not instrument.has_item(a.item):
            continue
        index = order.get(instrument.item(a.item).part, -1)
        key = (a.round, a.respondent)
        if index > last.get(key, -1):
            last[key] = index
        items_in_round.setdefault(a.round, set()).add(a.item)
    out: list[tuple[Problem, int]] = []
    for rnd, items in items_in_round.items():
        short = bool(pulse) and items <= pulse  # the pulse version was asked
        closing = [order[it.part] for it in instrument.items
                   if it.type != "text" and (it.pulse or not short) and it.part in order]
        if not closing:
            continue
        end = max(closing)
        stopped: dict[int, list[str]] = {}
        for (r, person), index in last.items():
            if r == rnd and index < end:
                stopped.setdefault(index, []).append(person)
        for index in sorted(stopped):
            people = stopped[index]
            part = instrument.parts[index].id if index >= 0 else ""
            out.append((Problem(responses.source, None, (
                f"round {rnd}: the answers of {_people(len(people))} stop after part '{titles.get(part, part)}', "
                f"before the questionnaire's last part '{titles[instrument.parts[end].id]}' "
                f"(was the file cut off?): {_ids(people)}")), len(people)))
    return out


def require_someone(responses: ResponseSet, instrument: Questionnaires, round_id: str | None = None) -> Coverage:
    """The coverage of ``responses``; raise when nobody counts in ``round_id`` (or, without one, in the file)."""
    coverage = check(responses, instrument)
    if round_id is None:
        if coverage.nobody_counts:
            raise SamenspelError(
                f"{responses.source}: nobody in this file counts as a respondent (each answered fewer than half of "
                "the domain questions asked); there is nothing to analyse, and an empty file must not look like "
                "a calm collaboration")
    elif round_id in coverage.empty_rounds:
        raise SamenspelError(
            f"{responses.source}: nobody in round {round_id} counts as a respondent (each answered fewer than half "
            "of the domain questions asked); there is nothing to analyse in that round")
    return coverage
