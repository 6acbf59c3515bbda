"""The portfolio: every alliance a user may see, side by side (issue 16, point 4).

For someone who facilitates or views several alliances: per alliance the
latest round that has a reading, its five domain scores as a heatmap, its
phase, its response, the page-one findings no action addresses yet, and the
open actions (planned or under way, all rounds). Everything comes from each
round's one cached reading (``diagnosis.reading_for``), so a cell is empty
exactly when the alliance's own dashboard publishes no figure for it under its
own privacy rules (minimum group size); the portfolio never computes a score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q
from django.urls import reverse

from samenspel.instrument.constructs import DOMAINS
from samenspel.reading import Reading
from samenspel.web.alliances import access
from samenspel.web.alliances.diagnosis import reading_for
from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership

OPEN_STATUSES = ("planned", "under_way")
"""Action statuses that count as open (steering.models.Action)."""
TOP_FINDINGS = 3
SORT_KEYS = ("name", "phase", "n", "partners", *(f"domain:{d}" for d in DOMAINS), "findings", "actions")
"""What the table can be sorted by; anything else falls back to the name."""
HEAT_STEPS = (20.0, 40.0, 60.0, 80.0)
"""Upper bounds of the heatmap's colour steps on the 0-100 scale (the numbers stay in every cell)."""


@dataclass(frozen=True)
class Cell:
    """One domain of one alliance: its published score, or None (no figure under the alliance's privacy rules)."""

    domain: str
    name: str
    score: float | None

    @property
    def shown(self) -> int | None:
        """The score as the cell shows it (whole points, halves up): the colour follows this number."""
        return None if self.score is None else math.floor(self.score + 0.5)

    @property
    def step(self) -> int | None:
        if self.shown is None:
            return None
        return sum(1 for bound in HEAT_STEPS if self.shown >= bound)


@dataclass
class Row:
    """One alliance in the portfolio."""

    alliance: Alliance
    role: str
    round: MeasurementRound | None = None
    cells: list[Cell] = field(default_factory=list)
    phase: int | None = None
    phase_name: str | None = None
    n: int | None = None  # respondents in the published groups
    partners: int | None = None  # partners with respondents
    rate: float | None = None  # response rate over the partners whose invitations are known
    findings: list[dict[str, str]] = field(default_factory=list)
    planned: int = 0
    under_way: int = 0

    @property
    def open_actions(self) -> int:
        return self.planned + self.under_way

    def sort_value(self, key: str) -> Any:
        if key == "name":
            return self.alliance.name.casefold()
        if key.startswith("domain:"):
            return next((c.score for c in self.cells if f"domain:{c.domain}" == key), None)
        return {"phase": self.phase, "n": self.n, "partners": self.partners, "findings": len(self.findings),
                "actions": self.open_actions}.get(key)


def latest_reading(alliance: Alliance) -> tuple[MeasurementRound | None, Reading | None]:
    """The newest round with a reading (an open round with too few answers yet shows the one before).

    A round the analysis refuses is passed over rather than breaking the whole portfolio."""
    from samenspel.errors import SamenspelError

    for rnd in alliance.rounds.order_by("-opens", "-created_at", "-id"):
        try:
            reading = reading_for(rnd)
        except SamenspelError:
            continue  # nothing to analyse in that round (e.g. nobody counts): its own dashboard says why
        if reading is not None:
            return rnd, reading
    return None, None


def _roles(user: AbstractBaseUser | AnonymousUser) -> dict[int, str]:
    if getattr(user, "is_superuser", False):
        return {}
    return dict(Membership.objects.filter(user=user).values_list("alliance_id", "role"))


def rows_for(user: AbstractBaseUser | AnonymousUser, lang: str, only: list[Alliance] | None = None) -> list[Row]:
    """The portfolio of ``user``: only alliances they may see (``access.visible_alliances``).

    ``only`` (a subset of those, e.g. one page by name) limits which alliances are read: each row needs its
    alliance's reading, the costly part of the page."""
    from samenspel.knowledge import load_knowledge
    from samenspel.reading import naming, phrases
    from samenspel.web.steering.models import Action

    kb = load_knowledge()
    roles = _roles(user)
    alliances = list(access.visible_alliances(user)) if only is None else only
    actions = {a["round__alliance_id"]: a for a in Action.objects.filter(round__alliance__in=alliances)
               .values("round__alliance_id")
               .annotate(planned=Count("id", filter=Q(status="planned")),
                         under_way=Count("id", filter=Q(status="under_way")))}
    out = []
    for alliance in alliances:
        row = Row(alliance, roles.get(alliance.pk, Membership.FACILITATOR))
        counted = actions.get(alliance.pk)
        if counted:
            row.planned, row.under_way = counted["planned"], counted["under_way"]
        rnd, reading = latest_reading(alliance)
        if rnd is not None and reading is not None:
            d = reading.diagnosis
            row.round = rnd
            row.cells = [Cell(k, naming.domain(kb, k, lang), d.domains[k].score if k in d.domains else None)
                         for k in DOMAINS]
            row.phase = reading.phase
            row.phase_name = kb.phases[reading.phase].name.get(lang) if reading.phase in kb.phases else None
            row.n, row.partners = reading.quality.n, reading.quality.partners
            row.rate = reading.disclosure.total_rate
            addressed = set(rnd.actions.exclude(status="dropped").values_list("addresses", flat=True))
            row.findings = [{"id": f.id, "headline": phrases.headline(f, kb, lang)}
                            for f in reading.top if f.id not in addressed][:TOP_FINDINGS]
        else:
            row.cells = [Cell(k, naming.domain(kb, k, lang), None) for k in DOMAINS]
        out.append(row)
    return out


PAGE_SIZE = 25
"""Alliances per portfolio page (the JSON twin and the API give all at once)."""


def page_of(user: AbstractBaseUser | AnonymousUser, lang: str, key: str, descending: bool,
            number: int) -> tuple[list[Row], int, int]:
    """One page of the sorted portfolio: (rows, page number, number of pages).

    Sorted by name (the default), only the page's alliances are read; any other key needs every alliance's
    figures to sort on, so all are read (from the reading cache after the first visit) and the page is cut
    from the sorted rows."""
    if key == "name":
        alliances = sorted(access.visible_alliances(user), key=lambda a: a.name.casefold(), reverse=descending)
        pages = max(1, math.ceil(len(alliances) / PAGE_SIZE))
        number = min(max(1, number), pages)
        chosen = alliances[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
        return sort(rows_for(user, lang, only=chosen), key, descending), number, pages
    rows = sort(rows_for(user, lang), key, descending)
    pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    number = min(max(1, number), pages)
    return rows[(number - 1) * PAGE_SIZE:number * PAGE_SIZE], number, pages


def sort(rows: list[Row], key: str, descending: bool) -> list[Row]:
    """Rows by ``key``; alliances without a value always last, ties by name."""
    key = key if key in SORT_KEYS else "name"
    known = [r for r in rows if r.sort_value(key) is not None]
    unknown = [r for r in rows if r.sort_value(key) is None]
    known.sort(key=lambda r: r.alliance.name.casefold())
    known.sort(key=lambda r: r.sort_value(key), reverse=descending)
    unknown.sort(key=lambda r: r.alliance.name.casefold())
    return known + unknown


def as_json(rows: list[Row]) -> list[dict[str, object]]:
    """The rows as the JSON twin gives them: ids, names, figures; a hidden cell is null, never left out."""
    out = []
    for r in rows:
        slug = r.alliance.slug
        item: dict[str, object] = {
            "slug": slug, "name": r.alliance.name, "role": r.role,
            "url": reverse("facilitator:alliance", args=[slug]),
            "round": None, "domains": {c.domain: _rounded(c.score) for c in r.cells},
            "phase": r.phase, "phase_name": r.phase_name,
            "response": {"n": r.n, "partners": r.partners, "rate": None if r.rate is None else round(r.rate, 3)},
            "open_findings": r.findings,
            "open_actions": {"planned": r.planned, "under_way": r.under_way},
        }
        if r.round is not None:
            item["round"] = {"code": r.round.code, "name": r.round.name, "status": r.round.status,
                             "dashboard": reverse("facilitator:dashboard", args=[slug, r.round.code]),
                             "dashboard_json": reverse("facilitator:dashboard_json", args=[slug, r.round.code]),
                             "actions": reverse("steering:actions", args=[slug, r.round.code])}
            if r.role == Membership.FACILITATOR:
                item["round"]["url"] = reverse("facilitator:round", args=[slug, r.round.code])  # type: ignore[index]
        out.append(item)
    return out


def _rounded(score: float | None) -> float | None:
    return None if score is None else round(score, 1)
