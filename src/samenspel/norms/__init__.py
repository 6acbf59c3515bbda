"""Norms: how an alliance compares with other alliances (issue 16), without sharing anyone's answers.

Pure core, no Django and no file formats: ``profile`` turns one published
diagnosis into an alliance-level :class:`Profile`; ``norms`` turns many
profiles into a :class:`NormSet` (quartiles per measure and comparable group,
under minimum-group and differencing rules, docs/NORMS.md); ``placement`` says
where one alliance stands against a norm group. ``normfile`` (open norm files)
and ``national`` (DuckDB over many response files) are the adapters.
"""

from samenspel.norms.norms import NormGroup, NormRow, NormSet, build_norms
from samenspel.norms.placement import Placement, place
from samenspel.norms.profile import PROFILE_VERSION, Profile, profile_of

__all__ = ["PROFILE_VERSION", "NormGroup", "NormRow", "NormSet", "Placement", "Profile", "build_norms", "place",
           "profile_of"]
