"""Constants shared by the response tests (a plain module: conftest names clash across test folders)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "bad"
HEADER = "alliance,round,respondent,partner,item,value"
