"""Data preparation (vectorised) against a plain loop of its documented rules (analysis/matrix.py).

Rules: one row per respondent of the round in order of first answer; partner
from the first answer, role from the first answer giving one; numeric items
only (text answers and unknown items ignored, relation answers kept apart);
missing = NaN; reverse keys turned around; POMP 0-100; rounds split by first
appearance unless dated, with interleaved answers too.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from samenspel.analysis.matrix import build_matrix, split_rounds
from samenspel.responses.model import Answer, ResponseSet
from analysis_synth import make_responses, merge


def _reference(answers: list[Answer], instrument, round_id: str):
    items = [it for it in instrument.items if it.numeric and it.type != "relation"]
    col = {it.id: i for i, it in enumerate(items)}
    rows: dict[str, int] = {}
    partners, roles = [], []
    cells = []
    for a in answers:
        if a.round != round_id:
            continue
        if a.respondent not in rows:
            rows[a.respondent] = len(rows)
            partners.append(a.partner)
            roles.append(a.role)
        elif roles[rows[a.respondent]] is None and a.role is not None:
            roles[rows[a.respondent]] = a.role
        if a.item in col and isinstance(a.value, float):
            cells.append((rows[a.respondent], col[a.item], a.value))
    raw = np.full((len(rows), len(items)), np.nan)
    for r, c, v in cells:
        raw[r, c] = v
    for i, it in enumerate(items):
        if it.type != "choice" and it.min is not None and it.max is not None and it.reverse:
            raw[:, i] = it.min + it.max - raw[:, i]
    return list(rows), partners, roles, raw


def test_matrix_matches_the_plain_rules_on_messy_answers(instrument):
    one = make_responses(instrument, {"A": 4, "B": 3}, seed=1, round_id="r1", missing=0.2)
    two = make_responses(instrument, {"A": 4, "B": 3}, seed=2, round_id="r2", missing=0.2)
    answers = list(merge(one, two).answers)
    rng = np.random.default_rng(0)
    rng.shuffle(answers)  # type: ignore[arg-type]
    first = answers[0]
    answers.insert(0, Answer(first.alliance, first.round, first.respondent, first.partner, "remarks", "tekst", None))
    answers.append(Answer(first.alliance, first.round, first.respondent, first.partner, "unknown_item", 3.0, "staff"))
    answers.append(Answer(first.alliance, first.round, first.respondent, first.partner, "amb_1", None, None))
    order, by_round = split_rounds(ResponseSet(tuple(answers)))
    assert sorted(order) == ["r1", "r2"]
    for r in order:
        assert by_round[r] == tuple(a for a in answers if a.round == r)
        m = build_matrix(by_round[r], instrument, r)
        rows, partners, roles, raw = _reference(answers, instrument, r)
        assert list(m.respondents) == rows and list(m.partners) == partners and list(m.roles) == roles
        np.testing.assert_array_equal(m.raw, raw)
        assert all(a.target is not None for a in m.relations)
        assert len(m.relations) == sum(1 for a in answers if a.round == r and a.target is not None)
    # the whole set may be passed too: other rounds are ignored
    np.testing.assert_array_equal(build_matrix(answers, instrument, "r2").raw, _reference(answers, instrument, "r2")[3])


def test_rounds_ordered_by_date_when_given(instrument):
    late = make_responses(instrument, {"A": 3}, seed=1, round_id="late")
    early = make_responses(instrument, {"A": 3}, seed=2, round_id="early")
    fifth_early = len(late.answers) + 5  # only one answer of "early" carries its date
    dated = [Answer(a.alliance, a.round, a.respondent, a.partner, a.item, a.value, a.role, a.target,
                    date(2026, 9, 1) if a.round == "late" else (date(2026, 3, 1) if i == fifth_early else None))
             for i, a in enumerate([*late.answers, *early.answers])]
    assert split_rounds(ResponseSet(tuple(dated)))[0] == ResponseSet(tuple(dated)).rounds() == ["early", "late"]


def test_rwg_of_all_partners_at_once_equals_one_at_a_time():
    """measures.agreement_rwg_groups against measures.agreement_rwg (stats.rwg / rwg_j) per group."""
    from samenspel.analysis import measures

    rng = np.random.default_rng(11)
    block = np.clip(np.round(3 + rng.normal(0, 1.1, (40, 4))), 1, 5)
    block[rng.random(block.shape) < 0.2] = np.nan
    groups = np.repeat(np.arange(6), [10, 8, 7, 6, 1, 8])
    masks = [groups == g for g in range(6)]
    for cols in ([0], [0, 1, 2, 3]):
        sub = block[:, cols]
        fast = measures.agreement_rwg_groups(sub, masks, 5)
        slow = [measures.agreement_rwg(sub[m], 5) for m in masks]
        for a, b in zip(fast, slow):
            assert (a is None and b is None) or abs(a - b) < 1e-12, (a, b)


def test_divergent_items_quick_ranking_finds_the_exact_top(instrument):
    """divergent_items (quick ranking + exact recompute) against the exact test on every item (stats.one_way)."""
    from samenspel.analysis.matrix import build_matrix
    from samenspel.analysis.scales import Groups, divergent_items
    from samenspel.analysis.stats import one_way

    rs = make_responses(instrument, {"A": 7, "B": 6, "C": 5, "D": 2}, seed=12, missing=0.15,
                        partner_levels={"A": {"domain:ambition": 2.0}, "C": {"domain:process": 4.7}})
    m = build_matrix(rs.answers, instrument, "2026-1")
    groups = Groups.of(m, 3)
    cols = [c for c, it in enumerate(m.items) if it.construct_kind == "domain"]
    found = divergent_items(m, cols, groups, top=5)
    exact = []
    for c in cols:
        v = m.pomp[:, c]
        samples = [v[groups.masks[p] & ~np.isnan(v)] for p in groups.eligible]
        if any(s.size == 0 for s in samples):
            continue
        labels = [g for g, s in enumerate(samples) for _ in s]
        r = one_way(np.concatenate(samples), labels, min_group_size=3)
        if not np.isnan(r.eta2):
            exact.append((r.eta2, m.items[c].id))
    exact.sort(reverse=True)
    assert [i.item for i in found] == [item for _, item in exact[:5]]
    assert all(abs(a.eta2 - e) < 1e-12 for a, (e, _) in zip(found, exact))
