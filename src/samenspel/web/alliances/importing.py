"""Put a validated response file into a measurement round, all or nothing.

The file is checked against the round's own questionnaire. A round that has
no answers yet takes the questionnaire of the file (its version, pulse or not,
and for 2.0 the modules and paradoxes it holds); a round with answers keeps its
own, and a file answered with another questionnaire is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from samenspel.errors import InputError, Problem
from samenspel.responses.coverage import Coverage
from samenspel.responses.model import ResponseSet
from samenspel.web.alliances import survey
from samenspel.web.alliances.models import Answer, MeasurementRound, Partner, Respondent
from samenspel.web.alliances.texts import pick


def read_for_round(rnd: MeasurementRound, data: bytes, name: str) -> ResponseSet:
    """Read and check a response file for ``rnd``; a round without answers adopts the file's questionnaire.

    Raises InputError (nothing is changed) when the file does not fit.
    """
    from samenspel.instrument import infer_selection
    from samenspel.responses.reader import read_responses_data
    from samenspel.responses.versions import round_questionnaires, version_of

    selection = survey.round_selection(rnd)
    empty = not Answer.objects.filter(respondent__round=rnd).exists()
    own = survey.load_instrument(short=False, version=selection.version)
    try:
        responses = read_responses_data(data, name, own)
    except InputError as first:
        try:  # each round with the version it names or its items show
            other = read_responses_data(data, name)
        except InputError:
            raise first from None  # the problems against this round's own questionnaire are the ones to show
        found = list(round_questionnaires(other).values())
        if len(found) != 1 or found[0].selection.version == selection.version:
            raise first from None
        if not empty:
            raise InputError([Problem(name, None,  # the file check words its problems in English
                f"this file was answered with questionnaire {found[0].selection.key}; "
                f"this round asks {rnd.instrument}")]) from None
        _adopt(rnd, found[0].selection)
        return other
    declared = {a.instrument for a in responses.answers if a.instrument}
    if declared and declared != {rnd.instrument}:
        key = sorted(declared)[0]
        if not empty or version_of(key) is None:
            raise InputError([Problem(name, None,  # the file check words its problems in English
                f"this file was answered with questionnaire {key}; this round asks {rnd.instrument}")])
        responses = read_responses_data(data, name, survey.load_instrument(short=False, version=version_of(key)))
        selection = survey.round_selection(rnd)
        selection = type(selection)(version_of(key) or selection.version)
    if empty:
        if own.modular or declared:
            _adopt(rnd, infer_selection(selection.version, {a.item for a in responses.answers}))
        return responses
    asked = survey.round_questionnaire(rnd)
    outside = sorted({a.item for a in responses.answers if not asked.has_item(a.item)})
    if outside:
        shown = ", ".join(outside[:10])
        raise InputError([Problem(name, None, f"these questions are not in this round's questionnaire: {shown}")])
    return responses


def _adopt(rnd: MeasurementRound, selection) -> None:  # type: ignore[no-untyped-def]
    """Give a round without answers the questionnaire of the file being imported."""
    rnd.instrument = selection.key
    rnd.short = selection.pulse
    rnd.modules = list(selection.modules)
    rnd.paradoxes = list(selection.paradoxes)


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
                # an empty value without a reason was "don't know or not answered" before the missing column
                dont_know=a.value is None and a.missing in (None, "dont_know", "not_applicable"),
                missing=a.missing or "",
            )
            for a in responses.answers
        ]
        Answer.objects.bulk_create(rows, batch_size=500)
    return ImportSummary(len(made), len(rows), tuple(new))


def warn_coverage(request: HttpRequest, coverage: Coverage) -> None:
    """After an import: say how many respondents do not count and whose answers stop early (a file cut off)."""
    if coverage.not_counted:
        messages.warning(request, pick(
            f"Let op: {coverage.not_counted} deelnemers tellen niet mee; zij beantwoordden minder dan de helft "
            "van de domeinvragen.",
            f"Note: {coverage.not_counted} respondents do not count; they answered fewer than half of the "
            "domain questions."))
    if coverage.stopped_early:
        messages.warning(request, pick(
            f"Let op: bij {coverage.stopped_early} deelnemers stoppen de antwoorden vóór het laatste deel van de "
            "vragenlijst. Is het bestand ergens afgekapt?",
            f"Note: the answers of {coverage.stopped_early} respondents stop before the last part of the "
            "questionnaire. Was the file cut off somewhere?"))
