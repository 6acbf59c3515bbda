"""The rules calibration benchmark works end to end (a smoke test on a handful of alliances, not a timed test).

benchmarks/rules_calibration.py simulates alliances answering the real
questionnaire (benchmarks/alliance_model.py), healthy and with each problem
planted, and runs the real pipeline on them; docs/RULES.md shows its table.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import alliance_model as model  # noqa: E402
import rules_calibration as calibration  # noqa: E402

from samenspel.analysis.rules import RULES  # noqa: E402
from samenspel.instrument import load_instrument  # noqa: E402


@pytest.fixture(scope="module")
def tiny() -> list[calibration.Outcome]:
    """Two healthy alliances and two planted ones, 8 respondents per partner, on the tune seeds."""
    todo = calibration.specs("tune", (8,), 2, 1, ["over_organisation", "persistent_enemy_image"])
    return calibration.run(todo, jobs=1)


def test_a_planted_problem_is_detected_and_healthy_alliances_show_no_strong_problem(tiny):
    level = 0.5
    for o in tiny:
        if o.spec.problem is None:
            assert all(s < level for s in o.strengths.values()), o.strengths
        else:
            assert o.strengths.get(o.spec.problem, 0.0) >= level, (o.spec, o.strengths)
            assert f"problem:{o.spec.problem}" in o.top, o.top


def test_re_judging_saved_outcomes_gives_what_the_pipeline_gave(tiny):
    """--load re-ranks page one from the saved indicators: the same strengths and order as read()."""
    for o in tiny:
        again = calibration.rejudge(o)
        assert again.strengths == o.strengths and again.top == o.top


def test_the_script_prints_the_tables_and_the_speed(capsys):
    assert calibration.main(["--seeds", "tune", "--groups", "5", "--healthy", "1", "--planted", "1",
                             "--problems", "double_loyalty", "--jobs", "1"], freeze=False) == 0
    out = capsys.readouterr().out
    assert "False alarms" in out and "Detection" in out and "alliances per second" in out
    assert "double_loyalty" in out and "any problem" in out


def test_markdown_marks_a_missed_target():
    outcomes = [calibration.Outcome(model.Spec(4, 5, "over_organisation", 1), {}, (), (), 0.0, 0.0, {}, (),
                                    calibration.Settings())]
    table = calibration.tables(outcomes, markdown=True)
    assert "| `over_organisation` | 0.0% † |" in table


def test_tune_and_report_seeds_are_disjoint_and_a_seed_gives_the_same_alliance():
    tune = {calibration.seed_of("tune", g, "healthy", i) for g in (3, 5) for i in range(200)}
    report = {calibration.seed_of("report", g, "healthy", i) for g in (3, 5) for i in range(200)}
    assert not tune & report
    spec = model.Spec(3, 3, "simmering_power_play", 42)
    instrument = load_instrument()
    assert model.simulate(instrument, spec).answers == model.simulate(instrument, spec).answers


def test_every_rule_has_a_planted_problem_on_constructs_of_the_questionnaire():
    """A planted effect on a construct the questionnaire lacks would silently vanish."""
    constructs = {it.construct for it in load_instrument().items}
    assert set(model.PLANTS) == {r.problem for r in RULES}
    for plant in model.PLANTS.values():
        assert set(plant.shifts) | set(plant.spread) <= constructs, plant.problem
        assert {f"relation:{r.dimension}" for r in plant.relations} <= constructs, plant.problem


def test_the_simulator_reads_constructs_not_item_ids(instrument):
    """Another questionnaire with the same constructs (the test questionnaire) is answered just as well."""
    from samenspel.analysis import analyse

    rs = model.simulate(instrument, model.Spec(3, 4, "staff_instability", 7))
    assert {a.item for a in rs.answers} <= {it.id for it in instrument.items}
    d = analyse(rs, instrument)
    assert d.n_respondents >= 10 and "staff_instability" in {p.id for p in d.problems}
