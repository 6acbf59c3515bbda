"""How long does reading and validating a large response file take?

A big alliance: 12 partners x 25 respondents, the full questionnaire
(relation items once per other partner), two rounds, written as the standard
CSV and as XLSX; each is read and validated five times and the best wall-clock
and CPU times are printed (the machine is shared, so the best is the most
telling). The answers read back must equal those written. Run:
``.venv/bin/python benchmarks/import_bench.py``.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date
from pathlib import Path

from samenspel.instrument import load_instrument
from samenspel.instrument.model import Instrument, Item
from samenspel.responses.model import Answer, ResponseSet, Value
from samenspel.responses.reader import read_responses
from samenspel.responses.writer import to_csv, to_xlsx

PARTNERS = 12
RESPONDENTS = 25
ROUNDS = (("r1", date(2025, 3, 1)), ("r2", date(2025, 9, 1)))


def _value(item: Item, rng: random.Random) -> Value:
    if rng.random() < 0.05:
        return None
    if item.type == "text":
        return "Een open antwoord, met komma's; en \"aanhalingstekens\"."
    if item.type == "choice":
        return float(rng.choice(item.options).value)
    return float(rng.randint(item.min or 0, item.max or 1))


def big_alliance(instrument: Instrument, seed: int = 1) -> ResponseSet:
    rng = random.Random(seed)
    partners = [f"Partner {p + 1:02d}" for p in range(PARTNERS)]
    answers = []
    for round_id, round_date in ROUNDS:
        for p, partner in enumerate(partners):
            for r in range(RESPONDENTS):
                respondent = f"p{p + 1:02d}-r{r + 1:02d}"
                for item in instrument.items:
                    targets = [t for t in partners if t != partner] if item.type == "relation" else [None]
                    for target in targets:
                        answers.append(
                            Answer("bench", round_id, respondent, partner, item.id, _value(item, rng),
                                   "staff", target, round_date, "nl")
                        )  # fmt: skip
    return ResponseSet(tuple(answers))


def best_of(n: int, path: Path, instrument: Instrument, expected: ResponseSet) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``n`` reads; each read must give back ``expected``."""
    walls, cpus = [], []
    for _ in range(n):
        wall, cpu = time.perf_counter(), time.process_time()
        read = read_responses(path, instrument)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        if read.answers != expected.answers:
            raise SystemExit(f"{path.name}: the answers read back differ from those written")
    return min(walls), min(cpus)


def main() -> None:
    instrument = load_instrument()
    responses = big_alliance(instrument)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, xlsx_path = Path(tmp) / "big.csv", Path(tmp) / "big.xlsx"
        csv_path.write_text(to_csv(responses), encoding="utf-8")
        xlsx_path.write_bytes(to_xlsx(responses))
        print(
            f"{PARTNERS} partners x {RESPONDENTS} respondents x {len(instrument.items)} items x {len(ROUNDS)} rounds"
            f" = {len(responses.answers)} answers"
        )
        for path in (csv_path, xlsx_path):
            seconds, cpu = best_of(5, path, instrument, responses)
            size = path.stat().st_size / 1e6
            print(f"read+validate {path.suffix[1:]:4} {size:5.1f} MB: {seconds:.2f} s, CPU {cpu:.2f} s (best of 5)")


if __name__ == "__main__":
    main()
