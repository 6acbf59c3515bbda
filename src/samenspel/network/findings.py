"""Plain facts about the network, with their numbers, that a diagnosis can cite.

A finding is a kind, the partners it is about and its numbers; the reading
layer words it (``samenspel.reading.labels``, keys ``net_<kind>``), so a
renderer can name partners by their display names. The patterns they point at
come from seed 001 §8.4 (sluimerend machtsspel, hardnekkig vijandbeeld; titles
only) and seed 000 Tabel 2 (imbalance of power, stereotyping and exclusion of
partners).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: The kinds of finding, in the order they are listed.
KINDS: tuple[str, ...] = ("dominant_partner", "camps", "distrusted", "asymmetric_dependency", "discordant",
                          "isolated", "peripheral", "broker")


@dataclass(frozen=True)
class Finding:
    id: str  # stable, e.g. "dominant_partner", "asymmetric_dependency:A:B"
    kind: str  # one of KINDS
    partners: tuple[str, ...]
    numbers: Mapping[str, float | None]
    groups: tuple[tuple[str, ...], ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)  # codes filled in, e.g. the dimension

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "partners": list(self.partners),
            "numbers": {k: (None if v is None else round(v, 3)) for k, v in self.numbers.items()},
            "groups": [list(g) for g in self.groups],
            "extra": dict(self.extra),
        }
