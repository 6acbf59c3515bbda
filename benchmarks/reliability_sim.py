"""Expected reliability of the five domain scales: simulated rounds, scored as the analysis scores them.

No real 2.0 answers exist yet, so the expected Cronbach's alpha comes from a
model: every item measures its domain with a standardised loading ``lambda``
(a reverse-keyed item ``REVERSE_PENALTY`` lower: worded the other way round, it
carries some wording variance of its own, which lowers a scale's
reliability), answers fall on five categories (thresholds at -1.5, -0.5, 0.5,
1.5), ``MISSING`` of them are "don't know", and a round has ``--n``
respondents. Each round is scored with the analysis' own alpha
(``samenspel.analysis.measures.alpha``). Printed: per domain and questionnaire
(1.0 full, 2.0 core, 2.0 pulse) the number of items (reverse-keyed), and the
median and 10th percentile of alpha over ``--rounds`` rounds, for three
loadings. The real reliability of each round is in every diagnosis
(``domains.<id>.reliability``); read these as what to expect, not as a result.

    .venv/bin/python benchmarks/reliability_sim.py
    .venv/bin/python benchmarks/reliability_sim.py --n 25 --rounds 500
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).parents[1] / "src"))

import numpy as np  # noqa: E402

from samenspel.analysis import measures  # noqa: E402
from samenspel.instrument import load_instrument  # noqa: E402

LOADINGS = (0.55, 0.65, 0.75)
REVERSE_PENALTY = 0.10
MISSING = 0.03
THRESHOLDS = np.array([-1.5, -0.5, 0.5, 1.5])
DOMAINS = ("ambition", "interests", "relation", "organisation", "process")


def simulate(reverse: list[bool], loading: float, n: int, rng: np.random.Generator) -> np.ndarray:
    """One round: n respondents x items on 1-5, reverse-keyed items already turned back, NaN = don't know."""
    lam = np.array([loading - REVERSE_PENALTY if r else loading for r in reverse])
    theta = rng.standard_normal((n, 1))
    noise = rng.standard_normal((n, len(reverse))) * np.sqrt(1.0 - lam**2)
    latent = theta * lam + noise
    answers = 1.0 + np.searchsorted(THRESHOLDS, latent).astype(float)
    answers[rng.random(answers.shape) < MISSING] = np.nan
    return answers


def expected(reverse: list[bool], loading: float, n: int, rounds: int, seed: int) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    alphas = []
    for _ in range(rounds):
        a, _ci, _used = measures.alpha(simulate(reverse, loading, n, rng))
        if a is not None:
            alphas.append(a)
    values = np.array(alphas)
    return float(np.median(values)), float(np.quantile(values, 0.10))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=40, help="respondents per round (default 40: six partners, ~7 each)")
    parser.add_argument("--rounds", type=int, default=1000, help="simulated rounds per cell (default 1000)")
    args = parser.parse_args()
    versions = {
        "1.0 full": load_instrument(version="1.0"),
        "2.0 core": load_instrument(version="2.0"),
        "2.0 pulse": load_instrument(short=True, version="2.0"),
    }
    head = "  ".join(f"lambda {lam:.2f}: median (p10)" for lam in LOADINGS)
    print(f"expected Cronbach's alpha, {args.rounds} simulated rounds of {args.n} respondents, "
          f"reverse-keyed loading -{REVERSE_PENALTY}, {MISSING:.0%} don't know")
    print(f"{'domain':<13} {'questionnaire':<10} {'items (rev)':<11}  {head}")
    for d_index, domain in enumerate(DOMAINS):
        for v_index, (name, inst) in enumerate(versions.items()):
            items = inst.by_construct(f"domain:{domain}")
            reverse = [it.reverse for it in items]
            cells = []
            for l_index, lam in enumerate(LOADINGS):
                med, p10 = expected(reverse, lam, args.n, args.rounds, seed=1000 * d_index + 100 * v_index + l_index)
                cells.append(f"{med:.2f} ({p10:.2f})".ljust(len(f"lambda {lam:.2f}: median (p10)")))
            print(f"{domain:<13} {name:<10} {len(items)} ({sum(reverse)}){'':<6}  {'  '.join(cells)}")


if __name__ == "__main__":
    main()
