"""The divergence flags of the five domains are judged together with Holm's step-down rule."""

from __future__ import annotations

import pytest
from statsmodels.stats.multitest import multipletests

from samenspel.analysis import analyse
from samenspel.demo import make_demo
from samenspel.instrument import load_instrument
from samenspel.knowledge import load_knowledge


def test_holm_adjusted_p_matches_statsmodels() -> None:
    """Source: Holm (1979), as implemented by statsmodels ``multipletests(method="holm")``."""
    domains = analyse(make_demo(), load_instrument(), load_knowledge()).domains  # unrounded, unlike to_dict()
    tested = [(key, d.divergence) for key, d in domains.items() if d.divergence and d.divergence.p is not None]
    assert len(tested) == 5
    reject, adjusted, _, _ = multipletests([div.p for _, div in tested], alpha=0.05, method="holm")
    for (key, div), p_holm, rejected in zip(tested, adjusted, reject):
        assert div.p_holm == pytest.approx(p_holm, rel=1e-9), key
        assert div.flag == bool(rejected and div.eta2 >= 0.06), key
