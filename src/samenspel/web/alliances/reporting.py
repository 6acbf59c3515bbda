"""The steering-group report of a round, from the web app's rows.

The report package does the work (``samenspel.report.render_html`` /
``render_pdf``); this module only feeds it the round's cached reading
(``diagnosis.reading_for``, which holds the alliance's names and the response
rates from the personal links made per partner).
"""

from __future__ import annotations

from django.db.models import Count

from samenspel.web.alliances import survey
from samenspel.web.alliances.models import MeasurementRound


def invited(rnd: MeasurementRound) -> dict[str, int] | None:
    """People invited per partner, if personal links were made in this round: the links, plus the
    respondents who came in through an import (they were invited elsewhere), so that a rate never
    compares imported answers with a handful of links."""
    if not rnd.respondents.exclude(nonce="").exists():
        return None
    rows = rnd.respondents.values("partner__code").annotate(n=Count("id"))
    return {r["partner__code"]: r["n"] for r in rows}


def report_html(rnd: MeasurementRound, lang: str) -> str | None:
    """The self-contained HTML report of ``rnd`` in ``lang``, or None while the round has no answers."""
    from samenspel.knowledge import load_knowledge
    from samenspel.report import Options, render_html
    from samenspel.web.alliances.diagnosis import reading_for

    reading = reading_for(rnd)
    if reading is None:
        return None
    from samenspel.web.steering import report_part

    return render_html(reading, load_knowledge(), options=Options(lang=lang),
                       instrument=survey.round_questionnaire(rnd), steering=report_part.for_report(rnd, lang))


def report_pdf(rnd: MeasurementRound, lang: str) -> bytes | None:
    """The A4 PDF of the report (slow: seconds; run it as a background task)."""
    from samenspel.report import render_pdf

    html = report_html(rnd, lang)
    return None if html is None else render_pdf(html)
