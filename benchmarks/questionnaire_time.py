"""How long a respondent takes: a scripted respondent walks the real web pages on a virtual clock.

The reading-and-answering model of docs/INSTRUMENT.md ("Time estimate") is
applied to what the web app actually shows, not to the questionnaire data: the
respondent opens the personal link, reads every new piece of text on each page
(a heading, an introduction, a question, an option; a label seen before, such as
the agree scale on every statement, is not read again) at
``WORDS_PER_MINUTE``, answers every question (``ANSWER_SECONDS`` by item type,
one rating per other partner in the grid), turns the page (``PAGE_SECONDS``),
and finally glances over the review page and submits. No real waiting: the
clock is a number. The app runs in-process (Django test client) on a fresh
SQLite database in a temporary directory, for an alliance of six partners.

Prints, per questionnaire (the pulse, the default full round for each phase,
every module) and language: simulated minutes, the documented estimate for
comparison, and whether "about N minutes left" on each page agrees with the
clock within a minute. Exit code 1 when the default full round takes more than
15 simulated minutes or the pulse more than 5.

    .venv/bin/python benchmarks/questionnaire_time.py
    .venv/bin/python benchmarks/questionnaire_time.py --partners 8 --verbose
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

LIMITS = {"pulse": 5 * 60, "default": 15 * 60}


class VisibleText(HTMLParser):
    """Text fragments a reader sees inside <main>: one per element, hidden ones (class vh, the hidden attribute,
    script) left out."""

    BLOCKS = {"h1", "h2", "h3", "p", "legend", "label", "th", "td", "dt", "dd", "li", "span", "small",
              "strong", "button", "a", "em", "div", "section", "fieldset", "summary", "textarea"}

    def __init__(self) -> None:
        super().__init__()
        self.in_main = 0
        self.hidden: list[bool] = []
        self.fragments: list[str] = []
        self.buffer: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.fragments.append(text)
        self.buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.in_main += 1
        classes = (dict(attrs).get("class") or "").split()
        hidden_attr = "hidden" in dict(attrs) or dict(attrs).get("aria-hidden") == "true"
        hide = (tag in ("script", "style", "progress") or "vh" in classes or hidden_attr
                or bool(self.hidden and self.hidden[-1]))
        if tag not in ("input", "br", "meta", "link", "img"):
            self._flush()
            self.hidden.append(hide)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("input", "br", "meta", "link", "img"):
            return
        self._flush()
        if self.hidden:
            self.hidden.pop()
        if tag == "main":
            self.in_main -= 1

    def handle_data(self, data: str) -> None:
        if self.in_main and not (self.hidden and self.hidden[-1]):
            self.buffer.append(data)


def fragments(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    parser._flush()
    return parser.fragments


@dataclass
class Clock:
    """The respondent's virtual clock, and what they have read so far."""

    seconds: float = 0.0
    seen: set[str] = field(default_factory=set)
    log: list[tuple[str, float]] = field(default_factory=list)

    def read(self, html: str) -> None:
        from samenspel.instrument.duration import WORDS_PER_MINUTE, words

        for text in fragments(html):
            if text not in self.seen:
                self.seen.add(text)
                self.seconds += 60.0 * words(text) / WORDS_PER_MINUTE

    def turn_page(self) -> None:
        from samenspel.instrument.duration import PAGE_SECONDS

        self.seconds += PAGE_SECONDS


def answers_for(page_html: str, instrument, others: int) -> tuple[dict[str, str], float]:  # type: ignore[no-untyped-def]
    """What the respondent fills in on a page (a middle answer everywhere, a few words in an open question)
    and the seconds answering takes, by the item type behind each field."""
    from samenspel.instrument.duration import ANSWER_SECONDS

    data: dict[str, str] = {"nav": "next"}
    seconds = 0.0
    names = dict.fromkeys(re.findall(r'name="(i__[^"]+)"', page_html))
    for name in names:
        item = instrument.item(name.split("__")[1])
        values = re.findall(rf'name="{re.escape(name)}" value="([^"]+)"', page_html)
        values = [v for v in values if v != "dk"]
        data[name] = "Goede gesprekken tussen de partners." if item.type == "text" else values[len(values) // 2]
        seconds += ANSWER_SECONDS[item.type]
    return data, seconds


def walk(client, token: str, instrument, others: int, verbose: bool) -> tuple[float, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
    """One respondent from the link to submitting; returns simulated seconds and (shown, actual) minutes left."""
    from samenspel.web.alliances import survey

    clock = Clock()
    start = client.get(f"/r/{token}/").content.decode()
    clock.read(start)
    pages = survey.pages(instrument)
    shown: list[tuple[int, float]] = []
    for number, part in enumerate(pages, start=1):
        clock.turn_page()
        html = client.get(f"/r/{token}/p/{number}/").content.decode()
        left = re.search(r'id="time-left">\D*(\d+)', html)
        shown.append((int(left.group(1)) if left else -1, clock.seconds))
        before = clock.seconds
        clock.read(html)
        data, answering = answers_for(html, instrument, others)
        clock.seconds += answering
        data["nav"] = "next" if number < len(pages) else "review"
        response = client.post(f"/r/{token}/p/{number}/", data)
        assert response.status_code == 302, (part.id, response.status_code)
        if verbose:
            print(f"    {part.id:<14} {clock.seconds - before:6.0f} s")
    clock.turn_page()
    review = client.get(f"/r/{token}/review/").content.decode()
    # the heading and the summary line; a glance, not a reread (the counts per part follow in a table)
    clock.read(re.split(r"<section|<table", review, maxsplit=1)[0])
    clock.turn_page()
    assert client.post(f"/r/{token}/submit/").status_code == 302
    total = clock.seconds
    from samenspel.instrument.duration import to_minutes

    return total, [(minutes, to_minutes(total - at)) for minutes, at in shown]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--partners", type=int, default=6, help="partners in the alliance (default 6)")
    parser.add_argument("--verbose", action="store_true", help="seconds per page")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="samenspel-time-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'time.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from samenspel.instrument import Selection, default_selection, estimate, to_minutes
    from samenspel.instrument.selection import optional_modules
    from samenspel.knowledge import load_knowledge
    from samenspel.web.alliances import survey, tokens
    from samenspel.web.alliances.models import Alliance, MeasurementRound, Partner, Respondent

    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)
    kb = load_knowledge()
    alliance = Alliance.objects.create(name="Tijdmeting", slug="tijd")
    partners = [Partner.objects.create(alliance=alliance, code=f"P{i}", name=f"Partner {i + 1}")
                for i in range(args.partners)]
    others = args.partners - 1
    cases: list[tuple[str, str, Selection]] = [("pulse", "pulse", Selection("2.0", True))]
    cases += [("default", f"default, phase {ph or '-'}", default_selection(kb, ph)) for ph in (None, 1, 2, 3, 4)]
    every = optional_modules("2.0")
    cases.append(("all", "every module", Selection("2.0", False, every, tuple(kb.paradoxes))))
    cases.append(("1.0", "questionnaire 1.0, full", Selection("1.0")))
    client = Client()
    failed = []
    print(f"scripted respondent on a virtual clock, {args.partners} partners "
          f"(reading and answering model of docs/INSTRUMENT.md)")
    print(f"{'questionnaire':<26} {'lang':<4} {'items':>5} {'simulated':>10} {'estimate':>9}  minutes-left shown = clock")
    for kind, label, selection in cases:
        rnd = MeasurementRound.objects.create(
            alliance=alliance, code=f"r{MeasurementRound.objects.count()}", name=label, instrument=selection.key,
            short=selection.pulse, modules=list(selection.modules), paradoxes=list(selection.paradoxes))
        instrument = survey.round_questionnaire(rnd)
        for lang in ("nl", "en"):
            person = Respondent.objects.create(round=rnd, partner=partners[0], code=f"{rnd.code}-{lang}", language=lang)
            token = tokens.issue(person)
            if args.verbose:
                print(f"  {label} ({lang})")
            seconds, left = walk(client, token, instrument, others, args.verbose)
            agree = sum(1 for shown, actual in left if abs(shown - actual) <= 1)
            est = estimate(instrument, lang, args.partners).seconds
            print(f"{label:<26} {lang:<4} {len(instrument.items):>5} {seconds / 60:>8.1f} m {est / 60:>7.1f} m"
                  f"  {agree}/{len(left)} pages")
            limit = LIMITS.get(kind)
            if limit is not None and seconds > limit:
                failed.append(f"{label} ({lang}): {seconds / 60:.1f} min > {limit // 60} min")
    print("targets: default full round <= 15 min, pulse <= 5 min: " + ("ok" if not failed else "MISSED: " + "; ".join(failed)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
