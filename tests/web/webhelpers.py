"""Helpers for the web tests (a module with its own name, so test modules can
import it whatever other conftest.py files are loaded)."""

from __future__ import annotations

from samenspel.i18n import Text
from samenspel.instrument.model import Instrument, Item, Option, Part
from samenspel.web.alliances import tokens
from samenspel.web.alliances.models import MeasurementRound, Respondent


def small_instrument(short: bool = False, version: str | None = None) -> Instrument:
    """Three pages with every item type the web form renders."""
    parts = (
        Part("p1", Text("Ambitie", "Ambition"), Text("Over het doel.", "About the goal.")),
        Part("p2", Text("Relaties", "Relations"), Text("", "")),
        Part("p3", Text("Tot slot", "Finally"), Text("", "")),
    )
    items = (
        Item("amb_01", "domain:ambition", "likert", Text("We delen een doel.", "We share a goal."), "p1", 1, 5),
        Item(
            "par_01", "paradox:open_closed:now", "bipolar", Text("Ons netwerk is nu", "Our network is now"), "p1", 1, 7,
            poles=(Text("open", "open"), Text("gesloten", "closed")),
        ),
        Item(
            "phase_01", "phase", "choice", Text("In welke fase zitten we?", "Which phase are we in?"), "p1",
            options=tuple(Option(f"ph{i}", i, Text(f"fase {i}", f"phase {i}")) for i in range(1, 5)),
            dont_know=False,
        ),
        Item("rel_trust", "relation:trust", "relation", Text("Ik vertrouw {partner}.", "I trust {partner}."), "p2", 1, 5),
        Item("mot_01", "motive:market", "check", Text("Nieuwe markten", "New markets"), "p3", 0, 1,
             dont_know=False),  # a box to tick, as in questionnaire 1.0
        Item("open_01", "open:remarks", "text", Text("Opmerkingen", "Remarks"), "p3"),
    )
    return Instrument("test", "1.0", ("nl", "en"), Text("Testlijst", "Test list"), 5, parts, items, short)


def make_respondent(rnd: MeasurementRound, partner: str = "A", code: str = "r1", lang: str = "nl") -> tuple[Respondent, str]:
    r = Respondent.objects.create(round=rnd, partner=rnd.alliance.partners.get(code=partner), code=code, language=lang)
    return r, tokens.issue(r)


def allow_alliances(user) -> None:  # type: ignore[no-untyped-def]
    """Grant the permission to create alliances, as an administrator does in /admin/."""
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="add_alliance", content_type__app_label="alliances"))


def leaks(document: str, name: str, least: int = 3) -> list[str]:
    """HTML blocks (paragraph, list item, table row, heading, SVG text or tooltip) that
    mention ``name`` and hold a digit: a per-partner figure next to the partner.

    A network tooltip of a rating the partner *receives* from at least ``least``
    raters of another partner is the raters' group figure and may be shown
    (docs/PRIVACY.md, the network)."""
    import html as html_lib
    import re

    body = re.sub(r"<(style|script)\b.*?</\1>", "", document, flags=re.S | re.I)
    body = re.sub(r"</?t[dh]\b[^>]*>", " ", body, flags=re.I)
    block = re.compile(r"<(?:/?(?:p|li|tr|h[1-6]|figcaption|title|text|td|th|div|section|ul|ol|table|svg|figure|nav|option)\b|br)[^>]*>",
                       re.I)
    blocks = [html_lib.unescape(re.sub(r"<[^>]+>", " ", part)) for part in block.split(body)]

    def received(b: str) -> bool:
        m = re.fullmatch(rf"\s*(.+?) \u2192 {re.escape(name)}: \d+ \(n=(\d+)\)\s*", b)
        return bool(m) and m.group(1) != name and int(m.group(2)) >= least

    return [b.strip() for b in blocks if name in b and re.search(r"\d", b) and not received(b)]
