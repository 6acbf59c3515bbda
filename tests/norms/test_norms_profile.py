"""Alliance profiles: published figures only, never a hidden partner's; a stable, versioned dictionary."""

from __future__ import annotations

import json

import numpy as np
import pytest

from samenspel.analysis import Settings, analyse
from samenspel.demo import make_demo
from samenspel.errors import SamenspelError
from samenspel.knowledge import load_knowledge
from samenspel.norms import PROFILE_VERSION, Profile, profile_of
from samenspel.reading import AllianceContext, read
from samenspel.responses.versions import per_round


@pytest.fixture(scope="module")
def demo():
    responses = make_demo()
    kb = load_knowledge()
    diagnosis = analyse(responses, per_round(responses), kb)
    return responses, diagnosis, kb


def _domain_score_without(responses, diagnosis, domain: str, hidden: set[str]) -> float:
    """The domain score over every counted respondent outside ``hidden``, computed directly with numpy.

    Independent of the analysis: items of the domain from the questionnaire, reverse keys, 0-100, the
    half-of-items rule, then the mean over people.
    """
    questionnaire = per_round(responses)[diagnosis.round]
    items = {it.id: it for it in questionnaire.items if it.construct == f"domain:{domain}"}
    people: dict[str, list[float]] = {}
    partner_of: dict[str, str] = {}
    for a in responses.answers:
        if a.round != diagnosis.round or a.item not in items or a.value is None:
            continue
        it = items[a.item]
        v = float(a.value)
        if it.reverse:
            v = it.min + it.max - v
        people.setdefault(a.respondent, []).append((v - it.min) / (it.max - it.min) * 100)
        partner_of[a.respondent] = a.partner
    scores = [np.mean(v) for r, v in people.items()
              if partner_of[r] not in hidden and len(v) >= 0.5 * len(items) and r not in diagnosis.not_counted]
    return float(np.mean(scores))


def test_the_profile_holds_no_hidden_partners_figure(demo):
    responses, diagnosis, kb = demo
    assert diagnosis.left_out  # the demo has a partner below the minimum group
    profile = profile_of(read(diagnosis, kb))
    text = json.dumps(profile.to_dict(), ensure_ascii=False)
    for partner in responses.partners():
        assert partner not in text  # no partner named, shown or hidden
    hidden = set(diagnosis.left_out)
    for domain in diagnosis.domains:
        direct = _domain_score_without(responses, diagnosis, domain, hidden)
        assert profile.measures[f"domain:{domain}"] == pytest.approx(direct, abs=1e-3)
        # ... and it is not the figure with the hidden partner's respondents in it
        assert profile.measures[f"domain:{domain}"] != pytest.approx(
            _domain_score_without(responses, diagnosis, domain, set()), abs=1e-3)


def test_the_profile_takes_the_published_figures_and_the_context(demo):
    _, diagnosis, kb = demo
    context = AllianceContext(alliance_form="joint_venture", governance_model="lead_partner")
    profile = profile_of(diagnosis, context, period="2025-11-01")
    for key, r in diagnosis.domains.items():
        assert profile.measures[f"domain:{key}"] == round(r.score, 4)
        assert profile.counts[f"domain:{key}"] == r.n
    assert profile.measures["scale:trust"] == round(diagnosis.scales["trust"].score, 4)
    assert profile.phase == diagnosis.phase.modal
    assert profile.quadrant == diagnosis.trust_formal.quadrant
    assert (profile.alliance_form, profile.governance_model) == ("joint_venture", "lead_partner")
    assert profile.questionnaire == "samenspel-core@2.0"
    assert profile.size_band == "4-6" and profile.n_respondents == diagnosis.n_respondents
    assert "network:density" in profile.measures and "divergence:flagged" in profile.measures


def test_round_trip_and_versioning(demo):
    _, diagnosis, kb = demo
    profile = profile_of(read(diagnosis, kb, AllianceContext(alliance_form="multi_partner")))
    data = json.loads(json.dumps(profile.to_dict()))
    assert Profile.from_dict(data) == profile
    assert data["version"] == PROFILE_VERSION
    with pytest.raises(SamenspelError, match="profile version 99"):
        Profile.from_dict({**data, "version": 99})
    with pytest.raises(SamenspelError, match="finite number"):
        Profile.from_dict({**data, "measures": {"domain:relation": "high"}})


def test_a_larger_minimum_group_changes_the_published_figures_and_so_the_profile(demo):
    responses, _, kb = demo
    strict = analyse(responses, per_round(responses), kb, settings=Settings(min_group=8))
    profile = profile_of(strict)
    for key, r in strict.domains.items():
        if r.score is None:
            assert f"domain:{key}" not in profile.measures
        else:
            assert profile.measures[f"domain:{key}"] == round(r.score, 4)


def test_profile_of_refuses_other_objects():
    with pytest.raises(SamenspelError, match="Reading or a Diagnosis"):
        profile_of({"domains": {}})
