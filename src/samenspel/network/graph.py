"""Directed, weighted partner-to-partner graphs built from relation answers.

One graph per relation dimension (FORMATS.md §1 ``relation:<dimension>``).
The weight of the tie A -> B is the mean rating of B by A's respondents on
the 0-100 POMP scale. A missing rating is no information: it is left out,
never counted as zero, and a pair nobody rated has no tie at all.

Privacy (docs/PRIVACY.md, the network): with ``min_raters`` a tie counts only
when at least that many raters stand behind it; a tie with fewer raters is
left out of the graph and of every aggregate (density, in-strength,
communities), so it cannot be worked out by subtraction. A partner whose
respondents who rated anyone are fewer than ``min_group`` is *hidden*: its own
ratings appear in no per-partner output, and the analysis passes only raters
of partners with at least the minimum, so it gives no ties at all there.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from samenspel.errors import SamenspelError
from samenspel.responses.model import Answer

#: The relation dimensions every result reports (FORMATS.md §1); more may be present.
DIMENSIONS: tuple[str, ...] = ("trust", "dependency", "influence", "exchange")

#: item id -> (dimension, scale min, scale max)
RelationItems = Mapping[str, tuple[str, float, float]]


@dataclass(frozen=True, slots=True)
class Tie:
    """A -> B on one dimension: mean POMP rating of B by A's respondents."""

    source: str
    target: str
    weight: float  # 0-100
    n_raters: int  # respondents of ``source`` who rated ``target``
    sd: float | None  # sample SD of the respondents' ratings (None with one rater)


@dataclass(frozen=True)
class Network:
    """The ties of one dimension between a fixed set of partners."""

    dimension: str
    partners: tuple[str, ...]
    ties: tuple[Tie, ...]
    _index: dict[tuple[str, str], Tie] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {(t.source, t.target): t for t in self.ties})

    def tie(self, source: str, target: str) -> Tie | None:
        return self._index.get((source, target))

    def weight(self, source: str, target: str) -> float | None:
        t = self._index.get((source, target))
        return None if t is None else t.weight


@dataclass(frozen=True, eq=False)
class Ratings:
    """Every respondent's rating of each partner, per dimension: the raw material of the permutation tests.

    One entry per (dimension, rater, rated partner): the rater's mean over the
    dimension's items about that partner (POMP). Indices refer to
    ``Networks.partners`` and ``dimensions``; ``rater`` numbers respondents.
    """

    dimensions: tuple[str, ...]
    dimension: np.ndarray  # int index into ``dimensions``
    source: np.ndarray  # int index of the rater's own partner
    target: np.ndarray  # int index of the partner rated
    rater: np.ndarray  # int respondent number
    value: np.ndarray  # float POMP

    def of(self, dimension: str) -> Ratings:
        """Only the ratings of one dimension."""
        if dimension not in self.dimensions:
            return Ratings(self.dimensions, *(np.empty(0, dtype=a.dtype) for a in (
                self.dimension, self.source, self.target, self.rater, self.value)))
        keep = self.dimension == self.dimensions.index(dimension)
        return Ratings(self.dimensions, self.dimension[keep], self.source[keep], self.target[keep],
                       self.rater[keep], self.value[keep])


@dataclass(frozen=True)
class Networks:
    """All relation graphs of one alliance and round, plus the privacy facts."""

    partners: tuple[str, ...]
    networks: tuple[Network, ...]
    raters: tuple[tuple[str, int], ...]  # partner -> respondents who gave any relation rating
    min_group: int = 3
    ratings: Ratings | None = field(default=None, repr=False, compare=False)

    def __getitem__(self, dimension: str) -> Network:
        for net in self.networks:
            if net.dimension == dimension:
                return net
        raise KeyError(dimension)

    @property
    def dimensions(self) -> tuple[str, ...]:
        return tuple(net.dimension for net in self.networks)

    def group_size(self, partner: str) -> int:
        return dict(self.raters).get(partner, 0)

    @property
    def hidden(self) -> frozenset[str]:
        """Partners whose own ratings may not be shown (fewer raters than ``min_group``)."""
        sizes = dict(self.raters)
        return frozenset(p for p in self.partners if sizes.get(p, 0) < self.min_group)

    def visible_ties(self, dimension: str) -> tuple[Tie, ...]:
        """Ties that may appear in per-partner output: not given by a hidden partner."""
        hidden = self.hidden
        return tuple(t for t in self[dimension].ties if t.source not in hidden)


def pomp(value: float, lo: float, hi: float) -> float:
    """Percent of maximum possible: 100 * (value - min) / (max - min)."""
    return 100.0 * (value - lo) / (hi - lo)


def build_networks(
    answers: Iterable[Answer],
    relation_items: RelationItems,
    partners: Sequence[str],
    respondent_partner: Mapping[str, str],
    min_group: int = 3,
    min_raters: int = 1,
) -> Networks:
    """Build one directed weighted graph per relation dimension.

    ``answers`` must come from one round; answers to items not in
    ``relation_items`` are ignored, so a whole ResponseSet can be passed.
    A respondent who answered several items of one dimension about the same
    partner gets the mean of those items; the tie weight is then the mean over
    respondents, and ``sd`` their spread. Raises SamenspelError on data the
    response reader should already have refused (self-rating, unknown
    partner, value out of range, duplicates, several rounds). A tie with fewer
    than ``min_raters`` raters is left out of the graph and every aggregate
    (the analysis passes the minimum group size: docs/PRIVACY.md).
    """
    if min_group < 1:
        raise SamenspelError(f"minimum group size must be at least 1, not {min_group}")
    for item_id, (_dim, lo, hi) in relation_items.items():
        if not hi > lo:
            raise SamenspelError(f"relation item {item_id}: scale max {hi} must exceed min {lo}")
    known = set(partners)
    if len(known) != len(partners):
        raise SamenspelError("partner list has duplicates")
    chosen = [a for a in answers if a.item in relation_items and a.value is not None]
    sources = [respondent_partner.get(a.respondent, a.partner) for a in chosen]
    dims = list(DIMENSIONS) + sorted({d for d, _, _ in relation_items.values()} - set(DIMENSIONS))
    columns = _columns(chosen, sources, relation_items, partners, dims)
    if columns is None:
        _explain(chosen, relation_items, respondent_partner, known)  # raises with the first bad answer
    by_dim: dict[str, list[Tie]] = {d: [] for d in dims}
    raters: dict[str, int] = {}
    ratings = None
    if chosen and columns is not None:
        by_dim, raters, ratings = _ties(columns, dims, partners, min_raters)
    networks = tuple(Network(d, tuple(partners), tuple(by_dim[d])) for d in dims)
    sizes = tuple((p, raters.get(p, 0)) for p in partners)
    return Networks(tuple(partners), networks, sizes, min_group, ratings)


@dataclass(frozen=True)
class _Columns:
    """The relation answers as integer codes and POMP values (one entry per answer)."""

    dim: np.ndarray
    source: np.ndarray
    target: np.ndarray
    respondent: np.ndarray
    n_respondents: int
    pomp: np.ndarray


def _columns(chosen: list[Answer], sources: list[str], relation_items: RelationItems,
             partners: Sequence[str], dims: list[str]) -> _Columns | None:
    """Codes and POMP values of the answers, or None when any answer breaks a rule ``_explain`` checks."""
    n = len(chosen)
    targets = [a.target for a in chosen]
    values = [a.value for a in chosen]
    if len({a.round for a in chosen}) > 1 or None in targets or any(map(operator.eq, sources, targets)):
        return None
    order = {p: i for i, p in enumerate(partners)}
    if not order.keys() >= set(sources) or not order.keys() >= set(targets) or str in set(map(type, values)):
        return None
    item_ids = list(relation_items)
    item_code = {x: i for i, x in enumerate(item_ids)}
    dim_index = {d: i for i, d in enumerate(dims)}
    item_dim = np.array([dim_index[relation_items[x][0]] for x in item_ids], dtype=np.int64)
    item_lo = np.array([relation_items[x][1] for x in item_ids], dtype=float)
    item_hi = np.array([relation_items[x][2] for x in item_ids], dtype=float)
    respondents = {r: i for i, r in enumerate(dict.fromkeys([a.respondent for a in chosen]))}
    items = np.fromiter(map(item_code.__getitem__, [a.item for a in chosen]), dtype=np.int64, count=n)
    source = np.fromiter(map(order.__getitem__, sources), dtype=np.int64, count=n)
    target = np.fromiter(map(order.__getitem__, targets), dtype=np.int64, count=n)
    respondent = np.fromiter(map(respondents.__getitem__, [a.respondent for a in chosen]), dtype=np.int64, count=n)
    v = np.array(values, dtype=float)
    lo, hi = item_lo[items], item_hi[items]
    if not ((lo <= v) & (v <= hi)).all():
        return None
    key = (items * len(partners) + target) * max(len(respondents), 1) + respondent
    from samenspel.analysis.stats._common import distinct  # here: analysis imports this module
    if distinct(key).size != n:  # two answers about the same partner
        return None
    return _Columns(item_dim[items], source, target, respondent, len(respondents), 100.0 * (v - lo) / (hi - lo))


def _explain(chosen: list[Answer], relation_items: RelationItems, respondent_partner: Mapping[str, str],
             known: set[str]) -> None:
    """Raise SamenspelError for the first answer the reader should have refused."""
    seen: set[tuple[str, str, str]] = set()
    rounds: set[str] = set()
    for a in chosen:
        _dim, lo, hi = relation_items[a.item]
        rounds.add(a.round)
        if len(rounds) > 1:
            raise SamenspelError(f"answers from several rounds ({', '.join(sorted(rounds))}); choose one round")
        source = respondent_partner.get(a.respondent, a.partner)
        target = a.target
        where = f"respondent {a.respondent}, item {a.item}"
        if target is None:
            raise SamenspelError(f"{where}: a relation answer needs the partner rated (target)")
        if target == source:
            raise SamenspelError(f"{where}: partner {source} rates itself")
        if source not in known or target not in known:
            raise SamenspelError(f"{where}: partner {source if source not in known else target} is not in the partner list")
        key = (a.respondent, a.item, target)
        if key in seen:
            raise SamenspelError(f"{where}: two answers about {target}")
        seen.add(key)
        if isinstance(a.value, str):
            raise SamenspelError(f"{where}: value {a.value!r} is not a number")
        value = float(a.value)  # type: ignore[arg-type]
        if not lo <= value <= hi:
            raise SamenspelError(f"{where}: value {a.value} outside {lo:g}-{hi:g}")


def _ties(c: _Columns, dims: list[str], partners: Sequence[str], min_raters: int = 1) -> tuple[
        dict[str, list[Tie]], dict[str, int], Ratings]:
    """Tie weights with numpy: respondent means per (dimension, source, target), then their mean and SD.

    A respondent who answered several items of one dimension about the same
    partner counts once, with the mean of those items.
    """
    n_p, n_r = len(partners), c.n_respondents
    s, r = c.source, c.respondent
    pair = (c.dim * n_p + s) * n_p + c.target
    per_resp, inv = np.unique(pair * n_r + r, return_inverse=True)
    resp_mean = np.bincount(inv, c.pomp) / np.bincount(inv)
    pairs, inv2 = np.unique(per_resp // n_r, return_inverse=True)
    n = np.bincount(inv2)
    mean = np.bincount(inv2, resp_mean) / n
    ss = np.bincount(inv2, (resp_mean - mean[inv2]) ** 2)
    by_dim: dict[str, list[Tie]] = {x: [] for x in dims}
    for key, w, k, sq in zip(pairs.tolist(), mean.tolist(), n.tolist(), ss.tolist()):
        if k < min_raters:  # a tie counts only with the minimum of raters behind it (analysis.disclosure, rule 4)
            continue
        dd, rest = divmod(key, n_p * n_p)
        src, tgt = divmod(rest, n_p)
        sd = math.sqrt(sq / (k - 1)) if k >= 2 else None
        by_dim[dims[dd]].append(Tie(partners[src], partners[tgt], w, k, sd))
    from samenspel.analysis.stats._common import distinct  # here: analysis imports this module
    rater_pairs = distinct(s * n_r + r) // n_r
    counts = np.bincount(rater_pairs, minlength=n_p)
    kept = np.isin(per_resp // n_r, pairs[n >= min_raters])
    per_resp, resp_mean = per_resp[kept], resp_mean[kept]
    resp_pair, resp_rater = np.divmod(per_resp, n_r)
    resp_dim, rest = np.divmod(resp_pair, n_p * n_p)
    resp_src, resp_tgt = np.divmod(rest, n_p)
    ratings = Ratings(tuple(dims), resp_dim, resp_src, resp_tgt, resp_rater, resp_mean)
    return by_dim, {partners[i]: int(c) for i, c in enumerate(counts.tolist()) if c}, ratings
