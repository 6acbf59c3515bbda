"""Where a round stands against the installation's norms, for the dashboard's small norms section.

The round's stored profile is placed (``samenspel.norms.place``) against one
norm group the reader picks among the groups the alliance belongs to: all
contributing alliances, its phase, its size band (and alliance form where
known). Per domain a band - lowest quarter, middle half, highest quarter -
never a target, always with how many alliances stand behind it. The whole
comparison is left out when no group has enough alliances or the
questionnaire versions differ; a single domain is left out when its norm is
held back or the alliance publishes no figure for it.
"""

from __future__ import annotations

from typing import Any

from samenspel.instrument.constructs import DOMAINS
from samenspel.norms.norms import ALL, group_keys
from samenspel.norms.placement import place
from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.norms import installation, profiles

BANDS = {
    "below_q1": ("in het laagste kwart", "in the lowest quarter"),
    "middle": ("in de middelste helft", "in the middle half"),
    "above_q3": ("in het hoogste kwart", "in the highest quarter"),
}


def group_label(group: str, lang: str) -> str:
    """A norm group in words: "all contributing alliances", "phase 2: ...", "4-6 partners"."""
    from samenspel.knowledge import load_knowledge

    en = lang == "en"
    if group == ALL:
        return "all contributing alliances" if en else "alle bijdragende allianties"
    dim, _, value = group.partition(":")
    if dim == "phase":
        kb = load_knowledge()
        phase = kb.phases.get(int(value)) if value.isdigit() else None
        name = f": {phase.name.get(lang)}" if phase else ""
        return (f"alliances in phase {value}{name}" if en else f"allianties in fase {value}{name}")
    if dim == "size_band":
        return f"alliances of {value} partners" if en else f"allianties van {value} partners"
    if dim == "alliance_form":
        kb = load_knowledge()
        form = getattr(kb, "alliance_forms", {}).get(value)
        name = form.name.get(lang) if form is not None else value
        return f"alliance form: {name}" if en else f"alliantievorm: {name}"
    return group


def for_round(rnd: MeasurementRound, wanted: str | None, lang: str) -> dict[str, Any] | None:
    """The norms section of ``rnd``'s dashboard; None when the round has no stored profile."""
    from samenspel.knowledge import load_knowledge
    from samenspel.reading import naming

    profile = profiles.stored(rnd)
    if profile is None:
        return None
    normset = installation.norms_for(profile.questionnaire)
    minimum = installation.min_alliances()
    available = [g for g in group_keys(profile) if normset.group_n(g)]
    if not available:
        return {"shown": False, "min": minimum, "questionnaire": profile.questionnaire}
    group = wanted if wanted in available else available[0]
    kb = load_knowledge()
    rows = []
    for p in place(profile, normset, group):
        kind, _, key = p.measure.partition(":")
        if kind != "domain" or key not in DOMAINS or p.hidden or p.band is None:
            continue
        nl, en = BANDS[p.band]
        rows.append({"domain": key, "name": naming.domain(kb, key, lang), "value": p.value, "band": p.band,
                     "band_text": en if lang == "en" else nl, "q1": p.q1, "median": p.median, "q3": p.q3,
                     "n": p.n})
    rows.sort(key=lambda r: DOMAINS.index(r["domain"]))
    return {
        "shown": bool(rows), "min": minimum, "group": group, "group_label": group_label(group, lang),
        "n": normset.group_n(group), "questionnaire": normset.questionnaire, "rows": rows,
        "groups": [{"key": g, "label": group_label(g, lang), "n": normset.group_n(g), "active": g == group}
                   for g in available],
        "period": normset.period,
    }
