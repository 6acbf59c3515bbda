"""An attacker in the tests (issue "Privacy that holds under attack", point 6).

Hypothesis generates alliances with small partners, small roles and
one-respondent groups. For each, the attacker takes what a viewer gets (the
diagnosis JSON: the CLI's ``--format json`` and the dashboard's JSON twin
and API are the same ``render.json.diagnosis_json``) and, knowing even the
true head count of every partner x role cell (a strong attacker: he may know
who answered), writes every published mean as a linear equation over the
unknown cell sums: alliance-wide scores (over the groups the JSON's ``scope``
says), per partner, the merged "other partners", per role. A hidden group is
pinned down when its sum lies in the row space of those equations; then the
attacker solves for it and we check it is not within 5 points of the truth.

``attack()`` is plain: it also reads schema-1 JSON (no ``scope``: the
alliance-wide figure covered everyone), the format of main before the
disclosure work. Run on that output (commit 1d54b6f, the demo's 2025-najaar)
it recovers Welzijn Samen's ambition 64.58 exactly: the check bites.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.analysis import Settings, analyse
from samenspel.instrument import load_instrument
from samenspel.knowledge import load_knowledge
from samenspel.reading import read
from samenspel.render.json import diagnosis_json
from samenspel.responses.reader import read_responses_data

ROLES = ("board", "manager", "staff", "other")
DOMAINS = ("ambition", "interests", "relation", "organisation", "process")
TOLERANCE = 5.0
MIN_GROUP = 3


def _rank(a: np.ndarray) -> int:
    return int(np.linalg.matrix_rank(a, tol=1e-9)) if a.size else 0


def attack(published: Mapping, cells: Mapping[tuple[str, str], int]) -> dict[tuple[str, str], float]:
    """Every hidden group's domain mean the published figures pin down: {(group, domain): mean}.

    ``cells`` is the attacker's knowledge: head count per (partner, role).
    Groups are partners (``partners[p].shown`` false) and roles below the
    minimum. Only exact determination counts, not a guess near the average.
    """
    keys = sorted(cells)
    index = {k: i for i, k in enumerate(keys)}
    partners = published["partners"]
    merged = set(published.get("disclosure", {}).get("merged", ()))
    left_out = set(published.get("disclosure", {}).get("left_out", ()))
    scoped = published.get("scope") == "published_groups"
    min_group = published.get("min_group", MIN_GROUP)

    def vector(test) -> np.ndarray:
        v = np.zeros(len(keys))
        for k in keys:
            if test(*k):
                v[index[k]] = cells[k]
        return v

    def partner_set(code: str):
        if code == "~other":
            return lambda p, r: p in merged
        return lambda p, r: p == code

    role_n = {r: sum(n for (p, q), n in cells.items() if q == r) for r in ROLES}
    hidden = [(("partner", p), partner_set(p)) for p, e in partners.items() if not e.get("shown") and p != "~other"]
    hidden += [(("role", r), (lambda rr: lambda p, q: q == rr)(r)) for r in ROLES if 0 < role_n[r] < min_group]
    found: dict[tuple[str, str], float] = {}
    for domain in DOMAINS:
        res = published["domains"].get(domain)
        if not res or res.get("score") is None:
            continue
        rows, rhs = [], []
        everyone = (lambda p, r: p not in left_out) if scoped else (lambda p, r: True)
        rows.append(vector(everyone))
        rhs.append(res["score"] * rows[-1].sum())
        for p, value in (res.get("by_partner") or {}).items():
            if value is not None:
                rows.append(vector(partner_set(p)))
                rhs.append(value * rows[-1].sum())
        for r, value in (res.get("by_role") or {}).items():
            if value is not None:
                rows.append(vector((lambda rr: lambda p, q: q == rr and everyone(p, q))(r)))
                rhs.append(value * rows[-1].sum())
        a, b = np.array(rows) / np.maximum(np.array(rows).sum(axis=1, keepdims=True), 1), np.array(rhs)
        b = b / np.maximum(np.array(rows).sum(axis=1), 1)
        for name, test in hidden:
            target = vector(test)
            if target.sum() == 0:
                continue
            t = target / target.sum()
            if _rank(np.vstack([a, t])) == _rank(a):
                coef, *_ = np.linalg.lstsq(a.T, t, rcond=None)
                found[(f"{name[0]}:{name[1]}", domain)] = float(coef @ b)
    return found


def _alliance(draw_sizes: list[int], roles: list[list[int]], answers: list[list[int]]) -> tuple[str, dict]:
    """A response file (CSV) of one round over the five domains, and each hidden candidate's true means."""
    instrument = load_instrument()
    items = [i for i in instrument.items if i.construct.startswith("domain:")]
    out = io.StringIO()
    out.write("alliance,round,respondent,partner,item,value,role\n")
    truth: dict[tuple[str, str], list[float]] = {}
    cells: dict[tuple[str, str], int] = {}
    k = 0
    for pi, size in enumerate(draw_sizes):
        partner = f"Partner {chr(65 + pi)}"
        for j in range(size):
            role = ROLES[roles[pi][j % len(roles[pi])]]
            cells[(partner, role)] = cells.get((partner, role), 0) + 1
            base = answers[pi][j % len(answers[pi])]
            scores: dict[str, list[float]] = {}
            for n, item in enumerate(items):
                value = min(5, max(1, base + (n % 3) - 1))
                out.write(f"a,r1,R{k:03d},{partner},{item.id},{value},{role}\n")
                raw = (6 - value) if item.reverse else value
                scores.setdefault(item.construct.split(":")[1], []).append((raw - 1) / 4 * 100)
            for d, vals in scores.items():
                truth.setdefault((f"partner:{partner}", d), []).append(float(np.mean(vals)))
                truth.setdefault((f"role:{role}", d), []).append(float(np.mean(vals)))
            k += 1
    means = {key: float(np.mean(v)) for key, v in truth.items()}
    return out.getvalue(), {"cells": cells, "means": means}


@st.composite
def alliances(draw):
    n = draw(st.integers(3, 5))
    sizes = draw(st.lists(st.sampled_from([1, 1, 2, 3, 4, 5]), min_size=n, max_size=n))
    roles = [draw(st.lists(st.integers(0, 3), min_size=1, max_size=3)) for _ in sizes]
    answers = [draw(st.lists(st.integers(1, 5), min_size=1, max_size=4)) for _ in sizes]
    return sizes, roles, answers


@settings(max_examples=15, deadline=None)
@given(alliances())
def test_no_hidden_group_is_pinned_down(drawn):
    kb = load_knowledge()  # cached
    sizes, roles, answers = drawn
    text, truth = _alliance(sizes, roles, answers)
    instrument = load_instrument()
    responses = read_responses_data(text.encode("utf-8"), "attack.csv", instrument)
    diagnosis = analyse(responses, instrument, kb, settings=Settings(min_group=MIN_GROUP))
    published = json.loads(json.dumps(diagnosis_json(read(diagnosis, kb, None), kb, "en")))
    for (group, domain), value in attack(published, truth["cells"]).items():
        true = truth["means"].get((group, domain))
        if true is None:
            continue
        assert abs(value - true) > TOLERANCE, f"{group} {domain}: worked out {value:.2f}, true {true:.2f}"


def test_the_attacker_bites_on_figures_over_everyone():
    """The same attack on schema-1 style figures (the alliance score over everyone, as main published
    before the disclosure work) recovers a hidden partner exactly: the check is not toothless."""
    cells = {("A", "staff"): 4, ("B", "staff"): 3, ("C", "staff"): 2}
    means = {"A": 50.0, "B": 70.0, "C": 20.0}
    overall = sum(means[p] * n for (p, _), n in cells.items()) / sum(cells.values())
    published = {
        "partners": {"A": {"shown": True, "n": 4}, "B": {"shown": True, "n": 3}, "C": {"shown": False, "n": 2}},
        "domains": {"ambition": {"score": overall, "by_partner": {"A": 50.0, "B": 70.0, "C": None}}},
    }
    found = attack(published, cells)
    assert found[("partner:C", "ambition")] == pytest.approx(20.0)


@pytest.mark.parametrize("round_id", ["2025-voorjaar", "2025-najaar"])
def test_the_demos_hidden_partner_cannot_be_worked_out(round_id):
    """Welzijn Samen (2 respondents): main before the disclosure work gave 70.83 and 64.58 for its ambition."""
    from samenspel.demo import make_demo
    from samenspel.responses.versions import per_round
    from samenspel.responses.writer import to_csv

    kb = load_knowledge()
    demo = make_demo()
    responses = read_responses_data(to_csv(demo).encode("utf-8"), "demo.csv")
    diagnosis = analyse(responses, per_round(responses), kb, round=round_id, settings=Settings(min_group=MIN_GROUP))
    published = json.loads(json.dumps(diagnosis_json(read(diagnosis, kb, None), kb, "nl")))
    cells: dict[tuple[str, str], int] = {}
    for respondent, partner in demo.for_round(round_id).respondents().items():
        role = next((a.role for a in demo.for_round(round_id).answers if a.respondent == respondent), None) or "none"
        cells[(partner, role)] = cells.get((partner, role), 0) + 1
    assert not published["partners"]["Welzijn Samen"]["shown"]
    assert attack(published, cells) == {}


def test_role_counts_never_give_a_small_role_by_subtraction():
    """analysis.disclosure.group_counts: withheld counts are at least two groups that reach the minimum."""
    from samenspel.analysis.disclosure import group_counts

    assert group_counts({"board": 5, "manager": 5, "staff": 20, "other": 2}, 32, 3) == {
        "board": None, "manager": 5, "staff": 20, "other": None}
    assert group_counts({"board": 4, "staff": 6}, 10, 3) == {"board": 4, "staff": 6}
    assert group_counts({"board": 1, "staff": 1}, 2, 3) == {"board": None, "staff": None}
    # one respondent without a role: the smallest role is withheld with them
    assert group_counts({"board": 3, "staff": 6}, 10, 3) == {"board": None, "staff": 6}
