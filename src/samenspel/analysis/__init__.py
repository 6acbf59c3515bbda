"""The analysis engine: responses + questionnaire + knowledge base in, a frozen Diagnosis out.

Pure: no files, no printing. See docs/ANALYSIS.md (what is computed) and
docs/RULES.md (the problem rules).
"""

from __future__ import annotations

from samenspel.analysis.diagnosis import Diagnosis
from samenspel.analysis.engine import analyse
from samenspel.analysis.settings import SETTINGS_TABLE, Settings

__all__ = ["SETTINGS_TABLE", "Diagnosis", "Settings", "analyse"]
