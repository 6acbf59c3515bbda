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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

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
    # (dimension, source, target, respondent) -> list of POMP values
    ratings: dict[tuple[str, str, str, str], list[float]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    rounds: set[str] = set()
    raters: dict[str, set[str]] = defaultdict(set)
    for a in answers:
        spec = relation_items.get(a.item)
        if spec is None or a.value is None:
            continue
        dim, lo, hi = spec
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
        value = float(a.value)
        if not lo <= value <= hi:
            raise SamenspelError(f"{where}: value {a.value} outside {lo:g}-{hi:g}")
        ratings[(dim, source, target, a.respondent)].append(pomp(value, lo, hi))
        raters[source].add(a.respondent)

    # per (dimension, source, target): respondent means
    per_pair: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for (dim, source, target, _resp), values in ratings.items():
        per_pair[(dim, source, target)].append(sum(values) / len(values))
    order = {p: i for i, p in enumerate(partners)}
    dims = list(DIMENSIONS) + sorted({d for d, _, _ in relation_items.values()} - set(DIMENSIONS))
    by_dim: dict[str, list[Tie]] = {d: [] for d in dims}
    for (dim, source, target), values in per_pair.items():
        by_dim[dim].append(Tie(source, target, _mean(values), len(values), _sd(values)))
    networks = tuple(
        Network(d, tuple(partners), tuple(sorted(by_dim[d], key=lambda t: (order[t.source], order[t.target]))))
        for d in dims
    )
    sizes = tuple((p, len(raters.get(p, ()))) for p in partners)
    return Networks(tuple(partners), networks, sizes, min_group)


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _sd(values: Sequence[float]) -> float | None:
    if len(values) < 2:
        return None
    m = _mean(values)
    return math.sqrt(math.fsum((v - m) ** 2 for v in values) / (len(values) - 1))
