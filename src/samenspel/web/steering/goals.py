"""The alliance's own goals and performance indicators, with a value per round.

One number per round and goal cannot be tested the way questionnaire scores
are (there is no spread to test against), so the trend shows its raw change
and says so; it is never called meaningful or not.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from samenspel.reading.notation import num
from samenspel.web.alliances.models import Alliance, MeasurementRound
from samenspel.web.steering.models import Goal, GoalValue


def parse(text: str) -> float | None:
    """A number as people type it (``12``, ``12,5`` or ``12.5``); None for an empty field.

    Raises ValueError for anything else, so the form can say which field is wrong.
    """
    text = text.strip().replace(" ", "")
    if not text:
        return None
    value = float(text.replace(",", "."))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def table(alliance: Alliance) -> dict[str, Any]:
    """Goals by rounds: ``rows`` of (goal, [value or None per round]) in the rounds' order."""
    rounds = list(alliance.rounds.all())
    values = {(v.goal_id, v.round_id): v.value for v in GoalValue.objects.filter(goal__alliance=alliance)}
    rows = [{"goal": g, "cells": [{"round": r, "value": values.get((g.pk, r.pk))} for r in rounds]}
            for g in alliance.goals.all()]
    return {"rounds": rounds, "rows": rows}


def save(alliance: Alliance, posted: dict[str, str]) -> list[str]:
    """Store the fields ``v-<goal>-<round>`` of a posted grid; returns the names of fields that were no number."""
    goals = {g.pk: g for g in alliance.goals.all()}
    rounds = {r.pk: r for r in alliance.rounds.all()}
    wrong: list[str] = []
    with transaction.atomic():
        for key, text in posted.items():
            parts = key.split("-")
            if len(parts) != 3 or parts[0] != "v" or not parts[1].isdigit() or not parts[2].isdigit():
                continue
            goal, rnd = goals.get(int(parts[1])), rounds.get(int(parts[2]))
            if goal is None or rnd is None:
                continue
            try:
                value = parse(text)
            except ValueError:
                wrong.append(f"{goal.name} ({rnd.name})")
                continue
            if value is None:
                GoalValue.objects.filter(goal=goal, round=rnd).delete()
            else:
                GoalValue.objects.update_or_create(goal=goal, round=rnd, defaults={"value": value})
        if wrong:
            transaction.set_rollback(True)
    return wrong


def changes(rnd: MeasurementRound, earlier: MeasurementRound | None, lang: str) -> list[dict[str, str]]:
    """Each goal with a value at ``rnd`` or ``earlier``: both values and the raw change, in ``lang``."""
    rows = []
    values = {(v.goal_id, v.round_id): v.value
              for v in GoalValue.objects.filter(goal__alliance=rnd.alliance,
                                                round__in=[r for r in (rnd, earlier) if r is not None])}
    for g in rnd.alliance.goals.all():
        now = values.get((g.pk, rnd.pk))
        before = values.get((g.pk, earlier.pk)) if earlier is not None else None
        if now is None and before is None:
            continue
        change = now - before if now is not None and before is not None else None
        unit = f" {g.unit}" if g.unit else ""
        rows.append({"name": g.name, "previous": "—" if before is None else num(before, lang, _digits(before)) + unit,
                     "now": "—" if now is None else num(now, lang, _digits(now)) + unit,
                     "change": "—" if change is None else num(change, lang, _digits(change), sign=True)})
    return rows


def _digits(x: float) -> int:
    return 0 if float(x).is_integer() else 1


def for_round(rnd: MeasurementRound, lang: str) -> list[dict[str, str]]:
    """The goals' rows for ``rnd``'s trend, against the round its questionnaire trend compares with."""
    from samenspel.web.alliances.diagnosis import reading_for
    from samenspel.web.steering.outcome import earlier_round

    if not rnd.alliance.goals.exists():
        return []
    return changes(rnd, earlier_round(rnd, reading_for(rnd)), lang)
