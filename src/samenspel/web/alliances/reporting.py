"""The steering-group report of a round, from the web app's rows.

The report package does the work (``samenspel.report.render_html`` /
``render_pdf``); this module only feeds it what the database knows: the
cached diagnosis JSON, the network picture, the alliance's display name and
how many people got a personal link per partner (for response rates).
"""

from __future__ import annotations

from django.db.models import Count

from samenspel.web.alliances import survey
from samenspel.web.alliances.diagnosis import analysed
from samenspel.web.alliances.models import MeasurementRound


def invited(rnd: MeasurementRound) -> dict[str, int] | None:
    """People with a personal link per partner, if links were made in this round."""
    rows = rnd.respondents.exclude(nonce="").values("partner__code").annotate(n=Count("id"))
    counts = {r["partner__code"]: r["n"] for r in rows}
    return counts or None


def options(rnd: MeasurementRound, lang: str, network_svg: str | None):  # type: ignore[no-untyped-def]
    """The report options for ``rnd`` (``samenspel.report.Options``)."""
    from samenspel.report import Options

    return Options(lang=lang, title=rnd.alliance.name, invited=invited(rnd), network_svg=network_svg)


def report_html(rnd: MeasurementRound, lang: str) -> str | None:
    """The self-contained HTML report of ``rnd`` in ``lang``, or None while the round has no answers."""
    from samenspel.knowledge import load_knowledge
    from samenspel.report import render_html

    result = analysed(rnd, lang)
    if result is None:
        return None
    return render_html(result["data"], load_knowledge(), options=options(rnd, lang, result["network_svg"]),
                       instrument=survey.round_questionnaire(rnd))


def report_pdf(rnd: MeasurementRound, lang: str) -> bytes | None:
    """The A4 PDF of the report (slow: seconds; run it as a background task)."""
    from samenspel.report import render_pdf

    html = report_html(rnd, lang)
    return None if html is None else render_pdf(html)
