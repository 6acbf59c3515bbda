"""The demo alliance as database rows, loaded once (``samenspel serve``).

Its two rounds of synthetic answers (``samenspel.demo.make_demo``) become
closed rounds with imported respondents; a third, open round gets a few
personal links per partner so one can try the questionnaire.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from samenspel.responses.model import ResponseSet
from samenspel.web.alliances import tokens
from samenspel.web.alliances.importing import import_into
from samenspel.web.alliances.models import Alliance, MeasurementRound, Respondent

OPEN_ROUND = "demo-open"
LINKS_PER_PARTNER = 3



def _round_name(code: str) -> str:
    """"2025-najaar" -> "Najaar 2025": people read names, files keep the code."""
    year, _, season = code.partition("-")
    return f"{season.capitalize()} {year}" if year.isdigit() and season else code

def load_demo(responses: ResponseSet | None = None) -> tuple[Alliance, bool]:
    """The demo alliance, created from ``responses`` (default ``make_demo()``) if it is not there yet.

    Returns the alliance and whether it was created now.
    """
    from samenspel.demo import ALLIANCE_ID, ALLIANCE_NAME

    existing = Alliance.objects.filter(slug=ALLIANCE_ID).first()
    if existing is not None:
        return existing, False
    if responses is None:
        from samenspel.demo import make_demo

        responses = make_demo()
    from samenspel.demo.generator import DEMO_PHASE
    from samenspel.instrument import default_selection
    from samenspel.knowledge import load_knowledge
    from samenspel.responses.versions import round_questionnaires

    asked = round_questionnaires(responses)
    with transaction.atomic():
        alliance = Alliance.objects.create(name=ALLIANCE_NAME, slug=ALLIANCE_ID, min_group=3)
        for code in responses.rounds():
            part = responses.for_round(code)
            opens = next((a.round_date for a in part.answers if a.round_date), None) or timezone.localdate()
            chosen = asked[code].selection  # the questionnaire the demo round was answered with
            rnd = MeasurementRound.objects.create(
                alliance=alliance, code=code, name=_round_name(code), opens=opens, closes=opens + dt.timedelta(days=28),
                status=MeasurementRound.CLOSED, instrument=chosen.key, short=chosen.pulse,
                modules=list(chosen.modules), paradoxes=list(chosen.paradoxes),
            )
            import_into(rnd, part)
        today = timezone.localdate()
        default = default_selection(load_knowledge(), DEMO_PHASE)
        open_round = MeasurementRound.objects.create(
            alliance=alliance, code=OPEN_ROUND, name="Demo: probeer de vragenlijst",
            opens=today, closes=today + dt.timedelta(days=365),
            instrument=default.key, modules=list(default.modules), paradoxes=list(default.paradoxes),
        )
        for partner in alliance.partners.all():
            for i in range(LINKS_PER_PARTNER):
                r = Respondent.objects.create(
                    round=open_round, partner=partner, code=f"demo-{partner.pk}-{i + 1}", language="nl"
                )
                tokens.issue(r)
    return alliance, True
