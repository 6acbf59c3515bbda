"""Settings of the analysis: one table of (name, default, help).

The table feeds the ``Settings`` dataclass, the CLI help and docs/ANALYSIS.md;
a test checks that every setting is documented there.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from samenspel.errors import SamenspelError

#: (name, default, help) for every setting; the single source of truth.
SETTINGS_TABLE: tuple[tuple[str, object, str], ...] = (
    ("min_group", 3, "Minimum respondents before a partner's or role's figures are shown (privacy)."),
    ("min_item_share", 0.5, "Share of a scale's items a person must answer to get a scale score."),
    ("min_n_reliability", 10, "Below this many complete answers reliability is reported with a warning."),
    ("alpha_low", 0.7, "Cronbach's alpha or omega below this gets a warning."),
    ("quadrant_cut", 50.0, "Cut (0-100) between low and high trust and formal overlap (002 fig. 2)."),
    ("governance_margin", 10.0, "Points relational and field uncertainty must differ before advising control or trust."),
    ("lean_margin", 10.0, "Points away from the middle (50) before a paradox leans to a pole."),
    ("top_items", 5, "How many items with the largest between-partner differences to list."),
    ("factor_share", 0.33, "Share of respondents ticking a failure factor or success condition before it is listed."),
    ("strong_problem", 0.5, "Problem strength from which a problem is a clear signal (page one); calibrated, docs/RULES.md."),
    ("notable_problem", 0.25, "Problem strength from which a problem is listed as a weak signal to keep an eye on; weaker ones are not reported."),
    ("min_evidence_n", 5, "Fewest answers behind an indicator before a rule may count it (docs/RULES.md, evidence minimums)."),
    ("min_evidence_partners", 2, "Fewest partners those answers must come from."),
    ("min_important_change", 5.0, "Smallest change (points on 0-100) a trend must show, besides passing its test, to be called meaningful."),
    ("test_level", 0.05, "Significance level of the tests (differences between partners, trends, network asymmetries)."),
)


@dataclass(frozen=True)
class Settings:
    """Knobs of the analysis; defaults are the documented ones in ``SETTINGS_TABLE``."""

    min_group: int = 3
    min_item_share: float = 0.5
    min_n_reliability: int = 10
    alpha_low: float = 0.7
    quadrant_cut: float = 50.0
    governance_margin: float = 10.0
    lean_margin: float = 10.0
    top_items: int = 5
    factor_share: float = 0.33
    strong_problem: float = 0.5
    notable_problem: float = 0.25
    min_evidence_n: int = 5
    min_evidence_partners: int = 2
    min_important_change: float = 5.0
    test_level: float = 0.05

    def __post_init__(self) -> None:
        if self.min_group < 1:
            raise SamenspelError(f"minimum group size must be at least 1, not {self.min_group}")
        if not 0 < self.min_item_share <= 1:
            raise SamenspelError(f"min_item_share must be in (0, 1], not {self.min_item_share}")


def _check_table() -> None:
    names = [f.name for f in fields(Settings)]
    if names != [row[0] for row in SETTINGS_TABLE]:
        raise RuntimeError("Settings and SETTINGS_TABLE disagree")  # a developer's error
    for f, (_, default, _) in zip(fields(Settings), SETTINGS_TABLE):
        if f.default != default:
            raise RuntimeError(f"default of {f.name} differs from SETTINGS_TABLE")


_check_table()
