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


def test_with_each_rounds_own_questionnaire_the_asked_items_are_exact():
    """A 2.0 pulse round and a 2.0 default round in one file: each judged on what it asked."""
    from samenspel.instrument import default_selection, questionnaire
    from samenspel.instrument.selection import pulse_selection
    from samenspel.knowledge import load_knowledge
    from samenspel.responses.versions import per_round

    pulse = questionnaire(pulse_selection())
    full = questionnaire(default_selection(load_knowledge(), 2))
    p_items = sorted(domain_items(pulse))
    f_items = sorted(domain_items(full))
    answers = [Answer("a", "r1", "p1", "A", i, 3.0, instrument="samenspel-core@2.0") for i in p_items]
    answers += [Answer("a", "r2", "f1", "A", it.id, 3.0 if it.id in f_items else None, instrument="samenspel-core@2.0",
                       target="B" if it.type == "relation" else None) for it in full.items]
    # in the full round, someone who answered only the pulse's domain items answered less than half
    answers += [Answer("a", "r2", "f2", "A", i, 3.0, instrument="samenspel-core@2.0") for i in p_items]
    responses = ResponseSet(tuple(answers))
    assert per_round(responses) == {"r1": pulse, "r2": full}
    result = count(responses, per_round(responses))
    assert result["r1"].asked == frozenset(p_items) and result["r1"].counted == ("p1",)
    assert result["r2"].asked == frozenset(f_items) and result["r2"].counted == ("f1",)
    assert result["r2"].not_counted == ("f2",)
    assert count(responses, {"r1": pulse, "r2": full})["r2"].counted == ("f1",)


# -- the analysis reads who counts off its answer matrix: the same people as count() ----------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from samenspel.analysis.engine import who_counts  # noqa: E402
from samenspel.analysis.matrix import build_matrix  # noqa: E402

_Q = load_instrument()
_DOMAIN = sorted(domain_items(_Q))
_PULSE = [it.id for it in _Q.items if it.construct_kind == "domain" and it.pulse]
_OTHER = [it.id for it in _Q.items if it.construct_kind != "domain" and it.numeric and it.type != "relation"][:6]


@st.composite
def _round(draw: st.DrawFn) -> list[Answer]:
    """One round: people answering all, part, only the pulse, only other items, or nothing; some not_asked."""
    skipped = set(draw(st.lists(st.sampled_from(_DOMAIN), max_size=4)))
    out: list[Answer] = []
    for i in range(draw(st.integers(1, 8))):
        pool = draw(st.sampled_from([_DOMAIN, _PULSE, _OTHER, _DOMAIN[:3]]))
        items = draw(st.lists(st.sampled_from(pool), unique=True, max_size=len(pool)))
        for item in items:
            blank = draw(st.booleans()) and draw(st.booleans())
            if item in skipped:
                out.append(Answer("x", "r1", f"p{i}", "A", item, None, missing="not_asked"))
            else:
                out.append(Answer("x", "r1", f"p{i}", "A", item, None if blank else 3.0))
        if not items:
            out.append(Answer("x", "r1", f"p{i}", "A", "open_01" if _Q.has_item("open_01") else _OTHER[0], None))
    return out


@settings(max_examples=150, deadline=None)
@given(_round())
def test_the_analysis_counts_the_same_people_as_count(answers: list[Answer]) -> None:
    expected = count(ResponseSet(tuple(answers)), _Q)["r1"]
    got = who_counts(build_matrix(answers, _Q, "r1"), answers, _Q)
    assert (got.counted, got.not_counted, got.asked) == (expected.counted, expected.not_counted, expected.asked)
