"""Opting an alliance in and out of norms (issue 16, point 1): recorded, revocable, only by its facilitator,
and an alliance that opted out is left out of every norm built afterwards."""

from __future__ import annotations

import pytest
from norms_helpers import others

from samenspel.web.alliances.models import Alliance, Membership
from samenspel.web.norms import consent, installation
from samenspel.web.norms.models import NormBuild, NormConsent

pytestmark = pytest.mark.django_db


def test_a_facilitator_opts_in_and_out_and_both_decisions_are_kept(fclient, alliance, facilitator):
    page = fclient.get("/nl/a/zorg-oost/norms/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "draagt niet bij" in text and "niet worden teruggehaald" in text  # the plain warning about published files
    assert not consent.contributes(alliance)

    fclient.post("/nl/a/zorg-oost/norms/set/", {"contribute": "1"})
    assert consent.contributes(alliance)
    first = NormConsent.objects.get(alliance=alliance)
    assert first.contributes and first.by == facilitator and first.at is not None

    fclient.post("/nl/a/zorg-oost/norms/set/", {"contribute": "0"})
    assert not consent.contributes(alliance)
    trail = list(NormConsent.objects.filter(alliance=alliance).values_list("contributes", "by__username"))
    assert trail == [(True, "fien"), (False, "fien")]
    page = fclient.get("/en/a/zorg-oost/norms/").content.decode()
    assert "does not contribute" in page and "cannot be recalled" in page and page.count("fien") >= 2


def test_the_same_decision_twice_is_recorded_once(fclient, alliance):
    fclient.post("/nl/a/zorg-oost/norms/set/", {"contribute": "1"})
    fclient.post("/nl/a/zorg-oost/norms/set/", {"contribute": "1"})
    assert NormConsent.objects.filter(alliance=alliance).count() == 1
    assert fclient.post("/nl/a/zorg-oost/norms/set/", {"contribute": "maybe"}).status_code == 400


@pytest.mark.parametrize("role", [None, Membership.VIEWER])
def test_an_outsider_or_a_viewer_cannot_see_or_change_it(client, django_user_model, alliance, role):
    user = django_user_model.objects.create_user("kees", password="pw-kees-123")
    if role:
        Membership.objects.create(user=user, alliance=alliance, role=role)
    client.force_login(user)
    assert client.get("/nl/a/zorg-oost/norms/").status_code == 404
    assert client.post("/nl/a/zorg-oost/norms/set/", {"contribute": "1"}).status_code == 404
    assert not NormConsent.objects.exists()


def test_anonymous_is_sent_to_log_in(client, alliance):
    response = client.post("/nl/a/zorg-oost/norms/set/", {"contribute": "1"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not NormConsent.objects.exists()


def test_only_alliances_that_opted_in_contribute(facilitator):
    mine = others(10)
    others(3, opt_in=False, prefix="buiten")
    assert {p.alliance for p in installation.contributed_profiles()} == {a.slug for a in mine}
    norms = installation.norms_for("samenspel-core@2.0")
    assert norms.row("all", "domain:ambition").n == 10


def test_opting_out_removes_the_alliance_from_later_norms(facilitator):
    alliances = others(10)
    assert installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition").n == 10
    consent.decide(alliances[0], False, facilitator)
    assert alliances[0].slug not in {p.alliance for p in installation.contributed_profiles()}
    assert installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition") is None  # 9: too few


def test_one_alliance_leaving_does_not_move_a_norm_it_would_give_away(facilitator):
    """Rule 3 across builds: with 12 alliances, one opting out keeps the earlier figures (carried), so the
    difference between two dashboards does not give its score."""
    alliances = others(12)
    before = installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition")
    assert NormBuild.objects.count() == 1
    consent.decide(alliances[5], False, facilitator)
    after = installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition")
    assert after.carried and (after.q1, after.median, after.q3, after.n) == (before.q1, before.median, before.q3,
                                                                             before.n)


def test_a_deleted_alliance_stays_in_the_ledger_so_its_leaving_gives_nothing_away(facilitator):
    """NormBuild keeps the slugs of alliances deleted later, on purpose: it is the record of what was shown.
    Scrubbing the deleted alliance from it would make the next build look unchanged in membership, publish new
    figures, and the difference from the figures shown before would give the deleted alliance's score."""
    alliances = others(12, scores=[10.0 * i for i in range(12)])
    before = installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition")
    gone = alliances[11].slug
    alliances[11].delete()
    after = installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition")
    assert after.carried and (after.q1, after.median, after.q3, after.n) == (before.q1, before.median, before.q3,
                                                                             before.n)
    assert any(m.startswith(f"{gone} @") for b in NormBuild.objects.all() for r in b.ledger["rows"]
               for m in r["members"])


def test_new_figures_of_the_same_alliances_update_the_last_build(facilitator):
    """Builds are kept per change of membership, not per change of a score: they stay few."""
    from samenspel.norms import Profile
    from samenspel.web.norms.models import RoundProfile

    alliances = others(12)
    before = installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition")
    row = RoundProfile.objects.get(round__alliance=alliances[0])
    profile = Profile.from_dict(row.data)
    row.data = {**profile.to_dict(), "measures": {"domain:ambition": 99.0}}
    row.save()
    after = installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition")
    assert NormBuild.objects.count() == 1 and not after.carried
    assert after.q3 > before.q3 or after.median != before.median or after.q1 != before.q1
    consent.decide(alliances[1], False, facilitator)
    assert installation.norms_for("samenspel-core@2.0").row("all", "domain:ambition").carried
    assert NormBuild.objects.count() == 1  # carried figures: the same alliances stand behind the row


def test_norms_take_the_latest_closed_round(facilitator):
    """An open round's figures move while answers come in: norms wait until it closes."""
    import datetime as dt

    from samenspel.norms import Profile
    from samenspel.web.alliances.models import MeasurementRound
    from samenspel.web.norms.models import RoundProfile

    alliances = others(10)
    first = alliances[0]
    rnd = MeasurementRound.objects.create(alliance=first, code="r2", name="Ronde 2", opens=dt.date(2026, 1, 1))
    data = {**Profile.from_dict(RoundProfile.objects.get(round__alliance=first).data).to_dict(), "round": "r2"}
    RoundProfile.objects.create(round=rnd, questionnaire="samenspel-core@2.0", data=data)
    rounds = {p.alliance: p.round for p in installation.contributed_profiles()}
    assert rounds[first.slug] == "r1"
    rnd.status = MeasurementRound.CLOSED
    rnd.save()
    assert {p.alliance: p.round for p in installation.contributed_profiles()}[first.slug] == "r2"


def test_the_code_of_a_deleted_contributor_is_not_given_out_again(fclient, facilitator):
    """A new alliance with a deleted contributor's code (and a round of the same code) would look like the same
    norm member, so its figures would replace the deleted one's unchecked: the form refuses that code."""
    alliances = others(12)
    installation.norms_for("samenspel-core@2.0")
    gone = alliances[11].slug
    alliances[11].delete()
    page = fclient.post("/nl/alliances/new/", {"name": "Nieuw", "slug": gone, "min_group": 3})
    assert page.status_code == 200 and "bijdroeg" in page.content.decode()
    assert not Alliance.objects.filter(slug=gone).exists()
    fclient.post("/nl/alliances/new/", {"name": "Nieuw", "slug": "nieuw-01", "min_group": 3})
    assert Alliance.objects.filter(slug="nieuw-01").exists()
    assert gone in installation.slugs_in_norm_history()
