"""Directed, weighted partner-to-partner graphs built from relation answers.

One graph per relation dimension (FORMATS.md §1 ``relation:<dimension>``).
The weight of the tie A -> B is the mean rating of B by A's respondents on
the 0-100 POMP scale. A missing rating is no information: it is left out,
never counted as zero, and a pair nobody rated has no tie at all.

Privacy (ARCHITECTURE.md, minimum group size): a partner whose respondents
who rated anyone are fewer than ``min_group`` is *hidden*. Its out-ties stay
in the graph, because alliance-wide figures (density, reciprocity,
communities, betweenness) and the ``in_<dimension>`` of the partners it
rated are group figures; but every per-partner or per-pair output that
would show its own ratings leaves them out (see ``Networks.visible_ties``).
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


@dataclass(frozen=True)
class Networks:
    """All relation graphs of one alliance and round, plus the privacy facts."""

    partners: tuple[str, ...]
    networks: tuple[Network, ...]
    raters: tuple[tuple[str, int], ...]  # partner -> respondents who gave any relation rating
    min_group: int = 3

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
) -> Networks:
    """Build one directed weighted graph per relation dimension.

    ``answers`` must come from one round; answers to items not in
    ``relation_items`` are ignored, so a whole ResponseSet can be passed.
    A respondent who answered several items of one dimension about the same
    partner gets the mean of those items; the tie weight is then the mean over
    respondents, and ``sd`` their spread. Raises SamenspelError on data the
    response reader should already have refused (self-rating, unknown
    partner, value out of range, duplicates, several rounds).
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
    if not _valid(chosen, sources, relation_items, known):
        _explain(chosen, relation_items, respondent_partner, known)  # raises with the first bad answer
    dims = list(DIMENSIONS) + sorted({d for d, _, _ in relation_items.values()} - set(DIMENSIONS))
    order = {p: i for i, p in enumerate(partners)}
    by_dim: dict[str, list[Tie]] = {d: [] for d in dims}
    raters: dict[str, int] = {}
    if chosen:
        by_dim, raters = _ties(chosen, sources, relation_items, dims, partners, order)
    networks = tuple(Network(d, tuple(partners), tuple(by_dim[d])) for d in dims)
    sizes = tuple((p, raters.get(p, 0)) for p in partners)
    return Networks(tuple(partners), networks, sizes, min_group)


def _valid(chosen: list[Answer], sources: list[str], relation_items: RelationItems, known: set[str]) -> bool:
    """Fast whole-set check of everything ``_explain`` checks answer by answer."""
    if not chosen:
        return True
    targets = [a.target for a in chosen]
    values = [a.value for a in chosen]
    if len({a.round for a in chosen}) > 1 or None in targets or any(map(operator.eq, sources, targets)):
        return False
    if not known.issuperset(sources) or not known.issuperset(targets) or str in set(map(type, values)):
        return False
    respondents = {r: i for i, r in enumerate(dict.fromkeys([a.respondent for a in chosen]))}
    items = {x: i for i, x in enumerate(relation_items)}
    places = {p: i for i, p in enumerate(known)}
    key = ((np.array([items[a.item] for a in chosen], dtype=np.int64) * len(places)
            + np.array([places[x] for x in targets], dtype=np.int64)) * len(respondents)
           + np.array([respondents[a.respondent] for a in chosen], dtype=np.int64))
    if np.unique(key).size != key.size:  # two answers about the same partner
        return False
    specs = [relation_items[a.item] for a in chosen]
    v = np.array(values, dtype=float)
    lo = np.array([sp[1] for sp in specs], dtype=float)
    hi = np.array([sp[2] for sp in specs], dtype=float)
    return bool(((lo <= v) & (v <= hi)).all())


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


def _ties(chosen: list[Answer], sources: list[str], relation_items: RelationItems, dims: list[str],
          partners: Sequence[str], order: dict[str, int]) -> tuple[dict[str, list[Tie]], dict[str, int]]:
    """Tie weights with numpy: respondent means per (dimension, source, target), then their mean and SD.

    A respondent who answered several items of one dimension about the same
    partner counts once, with the mean of those items.
    """
    dim_index = {d: i for i, d in enumerate(dims)}
    specs = [relation_items[a.item] for a in chosen]
    lo = np.array([sp[1] for sp in specs], dtype=float)
    hi = np.array([sp[2] for sp in specs], dtype=float)
    values = 100.0 * (np.array([a.value for a in chosen], dtype=float) - lo) / (hi - lo)
    resp_codes = {r: i for i, r in enumerate(dict.fromkeys(a.respondent for a in chosen))}
    n_p, n_r = len(partners), len(resp_codes)
    d = np.array([dim_index[sp[0]] for sp in specs], dtype=np.int64)
    s = np.array([order[x] for x in sources], dtype=np.int64)
    t = np.array([order[a.target] for a in chosen], dtype=np.int64)  # type: ignore[index]
    r = np.array([resp_codes[a.respondent] for a in chosen], dtype=np.int64)
    pair = (d * n_p + s) * n_p + t
    per_resp, inv = np.unique(pair * n_r + r, return_inverse=True)
    resp_mean = np.bincount(inv, values) / np.bincount(inv)
    pairs, inv2 = np.unique(per_resp // n_r, return_inverse=True)
    n = np.bincount(inv2)
    mean = np.bincount(inv2, resp_mean) / n
    ss = np.bincount(inv2, (resp_mean - mean[inv2]) ** 2)
    by_dim: dict[str, list[Tie]] = {x: [] for x in dims}
    for key, w, k, sq in zip(pairs.tolist(), mean.tolist(), n.tolist(), ss.tolist()):
        dd, rest = divmod(key, n_p * n_p)
        src, tgt = divmod(rest, n_p)
        sd = math.sqrt(sq / (k - 1)) if k >= 2 else None
        by_dim[dims[dd]].append(Tie(partners[src], partners[tgt], w, k, sd))
    rater_pairs = np.unique(s * n_r + r) // n_r
    counts = np.bincount(rater_pairs, minlength=n_p)
    return by_dim, {partners[i]: int(c) for i, c in enumerate(counts.tolist()) if c}
