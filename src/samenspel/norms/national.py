"""Profiles of thousands of alliances at once, in DuckDB (issue 16, point 5: a national monitor).

A sector body holds the response files of every regional collaboration; the
per-alliance analysis (``analysis.engine``) would take minutes per thousand
alliances. Here the part norms need is one columnar query over all answers:
per respondent and scale the mean of the reverse-keyed items as 0-100 with
the half-of-items rule, and per alliance the mean - with the same rules the
analysis publishes under, so a national figure is the figure the alliance's
own report shows:

* who counts: at least half of the asked domain items answered
  (``responses.counting``); items marked ``not_asked`` in a round leave its
  asked items, and a round whose only non-pulse answers are ``not_asked`` is
  a pulse;
* the last round of each alliance (latest ``round_date``; rounds without a
  date come after dated ones, then by round id - the analysis orders undated
  rounds by first appearance, which a columnar scan does not keep);
* partners below the minimum group merged into "other partners" or left out
  (``analysis.disclosure``, rule 1), and per measure every group with fewer
  than the minimum of scores left out (rule 2);
* the modal phase over the same published rows (ties to the earlier phase);
* the divergence summary of the stored profiles (``norms.profile``): per
  domain the one-way ANOVA over the published groups of at least the minimum
  (and two) scores, flagged at eta squared >= 0.06 and p < .05 after Holm's
  adjustment over the domains; the number flagged and the largest eta squared.

How: one pass over the answers straight to one row per respondent, the
answer counts and sums of each item group packed into a few sums
(``Field``); the published groups are then formed from per-partner sums.

Not computed here (the web app's stored profiles have them): the network
summaries (density, reciprocity, centralisation, communities - the
communities are a Louvain search per alliance (``network.louvain``, a
pure-Python port of networkx's), a loop over every alliance) and the
leadership items' agreement. Items asked are the questionnaire's items of a
scale (the pulse's when a round holds only pulse items).

Reading is within the limits of ``responses.limits`` per file; values outside
an item's scale or not a whole number, and an item answered twice by one
respondent, are refused with alliance, respondent and item.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samenspel.errors import InputError, Problem, SamenspelError
from samenspel.norms.profile import Profile, size_band

SCALE_KINDS = ("trust", "formal_overlap", "uncertainty", "leadership", "governance")
"""Non-domain constructs scored as scales (``analysis.engine``: OTHER_SCALES and the single-item kinds)."""
MIN_SHARE = 0.5
WORD_BITS = 53
"""Bits per packed sum (``Field``): whole numbers below 2**53 add up exactly as doubles."""
"""Half of a scale's items for a person's score, half of the asked domain items to count (issue 3)."""


@dataclass(frozen=True)
class ItemRow:
    item: str
    measure: str  # "domain:relation", "scale:trust", "phase"
    kind: str  # "domain", "scale", "phase"
    lo: float
    hi: float
    reverse: bool
    pulse: bool


def item_rows(version: str) -> list[ItemRow]:
    """The scored items of a questionnaire version, with how each is turned into 0-100."""
    from samenspel.instrument.selection import catalogue

    out = []
    for it in catalogue(version).items:
        kind = it.construct_kind
        if it.min is None or it.max is None or it.max == it.min:
            continue
        if kind == "domain" and it.type != "choice":
            out.append(ItemRow(it.id, f"domain:{it.construct_key}", "domain", it.min, it.max, it.reverse, it.pulse))
        elif kind in SCALE_KINDS and it.type != "choice":
            out.append(ItemRow(it.id, f"scale:{it.construct}", "scale", it.min, it.max, it.reverse, it.pulse))
        elif it.construct == "phase":
            # the raw option value, kept as is (lo 0, hi 100 makes the 0-100 formula the identity)
            out.append(ItemRow(it.id, "phase", "phase", 0.0, 100.0, False, it.pulse))
    return out


def connect(threads: int | None = None) -> Any:
    """An in-memory DuckDB connection (no extensions are loaded or downloaded)."""
    import duckdb

    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False,
                                             "autoload_known_extensions": False})
    con.execute(f"SET threads TO {int(threads or os.cpu_count() or 2)}")
    con.execute("SET preserve_insertion_order = false")
    return con


def register_items(con: Any, version: str, kinds: Sequence[str] = ("domain", "scale", "phase")) -> None:
    """Tables ``items`` (one row per scored item, with its packed field), ``ks`` (items per measure, full round
    and pulse) and ``fields`` (the packed item groups, see ``_layout``)."""
    import pyarrow as pa

    rows = [r for r in item_rows(version) if r.kind in kinds]
    phase_range = {it.id: (it.min, it.max) for it in _phase_items(version)}
    vrange = [phase_range.get(r.item, (r.lo, r.hi)) for r in rows]
    mids = {m: n for n, m in enumerate(sorted({r.measure for r in rows}), start=1)}
    fields, at = _layout(rows, vrange, mids)
    domain_bit = {r.item: n for n, r in enumerate(r for r in rows if r.kind == "domain")}
    table = pa.table({
        "item": [r.item for r in rows], "measure": [r.measure for r in rows], "kind": [r.kind for r in rows],
        "lo": [float(r.lo) for r in rows], "hi": [float(r.hi) for r in rows],
        "rev": [r.reverse for r in rows], "pulse": [r.pulse for r in rows],
        # valid raw values: the item's own scale (phase: its option values)
        "vmin": [float(v[0]) for v in vrange], "vmax": [float(v[1]) for v in vrange],
        "mid": pa.array([mids[r.measure] for r in rows], pa.int32()),
        # the answer v adds k0_<w> + v * k1_<w> to packed sum w: one to its count, its distance to its sum
        **{f"{c}_{w}": [_packing(fields[at[r.item]], r)[c == "k1"] if fields[at[r.item]].word == w else 0.0
                        for r in rows] for w in sorted({f.word for f in fields}) for c in ("k0", "k1")},
        # the item's bit among the domain items: which were answered, which not asked (counting rule)
        "dbit": pa.array([(1 << domain_bit[r.item]) if r.item in domain_bit else None for r in rows], pa.uint64()),
    })
    if len(domain_bit) > 64:
        raise SamenspelError(f"questionnaire {version}: more than 64 domain items")  # a developer's error
    con.register("items_arrow", table)
    con.execute("CREATE OR REPLACE TABLE items AS SELECT *, 100.0 / (hi - lo) AS scale FROM items_arrow")
    con.unregister("items_arrow")
    con.execute("CREATE OR REPLACE TABLE ks AS SELECT mid, any_value(measure) AS measure, any_value(kind) AS kind, "
                "count(*) AS k_full, count(*) FILTER (pulse) AS k_pulse, "
                "coalesce(bit_or(dbit) FILTER (pulse), 0::UBIGINT) AS dmask_pulse FROM items GROUP BY mid")
    con.register("fields_arrow", pa.table({
        "mid": pa.array([f.mid for f in fields], pa.int32()), "word": pa.array([f.word for f in fields], pa.int32()),
        "shift": pa.array([f.shift for f in fields], pa.int32()),
        "cbits": pa.array([f.cbits for f in fields], pa.int32()),
        "sbits": pa.array([f.sbits for f in fields], pa.int32()), "k": pa.array([f.k for f in fields], pa.int32()),
        "scale": [f.scale for f in fields]}))
    con.execute("CREATE OR REPLACE TABLE fields AS SELECT * FROM fields_arrow")
    con.unregister("fields_arrow")


@dataclass(frozen=True)
class Field:
    """One item group (items of one measure on one scale) packed into one of a respondent's sums.

    Per respondent the pass over the answers keeps, per group, how many items
    were answered (``cbits`` bits at ``shift``; none for a single item, whose
    distance is stored plus one) and the sum of the answers'
    whole-number distances from the reverse-keyed low end (``sbits`` bits
    above it). Each answer adds ``2**shift`` plus its distance times
    ``2**(shift + cbits)`` (``_packing``): one sum per word of ``WORD_BITS``
    bits instead of two aggregates per measure, so the pass
    costs about what the baseline's does (benchmarks/norms_bench.py). The
    widths hold every item of the group answered once at the far end; an item
    answered twice is found and refused (``_check_values``), so no field ever
    carries into the next.
    """

    mid: int
    word: int
    shift: int
    cbits: int
    sbits: int
    k: int  # items in the group
    scale: float  # 100 / (hi - lo): distance -> 0-100


def _packing(field: Field, row: ItemRow) -> tuple[float, float]:
    """(k0, k1): an answer v adds ``k0 + v * k1`` to its word: 1 at the count, its distance at the sum."""
    count, unit = float(2 ** field.shift), float(2 ** (field.shift + field.cbits))
    if row.reverse:  # distance hi - v
        return count + row.hi * unit, -unit
    return count - row.lo * unit, unit


def _layout(rows: Sequence[ItemRow], vrange: Sequence[tuple[float, float]],
            mids: Mapping[str, int]) -> tuple[list[Field], dict[str, int]]:
    """The packed fields of the items' groups, and each item's field index."""
    groups: dict[tuple[int, float, float], list[int]] = {}
    for n, r in enumerate(rows):
        groups.setdefault((mids[r.measure], r.lo, r.hi), []).append(n)
    fields: list[Field] = []
    at: dict[str, int] = {}
    word, shift = 0, 0
    for (mid, lo, hi), members in sorted(groups.items()):
        far = sum(int(math.ceil(hi - vrange[n][0] if rows[n].reverse else vrange[n][1] - lo)) for n in members)
        if len(members) == 1:  # one item: no count bits, the distance plus one (0: not answered)
            cbits, sbits = 0, (far + 1).bit_length()
        else:
            cbits, sbits = len(members).bit_length(), max(far, 1).bit_length()
        if shift + cbits + sbits > WORD_BITS:
            word, shift = word + 1, 0
        fields.append(Field(mid, word, shift, cbits, sbits, len(members), 100.0 / (hi - lo)))
        for n in members:
            at[rows[n].item] = len(fields) - 1
        shift += cbits + sbits
    return fields, at


def _phase_items(version: str) -> list[Any]:
    from samenspel.instrument.selection import catalogue

    return [it for it in catalogue(version).items if it.construct == "phase"]


def register_contexts(con: Any, contexts: Mapping[str, int | None]) -> None:
    """Table ``ctx``: alliance -> its own minimum group size (None: the default)."""
    import pyarrow as pa

    con.register("ctx_arrow", pa.table({"alliance": list(contexts), "min_group": pa.array(
        [contexts[a] for a in contexts], type=pa.int64())}))
    con.execute("CREATE OR REPLACE TABLE ctx AS SELECT * FROM ctx_arrow")


def _measures(con: Any) -> list[tuple[int, str, str, int, int]]:
    """(mid, measure, kind, items in a full round, items in a pulse) of the registered items."""
    return [tuple(r) for r in con.execute("SELECT mid, measure, kind, k_full, k_pulse FROM ks ORDER BY mid").fetchall()]


def _respondent_sql(con: Any, source: str, measures: Sequence[tuple[int, str, str, int, int]], dated: bool,
                    missing: bool) -> str:
    """One pass over the answers straight to one row per respondent (``resp``).

    Per respondent and item group the number of answers and the sum of their
    distances from the low end are packed into a few sums (``Field``);
    they are unpacked per respondent into ``n<mid>``/``s<mid>`` (answers and
    0-100 sum per measure). Earlier versions grouped per respondent x measure
    and then gathered the measures side by side: two hash aggregations over
    strings, twice the baseline's time. ``missing``: the answers have a
    ``missing`` column (answers marked ``not_asked`` leave the round's asked
    domain items, as ``responses.counting``).
    """
    fields = con.execute("SELECT mid, word, shift, cbits, sbits, k, scale FROM fields "
                         "ORDER BY mid, word, shift").fetchall()
    words = sorted({f[1] for f in fields})
    rd = "max(TRY_CAST(a.round_date AS DATE))" if dated else "NULL::DATE"
    date = "round_date" if dated else "NULL AS round_date"
    miss = "missing" if missing else "NULL::VARCHAR AS missing"
    sums = ",\n       ".join(f"coalesce(sum(i.k0_{w} + v * i.k1_{w}), 0) AS w{w}" for w in words)
    # beyond WORD_BITS only with an item answered twice (refused): no error from the cast
    bigints = ", ".join(f"least(w{w}, {2 ** WORD_BITS})::BIGINT AS b{w}" for w in words)
    extra = ",\n       NULL::UBIGINT AS na, NULL::UBIGINT AS ab"
    if missing:
        extra = (",\n       bit_or(CASE WHEN a.missing = 'not_asked' THEN i.dbit END) AS na"
                 ",\n       bit_or(CASE WHEN a.value IS NOT NULL THEN i.dbit END) AS ab")
    full = "NOT i.pulse AND a.missing IS DISTINCT FROM 'not_asked'" if missing else "NOT i.pulse"
    unpack = []
    for mid, *_ in measures:
        mine = [f for f in fields if f[0] == mid]
        ns, ts, overs = [], [], []
        for _, w, shift, cbits, sbits, k, scale in mine:
            if cbits:
                ns.append(f"((b{w} >> {shift}) & {(1 << cbits) - 1})")
                ts.append(f"((b{w} >> {shift + cbits}) & {(1 << sbits) - 1})::DOUBLE * {scale!r}")
                overs.append(f"{ns[-1]} > {k}")
            else:  # one item: its distance plus one, 0 when not answered (twice: nv <> the counts)
                field = f"((b{w} >> {shift}) & {(1 << sbits) - 1})"
                ns.append(f"({field} > 0)::INTEGER")
                ts.append(f"greatest({field} - 1, 0)::DOUBLE * {scale!r}")
        n, t, over = " + ".join(ns), " + ".join(ts), " OR ".join(overs) or "false"
        unpack.append(f"({n})::INTEGER AS n{mid}, {t} AS s{mid}, {over} AS over{mid}")
    answered = " + ".join(f"n{mid}" for mid, _, kind, *_ in measures if kind == "domain") or "0"
    total = " + ".join(f"n{mid}" for mid, *_ in measures) or "0"
    over = " OR ".join([f"over{mid}" for mid, *_ in measures] + [f"w{w} >= {2 ** WORD_BITS}" for w in words])
    cols = ", ".join(f"n{mid}, s{mid}" for mid, *_ in measures)
    return f"""
CREATE OR REPLACE TEMP TABLE resp AS
SELECT alliance, round, respondent, partner, bad, full_round, rd, na, ab, nv, {cols},
       {answered} AS answered, nv <> ({total}) OR {over} AS twice
FROM (SELECT *, {", ".join(unpack)} FROM (SELECT *, {bigints} FROM (
SELECT a.alliance, a.round, a.respondent, any_value(a.partner) AS partner,
       {sums},
       count(v) AS nv, count(a.value) - count(v) AS bad, bool_or({full}) AS full_round, {rd} AS rd{extra}
FROM (SELECT alliance, round, respondent, partner, item, value, {miss}, {date}, raw,
             CASE WHEN raw = round(raw) THEN raw END AS whole
      FROM (SELECT *, TRY_CAST(value AS DOUBLE) AS raw FROM {source})) a
JOIN items i ON a.item = i.item,
LATERAL (SELECT CASE WHEN whole BETWEEN i.vmin AND i.vmax THEN whole END AS v)
GROUP BY a.alliance, a.round, a.respondent)))
"""


def _published_sql(measures: Sequence[tuple[int, str, str, int, int]], min_group: int, masks: tuple[int, int],
                   phase_values: Sequence[int] = ()) -> str:
    """From respondents to published alliance figures, by the rules of the module's docstring.

    ``masks``: the bits (``items.dbit``) of the domain items of a full round and of a pulse;
    ``phase_values``: the phase item's options (the modal phase is counted per option).

    The respondents are summed once per alliance and partner (``ps``: heads,
    per measure the count, sum and - for the domains' divergence - the sum of
    squares of the person scores, per phase option its count); the published
    groups (a partner, "other partners" or left out) are then formed from
    those few rows, never by joining respondents to their group.
    """
    full_mask, pulse_mask = masks
    k = {mid: f"(CASE WHEN is_pulse THEN {kp} ELSE {kf} END)" for mid, _, _, kf, kp in measures}
    phase = [mid for mid, _, kind, *_ in measures if kind == "phase"]
    domains = [mid for mid, _, kind, *_ in measures if kind == "domain"]
    person = ",\n       ".join(f"CASE WHEN n{mid} > 0 AND n{mid} >= {MIN_SHARE}::DOUBLE * {k[mid]} "
                               f"THEN s{mid} / n{mid} END AS p{mid}" for mid, *_ in measures)
    per_partner = [f"count(p{mid}) AS c{mid}, sum(p{mid}) AS t{mid}" for mid, *_ in measures]
    per_partner += [f"sum(p{mid} * p{mid}) AS q{mid}" for mid in domains]
    per_partner += [f"count(*) FILTER (WHERE p{mid} = {v}) AS f{mid}_{v}" for mid in phase for v in phase_values]
    per_group = [f"sum(c{mid})::BIGINT AS c{mid}, sum(t{mid}) AS t{mid}" for mid, *_ in measures]
    per_group += [f"sum(q{mid}) AS q{mid}" for mid in domains]
    per_group += [f"sum(f{mid}_{v})::BIGINT AS f{mid}_{v}" for mid in phase for v in phase_values]
    means = ",\n       ".join(f"sum(t{mid}) FILTER (WHERE c{mid} >= m) / sum(c{mid}) FILTER (WHERE c{mid} >= m) "
                              f"AS score{mid}, coalesce(sum(c{mid}) FILTER (WHERE c{mid} >= m), 0) AS n{mid}"
                              for mid, *_ in measures)
    modal, outer = "", "*"
    for mid in phase:  # the most frequent option over the published groups, ties to the earlier phase
        counts = ", ".join(f"coalesce(sum(f{mid}_{v}) FILTER (WHERE c{mid} >= m), 0)" for v in phase_values)
        options = "[" + ", ".join(map(str, phase_values)) + "]"
        modal = f",\n       [{counts}] AS phase_counts"
        outer = (f"* EXCLUDE (phase_counts), CASE WHEN list_max(phase_counts) > 0 THEN "
                 f"{options}[list_position(phase_counts, list_max(phase_counts))] END AS phase")
    return f"""
CREATE OR REPLACE TEMP TABLE lastr AS
SELECT alliance, round, NOT full_round AS is_pulse, na,
       (CASE WHEN full_round THEN {full_mask} ELSE {pulse_mask} END)::UBIGINT AS vmask FROM (
    SELECT alliance, round, bool_or(full_round) AS full_round, bit_or(na) AS na,
           row_number() OVER (PARTITION BY alliance ORDER BY coalesce(max(rd), DATE '9999-12-31') DESC,
                              round DESC) AS pos
    FROM resp GROUP BY alliance, round)
WHERE pos = 1;

-- who counts (responses.counting): half of the round's asked domain items, those marked not_asked left out
CREATE OR REPLACE TEMP TABLE ps AS
SELECT alliance, partner, any_value(round) AS round, count(*) AS h,
       {", ".join(per_partner)}
FROM (SELECT alliance, partner, round, {person} FROM (
    SELECT resp.* EXCLUDE (na), lastr.is_pulse,
           bit_count(lastr.vmask & ~coalesce(lastr.na, 0::UBIGINT)) AS asked,
           CASE WHEN lastr.na IS NULL THEN answered ELSE bit_count(ab & lastr.vmask & ~lastr.na) END AS hits
    FROM resp JOIN lastr USING (alliance, round))
    WHERE (asked = 0 AND nv > 0) OR (hits > 0 AND hits >= {MIN_SHARE}::DOUBLE * asked))
GROUP BY alliance, partner;

-- partners below the minimum merged into "other partners" or left out (analysis.disclosure)
CREATE OR REPLACE TEMP TABLE grp AS
SELECT *, CASE WHEN h >= m THEN partner WHEN small_n >= m THEN '~other' END AS g FROM (
    SELECT ps.alliance, ps.partner, ps.h, m,
           sum(ps.h) FILTER (WHERE ps.h < m) OVER (PARTITION BY ps.alliance) AS small_n
    FROM ps JOIN (SELECT ps.alliance, any_value(coalesce(ctx.min_group, {min_group})) AS m
                  FROM ps LEFT JOIN ctx USING (alliance) GROUP BY ps.alliance) USING (alliance));

CREATE OR REPLACE TEMP TABLE gs AS
SELECT grp.alliance, grp.g, any_value(grp.m) AS m, any_value(ps.round) AS round, sum(ps.h) AS h,
       {", ".join(per_group)}
FROM ps JOIN grp USING (alliance, partner) WHERE grp.g IS NOT NULL
GROUP BY grp.alliance, grp.g;

CREATE OR REPLACE TEMP TABLE scores AS
SELECT {outer} FROM (
SELECT alliance, any_value(round) AS round,
       {means}{modal}
FROM gs GROUP BY alliance);
"""


def _f_sf_array(f: Any, d1: Any, d2: Any) -> Any:
    """``stats._distributions.f_sf`` over arrays: the same continued fraction (modified Lentz), element by element.

    One call for every alliance's domains instead of a Python call per domain
    (25,000 in the national benchmark). Each element stops where the scalar
    function stops, so the values are the scalar's (tests/norms).
    """
    import numpy as np

    from samenspel.analysis.stats import _distributions as dist

    f, d1, d2 = (np.asarray(v, dtype=float) for v in (f, d1, d2))
    out = np.full(f.shape, np.nan)
    valid = ~(np.isnan(f) | np.isnan(d1) | np.isnan(d2) | (d1 <= 0) | (d2 <= 0))
    out[valid & (f <= 0)] = 1.0
    out[valid & np.isinf(f)] = 0.0
    todo = valid & (f > 0) & ~np.isinf(f)
    if not todo.any():
        return out
    ff, e1, e2 = f[todo], d1[todo], d2[todo]
    den = e2 + e1 * ff
    a, b, x, y = e2 / 2.0, e1 / 2.0, e2 / den, e1 * ff / den
    res = np.empty(ff.shape)
    low, high = x <= 0.0, (y <= 0.0) & ~(x <= 0.0)
    res[low], res[high] = 0.0, 1.0
    rest = ~(low | high)
    lgamma = np.vectorize(math.lgamma, otypes=[float])
    with np.errstate(divide="ignore", invalid="ignore"):
        front = np.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * np.log(x) + b * np.log(y))
    swap = ~(x < (a + 1.0) / (a + b + 2.0))
    aa, bb, xx = np.where(swap, b, a), np.where(swap, a, b), np.where(swap, y, x)
    cf = _continued_fraction_array(aa[rest], bb[rest], xx[rest], dist)
    fr, sw = front[rest], swap[rest]
    q = fr * cf / aa[rest]
    res[rest] = np.where(sw, 1.0 - q, q)
    out[todo] = res
    return out


def _continued_fraction_array(a: Any, b: Any, x: Any, dist: Any) -> Any:
    """``_distributions._continued_fraction`` element-wise; an element stops after the step that converged."""
    import numpy as np

    tiny, eps = dist._TINY, dist._EPS

    def guard(v: Any) -> Any:
        return np.where(np.abs(v) > tiny, v, tiny)

    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones(a.shape)
    d = 1.0 / guard(1.0 - qab * x / qap)
    h = d.copy()
    active = np.arange(a.size)
    for m in range(1, dist._MAX_ITER + 1):
        if not active.size:
            break
        A, B, X, C, D = a[active], b[active], x[active], c[active], d[active]
        QAB, QAP, QAM = qab[active], qap[active], qam[active]
        m2 = 2 * m
        aa = m * (B - m) * X / ((QAM + m2) * (A + m2))
        D = 1.0 / guard(1.0 + aa * D)
        C = guard(1.0 + aa / C)
        H = h[active] * (D * C)
        aa = -(A + m) * (QAB + m) * X / ((A + m2) * (QAP + m2))
        D = 1.0 / guard(1.0 + aa * D)
        C = guard(1.0 + aa / C)
        step = D * C
        H = H * step
        h[active], c[active], d[active] = H, C, D
        active = active[~(np.abs(step - 1.0) < eps)]
    return h


NEEDED = ("alliance", "round", "respondent", "partner", "item", "value")
"""Columns the scores need (docs/FORMATS.md §2); ``round_date`` is used where present."""


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def csv_header(path: Path) -> tuple[str, ...]:
    """The header of a CSV response file (its first line), read without parsing the rest."""
    import csv

    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return tuple(h.strip() for h in next(csv.reader(handle), []))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SamenspelError(f"{path}:1: cannot read the header ({exc})") from None


def source_of(paths: Sequence[Path], headers: Mapping[Path, tuple[str, ...]] | None = None) -> str:
    """A DuckDB relation over response files: Parquet files, or CSV files read as text (checked later).

    CSV files are read with the columns their header names, grouped by header,
    so DuckDB does not sniff thousands of small files one by one (that took
    seconds per hundred files).
    """
    if not paths:
        raise SamenspelError("no response files to build norms from")
    if all(p.suffix.lower() == ".parquet" for p in paths):
        return f"read_parquet([{', '.join(map(_quote, paths))}], union_by_name = true)"
    if not all(p.suffix.lower() == ".csv" for p in paths):
        raise SamenspelError("norms build reads either CSV response files or Parquet files of answers, not a mix")
    groups: dict[tuple[str, ...], list[Path]] = {}
    for p in paths:
        header = (headers or {}).get(p) or csv_header(p)
        missing = [c for c in NEEDED if c not in header]
        if missing:
            raise SamenspelError(f"{p}:1: no column {', '.join(missing)}; a response file has the columns of "
                                 "docs/FORMATS.md §2")
        if len(set(header)) != len(header):
            raise SamenspelError(f"{p}:1: a column name appears twice in the header")
        groups.setdefault(header, []).append(p)
    parts = []
    for header, files in groups.items():
        columns = "{" + ", ".join(f"'{c.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for c in header) + "}"
        date = "round_date" if "round_date" in header else "NULL"
        missing = "missing" if "missing" in header else "NULL"
        parts.append(f"SELECT alliance, round, respondent, partner, item, value, {date} AS round_date, "
                     f"{missing} AS missing "
                     f"FROM read_csv([{', '.join(map(_quote, files))}], header = true, auto_detect = false, "
                     f"delim = ',', quote = '\"', escape = '\"', columns = {columns})")
    return "(" + " UNION ALL ".join(parts) + ")"


def domain_scores(con: Any, source: str, min_group: int = 3, kinds: Sequence[str] = ("domain",),
                  version: str | None = None) -> list[tuple[int, str, str, int, int]]:
    """The domain-score part: per alliance and measure the published score and its n (temp table ``scores``).

    ``ctx`` must exist (``register_contexts``; empty is fine). Returns the
    measures. Raises :class:`InputError` naming respondent and item for values
    outside the scale.
    """
    from samenspel.instrument.selection import CURRENT_VERSION

    register_items(con, version or CURRENT_VERSION, kinds)
    columns = _columns(con, source)
    missing = [c for c in NEEDED if c not in columns]
    if missing:
        raise SamenspelError(f"the answers have no column {', '.join(missing)}; a response file has the columns of "
                             "docs/FORMATS.md §2")
    measures = _measures(con)
    _run(con, _respondent_sql(con, source, measures, "round_date" in columns, "missing" in columns))
    _check_values(con, source)
    full_mask, pulse_mask, lo, hi = con.execute(
        "SELECT coalesce(bit_or(dbit), 0::UBIGINT), coalesce(bit_or(dbit) FILTER (pulse), 0::UBIGINT), "
        "min(vmin) FILTER (kind = 'phase'), max(vmax) FILTER (kind = 'phase') FROM items").fetchall()[0]
    options = list(range(int(lo), int(hi) + 1)) if lo is not None else []
    _run(con, _published_sql(measures, int(min_group), (int(full_mask), int(pulse_mask)), options))
    return measures


def _run(con: Any, sql: str) -> None:
    import duckdb

    try:
        con.execute(sql)
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        raise SamenspelError(f"cannot read the answers: {first}") from None


def _columns(con: Any, source: str) -> set[str]:
    import duckdb

    try:
        return {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    except duckdb.Error as exc:
        raise SamenspelError(f"cannot read the answers: {str(exc).splitlines()[0]}") from None


def _check_values(con: Any, source: str) -> None:
    """Refuse values outside an item's scale (or not a whole number) and an item answered twice, as
    ``responses.validation`` does, naming alliance, respondent and item."""
    bad, twice = con.execute("SELECT sum(bad), count(*) FILTER (twice) FROM resp").fetchall()[0]
    if twice:
        rows = con.execute(
            f"SELECT a.alliance, a.round, a.respondent, a.item, count(*) AS c "
            f"FROM {source} a JOIN items i USING (item) "
            "WHERE TRY_CAST(a.value AS DOUBLE) IS NOT NULL GROUP BY ALL HAVING count(*) > 1 "
            "ORDER BY ALL LIMIT 20").fetchall()
        problems = [Problem(f"alliance {a}", None, f"round {r}, respondent {p}: item {i} is answered {c} times")
                    for a, r, p, i, c in rows]
        if twice > len(problems):
            problems.append(Problem("answers", None, f"{int(twice)} respondents answer an item more than once"))
        raise InputError(problems)
    bad = bad or 0
    if not bad:
        return
    rows = con.execute(
        f"SELECT a.alliance, a.respondent, a.item, a.value, i.vmin, i.vmax FROM {source} a JOIN items i USING (item) "
        "WHERE TRY_CAST(a.value AS DOUBLE) IS NULL AND a.value IS NOT NULL AND trim(CAST(a.value AS VARCHAR)) <> '' "
        "OR NOT (TRY_CAST(a.value AS DOUBLE) BETWEEN i.vmin AND i.vmax) "
        "OR TRY_CAST(a.value AS DOUBLE) <> round(TRY_CAST(a.value AS DOUBLE)) LIMIT 20").fetchall()
    problems = [Problem(f"alliance {a}", None, f"respondent {r}, item {i}: {v!r} is not a value on the item's scale "
                        f"({lo:g}-{hi:g})") for a, r, i, v, lo, hi in rows]
    if bad > len(problems):
        problems.append(Problem("answers", None, f"... {int(bad) - len(problems)} more values outside their scale"))
    raise InputError(problems)


def baseline(con: Any, source: str) -> list[tuple[str, int, list[float]]]:
    """The benchmark's baseline in plain DuckDB SQL: no counting rule, no disclosure control, domains only.

    Per respondent and domain the mean of the reverse-keyed items as 0-100
    with the half-of-items rule, per alliance the mean, then the quartiles.
    """
    sql = f"""
    WITH per AS (
        SELECT a.alliance, a.respondent, i.measure, count(v) AS n, any_value(ks.k_full) AS k,
               avg(CASE WHEN i.rev THEN i.hi - v ELSE v - i.lo END / (i.hi - i.lo) * 100) AS s
        FROM (SELECT alliance, respondent, item, TRY_CAST(value AS DOUBLE) AS v FROM {source}) a
        JOIN items i ON a.item = i.item JOIN ks ON ks.measure = i.measure
        WHERE i.kind = 'domain'
        GROUP BY a.alliance, a.respondent, i.measure),
    alliances AS (SELECT alliance, measure, avg(s) AS score FROM per WHERE n >= 0.5 * k GROUP BY alliance, measure)
    SELECT measure, count(*) AS n, quantile_cont(score, [0.25, 0.5, 0.75]) AS q FROM alliances
    GROUP BY measure ORDER BY measure"""
    return con.execute(sql).fetchall()


def quartiles(con: Any) -> list[tuple[str, int, list[float]]]:
    """Quartiles over alliances of the published scores of the last ``domain_scores`` call, per measure."""
    out = []
    for mid, measure, kind, _, _ in _measures(con):
        if kind == "phase":
            continue
        n, q = con.execute(f"SELECT count(score{mid}), quantile_cont(score{mid}, [0.25, 0.5, 0.75]) "
                           "FROM scores").fetchall()[0]
        out.append((measure, int(n), q))
    return out


def profiles(con: Any, source: str, contexts: Mapping[str, Any] | None = None, min_group: int = 3,
             version: str | None = None) -> list[Profile]:
    """Profiles (domain and scale scores, phase, quadrant, kind, size) of every alliance in ``source``.

    ``contexts`` maps alliance id -> :class:`~samenspel.reading.AllianceContext`
    (form, governance model, own minimum group).
    """
    import numpy as np

    from samenspel.analysis.settings import Settings
    from samenspel.analysis.trust import quadrant_of
    from samenspel.instrument.selection import CURRENT_VERSION, INSTRUMENT_ID

    contexts = contexts or {}
    version = version or CURRENT_VERSION
    register_contexts(con, {a: getattr(c, "min_group", None) for a, c in contexts.items()})
    measures = domain_scores(con, source, min_group, ("domain", "scale", "phase"), version)
    has_phase = any(kind == "phase" for _, _, kind, _, _ in measures)
    scored = [(mid, measure) for mid, measure, kind, _, _ in measures if kind != "phase"]
    domains = [(mid, measure) for mid, measure, kind, _, _ in measures if kind == "domain"]
    cols = ", ".join(f"s.score{mid}, s.n{mid}" for mid, _ in scored)
    div = "".join(f", d.g{mid}, d.n{mid}, d.ssb{mid}, d.ssw{mid}, d.q{mid}" for mid, _ in domains)
    got = con.execute(f"""
        SELECT s.alliance, s.round, {"s.phase" if has_phase else "NULL::INTEGER AS phase"}, w.partners,
               w.respondents{div}, {cols}
        FROM scores s JOIN (SELECT alliance, count(*) AS partners, coalesce(sum(h) FILTER (WHERE g IS NOT NULL), 0)
                            AS respondents FROM grp GROUP BY alliance) w USING (alliance)
        LEFT JOIN ({_divergence_sql([mid for mid, _ in domains])}) d USING (alliance)
        ORDER BY s.alliance""").fetchnumpy()  # columns as arrays: no Python tuple per alliance

    def column(name: str, settle: bool = False) -> list[Any]:  # floats, NaN for NULL
        values = np.ma.filled(np.ma.asarray(got[name], dtype=float), np.nan)
        return _settled(values) if settle else values.tolist()

    alliances, rounds = got["alliance"].tolist(), got["round"].tolist()
    phases, partners, respondents = column("phase"), column("partners"), column("respondents")
    parts = np.array([[column(f"{c}{mid}") for c in ("g", "n", "ssb", "ssw", "q")] for mid, _ in domains])
    summaries = _divergence_summaries(parts.transpose(2, 0, 1) if domains else np.empty((len(alliances), 0, 5)))
    values = [(measure, column(f"score{mid}", settle=True), column(f"n{mid}")) for mid, measure in scored]
    cut = Settings().quadrant_cut
    prefix = f"{INSTRUMENT_ID}@{version}"
    out = []
    for i, alliance in enumerate(alliances):
        m: dict[str, float] = {}
        counts: dict[str, int] = {}
        for measure, score, n in values:
            v = score[i]
            if math.isfinite(v):
                m[measure] = v
                counts[measure] = int(n[i])
        m.update(summaries[i])
        ctx = contexts.get(alliance)
        modules = ("leadership",) if any(k.startswith(("scale:leadership", "scale:governance")) for k in m) else ()
        phase = phases[i]
        out.append(Profile(
            alliance=alliance, round=rounds[i], questionnaire=prefix, modules=modules, measures=m, counts=counts,
            phase=int(phase) if math.isfinite(phase) else None,
            quadrant=quadrant_of(m.get("scale:trust"), m.get("scale:formal_overlap"), cut),
            alliance_form=getattr(ctx, "alliance_form", None), governance_model=getattr(ctx, "governance_model", None),
            collaboration_form=getattr(ctx, "collaboration_form", None), size_band=size_band(int(partners[i])),
            n_partners=int(partners[i]), n_respondents=int(respondents[i]),
        ))
    return out


def _settled(values: Any) -> list[float]:
    """``round(round(v, 9), 4)`` of each value (as ``analysis.groups.settled``, then as stored), in numpy.

    Away from a tie, ``rint(v * 10**d) / 10**d`` is Python's ``round(v, d)``:
    both give the double nearest to the same multiple of 10**-d (an exact
    whole number divided by an exact power of ten is correctly rounded).
    Values whose scaled fraction lies within 1e-3 of one half are rounded by
    Python itself. NaN stays NaN.
    """
    import numpy as np

    v = np.asarray(values, dtype=float)
    out = v.copy()
    for digits in (9, 4):
        with np.errstate(over="ignore", invalid="ignore"):  # huge and infinite values: Python below
            scaled = out * 10.0 ** digits
            near = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < 1e-3
            out = np.rint(scaled) / 10.0 ** digits
        for i in np.flatnonzero(near | (np.abs(scaled) >= 2.0 ** 52)).tolist():
            out[i] = round(float(v[i]), 9) if digits == 9 else round(round(float(v[i]), 9), 4)
    return out.tolist()


def _divergence_sql(mids: Sequence[int]) -> str:
    """Per alliance and domain the one-way ANOVA's parts over the published groups (``analysis.scales``).

    The groups compared are the published groups of the domain with at least
    ``max(minimum, 2)`` scores; from their counts, sums and sums of squares:
    g groups, n scores, the between and within sums of squares, and the sum of
    squares about zero (the scale for the rounding tolerance).
    """
    if not mids:
        return "SELECT alliance FROM gs WHERE false"
    parts = []
    for mid in mids:
        tested = f"c{mid} >= greatest(m, 2)"
        parts.append(
            f"count(*) FILTER (WHERE {tested}) AS g{mid}, coalesce(sum(c{mid}) FILTER (WHERE {tested}), 0) AS n{mid}, "
            f"sum(t{mid} * t{mid} / c{mid}) FILTER (WHERE {tested}) - sum(t{mid}) FILTER (WHERE {tested}) ^ 2 "
            f"/ sum(c{mid}) FILTER (WHERE {tested}) AS ssb{mid}, "
            f"sum(q{mid} - t{mid} * t{mid} / c{mid}) FILTER (WHERE {tested}) AS ssw{mid}, "
            f"sum(q{mid}) FILTER (WHERE {tested}) AS q{mid}")
    return f"SELECT alliance, {', '.join(parts)} FROM gs GROUP BY alliance"


def _divergence_summaries(a: Any) -> list[dict[str, float]]:
    """The profile's divergence summary per alliance, as ``profile_of`` reads it from a diagnosis.

    ``a``: per alliance (rows) and domain the ANOVA's parts of ``_divergence_sql``
    (g, n, ssb, ssw, q; NaN for none). Per domain with at least two groups
    compared: eta squared and the F test (``stats.divergence.one_way_samples``:
    flagged at eta squared >= 0.06 and p < .05), then Holm's adjustment over the
    alliance's tested domains (``scales.holm_flags``). Returns
    ``divergence:flagged`` (how many domains split the partners) and
    ``divergence:eta2_max``, or nothing where no domain had two groups. Sums of
    squares below 1e-12 of the sum of squares about zero count as zero (all
    scores equal), where the analysis, working from deviations, gets zero
    exactly.
    """
    import numpy as np

    from samenspel.analysis.stats.divergence import ETA2_MEDIUM, MIN_GROUPS, P_LEVEL

    a = np.asarray(a, dtype=float)
    n_domains = a.shape[1]
    if not a.shape[0] or not n_domains:
        return [{} for _ in range(a.shape[0])]
    g, n, ssb, ssw, q = (a[:, :, i] for i in range(5))
    g = np.nan_to_num(g)
    tiny = 1e-12 * np.nan_to_num(q)
    ssb = np.where(np.abs(ssb) <= tiny, 0.0, ssb)
    ssw = np.where(np.abs(ssw) <= tiny, 0.0, ssw)
    tested = g >= MIN_GROUPS
    df_b, df_w = g - 1, n - g
    ok = tested & (df_w >= 1)
    sst = ssb + ssw
    with np.errstate(invalid="ignore", divide="ignore"):
        eta2 = np.where(ok & (sst != 0), ssb / sst, np.nan)
        msb, msw = ssb / df_b, ssw / df_w
        f = np.where(msw == 0, np.where(msb > 0, np.inf, np.nan), msb / msw)
    f = np.where(ok, f, np.nan)
    p = _f_sf_array(f, df_b, df_w)
    with np.errstate(invalid="ignore"):
        flag = (eta2 >= ETA2_MEDIUM) & (p < P_LEVEL)
    # Holm over the domains with a p, per alliance
    has_p = ~np.isnan(p)
    m = has_p.sum(axis=1, keepdims=True)
    order = np.argsort(np.where(has_p, p, np.inf), axis=1, kind="stable")
    ranked = np.take_along_axis(np.where(has_p, p, np.inf), order, axis=1)
    with np.errstate(invalid="ignore"):  # inf (no p) times 0 past the last p: not used
        adjusted_sorted = np.maximum.accumulate(np.minimum(1.0, (m - np.arange(n_domains)) * ranked), axis=1)
    adjusted = np.empty_like(adjusted_sorted)
    np.put_along_axis(adjusted, order, adjusted_sorted, axis=1)
    flag &= has_p & (adjusted < P_LEVEL)
    out: list[dict[str, float]] = []
    for i in range(a.shape[0]):
        summary: dict[str, float] = {}
        if tested[i].any():
            summary["divergence:flagged"] = float(flag[i].sum())
            finite = eta2[i][np.isfinite(eta2[i])]
            if finite.size:
                summary["divergence:eta2_max"] = round(float(finite.max()), 4)
        out.append(summary)
    return out


@dataclass(frozen=True)
class Collection:
    """Response files found under a directory, and the alliance context of each alliance."""

    files: tuple[Path, ...]
    contexts: Mapping[str, Any]  # alliance id -> AllianceContext
    alliances: Mapping[str, Path]  # alliance id -> the (first) file it was found in


def collect(paths: Sequence[Path], kb: Any) -> Collection:
    """Every response file (``.csv``/``.parquet``) in ``paths`` (files or directories, searched recursively).

    A CSV's alliance id is read from its first data row; its context is the
    ``alliance.yaml`` beside it (docs/FORMATS.md §5), as ``samenspel analyse``
    finds it. Each file must stay within the response-file size limit.
    """
    import csv

    from samenspel.reading.context import beside, load_context
    from samenspel.responses import limits

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file())
            sheets = [f for f in found if f.suffix.lower() in (".xlsx", ".xlsm")]
            if sheets:  # silently leaving an alliance out would bias the norms
                raise SamenspelError(f"{sheets[0]}: norms build reads CSV response files (or Parquet); save the "
                                     f"{len(sheets)} workbook(s) as CSV first, e.g. with 'samenspel export'")
            files += [f for f in found if f.suffix.lower() in (".csv", ".parquet")]
        elif p.is_file():
            files.append(p)
        else:
            raise SamenspelError(f"{p}: file or directory not found")
    if not files:
        raise SamenspelError(f"no response files (.csv or .parquet) in {', '.join(map(str, paths))}")
    contexts: dict[str, Any] = {}
    alliances: dict[str, Path] = {}
    for f in files:
        size = f.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise SamenspelError(f"{f}: the file is {size / 2**20:,.0f} MB, more than the limit of "
                                 f"{limits.MAX_FILE_BYTES / 2**20:,.0f} MB for a response file")
        if f.suffix.lower() != ".csv":
            continue
        with f.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            first = next(reader, None)
        if not header or "alliance" not in header:
            raise SamenspelError(f"{f}:1: no 'alliance' column; a response file has the columns of docs/FORMATS.md §2")
        if len(header) > limits.MAX_COLUMNS:
            raise SamenspelError(f"{f}:1: {len(header)} columns, more than the limit of {limits.MAX_COLUMNS}")
        if first is None or len(first) <= header.index("alliance"):
            continue  # no answers
        alliance = first[header.index("alliance")].strip()
        alliances.setdefault(alliance, f)
        found = beside(f)
        if found is not None and alliance not in contexts:
            contexts[alliance] = load_context(found, kb)
    return Collection(tuple(files), contexts, alliances)
