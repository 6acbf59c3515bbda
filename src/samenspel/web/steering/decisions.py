"""The decision list: one A4 page to send round after the meeting, made by the report's PDF machinery.

It is rendered from a Django template to self-contained HTML (styles in the
document, nothing fetched) and turned into a PDF by
``samenspel.report.render_pdf`` (WeasyPrint), like the steering-group
report. A list of a few actions takes well under a second, so it is made
while the user waits rather than as a background task.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.alliances.texts import pick
from samenspel.web.steering.forms import STATUS_LABELS


def status_label(status: str, lang: str | None = None) -> str:
    """An action's status in ``lang`` (default: the page's language; a report built in the background passes
    its own)."""
    pair = STATUS_LABELS.get(status)
    if pair is None:
        return status
    return pick(*pair) if lang is None else pair[1 if lang == "en" else 0]


def html(rnd: MeasurementRound, rows: list[dict[str, Any]], lang: str) -> str:
    return render_to_string("steering/decisions_pdf.html", {
        "alliance": rnd.alliance, "round": rnd, "actions": rows, "lang": lang, "today": timezone.localdate(),
    })


def pdf(rnd: MeasurementRound, rows: list[dict[str, Any]], lang: str) -> bytes:
    from samenspel.report import render_pdf

    return render_pdf(html(rnd, rows, lang))
