"""Calibration of the problem rules (issue 9 point 7): a script that prints numbers.

Simulates many alliances answering the real questionnaire (``alliance_model``:
3-12 partners, a fixed number of respondents per partner, person and item
noise, blanks, small real differences between partners), healthy ones and ones
with each exemplary problem planted, runs the real pipeline on each
(``samenspel.analysis.analyse``, then ``samenspel.reading.read``) and prints,
per rule and group size (respondents per partner):

* the **false-alarm rate**: share of healthy alliances where the rule reaches
  the clear-signal strength (``strong_problem``, 0.5);
* the share of healthy alliances with **any** problem that strong;
* per planted problem the **detection rate**: strength at least 0.5 *and*
  ``problem:<id>`` on page one (``reading.top``);
* per planted problem the share the rule could **not judge** (too few answers);

each with the number of alliances behind it, the wall time and the alliances
per second. Targets (docs/RULES.md, "Calibration"): false alarms at most 5%
per rule and 10% for any problem; detection at least 80% at 5 respondents per
partner.

Seeds: ``--seeds tune`` (to set thresholds) and ``--seeds report`` (the table
in docs/RULES.md) draw from disjoint seed sequences. Modes:

* ``--quick``: CI-sized, one process, about a minute;
* default (full): every group size, enough alliances per cell, both cores;
* ``--markdown``: the tables as docs/RULES.md shows them;
* ``--save FILE`` keeps what each alliance's rules read (its indicators and
  the other findings); ``--load FILE`` re-judges those with the rules as they
  are now, in seconds, to try thresholds. The table in docs/RULES.md always
  comes from a full run, never from ``--load``.

Run: ``.venv/bin/python benchmarks/rules_calibration.py --seeds report``.
"""

from __future__ import annotations

import os

# One BLAS thread per process, as the CLI does; must precede the numpy import.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import gc  # noqa: E402
import multiprocessing  # noqa: E402
import pickle  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import zlib  # noqa: E402
from collections.abc import Iterable, Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from alliance_model import PLANTS, Spec, simulate  # noqa: E402

from samenspel.analysis.problems import IndicatorValue, judge  # noqa: E402
from samenspel.analysis.settings import Settings  # noqa: E402
from samenspel.reading import findings as found  # noqa: E402

SEED_SETS = {"tune": 20_251_201, "report": 20_251_202}
"""Entropy of the two seed sets; every alliance's seed derives from one of them, so the sets are disjoint."""
PARTNERS = (3, 12)
"""Fewest and most partners of a simulated alliance (uniform)."""
FULL = SimpleNamespace(groups=(3, 5, 10, 25), healthy=300, planted=100)
QUICK = SimpleNamespace(groups=(5,), healthy=30, planted=5)
TARGET_FALSE_ALARM = 0.05
TARGET_ANY = 0.10
TARGET_DETECTION = 0.80
TARGET_GROUP = 5
"""Detection must reach its target at this many respondents per partner."""
HEALTHY = "healthy"


@dataclass(frozen=True)
class Outcome:
    """What one simulated alliance gave: problem strengths, page one, rules not judged, and timing.

    ``indicators`` and ``others`` (the findings that are not problems) are
    kept so ``--load`` can re-judge the rules without running the analysis again.
    """

    spec: Spec
    strengths: dict[str, float]
    top: tuple[str, ...]
    not_judged: tuple[str, ...]
    simulate_s: float
    analyse_s: float
    indicators: dict[str, IndicatorValue]
    others: tuple[found.Finding, ...]
    settings: Settings


# -- which alliances ------------------------------------------------------------------


def seed_of(seeds: str, group: int, condition: str, index: int) -> int:
    """A stable seed for one alliance: its seed set, group size, condition and number."""
    seq = np.random.SeedSequence([SEED_SETS[seeds], group, zlib.crc32(condition.encode()), index])
    return int(seq.generate_state(1)[0])


def specs(seeds: str, groups: Iterable[int], healthy: int, planted: int, problems: Sequence[str]) -> list[Spec]:
    """Every alliance of a run: per group size ``healthy`` healthy ones and ``planted`` per problem."""
    out = []
    for group in groups:
        for condition, count in [(HEALTHY, healthy), *((p, planted) for p in problems)]:
            for i in range(count):
                seed = seed_of(seeds, group, condition, i)
                partners = int(np.random.default_rng(seed).integers(PARTNERS[0], PARTNERS[1] + 1))
                out.append(Spec(partners, group, None if condition == HEALTHY else condition, seed))
    return out


# -- running ------------------------------------------------------------------------

_STATE: dict[str, object] = {}


def _setup(freeze: bool = True) -> None:
    """Load the questionnaire and knowledge base once per process.

    With ``freeze`` (the script and its worker processes, not a test calling
    ``run``) everything loaded so far is moved out of the garbage collector's
    sight, so the many short-lived answers of each alliance do not make every
    collection walk the long-lived objects again.
    """
    from samenspel.instrument import load_instrument
    from samenspel.knowledge import load_knowledge

    _STATE["instrument"] = load_instrument()
    _STATE["kb"] = load_knowledge()
    if freeze:
        gc.collect()
        gc.freeze()


def run_one(spec: Spec) -> Outcome:
    """Simulate one alliance and run the real pipeline on it: ``analyse`` then ``read``."""
    from samenspel.analysis import analyse
    from samenspel.reading import read

    if not _STATE:
        _setup(freeze=False)
    instrument, kb = _STATE["instrument"], _STATE["kb"]
    t0 = time.perf_counter()
    responses = simulate(instrument, spec)  # type: ignore[arg-type]
    t1 = time.perf_counter()
    diagnosis = analyse(responses, instrument, kb)  # type: ignore[arg-type]
    reading = read(diagnosis, kb)  # type: ignore[arg-type]
    t2 = time.perf_counter()
    return Outcome(spec, {p.id: p.strength for p in diagnosis.problems}, tuple(f.id for f in reading.top),
                   tuple(diagnosis.not_judged), t1 - t0, t2 - t1, dict(diagnosis.indicators),
                   tuple(f for f in reading.findings if f.kind != "problem"), diagnosis.settings)


PROGRESS = 250
"""A line on stderr after every this many alliances, so a long run shows it is alive."""


def run(todo: Sequence[Spec], jobs: int, freeze: bool = False) -> list[Outcome]:
    """Every alliance of ``todo``, in order; with ``jobs`` > 1 in that many processes (see ``_setup``)."""
    t0 = time.perf_counter()

    def noted(results: Iterable[Outcome]) -> list[Outcome]:
        out = []
        for k, o in enumerate(results, start=1):
            out.append(o)
            if k % PROGRESS == 0:
                print(f"  {k}/{len(todo)} alliances, {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        return out

    if jobs <= 1:
        _setup(freeze)
        return noted(map(run_one, todo))
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_setup) as pool:
        return noted(pool.imap(run_one, todo, chunksize=4))


def rejudge(o: Outcome) -> Outcome:
    """The outcome with the rules as they are now, from the saved indicators (``--load``).

    Page one is ranked again by ``reading.findings`` from the new problems and
    the saved other findings: the same order as ``read`` gives, because the
    ranking is a stable sort and the other findings do not depend on the rules.
    """
    judged = judge(o.indicators, o.settings, [])
    stub = SimpleNamespace(problems=judged.found, settings=o.settings, domains={}, signals={}, scales={})
    ranked = found.rank(found.problems(stub) + list(o.others))  # type: ignore[arg-type]
    top = tuple(f.id for f in found.page_one(ranked))
    return Outcome(o.spec, {p.id: p.strength for p in judged.found}, top, tuple(judged.not_judged),
                   o.simulate_s, o.analyse_s, o.indicators, o.others, o.settings)


# -- the tables -----------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    hits: int
    n: int

    @property
    def share(self) -> float | None:
        return self.hits / self.n if self.n else None

    def text(self, markdown: bool = False, target: float | None = None, above: bool = False) -> str:
        """As a percentage; in markdown a miss of the target is marked with a dagger."""
        if not self.n:
            return "-"
        share = self.hits / self.n
        cell = f"{100 * share:.1f}%"
        if markdown and target is not None and (share < target if above else share > target):
            cell += " †"
        return cell


def strong(o: Outcome, problem: str, level: float) -> bool:
    return o.strengths.get(problem, 0.0) >= level


def false_alarms(outcomes: Sequence[Outcome], rule: str, group: int, level: float) -> Rate:
    healthy = [o for o in outcomes if o.spec.problem is None and o.spec.group == group]
    return Rate(sum(strong(o, rule, level) for o in healthy), len(healthy))


def any_alarm(outcomes: Sequence[Outcome], group: int, level: float) -> Rate:
    healthy = [o for o in outcomes if o.spec.problem is None and o.spec.group == group]
    return Rate(sum(any(s >= level for s in o.strengths.values()) for o in healthy), len(healthy))


def detection(outcomes: Sequence[Outcome], problem: str, group: int, level: float) -> Rate:
    cell = [o for o in outcomes if o.spec.problem == problem and o.spec.group == group]
    return Rate(sum(strong(o, problem, level) and f"problem:{problem}" in o.top for o in cell), len(cell))


def not_judged(outcomes: Sequence[Outcome], problem: str, group: int) -> Rate:
    cell = [o for o in outcomes if o.spec.problem == problem and o.spec.group == group]
    return Rate(sum(problem in o.not_judged for o in cell), len(cell))


def tables(outcomes: Sequence[Outcome], markdown: bool = False) -> str:
    """The false-alarm, detection and not-judged tables, as text or markdown."""
    from samenspel.analysis.rules import RULES

    level = Settings().strong_problem
    groups = sorted({o.spec.group for o in outcomes})
    planted = [r.problem for r in RULES if any(o.spec.problem == r.problem for o in outcomes)]
    healthy_n = {g: any_alarm(outcomes, g, level).n for g in groups}
    out: list[str] = []

    def table(title: str, head: str, rows: list[tuple[str, list[str]]], n_row: list[str]) -> None:
        if markdown:
            out.append(f"{title}\n")
            out.append(f"| {head} | " + " | ".join(f"{g} per partner" for g in groups) + " |")
            out.append("|---|" + "---:|" * len(groups))
            out.extend(f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows)
            out.append("| *alliances (n)* | " + " | ".join(n_row) + " |")
        else:
            out.append(title)
            out.append(f"  {head:<28}" + "".join(f"{g:>10}" for g in groups))
            out.extend(f"  {name:<28}" + "".join(f"{c:>10}" for c in cells) for name, cells in rows)
            out.append(f"  {'n (alliances)':<28}" + "".join(f"{c:>10}" for c in n_row))
        out.append("")

    if any(healthy_n.values()):
        rows = [(f"`{r.problem}`" if markdown else r.problem,
                 [false_alarms(outcomes, r.problem, g, level).text(markdown, TARGET_FALSE_ALARM) for g in groups])
                for r in RULES]
        rows.append(("**any problem**" if markdown else "any problem",
                     [any_alarm(outcomes, g, level).text(markdown, TARGET_ANY) for g in groups]))
        table(f"False alarms: healthy alliances with the problem at strength >= {level} "
              f"(targets: <= {TARGET_FALSE_ALARM:.0%} per rule, <= {TARGET_ANY:.0%} any problem)",
              "rule", rows, [str(healthy_n[g]) for g in groups])
    if planted:
        def det(p: str, g: int) -> str:
            return detection(outcomes, p, g, level).text(markdown, TARGET_DETECTION if g == TARGET_GROUP else None,
                                                        above=True)

        rows = [(f"`{p}`" if markdown else p, [det(p, g) for g in groups]) for p in planted]
        n_row = [str(min(detection(outcomes, p, g, level).n for p in planted)) for g in groups]
        table(f"Detection: planted problem at strength >= {level} and on page one "
              f"(target: >= {TARGET_DETECTION:.0%} at {TARGET_GROUP} per partner)", "planted problem", rows, n_row)
        rows = [(f"`{p}`" if markdown else p, [not_judged(outcomes, p, g).text() for g in groups]) for p in planted]
        table("Not judged: planted problem, rule without enough answers for its sign", "planted problem", rows, n_row)
    return "\n".join(out)


def speed(outcomes: Sequence[Outcome], wall: float, jobs: int) -> str:
    """Alliances per second overall, and the mean seconds per alliance by group size."""
    lines = [f"{len(outcomes)} alliances in {wall:.1f} s with {jobs} process(es): "
             f"{len(outcomes) / wall:.2f} alliances per second"]
    for g in sorted({o.spec.group for o in outcomes}):
        cell = [o for o in outcomes if o.spec.group == g]
        lines.append(f"  {g:>2} per partner: simulate {np.mean([o.simulate_s for o in cell]):.2f} s, "
                     f"analyse + read {np.mean([o.analyse_s for o in cell]):.2f} s per alliance")
    return "\n".join(lines)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", choices=sorted(SEED_SETS), default="report",
                    help="tune: the seeds thresholds are set on; report: the seeds of the published table")
    ap.add_argument("--quick", action="store_true", help="CI-sized: one group size, few alliances, one process")
    ap.add_argument("--markdown", action="store_true", help="print the tables as docs/RULES.md shows them")
    ap.add_argument("--jobs", type=int, help="processes (default: 2 in the full mode, 1 with --quick)")
    ap.add_argument("--groups", help="respondents per partner, comma-separated (default 3,5,10,25; quick 5)")
    ap.add_argument("--healthy", type=int, help="healthy alliances per group size")
    ap.add_argument("--planted", type=int, help="alliances per planted problem and group size")
    ap.add_argument("--problems", help="planted problems, comma-separated (default: all ten)")
    ap.add_argument("--save", type=Path, help="keep the outcomes (indicators and findings) in this file")
    ap.add_argument("--load", type=Path, help="re-judge saved outcomes with the rules as they are now")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None, *, freeze: bool = True) -> int:
    """The script; ``freeze=False`` leaves the calling process's garbage collector alone (tests)."""
    args = parse(argv)
    mode = QUICK if args.quick else FULL
    if args.load:
        with args.load.open("rb") as fh:
            saved = pickle.load(fh)
        outcomes = [rejudge(o) for o in saved["outcomes"]]
        args.seeds, wall, jobs = saved["seeds"], 0.0, 0
        print(f"Re-judged {len(outcomes)} saved alliances from {args.load} with the current rules.\n")
    else:
        groups = tuple(int(g) for g in args.groups.split(",")) if args.groups else mode.groups
        problems = args.problems.split(",") if args.problems else list(PLANTS)
        unknown = set(problems) - set(PLANTS)
        if unknown:
            raise SystemExit(f"unknown problem(s): {', '.join(sorted(unknown))}")
        todo = specs(args.seeds, groups, mode.healthy if args.healthy is None else args.healthy,
                     mode.planted if args.planted is None else args.planted, problems)
        jobs = args.jobs or (1 if args.quick else min(2, os.cpu_count() or 1))
        t0 = time.perf_counter()
        outcomes = run(todo, jobs, freeze)
        wall = time.perf_counter() - t0
        if args.save:
            with args.save.open("wb") as fh:
                pickle.dump({"seeds": args.seeds, "outcomes": outcomes}, fh)
    if not args.markdown:
        print(f"Rules calibration, seeds {args.seeds}: {len(outcomes)} simulated alliances of "
              f"{PARTNERS[0]}-{PARTNERS[1]} partners\n")
    print(tables(outcomes, args.markdown))
    if wall:
        print(speed(outcomes, wall, jobs))
    return 0


if __name__ == "__main__":
    # Run as the module ``rules_calibration``, not ``__main__``: pickle names a class by its module,
    # so outcomes saved with --save load again from any script or test.
    import rules_calibration

    raise SystemExit(rules_calibration.main())
