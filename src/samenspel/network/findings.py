"""Plain facts about the network, with their numbers, that a diagnosis can cite.

A finding holds a bilingual template and the numbers and partners it is
about; ``text(lang, labels)`` fills it, so a renderer can swap partner ids
for names. Texts are our own wording; the patterns they point at come from
seed 001 §8.4 (sluimerend machtsspel, hardnekkig vijandbeeld) and seed 000
Tabel 2 (imbalance of power, stereotyping and exclusion of partners).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samenspel.i18n import Text

DIMENSION_NAMES: dict[str, Text] = {
    "trust": Text("vertrouwen", "trust"),
    "dependency": Text("afhankelijkheid", "dependency"),
    "influence": Text("invloed", "influence"),
    "exchange": Text("uitwisseling", "exchange"),
}


class _Missing:
    """Stands in for an unknown number in a template, whatever its format spec."""

    def __format__(self, spec: str) -> str:
        return "?"


class _Number:
    """A number that writes a decimal comma in Dutch text."""

    def __init__(self, value: float, lang: str) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        text = format(self.value, spec)
        return text.replace(".", ",") if self.lang == "nl" else text


@dataclass(frozen=True)
class Finding:
    id: str  # stable, e.g. "dominant_partner", "asymmetric_dependency:A:B"
    kind: str  # dominant_partner, camps, distrusted, asymmetric_dependency, discordant, peripheral, broker
    partners: tuple[str, ...]
    numbers: Mapping[str, float | None]
    template: Text  # str.format template; {p0}, {p1}... are partners, {groups} the camps
    groups: tuple[tuple[str, ...], ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)  # words filled in, e.g. dimension name

    def text(self, lang: str = "nl", labels: Mapping[str, str] | None = None) -> str:
        """The filled-in sentence in ``lang``, partners shown by ``labels`` where given."""
        name = (lambda p: labels.get(p, p)) if labels else (lambda p: p)
        values: dict[str, object] = {f"p{i}": name(p) for i, p in enumerate(self.partners)}
        values.update({k: (_Missing() if v is None else _Number(v, lang)) for k, v in self.numbers.items()})
        values["groups"] = " | ".join(", ".join(name(p) for p in g) for g in self.groups)
        for k, v in self.extra.items():
            values[k] = DIMENSION_NAMES[v].get(lang) if v in DIMENSION_NAMES else v
        return self.template.get(lang).format(**values)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "partners": list(self.partners),
            "numbers": {k: (None if v is None else round(v, 3)) for k, v in self.numbers.items()},
            "text": {"nl": self.text("nl"), "en": self.text("en")},
        }


DOMINANT = Text(
    "{p0} heeft de meeste macht in het netwerk: machtsindex {power:.0f}, {gap:.0f} punten boven "
    "de volgende partner ({p1}, {runner_up_power:.0f}).",
    "{p0} holds the most power in the network: power index {power:.0f}, {gap:.0f} points above "
    "the next partner ({p1}, {runner_up_power:.0f}).",
)
CAMPS = Text(
    "Het vertrouwen valt uiteen in {n_groups:.0f} groepen ({groups}): binnen een groep is het "
    "vertrouwen gemiddeld {trust_within:.0f}, tussen de groepen {trust_between:.0f} "
    "(modulariteit {modularity:.2f}).",
    "Trust splits into {n_groups:.0f} groups ({groups}): mean trust is {trust_within:.0f} within a "
    "group and {trust_between:.0f} between groups (modularity {modularity:.2f}).",
)
DISTRUSTED = Text(
    "{p0} krijgt weinig vertrouwen: {low:.0f} van de {raters:.0f} partners die {p0} beoordeelden, "
    "blijven onder {threshold:.0f}; gemiddeld {in_trust:.0f}.",
    "{p0} receives little trust: {low:.0f} of the {raters:.0f} partners who rated {p0} stay below "
    "{threshold:.0f}; mean {in_trust:.0f}.",
)
ASYMMETRIC = Text(
    "{p0} is meer afhankelijk van {p1} dan omgekeerd: {a_to_b:.0f} tegenover {b_to_a:.0f} "
    "({difference:.0f} punten verschil).",
    "{p0} depends more on {p1} than the other way round: {a_to_b:.0f} against {b_to_a:.0f} "
    "({difference:.0f} points apart).",
)
DISCORDANT = Text(
    "{p0} en {p1} zien hun onderlinge {dimension} heel verschillend: {p0} geeft {a_to_b:.0f}, "
    "{p1} geeft {b_to_a:.0f}.",
    "{p0} and {p1} see their mutual {dimension} very differently: {p0} gives {a_to_b:.0f}, "
    "{p1} gives {b_to_a:.0f}.",
)
ISOLATED = Text(
    "{p0} heeft geen enkele relatie in het netwerk: niemand beoordeelde {p0} en {p0} beoordeelde niemand.",
    "{p0} has no relation in the network at all: nobody rated {p0} and {p0} rated nobody.",
)
PERIPHERAL = Text(
    "{p0} staat aan de rand: beoordeeld door {rated_by:.0f} partners (mediaan {median_rated_by:.0f}), "
    "ontvangen vertrouwen {in_trust:.0f} en uitwisseling {in_exchange:.0f}.",
    "{p0} is on the edge: rated by {rated_by:.0f} partners (median {median_rated_by:.0f}), "
    "received trust {in_trust:.0f} and exchange {in_exchange:.0f}.",
)
BROKER = Text(
    "{p0} is een verbindende schakel: veel vertrouwensroutes tussen andere partners lopen via {p0} "
    "(tussenpositie {betweenness:.2f}).",
    "{p0} is a linking pin: many trust routes between other partners run through {p0} "
    "(betweenness {betweenness:.2f}).",
)
