"""Helpers for the norms and portfolio tests: submitted answers on the small test questionnaire, and
stored profiles of other alliances (as the web app stores them) to build norms from."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from samenspel.norms import Profile
from samenspel.web.alliances.models import Alliance, Answer, MeasurementRound, Partner, Respondent
from samenspel.web.norms.models import NormConsent, RoundProfile


def answered(rnd: MeasurementRound, partner: str, values: list[float], phase: int = 2) -> None:
    """One submitted respondent per value at ``partner``, answering the ambition item (and the phase)."""
    start = rnd.respondents.count()
    for i, value in enumerate(values):
        r = Respondent.objects.create(round=rnd, partner=rnd.alliance.partners.get(code=partner),
                                      code=f"{partner}{start + i}", submitted_at=timezone.now())
        Answer.objects.create(respondent=r, item="amb_01", value=value)
        Answer.objects.create(respondent=r, item="phase_01", value=phase)


def others(count: int, scores: list[float] | None = None, questionnaire: str = "samenspel-core@2.0",
           opt_in: bool = True, user=None, prefix: str = "alliantie") -> list[Alliance]:  # type: ignore[no-untyped-def]
    """``count`` other alliances, each with one closed round and a stored profile (ambition score i*5+30)."""
    made = []
    for i in range(count):
        a = Alliance.objects.create(name=f"{prefix.title()} {i:02d}", slug=f"{prefix}-{i:02d}")
        Partner.objects.create(alliance=a, code="A", name="A")
        rnd = MeasurementRound.objects.create(alliance=a, code="r1", name="Ronde 1", opens=dt.date(2025, 1, 1),
                                              status=MeasurementRound.CLOSED)
        score = scores[i] if scores else 30.0 + 5 * i
        p = Profile(alliance=a.slug, round="r1", questionnaire=questionnaire, modules=(),
                    measures={"domain:ambition": score}, counts={"domain:ambition": 6}, phase=2,
                    size_band="2-3", n_partners=2, n_respondents=6, period="2025-01-01")
        RoundProfile.objects.create(round=rnd, questionnaire=questionnaire, data=p.to_dict())
        if opt_in:
            NormConsent.objects.create(alliance=a, contributes=True, by=user)
        made.append(a)
    return made


def normfile(count: int = 12, questionnaire: str = "samenspel-core@2.0", min_alliances: int = 10,
             publisher: str | None = "Sectorinstituut", start: float = 30.0, step: float = 5.0) -> tuple[bytes, bytes]:
    """A published norm file (CSV rows, JSON description) as ``samenspel norms export`` writes it: ``count``
    alliances in phase 2 of 2-3 partners, ambition ``start``, ``start + step``, ..."""
    import json

    from samenspel.norms import build_norms
    from samenspel.norms.normfile import description, to_csv

    profiles = [Profile(alliance=f"bron-{i:03d}", round="r1", questionnaire=questionnaire, modules=(),
                        measures={"domain:ambition": start + step * i}, counts={"domain:ambition": 6}, phase=2,
                        size_band="2-3", n_partners=2, n_respondents=6, period=f"2025-0{1 + i % 9}-01")
                for i in range(count)]
    ns = build_norms(profiles, min_alliances, questionnaire=questionnaire)
    desc = description(ns, publisher=publisher, rows_file="nationaal-2025.csv")
    return to_csv(ns).encode(), json.dumps(desc).encode()
