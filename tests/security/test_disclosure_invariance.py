"""Hidden answers leave no trace: the non-linear half of the attacker (issue "Privacy that holds
under attack", points 2 and 6, "not only means").

The linear attacker (test_disclosure_attacker.py) solves for hidden means from
published means and counts. Standard deviations, eta², F, rwg, alpha/omega,
ICC, network figures and the report's sentences give non-linear equations that
are hard to solve in general; this test proves instead that they hold nothing
to solve for. Hypothesis draws alliances with small partners (one- and
two-respondent groups, roles, relation ratings, tick boxes) over the whole
default questionnaire, and then changes only what a viewer must not learn:

- the answers of respondents whose partners are *left out* (small partners
  that together stay below the minimum) are replaced by other answers;
- the answers of two respondents of *different merged* partners (small
  partners pooled into "other partners") with the same role are swapped, so
  the group's answers stay the same but who gave them changes.

Every output meant for viewers must be exactly the same before and after: the
diagnosis JSON (CLI ``--format json``, the dashboard's JSON twin and the API),
the text outline (CLI text and markdown) and the report's HTML (the PDF is
made from it). A figure that does not change whatever the hidden answers are
cannot pin them down, whichever statistic it is.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.analysis import Settings, analyse
from samenspel.instrument import load_instrument
from samenspel.knowledge import load_knowledge
from samenspel.reading import read
from samenspel.render.json import diagnosis_json
from samenspel.render.outline import outline
from samenspel.report import render_html
from samenspel.report.context import Options
from samenspel.responses.reader import read_responses_data

MIN_GROUP = 3
ROLES = ("board", "manager", "staff")
KINDS = ("likert", "bipolar", "check", "relation")


@dataclass
class Person:
    code: str
    partner: str
    role: str
    answers: dict[tuple[str, str], int]  # (item, target or "") -> value


def _answers(rng: random.Random, partner: str, partners: list[str], tilt: int) -> dict[tuple[str, str], int]:
    """One respondent's answers to every likert, bipolar, relation and tick-box item; a few blanks."""
    out: dict[tuple[str, str], int] = {}
    for item in load_instrument().items:
        if item.type not in KINDS or rng.random() < 0.08:
            continue
        low, high = (0, 1) if item.type == "check" else (item.min, item.max)
        value = min(high, max(low, rng.randint(low, high) + (tilt if item.type != "check" else 0)))
        if item.type == "relation":
            for target in partners:
                if target != partner:
                    out[(item.id, target)] = min(high, max(low, rng.randint(low, high)))
        else:
            out[(item.id, "")] = value
    return out


def _csv(people: list[Person]) -> bytes:
    out = io.StringIO()
    out.write("alliance,round,respondent,partner,item,value,role,target\n")
    for p in people:
        for (item, target), value in sorted(p.answers.items()):
            out.write(f"a,r1,{p.code},{p.partner},{item},{value},{p.role},{target}\n")
    return out.getvalue().encode("utf-8")


def _outputs(people: list[Person]) -> dict[str, str]:
    """Everything a viewer gets of this round, as text."""
    kb, instrument = load_knowledge(), load_instrument()
    responses = read_responses_data(_csv(people), "hidden.csv", instrument)
    reading = read(analyse(responses, instrument, kb, settings=Settings(min_group=MIN_GROUP)), kb, None)
    blocks = outline(reading, kb, "en")
    return {
        "json": json.dumps(diagnosis_json(reading, kb, "en"), sort_keys=True),
        "outline": repr(blocks),
        "report": render_html(reading, kb, options=Options(lang="en", day=dt.date(2026, 11, 30)),
                              instrument=instrument),
    }


def _people(sizes: list[int], seed: int) -> tuple[list[Person], list[str]]:
    """Respondents of partners of these sizes, every one's answers from the seed."""
    rng = random.Random(seed)
    partners = [f"Partner {chr(65 + i)}" for i in range(len(sizes))]
    people = []
    for partner, size in zip(partners, sizes):
        tilt = rng.choice((-1, 0, 1))
        for j in range(size):
            people.append(Person(f"R{len(people):03d}", partner, rng.choice(ROLES[: 1 + j % 3]),
                                 _answers(rng, partner, partners, tilt)))
    return people, partners


def _groups(people: list[Person]) -> tuple[list[str], list[str]]:
    """The partners the disclosure plan merges and leaves out (analysis.disclosure.plan)."""
    from samenspel.analysis.disclosure import plan

    counts: dict[str, int] = {}
    for p in people:
        counts[p.partner] = counts.get(p.partner, 0) + 1
    decided = plan(counts, MIN_GROUP)
    return list(decided.merged), list(decided.left_out)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([1, 1, 2, 3, 4]), min_size=3, max_size=5), st.integers(0, 2**32 - 1),
       st.integers(0, 2**32 - 1))
def test_hidden_answers_change_nothing_a_viewer_sees(sizes: list[int], seed: int, change: int) -> None:
    """3-5 partners, some of one or two respondents; the hidden ones' answers changed."""
    people, partners = _people(sizes, seed)
    merged, left_out = _groups(people)
    rng = random.Random(change)
    changed = [Person(p.code, p.partner, p.role, dict(p.answers)) for p in people]
    for p in changed:
        if p.partner in left_out:
            p.answers = _answers(rng, p.partner, partners, rng.choice((-2, 2)))
    pairs = [(a, b) for a in changed for b in changed
             if a.partner in merged and b.partner in merged and a.partner < b.partner and a.role == b.role]
    for a, b in pairs[:1]:
        # the same role, different small partners in "other partners": swap what they said about the
        # alliance (not their ratings of other partners: one would be rating itself)
        own = {k for k in a.answers.keys() | b.answers.keys() if not k[1]}
        a_own, b_own = {k: a.answers.pop(k) for k in own if k in a.answers}, {k: b.answers.pop(k) for k in own
                                                                                if k in b.answers}
        a.answers.update(b_own)
        b.answers.update(a_own)
    if not left_out and not pairs:
        return  # nothing hidden to change in this alliance
    before, after = _outputs(people), _outputs(changed)
    for name in before:
        assert before[name] == after[name], f"{name} changed with hidden answers (merged {merged}, left out {left_out})"


def test_the_check_bites_when_a_shown_partner_changes():
    """The same comparison sees a change in a shown partner's answers: the test is not toothless."""
    rng = random.Random(7)
    partners = ["Partner A", "Partner B", "Partner C"]
    people = [Person(f"R{i:03d}", partners[i % 3], "staff", _answers(rng, partners[i % 3], partners, 0))
              for i in range(9)]
    changed = [Person(p.code, p.partner, p.role, dict(p.answers)) for p in people]
    changed[0].answers = _answers(rng, changed[0].partner, partners, 2)
    before, after = _outputs(people), _outputs(changed)
    assert all(before[name] != after[name] for name in before)


@pytest.mark.parametrize("sizes", [(4, 3, 1, 1), (5, 4, 2)])
def test_fixed_cases_of_hidden_partners(sizes):
    """Two fixed alliances (one with two merged partners, one with a partner left out), always run."""
    rng = random.Random(sum(sizes))
    partners = [f"Partner {chr(65 + i)}" for i in range(len(sizes))]
    people = [Person(f"R{k}{j}", partner, ROLES[j % 2], _answers(rng, partner, partners, 0))
              for k, (partner, size) in enumerate(zip(partners, sizes)) for j in range(size)]
    merged, left_out = _groups(people)
    assert merged or left_out
    changed = [Person(p.code, p.partner, p.role, dict(p.answers)) for p in people]
    for p in changed:
        if p.partner in merged + left_out:
            p.answers = {k: v for k, v in _answers(rng, p.partner, partners, 1).items()} if p.partner in left_out \
                else p.answers
    if merged:  # swap the alliance answers of the two merged partners' first respondents (same role)
        a = next(p for p in changed if p.partner == merged[0] and p.role == ROLES[0])
        b = next(p for p in changed if p.partner == merged[1] and p.role == ROLES[0])
        own = {k for k in a.answers.keys() | b.answers.keys() if not k[1]}
        a_own = {k: a.answers.pop(k) for k in own if k in a.answers}
        b_own = {k: b.answers.pop(k) for k in own if k in b.answers}
        a.answers.update(b_own)
        b.answers.update(a_own)
    before, after = _outputs(people), _outputs(changed)
    for name in before:
        assert before[name] == after[name], name


def _scale(persons: dict[str, float]):  # type: ignore[no-untyped-def]
    from samenspel.analysis.scales import ScaleResult

    score = sum(persons.values()) / len(persons)
    return ScaleResult("ambition", "domain:ambition", (), score, None, len(persons), {}, {}, None, None, {}, None,
                       persons=persons)


@pytest.mark.parametrize(("came", "paired"), [(0, True), (1, False), (2, False), (3, True)])
def test_a_trend_is_paired_only_when_newcomers_are_none_or_a_group(came: int, paired: bool) -> None:
    """Rule 5 (analysis.disclosure): with one or two newcomers, both rounds' totals and a paired change
    over the stayers would give the newcomers' scores; then the comparison is independent."""
    from samenspel.analysis import Settings
    from samenspel.analysis.trend import scale_trend

    stayers = {f"s{i}": 40.0 + i for i in range(8)}
    before = _scale(stayers)
    after = _scale({**{k: v + 5 for k, v in stayers.items()}, **{f"n{i}": 90.0 for i in range(came)}})
    test = scale_trend(before, after, Settings(min_group=MIN_GROUP)).test
    assert test["kind"] == ("paired" if paired else "independent")
