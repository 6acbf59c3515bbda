"""Database answers as a :class:`~samenspel.responses.model.ResponseSet`.

Analysis and export only ever see this; the web app never computes a
statistic itself. Only submitted (or imported) respondents count. Every answer
carries its round's questionnaire (``instrument``) and, where its value is
empty, the reason stored with it (``missing``), so an export says both.
"""

from __future__ import annotations

from django.db.models import QuerySet

from samenspel.responses.model import Answer as ResponseAnswer
from samenspel.responses.model import ResponseSet
from samenspel.web.alliances.models import Alliance, Answer, MeasurementRound


def _rows(answers: QuerySet[Answer]) -> tuple[ResponseAnswer, ...]:
    """One flat query (no model instances: the demo has ~15,000 answers)."""
    rows = answers.order_by("respondent__round__opens", "respondent__round_id", "respondent_id", "id").values_list(
        "respondent__round__alliance__slug", "respondent__round__code", "respondent__code",
        "respondent__partner__code", "item", "value", "text", "respondent__role", "target__code",
        "respondent__round__opens", "respondent__language", "missing", "respondent__round__instrument",
    )
    return tuple(
        ResponseAnswer(
            alliance=alliance, round=rnd, respondent=person, partner=partner, item=item,
            value=text if (value is None and text) else value,
            role=role or None, target=target, round_date=opens, language=language or None,
            missing=(missing or None) if value is None and not text else None, instrument=instrument or None,
        )
        for alliance, rnd, person, partner, item, value, text, role, target, opens, language, missing, instrument
        in rows
    )


def round_responses(rnd: MeasurementRound) -> ResponseSet:
    """Submitted answers of one round."""
    qs = Answer.objects.filter(respondent__round=rnd, respondent__submitted_at__isnull=False)
    return ResponseSet(_rows(qs), source=f"{rnd.alliance.slug}/{rnd.code}")


def alliance_responses(alliance: Alliance) -> ResponseSet:
    """Submitted answers of all rounds of an alliance (for trends)."""
    qs = Answer.objects.filter(respondent__round__alliance=alliance, respondent__submitted_at__isnull=False)
    return ResponseSet(_rows(qs), source=alliance.slug)
