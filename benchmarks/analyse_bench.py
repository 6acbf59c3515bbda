"""Benchmark of ``samenspel analyse`` (issue 3 point 11): a script that prints numbers.

One synthetic alliance of 12 partners x 25 respondents answering the full
questionnaire (relation items about every other partner), two rounds with the
same respondents. Prints:

* the whole CLI ``samenspel analyse FILE --format json`` in a subprocess
  (median of 5 runs after a warm-up run; includes start-up with cached
  bytecode, reading and validating the CSV),
* the pure ``analyse()`` on the ResponseSet in memory (median of 20 runs),
* peak memory: traced Python allocations of ``analyse()`` (tracemalloc) and
  the maximum resident set size of the CLI subprocesses (getrusage).

Targets: CLI < 1 s, pure < 200 ms, < 300 MB. Run:
``.venv/bin/python benchmarks/analyse_bench.py``.
"""

from __future__ import annotations

import os

# Same as the CLI (cli/analyse.py): one BLAS thread; must precede the numpy import.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np  # noqa: E402

from samenspel.analysis import analyse  # noqa: E402
from samenspel.instrument import load_instrument  # noqa: E402
from samenspel.instrument.model import Instrument  # noqa: E402
from samenspel.knowledge import load_knowledge  # noqa: E402
from samenspel.responses.model import Answer, ResponseSet  # noqa: E402
from samenspel.responses.writer import write_csv  # noqa: E402

PARTNERS = [f"P{i:02d}" for i in range(1, 13)]
RESPONDENTS = 25
ROUNDS = (("2026-voorjaar", "2026-03-01"), ("2026-najaar", "2026-10-01"))
ROLES = ("board", "manager", "staff", "other")


def synthetic(instrument: Instrument, seed: int = 1) -> ResponseSet:
    """Answers around a partner-specific level per item, 5% left empty."""
    from datetime import date

    rng = np.random.default_rng(seed)
    answers: list[Answer] = []
    numeric = [it for it in instrument.items if it.numeric and it.type != "relation"]
    relations = [it for it in instrument.items if it.type == "relation"]
    partner_shift = {p: rng.normal(0, 0.4) for p in PARTNERS}
    for r_index, (round_id, day) in enumerate(ROUNDS):
        when = date.fromisoformat(day)
        for p in PARTNERS:
            for k in range(RESPONDENTS):
                rid = f"{p}-{k:02d}"
                role = ROLES[k % len(ROLES)]
                person = rng.normal(0, 0.5)
                for it in numeric:
                    if rng.random() < 0.05:
                        value = None
                    elif it.type == "check":
                        value = float(rng.random() < 0.35)
                    elif it.type == "choice":
                        value = float(it.options[min(len(it.options) - 1, int(rng.integers(1, 3)))].value)
                    else:
                        lo, hi = it.min or 1, it.max or 5
                        mid = (lo + hi) / 2 + 0.4 + partner_shift[p] + person + 0.1 * r_index
                        value = float(np.clip(round(mid + rng.normal(0, 0.7)), lo, hi))
                    answers.append(Answer("bench", round_id, rid, p, it.id, value, role, None, when))
                for it in relations:
                    lo, hi = it.min or 1, it.max or 5
                    for target in PARTNERS:
                        if target != p:
                            value = float(np.clip(round(3.5 + rng.normal(0, 0.8)), lo, hi))
                            answers.append(Answer("bench", round_id, rid, p, it.id, value, role, target, when))
    return ResponseSet(tuple(answers))


def main() -> None:
    instrument = load_instrument()
    kb = load_knowledge()
    responses = synthetic(instrument)
    print(f"data: {len(PARTNERS)} partners x {RESPONDENTS} respondents x {len(instrument.items)} items, "
          f"{len(ROUNDS)} rounds, {len(responses.answers)} answers")
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "bench.csv"
        write_csv(responses, csv)
        print(f"csv: {csv.stat().st_size / 1e6:.1f} MB", flush=True)

        from samenspel.responses.reader import read_responses

        t, c = time.perf_counter(), time.process_time()
        read_responses(csv, instrument)
        print(f"(reading and validating the CSV in-process: {time.perf_counter() - t:.2f} s wall, "
              f"{time.process_time() - c:.2f} s CPU)", flush=True)
        analyse(responses, instrument, kb)  # warm-up (imports, caches)
        pure, pure_cpu = [], []
        for _ in range(20):
            t, c = time.perf_counter(), time.process_time()
            analyse(responses, instrument, kb)
            pure.append(time.perf_counter() - t)
            pure_cpu.append(time.process_time() - c)
        tracemalloc.start()
        analyse(responses, instrument, kb)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"pure analyse(): median {1000 * statistics.median(pure):.0f} ms of 20 "
              f"(min {1000 * min(pure):.0f}, max {1000 * max(pure):.0f}; CPU median "
              f"{1000 * statistics.median(pure_cpu):.0f} ms)   target < 200 ms")
        print(f"memory: analyse() peak traced {peak / 1e6:.1f} MB", flush=True)

        cmd = [sys.executable, "-c", "from samenspel.cli import main; main()", "analyse", str(csv),
               "--format", "json", "-o", str(Path(tmp) / "out.json")]
        # As an installed program starts: with its modules' bytecode cached. A shell that sets
        # PYTHONDONTWRITEBYTECODE (some containers do) would otherwise compile every module on every
        # run; the warm-up run, not counted, writes the cache.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(cmd, check=True, env=env)
        cli = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, env=env)
            cli.append(time.perf_counter() - t)
        maxrss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    print(f"CLI analyse:    median {statistics.median(cli):.2f} s of 5 "
          f"(min {min(cli):.2f}, max {max(cli):.2f})   target < 1 s")
    print(f"memory: CLI max RSS {maxrss_mb:.0f} MB   target < 300 MB")
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
