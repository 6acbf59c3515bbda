"""Where a round stands against the installation's norms, for the dashboard's small norms section.

The round's stored profile is placed (``samenspel.norms.place``) against one
norm set the reader picks - this installation's own norms (default) or a norm
file imported from another publisher (``?normset=<id>``) - and one norm group
among the groups the alliance belongs to: all alliances, its phase, its size
band (and alliance form where known). Per domain a band - lowest quarter, middle half, highest quarter -
never a target, always with how many alliances stand behind it. The whole
comparison is left out when no group has enough alliances (this
installation's minimum holds for imported files too) or the questionnaire
versions differ; a single domain is left out when its norm is
held back or the alliance publishes no figure for it.
"""

from __future__ import annotations

from typing import Any

from samenspel.instrument.constructs import DOMAINS
from samenspel.norms.norms import ALL, group_keys
from samenspel.norms.placement import Placement, place
from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.norms import imports, installation, profiles
from samenspel.web.norms.models import ImportedNormSet

BANDS = {
    "below_q1": ("in het laagste kwart", "in the lowest quarter"),
    "middle": ("in de middelste helft", "in the middle half"),
    "above_q3": ("in het hoogste kwart", "in the highest quarter"),
}


def group_label(group: str, lang: str, imported: bool = False) -> str:
    """A norm group in words: "all contributing alliances", "phase 2: ...", "4-6 partners"."""
    from samenspel.knowledge import load_knowledge

    en = lang == "en"
    if group == ALL and imported:
        return "all alliances of this norm file" if en else "alle allianties in dit normbestand"
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


def _domain(p: Placement) -> str | None:
    """The domain of a placement the section shows (a domain measure with a band), else None."""
    kind, _, key = p.measure.partition(":")
    return key if kind == "domain" and key in DOMAINS and p.hidden is None and p.band is not None else None


OWN = "installation"
"""``?normset=`` value of this installation's own norms (the default); an imported set is its id."""


def source_label(kept: ImportedNormSet | None, lang: str) -> str:
    """A norm set in words: "this installation's own norms" or "Sectorinstituut, 2025-01-01 – 2025-12-31"."""
    if kept is None:
        return "this installation's own norms" if lang == "en" else "de eigen normen van deze installatie"
    period = " – ".join(dict.fromkeys(p for p in (kept.period_from, kept.period_to) if p))
    return ", ".join(x for x in (kept.publisher or kept.name, period) if x)


def for_round(rnd: MeasurementRound, wanted: str | None, lang: str, source: str | None = None) -> dict[str, Any] | None:
    """The norms section of ``rnd``'s dashboard; None when the round has no stored profile.

    ``source`` picks the norm set: ``OWN`` (default) or the id of an imported
    norm file; ``wanted`` the group. Every band and every hidden figure comes
    from ``samenspel.norms.place`` (with this installation's minimum), never
    from this module.
    """
    from samenspel.knowledge import load_knowledge
    from samenspel.reading import naming

    profile = profiles.stored(rnd)
    if profile is None:
        return None
    minimum = installation.min_alliances()
    imported = list(ImportedNormSet.objects.order_by("-imported_at", "-id"))
    chosen = next((k for k in imported if str(k.pk) == source), None)
    keys = group_keys(profile)
    normset = installation.norms_for(profile.questionnaire) if chosen is None else imports.normset(chosen, keys)
    label = source_label(chosen, lang)
    base = {"min": minimum, "questionnaire": normset.questionnaire, "own_questionnaire": profile.questionnaire,
            "source": OWN if chosen is None else str(chosen.pk), "source_label": label,
            "source_name": label if chosen is None else (chosen.publisher or chosen.name), "imported": chosen is not None,
            "licence": chosen.licence if chosen is not None else None,
            "sources": [{"key": OWN, "label": source_label(None, lang), "active": chosen is None},
                        *({"key": str(k.pk), "label": source_label(k, lang), "questionnaire": k.questionnaire,
                           "n": k.n_alliances, "active": k is chosen} for k in imported)]}
    placed = {g: place(profile, normset, g, min_alliances=minimum) for g in keys}
    if any(p.hidden == "version" for ps in placed.values() for p in ps):
        return {**base, "shown": False, "hidden": "version"}
    available = [g for g in keys if any(_domain(p) for p in placed[g])]
    if not available:
        return {**base, "shown": False, "hidden": "too_few"}
    group = wanted if wanted in available else available[0]
    kb = load_knowledge()
    rows = []
    for p in placed[group]:
        key = _domain(p)
        if key is None:
            continue
        nl, en = BANDS[p.band]
        rows.append({"domain": key, "name": naming.domain(kb, key, lang), "value": p.value, "band": p.band,
                     "band_text": en if lang == "en" else nl, "q1": p.q1, "median": p.median, "q3": p.q3,
                     "n": p.n})
    rows.sort(key=lambda r: DOMAINS.index(r["domain"]))
    return {
        **base, "shown": bool(rows), "hidden": None if rows else "too_few", "group": group,
        "group_label": group_label(group, lang, chosen is not None), "n": normset.group_n(group), "rows": rows,
        "groups": [{"key": g, "label": group_label(g, lang, chosen is not None), "n": normset.group_n(g), "active": g == group}
                   for g in available],
        "period": normset.period,
    }
