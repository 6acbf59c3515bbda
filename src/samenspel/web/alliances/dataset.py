"""Database answers as a :class:`~samenspel.responses.model.ResponseSet`.

Analysis and export only ever see this; the web app never computes a
statistic itself. Only submitted (or imported) respondents count.
"""

from __future__ import annotations

from django.db.models import QuerySet

from samenspel.responses.model import Answer as ResponseAnswer
from samenspel.responses.model import ResponseSet
from samenspel.web.alliances.models import Alliance, Answer, MeasurementRound


def _rows(answers: QuerySet[Answer]) -> tuple[ResponseAnswer, ...]:
    out = []
    rows = answers.select_related(
        "respondent__round__alliance", "respondent__partner", "target"
    ).order_by("respondent__round__opens", "respondent__round_id", "respondent_id", "id")
    for a in rows:
        r = a.respondent
        value: float | str | None = a.text if (a.value is None and a.text) else a.value
        out.append(
            ResponseAnswer(
                alliance=r.round.alliance.slug,
                round=r.round.code,
                respondent=r.code,
                partner=r.partner.code,
                item=a.item,
                value=value,
                role=r.role or None,
                target=a.target.code if a.target is not None else None,
                round_date=r.round.opens,
                language=r.language or None,
            )
        )
    return tuple(out)


def round_responses(rnd: MeasurementRound) -> ResponseSet:
    """Submitted answers of one round."""
    qs = Answer.objects.filter(respondent__round=rnd, respondent__submitted_at__isnull=False)
    return ResponseSet(_rows(qs), source=f"{rnd.alliance.slug}/{rnd.code}")


def alliance_responses(alliance: Alliance) -> ResponseSet:
    """Submitted answers of all rounds of an alliance (for trends)."""
    qs = Answer.objects.filter(respondent__round__alliance=alliance, respondent__submitted_at__isnull=False)
    return ResponseSet(_rows(qs), source=alliance.slug)
