"""A synthetic demo alliance to try Samenspel without real data (pure: returns answers, writes nothing)."""

from __future__ import annotations

from samenspel.demo.alliance import ALLIANCE_ID, ALLIANCE_NAME, PARTNERS, ROUNDS
from samenspel.demo.generator import make_demo
from samenspel.demo.texts import README
from samenspel.responses.model import ResponseSet

__all__ = ["ALLIANCE_ID", "ALLIANCE_NAME", "PARTNERS", "ROUNDS", "demo_readme", "make_demo"]


def demo_readme(responses: ResponseSet, seed: int = 7) -> str:
    """A short README (English and Dutch) describing the demo alliance and its files."""
    rows = []
    for partner in responses.partners():
        counts = [
            len({a.respondent for a in responses.for_round(r).answers if a.partner == partner})
            for r in responses.rounds()
        ]
        rows.append(f"| {partner} | {' / '.join(str(c) for c in counts)} |")
    return README.format(seed=seed, alliance=ALLIANCE_ID, table="\n".join(rows), n_answers=len(responses.answers))
