"""Network asymmetries backed by a permutation test over raters (docs/RULES.md, "Tested network signs").

A 38-point dependency gap between two partners, rated by two people on each
side, is not a finding: it is noise until a test says otherwise. Each claim
here compares the raters' own ratings and asks a permutation test
(``analysis.stats.resampling``) whether the difference could be chance. The
strongest candidate is tested and its p multiplied by the number of
candidates it was picked from (Bonferroni, the first step of Holm's rule), so
picking the largest of many differences does not make a false alarm likely.

A claim is *testable* only when the test could reach the level at all with
these raters (``min_p`` times the candidates below the level); with fewer
raters it is not judged. Claims about a partner below the minimum group never
rest on its own ratings: pairs with a hidden partner are left out, and ratings
a partner receives count only from raters of at least two partners.

Claims:

* ``trust_deficit``: one partner receives less trust than the raters give the
  others (per rater: trust in it minus mean trust in the rest; sign-flip, one-sided).
* ``influence_lead``: the partner seen as most influential, against the next
  one (per rater who rated both: the difference; sign-flip, two-sided).
* ``dependency_asymmetry``: in one pair, A's raters depend on B far more than
  B's raters on A (two-sample, two-sided).
* ``camps``: trust within the trust communities minus between them, when the
  community split passed its own chance test (``communities``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from samenspel.network.communities import Communities
from samenspel.network.graph import Networks, Ratings

LEVEL = 0.05
"""A claim counts when its adjusted p is below this."""


@dataclass(frozen=True, slots=True)
class TestedClaim:
    """One network claim with its test: how large, how sure, on how many raters, about whom."""

    effect: float  # points (POMP); 0 when there is no candidate
    p: float | None  # adjusted for the number of candidates
    raters: int
    partners: int  # partners the raters belong to
    about: tuple[str, ...]
    testable: bool

    @property
    def real(self) -> bool:
        return self.testable and self.p is not None and self.p < LEVEL and self.effect > 0

    def to_dict(self) -> dict[str, object]:
        return {"effect": round(self.effect, 3), "p": None if self.p is None else round(self.p, 5),
                "raters": self.raters, "partners": self.partners, "about": list(self.about),
                "testable": self.testable, "real": self.real}


NONE = TestedClaim(0.0, None, 0, 0, (), False)


def _grid(r: Ratings, n_partners: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ratings as a raters x rated partners grid (NaN: not rated), raters in order of first appearance.

    Returns each rating's row, the grid, and each row's own partner.
    """
    codes, first, inv = np.unique(r.rater, return_index=True, return_inverse=True)
    rank = np.empty(codes.size, dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(codes.size)
    rows = rank[inv]
    grid = np.full((codes.size, n_partners), np.nan)
    grid[rows, r.target] = r.value
    own = np.empty(codes.size, dtype=np.int64)
    own[rows] = r.source
    return rows, grid, own


def trust_deficit(nets: Networks) -> TestedClaim:
    """The partner whose received trust falls furthest below what its raters give the others."""
    from samenspel.analysis.stats.resampling import min_p, sign_flip

    if nets.ratings is None:
        return NONE
    r = nets.ratings.of("trust")
    if r.rater.size == 0:
        return NONE
    rows, grid, own = _grid(r, len(nets.partners))
    k = np.count_nonzero(~np.isnan(grid), axis=1)
    several = k >= 2  # a rater who rated one partner has nothing to compare it with
    grid, own, k = grid[several], own[several], k[several]
    # per rater and partner: trust in it minus the rater's mean trust in the rest
    diff = grid - (np.nansum(grid, axis=1)[:, None] - grid) / np.maximum(k - 1, 1)[:, None]
    visited = np.argsort(rows, kind="stable")  # the ratings rater by rater, each rater's in their own order
    visited = visited[several[rows[visited]]]
    seen_targets, at = np.unique(r.target[visited], return_index=True)
    diffs = {int(t): diff[~np.isnan(diff[:, t]), t] for t in seen_targets[np.argsort(at, kind="stable")]}
    rater_partners = {t: set(own[~np.isnan(diff[:, t])].tolist()) for t in diffs}
    candidates = [t for t in diffs if len(rater_partners[t]) >= 2]
    if not candidates:
        return NONE
    worst = min(candidates, key=lambda t: float(np.mean(diffs[t])))
    d = diffs[worst]
    m = len(candidates)
    testable = min_p("sign_flip", (d.size,), "less") * m < LEVEL
    p = min(1.0, sign_flip(d, "less").p * m) if testable else None
    return TestedClaim(max(0.0, -float(d.mean())), p, int(d.size), len(rater_partners[worst]),
                       (nets.partners[worst],), testable)


def influence_lead(nets: Networks) -> TestedClaim:
    """The partner seen as most influential against the runner-up, by raters who rated both."""
    from samenspel.analysis.stats.resampling import min_p, sign_flip

    if nets.ratings is None or "influence" not in nets.ratings.dimensions:
        return NONE
    r = nets.ratings.of("influence")
    if r.target.size == 0:
        return NONE
    # partners rated, in order of first appearance, by their mean received influence (ties: first seen first)
    shown, at = np.unique(r.target, return_index=True)
    mean = np.bincount(r.target, r.value, minlength=len(nets.partners)) / np.maximum(
        np.bincount(r.target, minlength=len(nets.partners)), 1)
    seen = shown[np.argsort(at, kind="stable")].tolist()
    ranked = sorted(seen, key=lambda t: -float(mean[t]))
    if len(ranked) < 2:
        return NONE
    top, runner = ranked[0], ranked[1]
    rows, grid, own = _grid(r, len(nets.partners))
    both_rated = ~np.isnan(grid[:, top]) & ~np.isnan(grid[:, runner])
    d = (grid[both_rated, top] - grid[both_rated, runner])
    partners = len(set(own[both_rated].tolist()))
    if d.size == 0 or partners < 2:
        return TestedClaim(0.0, None, int(d.size), partners, (nets.partners[top], nets.partners[runner]), False)
    testable = min_p("sign_flip", (d.size,), "two-sided") < LEVEL
    p = sign_flip(d, "two-sided").p if testable else None
    return TestedClaim(max(0.0, float(d.mean())), p, int(d.size), partners,
                       (nets.partners[top], nets.partners[runner]), testable)


def dependency_asymmetry(nets: Networks) -> TestedClaim:
    """The pair with the largest one-sided dependency, neither partner hidden, A's raters against B's."""
    from samenspel.analysis.stats.resampling import min_p, two_sample

    if nets.ratings is None or "dependency" not in nets.ratings.dimensions:
        return NONE
    r = nets.ratings.of("dependency")
    n_p = len(nets.partners)
    hidden = np.zeros(n_p, dtype=bool)
    hidden[[nets.partners.index(p) for p in nets.hidden]] = True
    keep = ~hidden[r.source] & ~hidden[r.target]
    src, tgt, value = r.source[keep], r.target[keep], r.value[keep]
    if src.size == 0:
        return NONE
    key = src * n_p + tgt  # the pair (A's raters, about B)
    given, at = np.unique(key, return_index=True)
    order = given[np.argsort(at, kind="stable")].tolist()  # pairs in order of first appearance
    present = set(order)
    pairs = [divmod(k, n_p) for k in order]
    pairs = [(a, b) for a, b in pairs if a < b and b * n_p + a in present]
    if not pairs:
        return NONE
    mean = np.bincount(key, value, minlength=n_p * n_p) / np.maximum(np.bincount(key, minlength=n_p * n_p), 1)

    def gap(pair: tuple[int, int]) -> float:
        a, b = pair
        return float(mean[a * n_p + b] - mean[b * n_p + a])

    a, b = max(pairs, key=lambda pr: abs(gap(pr)))
    if gap((a, b)) < 0:
        a, b = b, a  # A the more dependent one
    x, y = value[key == a * n_p + b], value[key == b * n_p + a]
    m = len(pairs)
    testable = min_p("two_sample", (x.size, y.size), "two-sided") * m < LEVEL
    p = min(1.0, two_sample(x, y, "two-sided").p * m) if testable else None
    return TestedClaim(float(x.mean() - y.mean()), p, int(x.size + y.size), 2,
                       (nets.partners[a], nets.partners[b]), testable)


def camps(comms: Communities, raters: int, partners: int) -> TestedClaim:
    """Trust within minus between the trust communities, when the split passed its chance test."""
    if comms.trust_within is None or comms.trust_between is None:
        return TestedClaim(0.0, comms.p_value, raters, partners, (), comms.p_value is not None)
    effect = comms.trust_within - comms.trust_between if comms.split else 0.0
    return TestedClaim(max(0.0, effect), comms.p_value, raters, partners,
                       tuple(p for g in comms.groups for p in g), comms.p_value is not None)


def tested(nets: Networks, comms: Communities) -> dict[str, TestedClaim]:
    """Every tested claim by name (the rules read them as ``network.<name>``)."""
    sizes = dict(nets.raters)
    all_raters = sum(sizes.values())
    rating_partners = sum(1 for n in sizes.values() if n)
    return {"trust_deficit": trust_deficit(nets), "influence_lead": influence_lead(nets),
            "dependency_asymmetry": dependency_asymmetry(nets),
            "camps": camps(comms, all_raters, rating_partners)}
