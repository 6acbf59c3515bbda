"""Benchmark of ``samenspel norms build`` (issue 16 point 5): a national monitor, side by side with plain SQL.

Generates a synthetic national dataset - ``--alliances`` alliances (default
5,000) of 3-8 partners answering every scored and checked item of
questionnaire 2.0 (no relation or open items), about ``--answers`` answers in
all (default 30 million), 4% left empty - as one Parquet file, and times in
fresh DuckDB connections (best and median of ``--repeat``, interleaved):

* **baseline**: plain DuckDB SQL over the Parquet answers - per respondent and
  domain the mean of the reverse-keyed items as 0-100 with the half-of-items
  rule, per alliance the mean, then the quartiles over alliances
  (``samenspel.norms.national.baseline``);
* **domain part**: what ``norms build`` does for the domain scores over the
  same Parquet - the same, plus the analysis' counting rule, last round per
  alliance, value checks, and disclosure control (small partners merged or
  left out, per-measure minimum) - then the quartiles;
* **whole profile**: ``norms build``'s whole path after reading: domain and
  scale scores, divergence summary, phase, quadrant, size band and context
  per alliance as Profiles, then ``build_norms`` with the minimum-group and
  differencing rules.

With ``--csv`` it also writes one directory per alliance (responses.csv and
alliance.yaml, as a sector body would hold them) and times the CLI
``samenspel norms build DIR`` end to end in a subprocess.

Targets: domain part within 1.5x of the baseline, whole profile within 3x,
``norms build`` under 60 s for 5,000 alliances and 30 million answers on 2
cores. Run: ``.venv/bin/python benchmarks/norms_bench.py [--alliances N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from samenspel.instrument.selection import CURRENT_VERSION, INSTRUMENT_ID, catalogue
from samenspel.norms import build_norms, national
from samenspel.reading.context import AllianceContext

FORMS = ("customer_supplier", "contractual_alliance", "joint_venture", "multi_partner", "value_driven")


def items() -> list:  # type: ignore[type-arg]
    """The items a synthetic respondent answers: every item with a numeric scale, no relation or open items."""
    return [it for it in catalogue(CURRENT_VERSION).items
            if it.min is not None and it.max is not None and it.max > it.min and it.type != "relation"]


def generate(n_alliances: int, n_answers: int, seed: int = 16) -> tuple[object, dict[str, AllianceContext]]:
    """The answers as an Arrow table (FORMATS.md §2 columns) and each alliance's context."""
    import pyarrow as pa

    rng = np.random.default_rng(seed)
    its = items()
    k = len(its)
    per_alliance = max(6, round(n_answers / n_alliances / k))
    sizes = rng.integers(max(3, per_alliance // 2), per_alliance * 3 // 2 + 1, n_alliances)
    n_resp = int(sizes.sum())
    resp_alliance = np.repeat(np.arange(n_alliances), sizes)
    n_partners = rng.integers(3, 9, n_alliances)
    # partners of unequal size: some fall below the minimum group, as in real alliances
    resp_partner = (rng.random(n_resp) ** 1.6 * n_partners[resp_alliance]).astype(np.int64)
    level = rng.normal(0, 0.6, (n_alliances, 1))  # the alliance's own level
    construct_of = {c: i for i, c in enumerate(dict.fromkeys(it.construct for it in its))}
    c_idx = np.array([construct_of[it.construct] for it in its])
    c_level = rng.normal(0, 0.4, (n_alliances, len(construct_of)))
    lo = np.array([it.min for it in its], dtype=float)
    hi = np.array([it.max for it in its], dtype=float)
    mid = (lo + hi) / 2
    span = (hi - lo) / 4
    latent = (level[resp_alliance] + c_level[resp_alliance][:, c_idx]
              + rng.normal(0, 0.7, (n_resp, k)))
    flip = np.array([it.reverse for it in its])
    values = np.clip(np.rint(mid + np.where(flip, -1, 1) * latent * span), lo, hi)
    values[rng.random((n_resp, k)) < 0.04] = np.nan
    n = n_resp * k
    alliance_ids = np.array([f"A{i:05d}" for i in range(n_alliances)], dtype=object)
    item_ids = np.array([it.id for it in its], dtype=object)
    row_resp = np.repeat(np.arange(n_resp), k)
    row_alliance = resp_alliance[row_resp]
    table = pa.table({
        "alliance": pa.DictionaryArray.from_arrays(pa.array(row_alliance.astype(np.int32)), pa.array(alliance_ids)),
        "round": _constant(n, "2026"),
        "respondent": pa.DictionaryArray.from_arrays(pa.array(row_resp.astype(np.int32)),
                                                     pa.array([f"r{i}" for i in range(n_resp)])),
        "partner": pa.DictionaryArray.from_arrays(pa.array(resp_partner[row_resp].astype(np.int32)),
                                                  pa.array([f"P{i}" for i in range(9)])),
        "item": pa.DictionaryArray.from_arrays(pa.array(np.tile(np.arange(k, dtype=np.int32), n_resp)),
                                               pa.array(item_ids)),
        "value": pa.array(values.reshape(-1), pa.float64(), from_pandas=True),
        "instrument": _constant(n, f"{INSTRUMENT_ID}@{CURRENT_VERSION}"),
    })
    contexts = {str(a): AllianceContext(alliance_form=FORMS[i % len(FORMS)], norms=True)
                for i, a in enumerate(alliance_ids)}
    return table, contexts


def _constant(n: int, value: str):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    return pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, dtype=np.int32)), pa.array([value]))


def write_csv_dirs(table, contexts: dict[str, AllianceContext], root: Path) -> None:  # type: ignore[no-untyped-def]
    """One directory per alliance with responses.csv and alliance.yaml."""
    import pyarrow.csv as pacsv

    import pyarrow as pa

    schema = table.schema
    for i, f in enumerate(schema):
        if pa.types.is_dictionary(f.type):
            schema = schema.set(i, f.with_type(pa.string()))
    plain = table.cast(schema)
    ids = plain.column("alliance").to_numpy(zero_copy_only=False)
    bounds = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(ids)]])
    for s, e in zip(starts, ends):
        alliance = str(ids[s])
        d = root / alliance
        d.mkdir(parents=True, exist_ok=True)
        pacsv.write_csv(plain.slice(s, e - s), d / "responses.csv")
        (d / "alliance.yaml").write_text(f"alliance_form: {contexts[alliance].alliance_form}\nnorms: true\n",
                                         encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--alliances", type=int, default=5000)
    ap.add_argument("--answers", type=int, default=None, help="about this many answers (default 6,000 per alliance)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--csv", action="store_true", help="also write CSV directories and time the CLI end to end")
    ap.add_argument("--dir", type=Path, default=None, help="where to write the dataset (default: a temp dir)")
    ap.add_argument("--reuse", action="store_true",
                    help="use DIR/answers.parquet from an earlier run with the same sizes instead of generating it")
    args = ap.parse_args()
    n_answers = args.answers or args.alliances * 6000
    root = args.dir or Path(tempfile.mkdtemp(prefix="norms-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    import pyarrow.parquet as pq

    parquet = root / "answers.parquet"
    if args.reuse and parquet.exists() and not args.csv:
        table = None
        contexts = {f"A{i:05d}": AllianceContext(alliance_form=FORMS[i % len(FORMS)], norms=True)
                    for i in range(args.alliances)}
        rows = pq.ParquetFile(parquet).metadata.num_rows
        print(f"dataset: {parquet} reused, {rows:,} answers")
    else:
        table, contexts = generate(args.alliances, n_answers)
        pq.write_table(table, parquet, row_group_size=1 << 20)
        print(f"dataset: {args.alliances:,} alliances, {table.num_rows:,} answers ({len(items())} items), "
              f"{parquet.stat().st_size / 2**20:,.0f} MB Parquet, generated in {time.perf_counter() - t0:.1f} s")
    source = f"read_parquet('{parquet}')"
    load = os.getloadavg()[0]

    def run_baseline() -> object:
        con = national.connect(args.threads)
        national.register_items(con, CURRENT_VERSION, ("domain",))
        out = national.baseline(con, source)
        con.close()
        return out

    def run_domains() -> object:
        con = national.connect(args.threads)
        national.register_contexts(con, {})
        national.domain_scores(con, source, 3, ("domain",))
        out = national.quartiles(con)
        con.close()
        return out

    def run_profile() -> object:
        con = national.connect(args.threads)
        profiles = national.profiles(con, source, contexts)
        con.close()
        return build_norms(profiles)

    # interleaved, best and median of --repeat each: on a shared machine the load changes from minute to minute
    times: dict[str, list[float]] = {"base": [], "dom": [], "prof": []}
    results: dict[str, object] = {}
    for _ in range(args.repeat):
        for key, fn in (("base", run_baseline), ("dom", run_domains), ("prof", run_profile)):
            start = time.perf_counter()
            results[key] = fn()
            times[key].append(time.perf_counter() - start)
    t_base, t_dom, t_prof = (min(times[k]) for k in ("base", "dom", "prof"))
    m_base, m_dom, m_prof = (statistics.median(times[k]) for k in ("base", "dom", "prof"))
    base, dom, ns = results["base"], results["dom"], results["prof"]
    after = os.getloadavg()[0]
    print(f"load average (1 min) before the runs: {load:.1f}, after: {after:.1f} on {os.cpu_count()} cores; "
          "all times: " + ", ".join(f"{k} {' '.join(f'{t:.2f}' for t in v)}" for k, v in times.items()))
    print(f"                                    best of {args.repeat}            median")
    print(f"baseline (plain SQL, domains):     {t_base:6.2f} s               {m_base:6.2f} s")
    print(f"norms build, domain-score part:    {t_dom:6.2f} s  ratio {t_dom / t_base:4.2f}x   {m_dom:6.2f} s  "
          f"ratio {m_dom / m_base:4.2f}x  (target <= 1.5x)")
    print(f"norms build, whole profile+norms:  {t_prof:6.2f} s  ratio {t_prof / t_base:4.2f}x   {m_prof:6.2f} s  "
          f"ratio {m_prof / m_base:4.2f}x  (target <= 3x)")
    paired = {k: statistics.median(t / b for t, b in zip(times[k], times["base"])) for k in ("dom", "prof")}
    print(f"median of the ratios within each interleaved run: domain part {paired['dom']:4.2f}x, "
          f"whole profile {paired['prof']:4.2f}x")
    diffs = [abs(a - b) for (_, _, qa), (_, _, qb) in zip(base, dom) for a, b in zip(qa, qb)]  # type: ignore[arg-type]
    print(f"quartiles baseline vs published (counting rule, disclosure): largest difference "
          f"{max(diffs):.2f} points over {len(base)} domains")  # type: ignore[arg-type]
    print(f"norm set: {ns.n_alliances:,} alliances, {len(ns.rows)} rows, {len(ns.suppressed)} held back")  # type: ignore[attr-defined]
    if args.csv:
        t1 = time.perf_counter()
        write_csv_dirs(table, contexts, root / "alliances")
        print(f"CSV directories written in {time.perf_counter() - t1:.1f} s")
        cli = Path(sys.executable).with_name("samenspel")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([str(cli), "norms", "build", str(root / "alliances"), "-o", str(root / "norms.json")],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        print(f"samenspel norms build DIR (CLI, CSV, end to end): {min(times):6.2f} s  (target < 60 s; "
              f"median {statistics.median(times):.2f} s)")
    print(f"data in {root} (remove it when done)")


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
