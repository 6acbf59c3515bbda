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


def _per_rater(r: Ratings) -> dict[int, dict[int, tuple[int, float]]]:
    """rater -> rated partner -> (rater's own partner, rating)."""
    out: dict[int, dict[int, tuple[int, float]]] = {}
    for src, tgt, rater, v in zip(r.source.tolist(), r.target.tolist(), r.rater.tolist(), r.value.tolist()):
        out.setdefault(rater, {})[tgt] = (src, v)
    return out


def trust_deficit(nets: Networks) -> TestedClaim:
    """The partner whose received trust falls furthest below what its raters give the others."""
    from samenspel.analysis.stats.resampling import min_p, sign_flip

    if nets.ratings is None:
        return NONE
    per = _per_rater(nets.ratings.of("trust"))
    diffs: dict[int, list[float]] = {}
    rater_partners: dict[int, set[int]] = {}
    for rated in per.values():
        if len(rated) < 2:
            continue
        for tgt, (src, v) in rated.items():
            rest = [w for t, (_, w) in rated.items() if t != tgt]
            diffs.setdefault(tgt, []).append(v - sum(rest) / len(rest))
            rater_partners.setdefault(tgt, set()).add(src)
    candidates = [t for t, d in diffs.items() if len(rater_partners[t]) >= 2]
    if not candidates:
        return NONE
    worst = min(candidates, key=lambda t: float(np.mean(diffs[t])))
    d = np.array(diffs[worst])
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
    received: dict[int, list[float]] = {}
    for tgt, v in zip(r.target.tolist(), r.value.tolist()):
        received.setdefault(tgt, []).append(v)
    ranked = sorted(received, key=lambda t: -float(np.mean(received[t])))
    if len(ranked) < 2:
        return NONE
    top, runner = ranked[0], ranked[1]
    per = _per_rater(r)
    both = [(rated[top][1] - rated[runner][1], rated[top][0]) for rated in per.values()
            if top in rated and runner in rated]
    partners = len({src for _, src in both})
    if not both or partners < 2:
        return TestedClaim(0.0, None, len(both), partners, (nets.partners[top], nets.partners[runner]), False)
    d = np.array([x for x, _ in both])
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
    hidden = {nets.partners.index(p) for p in nets.hidden}
    given: dict[tuple[int, int], list[float]] = {}
    for src, tgt, v in zip(r.source.tolist(), r.target.tolist(), r.value.tolist()):
        if src not in hidden and tgt not in hidden:
            given.setdefault((src, tgt), []).append(v)
    pairs = [(a, b) for (a, b) in given if a < b and (b, a) in given]
    if not pairs:
        return NONE

    def gap(pair: tuple[int, int]) -> float:
        a, b = pair
        return float(np.mean(given[(a, b)]) - np.mean(given[(b, a)]))

    a, b = max(pairs, key=lambda pr: abs(gap(pr)))
    if gap((a, b)) < 0:
        a, b = b, a  # A the more dependent one
    x, y = np.array(given[(a, b)]), np.array(given[(b, a)])
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
