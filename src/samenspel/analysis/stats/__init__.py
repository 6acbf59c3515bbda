"""Statistics of the analysis engine: pure numpy/scipy, NaN for missing answers.

Every function documents its formula and reference and never crashes on too
little data: it returns NaN (and, for the result objects, a `warning`
string). Tests compare each one with a published table or an independent
implementation (tests/analysis/stats/, data in tests/reference/).
"""

from .agreement import (
    SHROUT_FLEISS_FORMS,
    GroupICC,
    icc_groups,
    rwg,
    rwg_j,
    shrout_fleiss,
    uniform_null_variance,
)
from .change import Change, independent_change, paired_change
from .divergence import ETA2_MEDIUM, MIN_GROUP_SIZE, MIN_GROUPS, P_LEVEL, OneWay, one_way
from .polarisation import polarisation, vde_agreement
from .reliability import ALPHA_LOW, Alpha, Omega, cronbach_alpha, mcdonald_omega

__all__ = [
    "ALPHA_LOW",
    "ETA2_MEDIUM",
    "MIN_GROUPS",
    "MIN_GROUP_SIZE",
    "P_LEVEL",
    "SHROUT_FLEISS_FORMS",
    "Alpha",
    "Change",
    "GroupICC",
    "Omega",
    "OneWay",
    "cronbach_alpha",
    "icc_groups",
    "independent_change",
    "mcdonald_omega",
    "one_way",
    "paired_change",
    "polarisation",
    "rwg",
    "rwg_j",
    "shrout_fleiss",
    "uniform_null_variance",
    "vde_agreement",
]
