"""Time the partner network: build + measure + SVG for 30 partners (25 respondents each),
and build + measure for a network-wide programme of 1,000 organisations that each rate
about 20 others (3 respondents each). Run: .venv/bin/python benchmarks/network_bench.py
"""

from __future__ import annotations

import random
import time

from samenspel.network import build_networks, measure
from samenspel.render.picture import render_svg
from samenspel.responses.model import Answer

ITEMS = {"rel_trust": ("trust", 1.0, 5.0), "rel_dep": ("dependency", 1.0, 5.0),
         "rel_infl": ("influence", 1.0, 5.0), "rel_exch": ("exchange", 1.0, 5.0)}  # fmt: skip


def alliance(n_partners: int, respondents: int, rated: int | None, seed: int) -> tuple[list[Answer], list[str], dict[str, str]]:
    """Random answers; ``rated`` others per organisation (None: all), 5% left empty."""
    rng = random.Random(seed)
    partners = [f"org{i:04d}" for i in range(n_partners)]
    camp = {p: rng.randrange(3) for p in partners}
    out: list[Answer] = []
    who: dict[str, str] = {}
    for p in partners:
        others = [q for q in partners if q != p]
        targets = others if rated is None else rng.sample(others, rated)
        for k in range(respondents):
            resp = f"{p}-{k}"
            who[resp] = p
            for t in targets:
                for item in ITEMS:
                    if rng.random() < 0.05:
                        value = None
                    else:
                        base = 4 if camp[p] == camp[t] else 2
                        value = float(min(5, max(1, base + rng.choice((-1, 0, 0, 1)))))
                    out.append(Answer("bench", "r1", resp, p, item, value, target=t))
    return out, partners, who


def timed(label: str, fn):
    """Run ``fn``; print wall-clock and CPU seconds (CPU is steadier on a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"{label:<40} {time.perf_counter() - start:7.2f} s wall {time.process_time() - cpu:7.2f} s cpu")
    return result


def main() -> None:
    ans, partners, who = alliance(30, 25, None, 1)
    print(f"30 partners x 25 respondents: {len(ans)} answers")
    t0, c0 = time.perf_counter(), time.process_time()
    nets = timed("  build_networks", lambda: build_networks(ans, ITEMS, partners, who))
    res = timed("  measure", lambda: measure(nets))
    svg = timed("  render_svg (trust)", lambda: render_svg(res))
    print(f"  total build + measure + svg {time.perf_counter() - t0:19.2f} s wall "
          f"{time.process_time() - c0:7.2f} s cpu (svg {len(svg) // 1024} KiB)")

    ans, partners, who = alliance(1000, 3, 20, 2)
    print(f"1,000 organisations, each rating 20 others, 3 respondents each: {len(ans)} answers")
    t0, c0 = time.perf_counter(), time.process_time()
    nets = timed("  build_networks", lambda: build_networks(ans, ITEMS, partners, who))
    res = timed("  measure", lambda: measure(nets))
    print(f"  total build + measure {time.perf_counter() - t0:25.2f} s wall {time.process_time() - c0:7.2f} s cpu")
    print(f"  trust ties {res.dimensions['trust'].ties}, communities {len(res.communities.groups)}, "
          f"modularity {res.communities.modularity:.2f}, findings {len(res.findings)}")


if __name__ == "__main__":
    main()
