"""build_networks (numpy) against a plain-Python reading of its docstring, on random data.

Reference: the documented rule in network/graph.py: per (dimension, source,
target) the mean over the source's respondents of each respondent's mean
POMP rating (several items of one dimension averaged first), n_raters and
the sample SD of those respondent means; raters = respondents who rated anyone.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict

import numpy as np
import pytest

from samenspel.errors import SamenspelError
from samenspel.network import build_networks
from samenspel.responses.model import Answer

ITEMS = {"t1": ("trust", 1.0, 5.0), "t2": ("trust", 1.0, 5.0), "d1": ("dependency", 1.0, 7.0),
         "x1": ("exchange", 1.0, 5.0)}
PARTNERS = ["A", "B", "C", "D"]


def _answers(seed: int) -> tuple[list[Answer], dict[str, str]]:
    rng = np.random.default_rng(seed)
    out: list[Answer] = []
    who: dict[str, str] = {}
    for p in PARTNERS:
        for k in range(int(rng.integers(1, 5))):
            rid = f"{p}{k}"
            who[rid] = p
            for item, (_dim, lo, hi) in ITEMS.items():
                for target in PARTNERS:
                    if target != p and rng.random() < 0.8:
                        value = float(rng.integers(int(lo), int(hi) + 1))
                        out.append(Answer("a", "r", rid, p, item, value, None, target))
    rng.shuffle(out)  # type: ignore[arg-type]
    return out, who


@pytest.mark.parametrize("seed", range(8))
def test_ties_match_the_plain_rule(seed):
    answers, who = _answers(seed)
    nets = build_networks(answers, ITEMS, PARTNERS, who, min_group=2)
    per_resp: dict[tuple[str, str, str, str], list[float]] = defaultdict(list)
    raters: dict[str, set[str]] = defaultdict(set)
    for a in answers:
        dim, lo, hi = ITEMS[a.item]
        per_resp[(dim, who[a.respondent], a.target, a.respondent)].append(100 * (a.value - lo) / (hi - lo))  # type: ignore[operator]
        raters[who[a.respondent]].add(a.respondent)
    pairs: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for (dim, s, t, _r), values in per_resp.items():
        pairs[(dim, s, t)].append(statistics.fmean(values))
    for dim in ("trust", "dependency", "influence", "exchange"):
        ties = nets[dim].ties
        assert len(ties) == sum(1 for k in pairs if k[0] == dim)
        order = [(t.source, t.target) for t in ties]
        assert order == sorted(order, key=lambda st: (PARTNERS.index(st[0]), PARTNERS.index(st[1])))
        for tie in ties:
            values = pairs[(dim, tie.source, tie.target)]
            assert tie.weight == pytest.approx(statistics.fmean(values), abs=1e-9)
            assert tie.n_raters == len(values)
            if len(values) < 2:
                assert tie.sd is None
            else:
                assert tie.sd == pytest.approx(statistics.stdev(values), abs=1e-9)
    assert dict(nets.raters) == {p: len(raters.get(p, ())) for p in PARTNERS}


def test_first_bad_answer_is_named_as_before():
    answers, who = _answers(1)
    bad = Answer("a", "r", "A0", "A", "t1", 9.0, None, "B")
    dup = answers[0]
    with pytest.raises(SamenspelError, match="outside 1-5"):
        build_networks([*answers[:3], bad, *answers[3:]], ITEMS, PARTNERS, who)
    with pytest.raises(SamenspelError, match="two answers about"):
        build_networks([*answers, dup], ITEMS, PARTNERS, who)
    assert not math.isnan(build_networks(answers, ITEMS, PARTNERS, who)["trust"].ties[0].weight)
