"""Put a validated response file into a measurement round, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from samenspel.errors import InputError, Problem
from samenspel.responses.model import ResponseSet
from samenspel.web.alliances.models import Answer, MeasurementRound, Partner, Respondent
from samenspel.web.alliances.texts import pick


@dataclass(frozen=True)
class ImportSummary:
    respondents: int
    answers: int
    new_partners: tuple[str, ...]


def import_into(rnd: MeasurementRound, responses: ResponseSet) -> ImportSummary:
    """Add every respondent and answer of ``responses`` to ``rnd`` in one transaction.

    The file must hold one round (its name may differ from ``rnd``'s code);
    respondent ids already in the round are refused, so an import never
    silently mixes with earlier answers. Unknown partner codes become partners.
    """
    name = responses.source
    rounds = responses.rounds()
    if not responses.answers:
        raise InputError([Problem(name, None, pick("het bestand bevat geen antwoorden", "the file holds no answers"))])
    if len(rounds) != 1:
        shown = ", ".join(rounds)
        raise InputError([Problem(name, None, pick(f"het bestand bevat {len(rounds)} rondes ({shown}); importeer één ronde tegelijk",
                                                   f"the file holds {len(rounds)} rounds ({shown}); import one round at a time"))])
    people = responses.respondents()
    with transaction.atomic():
        taken = set(Respondent.objects.filter(round=rnd, code__in=list(people)).values_list("code", flat=True))
        if taken:
            shown = ", ".join(sorted(taken)[:10])
            raise InputError([Problem(name, None, pick(f"deze deelnemers zitten al in deze ronde: {shown}",
                                                       f"respondents already in this round: {shown}"))])
        partners = {p.code: p for p in Partner.objects.filter(alliance=rnd.alliance)}
        new = [c for c in responses.partners() if c not in partners]
        for code in new:
            partners[code] = Partner.objects.create(alliance=rnd.alliance, code=code, name=code)
        roles = responses.roles()
        languages: dict[str, str] = {}
        for a in responses.answers:
            if a.language and a.respondent not in languages:
                languages[a.respondent] = a.language
        now = timezone.now()
        made = {
            code: Respondent.objects.create(
                round=rnd,
                partner=partners[partner],
                code=code,
                role=roles.get(code) or "",
                language=languages.get(code, "nl") if languages.get(code) in ("nl", "en") else "nl",
                submitted_at=now,
                imported=True,
            )
            for code, partner in people.items()
        }
        rows = [
            Answer(
                respondent=made[a.respondent],
                item=a.item,
                target=partners[a.target] if a.target is not None else None,
                value=a.value if isinstance(a.value, float | int) else None,
                text=a.value if isinstance(a.value, str) else "",
                dont_know=a.value is None,
            )
            for a in responses.answers
        ]
        Answer.objects.bulk_create(rows, batch_size=500)
    return ImportSummary(len(made), len(rows), tuple(new))
