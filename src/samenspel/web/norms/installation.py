"""The norms of this installation: built from the latest stored profile (of a closed round) of every alliance
that opted in.

Built when asked (a dashboard shows a placement), from profiles only, under
the rules of ``samenspel.norms.norms``: at least ``SAMENSPEL_NORMS_MIN_ALLIANCES``
(default 10) alliances behind every figure, one profile per alliance, and the
differencing rule across builds. For that last rule every build with other
alliances behind its rows is kept (:class:`NormBuild`) and each new build is
checked against all of them, so a single alliance opting out (or in) does not
move a figure that would give its own values away.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from samenspel.errors import SamenspelError
from samenspel.norms import NormSet, Profile, build_norms
from samenspel.norms.norms import MIN_ALLIANCES
from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.norms import consent
from samenspel.web.norms.models import NormBuild, RoundProfile


def min_alliances() -> int:
    return int(getattr(settings, "SAMENSPEL_NORMS_MIN_ALLIANCES", MIN_ALLIANCES))


def contributed_profiles() -> list[Profile]:
    """The latest stored profile of a closed round of each contributing alliance, oldest first.

    Closed rounds only: an open round's figures move with every step of new
    answers while it stays the same member of a norm (``samenspel.norms.member``:
    alliance and round), so its changes would show in the norm unchecked.
    """
    rows = (RoundProfile.objects.filter(round__alliance__in=consent.contributing(),
                                        round__status=MeasurementRound.CLOSED)
            .select_related("round").order_by("round__alliance_id", "-round__opens", "-round__created_at"))
    latest: dict[int, RoundProfile] = {}
    for row in rows:
        latest.setdefault(row.round.alliance_id, row)
    out = []
    for row in sorted(latest.values(), key=lambda r: (r.round.opens, r.pk)):
        try:
            out.append(Profile.from_dict(row.data))
        except SamenspelError:
            continue  # another profile version: it comes back when the round is read again
    return out


def _memberships(ledger: dict[str, object]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Who stands behind each row of a ledger: what the differencing rule compares."""
    return {(str(r["group"]), str(r["measure"])): tuple(r["members"]) for r in ledger.get("rows", ())}  # type: ignore[union-attr]


def norms_for(questionnaire: str) -> NormSet:
    """The installation's norm set for ``questionnaire``, checked against every earlier build (rule 3).

    A build is kept only when the alliances behind some row changed; when only
    figures moved (an alliance's new round) the last build is updated in
    place, so the builds stay as few as the changes of membership.
    """
    minimum = min_alliances()
    builds = list(NormBuild.objects.filter(questionnaire=questionnaire, min_alliances=minimum)
                  .order_by("built_at", "id"))
    previous = []
    for build in builds:
        try:
            previous.append(NormSet.from_ledger(build.ledger))
        except SamenspelError:
            continue
    normset = build_norms(contributed_profiles(), minimum, questionnaire=questionnaire, previous=previous)
    ledger = normset.ledger()
    if not normset.rows:
        return normset
    last = builds[-1] if builds else None
    with transaction.atomic():
        if last is None or _memberships(last.ledger) != _memberships(ledger):
            NormBuild.objects.create(questionnaire=questionnaire, min_alliances=minimum, ledger=ledger)
        elif last.ledger != ledger:
            last.ledger = ledger
            last.save(update_fields=["ledger"])
    return normset


def slugs_in_norm_history() -> set[str]:
    """The alliance codes behind any norm figure this installation has shown (``NormBuild``).

    A build names its members by code and round. A new alliance that took the code of a
    deleted one, with a round of the same code, would look like the same member: its
    figures would replace the deleted alliance's without the differencing rule noticing,
    and the change in the norm would give one from the other. So such a code is not
    given out again (the alliance form refuses it).
    """
    out: set[str] = set()
    for ledger in NormBuild.objects.values_list("ledger", flat=True):
        for members in _memberships(ledger).values():
            out.update(m.split(" @ ", 1)[0] for m in members)
    return out

