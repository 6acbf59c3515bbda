"""The demo tests use the toy questionnaire of tests/responses as well as the real one."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "responses"))
