"""What steering adds to a round's report: the previous round's decisions on page one, own goals in the trend.

The report package stays free of the web app: it gets these blocks already
worded in the report's language (``report.render_html(steering=...)``).
"""

from __future__ import annotations

from typing import Any

from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.steering import goals
from samenspel.web.steering.outcome import last_time


def _say(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def for_report(rnd: MeasurementRound, lang: str) -> dict[str, Any]:
    rows = goals.for_round(rnd, lang)
    own = {"title": _say(lang, "Eigen doelen en indicatoren", "Own goals and indicators"),
           "intro": _say(lang, "Eén getal per ronde, door de begeleider ingevuld: de verandering is de kale "
                               "verandering en is niet getoetst.",
                         "One number per round, entered by the facilitator: the change is the raw change and is "
                         "not tested."),
           "goal": _say(lang, "Doel", "Goal"), "rows": rows} if rows else None
    return {"last_time": last_time(rnd, lang), "goals": own}
