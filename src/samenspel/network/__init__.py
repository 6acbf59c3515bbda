"""Relationship network between the partners of an alliance (issue 4).

Pure core: ``build_networks`` turns relation answers into one directed,
weighted graph per dimension; ``measure`` computes the measures and findings
(``NetworkResult``); ``picture.render_svg`` draws one dimension. Formulas,
thresholds and sources: docs/NETWORK.md.
"""

from __future__ import annotations

from samenspel.network.graph import DIMENSIONS, Network, Networks, Tie, build_networks, pomp
from samenspel.network.instrument import relation_items
from samenspel.network.result import NetworkResult, PartnerMeasures, measure
from samenspel.network.thresholds import THRESHOLDS_TABLE, Thresholds

__all__ = [
    "DIMENSIONS",
    "THRESHOLDS_TABLE",
    "Network",
    "NetworkResult",
    "Networks",
    "PartnerMeasures",
    "Thresholds",
    "Tie",
    "build_networks",
    "measure",
    "pomp",
    "relation_items",
]
