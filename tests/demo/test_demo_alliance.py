"""The demo alliance: valid against the real questionnaire, the promised structure and patterns."""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import mean

import pandas as pd
import pingouin
import pytest
from scipy.stats import f_oneway
from toy_instrument import toy_instrument

from samenspel.demo import ALLIANCE_ID, PARTNERS, demo_readme, make_demo
from samenspel.demo.generator import demo_questionnaire
from samenspel.demo.texts import OPEN_ANSWERS_EN, OPEN_ANSWERS_NL
from samenspel.responses.model import ROLES, ResponseSet
from samenspel.responses.reader import read_responses_data
from samenspel.responses.writer import to_csv

HOSPITAL = "Ziekenhuis Waalzicht"
CAMP = {p.name: p.camp for p in PARTNERS}


@pytest.fixture(scope="module")
def instrument():
    """What the demo rounds ask: questionnaire 2.0's default full round."""
    return demo_questionnaire()


@pytest.fixture(scope="module")
def demo() -> ResponseSet:
    return make_demo(7)


def _people(demo: ResponseSet, round_id: str) -> dict[str, str]:
    return demo.for_round(round_id).respondents()


def _scored(demo: ResponseSet, instrument, construct: str, round_id: str) -> dict[str, dict[str, float]]:
    """Respondent -> item -> value on 1-5 with reverse items turned around."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for a in demo.for_round(round_id).answers:
        item = instrument.item(a.item)
        if item.construct == construct and isinstance(a.value, float):
            out[a.respondent][a.item] = (item.min + item.max - a.value) if item.reverse else a.value
    return out


def _received(demo: ResponseSet, instrument, dimension: str, target: str | None = None, rater: str | None = None):
    return mean(
        a.value
        for a in demo.answers
        if instrument.item(a.item).construct == f"relation:{dimension}"
        and a.value is not None
        and (target is None or a.target == target)
        and (rater is None or a.partner == rater)
    )


def test_demo_validates_cleanly_against_the_real_questionnaire(demo, instrument):
    again = read_responses_data(to_csv(demo).encode("utf-8"), "demo.csv", instrument)
    assert again.answers == demo.answers
    assert read_responses_data(to_csv(demo).encode("utf-8"), "demo.csv").answers == demo.answers


def test_demo_uses_questionnaire_two_with_the_default_modules(demo, instrument):
    from samenspel.responses.versions import round_questionnaires

    assert {a.instrument for a in demo.answers} == {"samenspel-core@2.0"}
    assert instrument.version == "2.0" and [m.id for m in instrument.modules] == [
        "core", "paradoxes", "factors", "motives", "open"]
    for found in round_questionnaires(demo).values():
        assert found.how == "declared" and found.instrument is instrument
    checks = [a for a in demo.answers if instrument.item(a.item).type == "check"]
    assert {a.value for a in checks} == {0.0, 1.0, None}  # yes, no, don't know
    empty = [a for a in demo.answers if a.value is None]
    assert empty and all(a.missing == ("skipped" if instrument.item(a.item).type == "text" else "dont_know")
                         for a in empty)


def test_every_item_for_every_respondent_and_round(demo, instrument):
    per_person = Counter((a.round, a.respondent) for a in demo.answers)
    relation_items = sum(1 for it in instrument.items if it.type == "relation")
    expected = len(instrument.items) - relation_items + relation_items * (len(PARTNERS) - 1)
    assert set(per_person.values()) == {expected}
    assert {a.item for a in demo.answers} == {it.id for it in instrument.items}


def test_partners_rounds_and_sizes(demo):
    assert demo.alliance == ALLIANCE_ID
    assert demo.rounds() == ["2025-voorjaar", "2025-najaar"]
    assert {(a.round, a.round_date.isoformat()) for a in demo.answers} == {
        ("2025-voorjaar", "2025-04-14"),
        ("2025-najaar", "2025-10-13"),
    }
    assert demo.partners() == [p.name for p in PARTNERS]
    for round_id in demo.rounds():
        sizes = Counter(_people(demo, round_id).values())
        assert sizes["Welzijn Samen"] == 2  # below the minimum group size of 3
        assert all(4 <= n <= 9 for partner, n in sizes.items() if partner != "Welzijn Samen")


def test_most_respondents_return_some_leave_some_join(demo):
    spring, autumn = (set(_people(demo, r)) for r in demo.rounds())
    assert len(spring & autumn) / len(spring) >= 0.8
    assert spring - autumn and autumn - spring


def test_roles_languages_and_open_answers(demo):
    assert set(demo.roles().values()) <= set(ROLES) and None not in demo.roles().values()
    assert {"board", "manager", "staff", "other"} <= set(demo.roles().values())
    texts = [a for a in demo.answers if isinstance(a.value, str)]
    assert len(texts) > 20
    assert all(a.value in (OPEN_ANSWERS_EN if a.language == "en" else OPEN_ANSWERS_NL) for a in texts)
    assert Counter(a.language for a in demo.answers)["en"] > 0


def test_every_respondent_rates_every_other_partner_on_four_dimensions(demo, instrument):
    dimensions = {it.id: it.construct for it in instrument.items if it.type == "relation"}
    assert sorted(dimensions.values()) == ["relation:dependency", "relation:exchange", "relation:influence", "relation:trust"]
    rated = defaultdict(set)
    for a in demo.answers:
        if a.item in dimensions:
            rated[(a.round, a.respondent, a.item)].add(a.target)
    for (round_id, respondent, _), targets in rated.items():
        own = _people(demo, round_id)[respondent]
        assert targets == {p.name for p in PARTNERS} - {own}


def test_some_dont_knows(demo, instrument):
    numeric = [a for a in demo.answers if instrument.item(a.item).numeric]
    share = sum(a.value is None for a in numeric) / len(numeric)
    assert 0.01 < share < 0.10


def test_deterministic_for_a_seed(instrument):
    assert make_demo(3, instrument) == make_demo(3, instrument)
    assert make_demo(3, instrument).answers != make_demo(4, instrument).answers


def test_scales_are_reliable(demo, instrument):
    """Cronbach's alpha of every domain and round, computed with pingouin (an independent implementation)."""
    alphas = []
    for domain in ("ambition", "interests", "relation", "organisation", "process"):
        for round_id in demo.rounds():
            wide = pd.DataFrame(_scored(demo, instrument, f"domain:{domain}", round_id)).T
            alphas.append(pingouin.cronbach_alpha(wide)[0])
    assert min(alphas) > 0.6 and max(alphas) < 0.93
    assert 0.72 < mean(alphas) < 0.88


def test_hospital_dominates(demo, instrument):
    others = [p.name for p in PARTNERS if p.name != HOSPITAL]
    in_dependency = {p.name: _received(demo, instrument, "dependency", target=p.name) for p in PARTNERS}
    assert in_dependency[HOSPITAL] > 4.0
    assert all(in_dependency[HOSPITAL] > in_dependency[o] + 0.8 for o in others)
    assert _received(demo, instrument, "dependency", rater=HOSPITAL) < 2.5
    in_influence = {p.name: _received(demo, instrument, "influence", target=p.name) for p in PARTNERS}
    assert max(in_influence, key=in_influence.get) == HOSPITAL


def test_two_mild_camps_in_trust(demo, instrument):
    within, across = [], []
    for a in demo.answers:
        if instrument.item(a.item).construct == "relation:trust" and a.value is not None:
            (within if CAMP[a.partner] == CAMP[a.target] else across).append(a.value)
    assert 0.5 < mean(within) - mean(across) < 1.5


def test_ambition_diverges_between_partners(demo, instrument):
    for round_id in demo.rounds():
        people = _people(demo, round_id)
        scores = {r: mean(v.values()) for r, v in _scored(demo, instrument, "domain:ambition", round_id).items()}
        groups = defaultdict(list)
        for respondent, score in scores.items():
            groups[people[respondent]].append(score)
        assert f_oneway(*groups.values()).pvalue < 0.01
        partner_means = [mean(g) for g in groups.values()]
        assert max(partner_means) - min(partner_means) > 1.0


def test_organisation_weak_in_spring_better_in_autumn(demo, instrument):
    spring, autumn = (
        mean(v for answers in _scored(demo, instrument, "domain:organisation", r).values() for v in answers.values())
        for r in demo.rounds()
    )
    assert spring < 2.6 and autumn - spring > 0.8


def test_phase_mostly_two_or_three(demo, instrument):
    phase_items = {it.id for it in instrument.items if it.construct == "phase"}
    for round_id in demo.rounds():
        values = [a.value for a in demo.for_round(round_id).answers if a.item in phase_items and a.value is not None]
        assert sum(v in (2.0, 3.0) for v in values) / len(values) >= 0.7


def test_follows_whatever_questionnaire_it_gets():
    toy = toy_instrument()
    demo = make_demo(7, toy)
    assert {a.item for a in demo.answers} == {it.id for it in toy.items}
    assert read_responses_data(to_csv(demo).encode("utf-8"), "toy.csv", toy).answers == demo.answers


def test_readme_describes_alliance_in_both_languages(demo):
    text = demo_readme(demo)
    assert "Zorgalliantie Rivierenland" in text and ALLIANCE_ID in text
    assert "**English.**" in text and "**Nederlands.**" in text
    assert "| Ziekenhuis Waalzicht | 9 / 9 |" in text
