"""Scale scores, reliability, agreement and between-partner divergence (issue 3, points 1-3).

A scale is the set of items of one construct (a domain, ``trust``, a signal,
...). Scores are POMP 0-100. Partner and role figures obey the minimum group
size. The statistics themselves live in ``analysis.stats`` (via ``measures``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from samenspel.analysis import measures
from samenspel.analysis.disclosure import roles_safe
from samenspel.analysis.groups import published_means, sd_or_none
from samenspel.analysis.matrix import RoundMatrix, person_scores
from samenspel.analysis.notice import Notice, notice
from samenspel.analysis.settings import Settings


@dataclass(frozen=True)
class Groups:
    """Who is in the round: partners and roles with head counts, and who may be shown."""

    partners: list[str]
    partner_n: dict[str, int]
    roles: list[str]
    role_n: dict[str, int]
    min_group: int
    masks: dict[str, np.ndarray]  # partner -> boolean row mask
    role_masks: dict[str, np.ndarray]

    @property
    def eligible(self) -> list[str]:
        """Partners with at least the minimum group size; only they appear on their own."""
        return [p for p in self.partners if self.partner_n[p] >= self.min_group]

    @staticmethod
    def of(matrix: RoundMatrix, min_group: int, extra_partners: list[str] | None = None) -> Groups:
        partners = list(dict.fromkeys(matrix.partners))
        for p in extra_partners or []:
            if p not in partners:
                partners.append(p)
        parr = np.asarray(matrix.partners, dtype=object)
        rarr = np.asarray(matrix.roles, dtype=object)
        masks = {p: parr == p for p in partners}
        roles = [r for r in dict.fromkeys(matrix.roles) if r is not None]
        role_masks = {r: rarr == r for r in roles}
        partner_n = {p: int(m.sum()) for p, m in masks.items()}
        role_n = {r: int(m.sum()) for r, m in role_masks.items()}
        return Groups(partners, partner_n, roles, role_n, min_group, masks, role_masks)


@dataclass(frozen=True)
class Reliability:
    alpha: float | None
    alpha_ci: tuple[float, float] | None
    omega: float | None
    n: int  # respondents used (pairwise deletion)
    k: int  # items

    def to_dict(self) -> dict[str, object]:
        return {"alpha": self.alpha, "alpha_ci": list(self.alpha_ci) if self.alpha_ci else None,
                "omega": self.omega, "n": self.n, "k": self.k}


@dataclass(frozen=True)
class Divergence:
    """One-way test between the partners shown (>= minimum group size)."""

    f: float | None
    p: float | None
    eta2: float | None
    flag: bool
    icc1: float | None
    icc2: float | None
    groups: int
    p_holm: float | None = None  # p adjusted over the domains tested together (Holm 1979)

    def to_dict(self) -> dict[str, object]:
        return {"eta2": self.eta2, "p": self.p, "flag": self.flag, "F": self.f,
                "icc1": self.icc1, "icc2": self.icc2, "groups": self.groups, "p_holm": self.p_holm}


def holm_flags(results: dict[str, ScaleResult], level: float = 0.05) -> dict[str, ScaleResult]:
    """Re-judge the divergence flags of scales tested together with Holm's (1979) step-down rule.

    Testing five domains at p < .05 each flags at least one of them by chance in
    about a fifth of alliances where partners do not differ at all
    (``stats.multiplicity``). A flag stays only when the effect rule held and the
    adjusted p is below ``level``; it keeps the family-wise error at ``level``.
    """
    from samenspel.analysis.stats.multiplicity import holm

    tested = [(key, r.divergence.p) for key, r in results.items()
              if r.divergence is not None and r.divergence.p is not None]
    adjusted = dict(zip((k for k, _ in tested), holm([p for _, p in tested])))
    out: dict[str, ScaleResult] = {}
    for key, result in results.items():
        div = result.divergence
        if div is None or key not in adjusted:
            out[key] = result
            continue
        div = replace(div, p_holm=adjusted[key], flag=div.flag and adjusted[key] < level)
        out[key] = replace(result, divergence=div)
    return out


@dataclass(frozen=True)
class ScaleResult:
    """Everything about one scale in one round."""

    key: str
    construct: str
    items: tuple[str, ...]
    score: float | None
    sd: float | None
    n: int
    by_partner: dict[str, float | None]
    by_role: dict[str, float | None]
    reliability: Reliability | None
    rwg: float | None
    rwg_by_partner: dict[str, float | None]
    divergence: Divergence | None
    persons: dict[str, float] = field(default_factory=dict, repr=False)  # respondent -> score (for trends)
    n_partners: int = 0  # published partners with a score
    n_answered: int = field(default=0, repr=False)  # people with a score before disclosure (not published)

    @property
    def margin(self) -> float | None:
        """Half the width of the 95% confidence interval of the score (Student's t), or None below n = 2."""
        if self.sd is None or self.n < 2:
            return None
        from samenspel.analysis.stats._distributions import t_ppf

        return float(t_ppf(0.975, self.n - 1) * self.sd / np.sqrt(self.n))

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"score": self.score, "sd": self.sd, "n": self.n, "n_partners": self.n_partners,
                                "margin": self.margin}
        if self.reliability is not None:
            d["alpha"] = self.reliability.alpha
            d["reliability"] = self.reliability.to_dict()
        else:
            d["alpha"] = None
        d["by_partner"] = dict(self.by_partner)
        d["by_role"] = dict(self.by_role)
        if self.divergence is not None:
            d["divergence"] = self.divergence.to_dict()
        d["agreement"] = {"rwg": self.rwg, "by_partner": dict(self.rwg_by_partner)}
        d["items"] = list(self.items)
        return d


def _options(matrix: RoundMatrix, cols: list[int]) -> int | None:
    """Number of answer options of the (likert) items, for the rwg null distribution."""
    spans = {(matrix.items[c].min, matrix.items[c].max) for c in cols}
    if len(spans) != 1:
        return None
    lo, hi = spans.pop()
    if lo is None or hi is None:
        return None
    return int(hi - lo + 1)


def scale(
    matrix: RoundMatrix, cols: list[int], key: str, construct: str, groups: Groups, settings: Settings,
    notices: list[Notice], *, reliability: bool = True, divergence: bool = True, agreement: bool = True,
) -> ScaleResult:
    """Score one scale; add notices for small n and low reliability.

    ``reliability``, ``divergence`` and ``agreement`` switch off what a caller
    does not use (the previous round only feeds the trend and its problems).
    """
    pomp = matrix.pomp[:, cols]
    raw = matrix.raw[:, cols]
    persons = person_scores(pomp, settings.min_item_share)
    # every figure of the scale over its published rows only (analysis.disclosure, rule 2)
    score, n, by_partner, ok = published_means(persons, groups.masks, groups.partners, groups.min_group)
    kept_groups = [p for p in groups.partners if by_partner.get(p) is not None]
    by_role: dict[str, float | None] = dict.fromkeys(groups.roles)
    for r in roles_safe(ok, groups.masks, kept_groups, groups.role_masks, groups.roles, groups.min_group,
                        matrix.small_origins(groups.min_group)):
        by_role[r] = float(persons[groups.role_masks[r] & ok].mean())

    rel: Reliability | None = None
    if reliability and len(cols) >= 2:
        block = raw[ok]
        a = ci = om = None
        used = int(block.shape[0])
        if used >= 3:
            a, ci, used = measures.alpha(block)
            om = measures.omega(block) if len(cols) >= 3 else None
        rel = Reliability(a, ci, om, used, len(cols))
        if used < settings.min_n_reliability:
            notices.append(notice(f"small_n_reliability:{key}", n=used, min=settings.min_n_reliability))
        low = [v for v in (a, om) if v is not None and v < settings.alpha_low]
        if low:
            notices.append(notice(f"low_reliability:{key}", value=min(low), low=settings.alpha_low))

    options = _options(matrix, cols)
    rwg = None
    rwg_by: dict[str, float | None] = {}
    if agreement and options is not None and options >= 2:
        rwg = measures.agreement_rwg(raw[ok], options)
        values = dict(zip(kept_groups, measures.agreement_rwg_groups(raw, [groups.masks[p] & ok for p in kept_groups],
                                                                     options)))
        rwg_by = {p: values.get(p) for p in groups.partners}

    div: Divergence | None = None
    if divergence:
        samples = [persons[groups.masks[p] & ok] for p in kept_groups]
        samples = [s for s in samples if s.size >= max(groups.min_group, 2)]
        if len(samples) >= 2:
            f, p_value, eta2, flag = measures.between_partners(samples, max(groups.min_group, 2))
            icc1, icc2 = measures.icc(samples)
            div = Divergence(f, p_value, eta2, flag, icc1, icc2, len(samples))
    return ScaleResult(
        key=key, construct=construct, items=tuple(matrix.items[c].id for c in cols),
        score=score, sd=sd_or_none(persons[ok]), n=n,
        by_partner=by_partner, by_role=by_role, reliability=rel, rwg=rwg, rwg_by_partner=rwg_by,
        divergence=div,
        persons={r: float(s) for r, s, good in zip(matrix.respondents, persons, ok) if good},
        n_partners=len(kept_groups), n_answered=int(np.count_nonzero(~np.isnan(persons))),
    )


@dataclass(frozen=True)
class ItemDivergence:
    """An item on which partners differ: partner means (POMP) and effect size."""

    item: str
    construct: str
    eta2: float
    p: float | None
    spread: float  # highest minus lowest partner mean
    by_partner: dict[str, float | None]  # None below the minimum group of answers to this item
    reverse: bool = False  # reverse-keyed: the partner means count disagreement as high
    n: int = 0  # answers to the item from the partners tested

    def to_dict(self) -> dict[str, object]:
        return {"item": self.item, "construct": self.construct, "eta2": self.eta2, "p": self.p,
                "spread": self.spread, "by_partner": dict(self.by_partner), "reverse": self.reverse, "n": self.n}


CANDIDATE_MARGIN = 5
"""Items beyond ``top`` recomputed exactly after the quick ranking (guards against near-ties)."""


def _candidates(block: np.ndarray, cols: list[int], masks: list[np.ndarray], least: int, how_many: int) -> list[int]:
    """Columns ranked by a quick eta squared of all items at once (one matrix product), best first.

    Same groups as the exact test: partners with at least ``least`` answers on
    the item, items where some partner shown has no answer left out. Only the
    first ``how_many`` are returned; ``divergent_items`` recomputes them exactly.
    """
    member = np.array(masks, dtype=float)
    valid = ~np.isnan(block)
    x = np.where(valid, block, 0.0)
    counts = member @ valid.astype(float)
    sums = member @ x
    squares = member @ (x * x)
    keep = counts >= least
    usable = (keep.sum(axis=0) >= 2) & (counts > 0).all(axis=0)
    n = (counts * keep).sum(axis=0)
    total = (sums * keep).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        correction = total**2 / n
        sst = (squares * keep).sum(axis=0) - correction
        ssb = np.where(keep, sums**2 / np.where(counts > 0, counts, 1.0), 0.0).sum(axis=0) - correction
        eta2 = np.where(usable & (sst > 1e-9), ssb / sst, -np.inf)
    ranked = [cols[i] for i in np.argsort(-eta2, kind="stable").tolist() if np.isfinite(eta2[i])]
    return ranked[:how_many]


def divergent_items(matrix: RoundMatrix, cols: list[int], groups: Groups, top: int) -> tuple[ItemDivergence, ...]:
    """The ``top`` items with the largest between-partner effect size (eta squared)."""
    eligible = groups.eligible
    if len(eligible) < 2:
        return ()
    masks = {p: groups.masks[p] for p in eligible}
    found: list[ItemDivergence] = []
    least = max(groups.min_group, 2)
    for c in _candidates(matrix.pomp[:, cols], cols, list(masks.values()), least, top + CANDIDATE_MARGIN):
        v = matrix.pomp[:, c]
        samples = [v[m & ~np.isnan(v)] for m in masks.values()]
        if sum(s.size >= least for s in samples) < 2 or any(s.size == 0 for s in samples):
            continue
        samples = [s for s in samples if s.size >= least]
        f, p_value, eta2, _ = measures.between_partners(samples, least)
        if eta2 is None:
            continue
        # a partner's mean on one item only where at least the minimum group answered it (privacy)
        answered = {p: v[m & ~np.isnan(v)] for p, m in masks.items()}
        means = {p: float(a.mean()) for p, a in answered.items() if a.size >= groups.min_group}
        if len(means) < 2:
            continue
        by_partner = {p: means.get(p) for p in groups.partners}
        found.append(ItemDivergence(matrix.items[c].id, matrix.items[c].construct, eta2, p_value,
                                    max(means.values()) - min(means.values()), by_partner,
                                    bool(matrix.items[c].reverse), int(sum(s.size for s in samples))))
    found.sort(key=lambda d: -d.eta2)
    return tuple(found[:top])
