"""Who counts as a respondent (issue 10 point 1; docs/PRIVACY.md, "Who counts")."""

from __future__ import annotations

from samenspel.instrument import load_instrument
from samenspel.responses.counting import count, domain_items, substantive
from samenspel.responses.model import Answer, ResponseSet


def _answers(respondent: str, items: list[str], partner: str = "A", value: float | None = 3.0) -> list[Answer]:
    return [Answer("a", "r1", respondent, partner, i, value) for i in items]


def test_half_of_the_asked_domain_items_counts():
    asked = {f"d{i}" for i in range(10)}
    assert substantive({f"d{i}" for i in range(5)}, asked)
    assert not substantive({f"d{i}" for i in range(4)}, asked)
    assert not substantive(set(), asked)
    assert not substantive({"open_01", "phase"}, asked)  # answers, but none on a domain


def test_without_domain_items_any_answer_counts():
    assert substantive({"x"}, set()) and not substantive(set(), set())


def test_empty_and_near_empty_submissions_do_not_count():
    inst = load_instrument()
    domains = sorted(domain_items(inst))
    full = _answers("real", domains)
    empty = _answers("empty", domains, value=None)  # clicked through every page, answered nothing
    few = _answers("few", domains[:3])
    result = count(ResponseSet(tuple(full + empty + few)), inst)["r1"]
    assert result.counted == ("real",)
    assert result.not_counted == ("empty", "few")


def test_a_pulse_round_is_judged_on_the_pulse_items():
    full = load_instrument()
    pulse = sorted(domain_items(load_instrument(short=True)))
    assert 0 < len(pulse) < len(domain_items(full))
    result = count(ResponseSet(tuple(_answers("p1", pulse))), full)["r1"]
    assert result.counted == ("p1",) and result.asked == frozenset(pulse)


def test_a_completely_empty_file_has_nobody_who_counts():
    inst = load_instrument()
    empty = [a for r in ("x", "y", "z") for a in _answers(r, sorted(domain_items(inst)), value=None)]
    result = count(ResponseSet(tuple(empty)), inst)["r1"]
    assert result.counted == () and len(result.not_counted) == 3
