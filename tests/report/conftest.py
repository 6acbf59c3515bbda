"""Shared fixtures: a demo alliance with one small partner, its diagnosis, and the reports rendered once.

The small partner is the demo's largest partner, cut back to two respondents
in every round and renamed to a name found nowhere else, so a leak of its
figures cannot hide behind a name that also appears elsewhere.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from samenspel.analysis import Settings, analyse  # noqa: E402
from samenspel.demo import make_demo  # noqa: E402
from samenspel.instrument import load_instrument  # noqa: E402
from samenspel.knowledge import load_knowledge  # noqa: E402
from samenspel.reading import read  # noqa: E402
from samenspel.report import build_report  # noqa: E402
from samenspel.responses.model import ResponseSet  # noqa: E402

from report_constants import DAY, SMALL  # noqa: E402,F401


def with_small_partner(responses: ResponseSet, keep: int = 2) -> tuple[ResponseSet, str]:
    """Cut the largest partner back to ``keep`` respondents per round and rename it to ``SMALL``."""
    counts: dict[str, set[str]] = {}
    for a in responses.answers:
        counts.setdefault(a.partner, set()).add(a.respondent)
    largest = max(counts, key=lambda p: len(counts[p]))
    kept: dict[str, list[str]] = {}
    for a in responses.answers:
        if a.partner == largest:
            ids = kept.setdefault(a.round, [])
            if a.respondent not in ids and len(ids) < keep:
                ids.append(a.respondent)
    answers = []
    for a in responses.answers:
        if a.partner == largest and a.respondent not in kept[a.round]:
            continue
        answers.append(a._replace(
            partner=SMALL if a.partner == largest else a.partner,
            target=SMALL if a.target == largest else a.target))
    return ResponseSet(tuple(answers), responses.source), largest


@pytest.fixture(scope="session")
def instrument():
    return load_instrument()


@pytest.fixture(scope="session")
def kb():
    return load_knowledge()


@pytest.fixture(scope="session")
def responses(instrument):
    rs, _ = with_small_partner(make_demo(7, instrument))
    return rs


@pytest.fixture(scope="session")
def diagnosis(responses, instrument, kb):
    return analyse(responses, instrument, kb, settings=Settings(min_group=3))


@pytest.fixture(scope="session")
def reading(diagnosis, kb):
    return read(diagnosis, kb)


@pytest.fixture(scope="session")
def html(reading, kb, instrument):
    return {lang: build_report(reading, kb, lang=lang, fmt="html", instrument=instrument, day=DAY)
            for lang in ("nl", "en")}


@pytest.fixture(scope="session")
def pdf(reading, kb, instrument, tmp_path_factory):
    """Each language rendered to PDF once; the bytes, the file and its text (pdftotext -layout)."""
    out = {}
    folder = tmp_path_factory.mktemp("pdf")
    for lang in ("nl", "en"):
        data = build_report(reading, kb, lang=lang, fmt="pdf", instrument=instrument, day=DAY)
        path = folder / f"report-{lang}.pdf"
        path.write_bytes(data)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
        info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
        out[lang] = {"bytes": data, "path": path, "text": text, "info": info}
    return out
