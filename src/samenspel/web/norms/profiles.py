"""Each round's profile, stored whenever its reading is computed (issue 16, point 5).

Norms are built from these stored profiles, never from answers: a profile
holds only what the round's own published reading shows at alliance level
(``samenspel.norms.profile``). The alliances app announces every computed
reading (``diagnosis.reading_computed``); a round whose reading is gone (its
answers deleted) loses its profile too.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from samenspel.norms import Profile, profile_of
from samenspel.reading import Reading
from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.norms.models import RoundProfile


def profile_for(rnd: MeasurementRound, reading: Reading) -> Profile:
    """The profile of ``rnd``'s reading, with the questionnaire the round asked (not one guessed from items)."""
    from samenspel.web.alliances.survey import round_selection

    selection = round_selection(rnd)
    return profile_of(reading, reading.context, questionnaire=selection.key, modules=tuple(selection.modules),
                      period=rnd.opens.isoformat())


def store(rnd: MeasurementRound, reading: Reading | None) -> RoundProfile | None:
    """Keep the profile of ``rnd``'s reading (replacing an older one); remove it when there is no reading."""
    if reading is None:
        RoundProfile.objects.filter(round=rnd).delete()
        return None
    from samenspel.web.alliances.diagnosis import version

    profile = profile_for(rnd, reading)
    row, _ = RoundProfile.objects.update_or_create(round=rnd, defaults={
        "questionnaire": profile.questionnaire, "data": profile.to_dict(), "reading_version": version(rnd),
        "computed_at": timezone.now()})
    return row


def on_reading(sender: Any, round: MeasurementRound, reading: Reading | None, **kwargs: Any) -> None:  # noqa: A002
    """Receiver of ``diagnosis.reading_computed``."""
    store(round, reading)


def stored(rnd: MeasurementRound) -> Profile | None:
    """The stored profile of ``rnd``, or None (never analysed, or stored by an older profile version)."""
    from samenspel.errors import SamenspelError

    row = RoundProfile.objects.filter(round=rnd).first()
    if row is None:
        return None
    try:
        return Profile.from_dict(row.data)
    except SamenspelError:
        return None  # written by another profile version: recomputed with the next reading
