"""A report from little data: one round, only the five domains (no phase, trust, paradoxes or network)."""

from __future__ import annotations

from report_constants import DAY

from samenspel.analysis import analyse
from samenspel.reading import read
from samenspel.report import build_report
from samenspel.reading.labels import L
from samenspel.responses.model import ResponseSet


def test_report_of_domains_only(responses, instrument, kb):
    first = responses.rounds()[0]
    domain_items = {it.id for it in instrument.items if it.construct.startswith("domain:")}
    sparse = ResponseSet(tuple(a for a in responses.answers if a.round == first and a.item in domain_items))
    diagnosis = analyse(sparse, instrument, kb)
    assert diagnosis.network is None and diagnosis.trend is None
    assert diagnosis.phase is None or diagnosis.phase.modal is None
    for lang in ("nl", "en"):
        doc = build_report(read(diagnosis, kb), kb, lang=lang, fmt="html", instrument=instrument, day=DAY)
        for key in ("no_network", "no_trend", "no_phase", "no_trust", "domains"):
            assert L[key].get(lang) in doc, key
        assert L["paradoxes"].get(lang) not in doc
