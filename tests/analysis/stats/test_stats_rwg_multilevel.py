"""r_wg and r_wg(J) against an independent implementation on public data.

Source: R package multilevel 2.7 (P. D. Bliese), functions ``rwg()`` and
``rwg.j()`` with ``ranvar = 2`` (uniform null for 5 options), applied to its
``lq2002`` data set (49 companies, 2,042 respondents). The reference numbers
were made with ``tests/reference/multilevel/make_reference.R`` on Debian's
r-cran-multilevel; R's ``summary()`` of the r_wg(J) values printed min .7749,
median .8701, mean .8678 and max .9423.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from samenspel.analysis.stats import rwg, rwg_j

REF = Path(__file__).resolve().parents[2] / "reference" / "multilevel"
ITEMS = [f"LEAD{i:02d}" for i in range(1, 12)]


def _companies() -> dict[int, np.ndarray]:
    rows: dict[int, list[list[float]]] = defaultdict(list)
    with open(REF / "lq2002.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows[int(row["COMPID"])].append([float(row[item]) for item in ITEMS])
    return {company: np.array(values) for company, values in rows.items()}


def _reference(name: str, column: str) -> dict[int, float]:
    with open(REF / name, encoding="utf-8") as fh:
        return {int(row["grpid"]): float(row[column]) for row in csv.DictReader(fh)}


COMPANIES = _companies()


def test_rwg_single_item_matches_r_multilevel() -> None:
    """rwg(LEAD03) per company equals multilevel::rwg(lq2002$LEAD03, lq2002$COMPID, ranvar = 2)."""
    expected = _reference("rwg_lead03.csv", "rwg")
    assert len(expected) == len(COMPANIES) == 49
    lead03 = ITEMS.index("LEAD03")
    for company, ratings in COMPANIES.items():
        assert rwg(ratings[:, lead03], 5) == pytest.approx(expected[company], abs=1e-6), company


def test_rwg_j_matches_r_multilevel() -> None:
    """rwg_j(LEAD01-LEAD11) per company equals multilevel::rwg.j(lq2002[, 3:13], lq2002$COMPID)."""
    expected = _reference("rwgj_lead.csv", "rwg.j")
    ours = {company: rwg_j(ratings, 5) for company, ratings in COMPANIES.items()}
    for company, value in ours.items():
        assert value == pytest.approx(expected[company], abs=1e-6), company
    values = np.array(list(ours.values()))
    assert round(float(values.min()), 4) == 0.7749
    assert round(float(np.median(values)), 4) == 0.8701
    assert round(float(values.mean()), 4) == 0.8678
    assert round(float(values.max()), 4) == 0.9423
