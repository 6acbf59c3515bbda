"""The ten problem rules: one readable table (issue 3 point 7; docs/RULES.md explains each).

A rule is a list of conditions on *indicators* (named numbers the analysis
computes, see ``INDICATORS``). Each condition turns its indicator into a
degree 0-1 with a straight ramp:

* ``low``: 0 at or above ``start``, 1 at or below ``full``, linear between;
* ``high``: 0 at or below ``start``, 1 at or above ``full``, linear between.

The strength of a problem is the weighted mean of the degrees of the
conditions whose indicator is available. When indicators carrying less than
half of a rule's weight are available (say no network data and no signals),
the rule is not judged and the diagnosis warns. Every condition with a degree
above 0 yields one evidence sentence (nl and en) and a structured record
(indicator, value, threshold). No other logic: what is here is all there is.

Sources: the nine exemplary problems of seed 001 §8.4.1-8.4.9 and
over-organisation from seed 004; the indicators per problem are our reading
(KNOWLEDGE.md §7 marks them *inferred*).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from samenspel.i18n import Text


@dataclass(frozen=True, slots=True)
class IndicatorInfo:
    """What an indicator is, in words, and how its value is shown."""

    id: str
    label: Text
    unit: Literal["score", "eta2", "share", "points", "count"]


@dataclass(frozen=True, slots=True)
class Condition:
    indicator: str
    direction: Literal["low", "high"]
    start: float  # where the signal begins
    full: float  # where it counts fully
    weight: float
    evidence: Text  # template; {value} and {start} are filled in, formatted by the unit

    def degree(self, value: float) -> float:
        if self.direction == "low":
            d = (self.start - value) / (self.start - self.full)
        else:
            d = (value - self.start) / (self.full - self.start)
        return min(1.0, max(0.0, d))


@dataclass(frozen=True, slots=True)
class Rule:
    problem: str  # KNOWLEDGE.md §7 id
    source: str
    conditions: tuple[Condition, ...]

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.conditions)


def _i(id_: str, nl: str, en: str, unit: Literal["score", "eta2", "share", "points", "count"] = "score") -> IndicatorInfo:
    return IndicatorInfo(id_, Text(nl, en), unit)


#: Every indicator a rule may use. Scores are POMP 0-100 (50 = middle).
INDICATORS: dict[str, IndicatorInfo] = {i.id: i for i in (
    _i("domain.ambition", "score gedeelde ambitie", "shared ambition score"),
    _i("domain.organisation", "score organisatie", "organisation score"),
    _i("ambition_lowest_partner", "laagste ambitiescore van een partner", "lowest ambition score of a partner"),
    _i("divergence.ambition", "verschil tussen partners over ambitie (eta²)", "difference between partners on ambition (eta²)", "eta2"),
    _i("divergent_share", "aandeel domeinen waarop partners duidelijk verschillen", "share of domains on which partners clearly differ", "share"),
    _i("motive_overlap", "overlap van motieven tussen partners (0-1)", "overlap of motives between partners (0-1)", "share"),
    _i("ambition_change", "verandering van de ambitiescore sinds de vorige ronde", "change in the ambition score since the previous round", "points"),
    _i("form_over_substance", "organisatie en proces min ambitie en inzet", "organisation and process minus ambition and commitment", "points"),
    _i("commitment_minus_backing", "eigen inzet min steun van de eigen organisatie", "own commitment minus backing of one's own organisation", "points"),
    _i("trust", "score onderling vertrouwen", "mutual trust score"),
    _i("formal_overlap", "score afstemming formele zaken", "alignment of formal matters score"),
    _i("signal.turnover", "wisselingen van mensen aan tafel", "changes of people at the table"),
    _i("signal.continuity", "continuïteit van de mensen", "continuity of the people"),
    _i("signal.backing", "steun van de eigen organisatie", "backing of one's own organisation"),
    _i("signal.commitment", "echte inzet van tijd en middelen", "real commitment of time and means"),
    _i("signal.results", "zichtbare resultaten", "visible results"),
    _i("signal.energy", "energie en inspiratie", "energy and inspiration"),
    _i("signal.perspective", "inspiratie van het gezamenlijke doel", "inspiration from the shared goal"),
    _i("signal.agreements_kept", "afspraken worden nagekomen", "agreements are kept"),
    _i("signal.talk_not_do", "meer praten over samenwerken dan het doen", "more talk about collaborating than doing it"),
    _i("signal.rules_burden", "last van regels, checklists en rapportages", "burden of rules, checklists and reports"),
    _i("signal.voice", "inspraak van kleinere partners", "say of smaller partners"),
    _i("signal.dominance", "één partner heeft te veel te zeggen", "one partner has too much say"),
    _i("signal.stereotypes", "praten in 'wij en zij'", "talking in terms of 'us and them'"),
    _i("signal.values_fit", "passen waarden en werkstijlen", "fit of values and working styles"),
    _i("signal.torn_loyalty", "verscheurd tussen eigen organisatie en alliantie", "torn between own organisation and the alliance"),
    _i("network.lowest_in_trust", "laagste vertrouwen dat een partner krijgt (netwerk)", "lowest trust a partner receives (network)"),
    _i("network.trust_split", "aantal extra vertrouwensclusters (netwerk)", "number of extra trust clusters (network)", "count"),
    _i("network.power_gap", "voorsprong in machtsindex van de sterkste partner op de volgende (netwerk)", "lead in power index of the strongest partner over the next (network)", "points"),
    _i("network.dependency_asymmetry", "grootste scheefheid in afhankelijkheid (netwerk)", "largest imbalance in dependency (network)", "points"),
)}


def _c(indicator: str, direction: Literal["low", "high"], start: float, full: float, weight: float,
       nl: str, en: str) -> Condition:
    return Condition(indicator, direction, start, full, weight, Text(nl, en))


#: The rules, in the order of KNOWLEDGE.md §7.
RULES: tuple[Rule, ...] = (
    Rule("no_shared_ambition", "001 §8.4.1", (
        _c("domain.ambition", "low", 55, 35, 2.0,
           "De gedeelde ambitie scoort laag: {value} (signaal onder {start}).",
           "Shared ambition scores low: {value} (signal below {start})."),
        _c("divergence.ambition", "high", 0.06, 0.20, 1.5,
           "Partners verschillen sterk in hoe zij de ambitie zien: eta² {value} (signaal vanaf {start}).",
           "Partners differ strongly in how they see the ambition: eta² {value} (signal from {start})."),
        _c("ambition_lowest_partner", "low", 45, 25, 1.5,
           "Bij minstens één partner leeft de ambitie weinig: laagste partnerscore {value} (signaal onder {start}).",
           "At least one partner hardly carries the ambition: lowest partner score {value} (signal below {start})."),
        _c("motive_overlap", "low", 0.6, 0.3, 1.0,
           "De motieven van de partners overlappen weinig: {value} (signaal onder {start}).",
           "The partners' motives overlap little: {value} (signal below {start})."),
    )),
    Rule("fading_perspective", "001 §8.4.2", (
        _c("signal.perspective", "low", 50, 30, 1.5,
           "Het gezamenlijke doel inspireert minder dan bij de start: {value} (signaal onder {start}).",
           "The shared goal inspires less than at the start: {value} (signal below {start})."),
        _c("signal.energy", "low", 50, 30, 1.5,
           "Er is weinig energie en inspiratie: {value} (signaal onder {start}).",
           "There is little energy and inspiration: {value} (signal below {start})."),
        _c("signal.results", "low", 50, 30, 1.0,
           "Zichtbare resultaten blijven uit: {value} (signaal onder {start}).",
           "Visible results are lacking: {value} (signal below {start})."),
        _c("ambition_change", "low", -5, -15, 1.5,
           "De ambitiescore daalde sinds de vorige ronde met {value} punten (signaal vanaf {start}).",
           "The ambition score changed by {value} points since the previous round (signal from {start})."),
    )),
    Rule("staff_instability", "001 §8.4.3", (
        _c("signal.turnover", "high", 50, 75, 2.0,
           "Er wisselen veel mensen aan tafel: {value} (signaal boven {start}).",
           "Many people at the table have changed: {value} (signal above {start})."),
        _c("signal.continuity", "low", 50, 30, 2.0,
           "Weinig mensen werken al langer met dezelfde personen: {value} (signaal onder {start}).",
           "Few people have worked with the same people for a while: {value} (signal below {start})."),
    )),
    Rule("sham_collaboration", "001 §8.4.4", (
        _c("signal.talk_not_do", "high", 50, 75, 2.0,
           "Er wordt meer over samenwerken gepraat dan samengewerkt: {value} (signaal boven {start}).",
           "There is more talk about collaborating than collaboration: {value} (signal above {start})."),
        _c("signal.agreements_kept", "low", 50, 30, 1.5,
           "Afspraken worden niet goed nagekomen: {value} (signaal onder {start}).",
           "Agreements are not well kept: {value} (signal below {start})."),
        _c("signal.commitment", "low", 50, 30, 1.5,
           "Partners steken weinig echte tijd en middelen in de samenwerking: {value} (signaal onder {start}).",
           "Partners put little real time and means in: {value} (signal below {start})."),
        _c("form_over_substance", "high", 10, 30, 1.0,
           "De vorm (organisatie, proces) scoort {value} punten hoger dan de inhoud (ambitie, inzet) (signaal vanaf {start}).",
           "Form (organisation, process) scores {value} points above substance (ambition, commitment) (signal from {start})."),
    )),
    Rule("under_organisation", "001 §8.4.5", (
        _c("domain.organisation", "low", 50, 30, 2.0,
           "De organisatie van de samenwerking scoort laag: {value} (signaal onder {start}).",
           "The organisation of the collaboration scores low: {value} (signal below {start})."),
        _c("formal_overlap", "low", 50, 30, 1.0,
           "Doelen, afspraken en procedures zijn weinig op elkaar afgestemd: {value} (signaal onder {start}).",
           "Goals, agreements and procedures are poorly aligned: {value} (signal below {start})."),
        _c("signal.agreements_kept", "low", 50, 30, 1.0,
           "Afspraken worden niet goed nagekomen: {value} (signaal onder {start}).",
           "Agreements are not well kept: {value} (signal below {start})."),
    )),
    Rule("persistent_enemy_image", "001 §8.4.6", (
        _c("signal.stereotypes", "high", 50, 75, 2.0,
           "Er wordt in 'wij en zij' over partners gesproken: {value} (signaal boven {start}).",
           "Partners are talked about in terms of 'us and them': {value} (signal above {start})."),
        _c("network.lowest_in_trust", "low", 50, 30, 1.5,
           "Eén partner krijgt weinig vertrouwen van de anderen: {value} (signaal onder {start}).",
           "One partner receives little trust from the others: {value} (signal below {start})."),
        _c("network.trust_split", "high", 0, 1, 1.0,
           "Het vertrouwensnetwerk valt uiteen in {groups} groepen die elkaar minder vertrouwen dan binnen de groep (signaal vanaf 2 groepen).",
           "The trust network splits into {groups} groups that trust each other less than within the group (signal from 2 groups)."),
    )),
    Rule("double_loyalty", "001 §8.4.7", (
        _c("signal.torn_loyalty", "high", 50, 75, 2.0,
           "Vertegenwoordigers voelen zich verscheurd tussen eigen organisatie en alliantie: {value} (signaal boven {start}).",
           "Representatives feel torn between their own organisation and the alliance: {value} (signal above {start})."),
        _c("signal.backing", "low", 50, 30, 2.0,
           "De eigen organisaties staan weinig achter de samenwerking: {value} (signaal onder {start}).",
           "The home organisations give little backing: {value} (signal below {start})."),
        _c("commitment_minus_backing", "high", 10, 30, 1.0,
           "De eigen inzet ligt {value} punten boven de steun van de achterban (signaal vanaf {start}).",
           "Own commitment is {value} points above the backing at home (signal from {start})."),
    )),
    Rule("unbridgeable_diversity", "001 §8.4.8", (
        _c("divergent_share", "high", 0.2, 0.6, 2.0,
           "Partners verschillen duidelijk op {count} van de {total} invalshoeken (signaal vanaf {start_pct}).",
           "Partners clearly differ on {count} of the {total} domains (signal from {start_pct})."),
        _c("signal.values_fit", "low", 50, 30, 2.0,
           "Waarden en werkstijlen passen slecht bij elkaar: {value} (signaal onder {start}).",
           "Values and working styles fit poorly: {value} (signal below {start})."),
    )),
    Rule("simmering_power_play", "001 §8.4.9", (
        _c("signal.dominance", "high", 50, 75, 1.5,
           "Eén partner heeft volgens respondenten te veel te zeggen: {value} (signaal boven {start}).",
           "Respondents say one partner has too much say: {value} (signal above {start})."),
        _c("signal.voice", "low", 50, 30, 1.5,
           "Kleinere partners hebben weinig echte inspraak: {value} (signaal onder {start}).",
           "Smaller partners have little real say: {value} (signal below {start})."),
        _c("network.power_gap", "high", 10, 25, 1.0,
           "De sterkste partner staat {value} punten voor op de volgende in de machtsindex (signaal vanaf {start}).",
           "The strongest partner leads the next by {value} points on the power index (signal from {start})."),
        _c("network.dependency_asymmetry", "high", 15, 40, 1.0,
           "De afhankelijkheid is scheef: in één paar hangt de ene partner {value} punten meer af van de andere dan omgekeerd (signaal vanaf {start}).",
           "Dependency is lopsided: in one pair one partner depends {value} points more on the other than the other way round (signal from {start})."),
    )),
    Rule("over_organisation", "004", (
        _c("signal.rules_burden", "high", 50, 75, 2.0,
           "Respondenten ervaren veel last van regels, checklists en rapportages: {value} (signaal boven {start}).",
           "Respondents feel burdened by rules, checklists and reports: {value} (signal above {start})."),
        _c("signal.commitment", "low", 55, 35, 1.0,
           "Partners doen het minimale: echte inzet scoort {value} (signaal onder {start}).",
           "Partners do the minimum: real commitment scores {value} (signal below {start})."),
        _c("formal_overlap", "high", 65, 85, 0.5,
           "Formele zaken zijn sterk dichtgeregeld: {value} (signaal boven {start}).",
           "Formal matters are tightly regulated: {value} (signal above {start})."),
    )),
)


def template_fields(c: Condition, value: float, values: Mapping[str, float], lang: str) -> dict[str, str]:
    """What an evidence template may use: ``{value}`` and ``{start}`` formatted by the indicator's unit,
    ``{start_pct}`` (a share as a percentage), ``{groups}`` (trust split: extra clusters + 1) and
    ``{count}``/``{total}`` (domains on which partners clearly differ / domains judged)."""
    unit = INDICATORS[c.indicator].unit
    out = {"value": format_value(value, unit, lang), "start": format_value(c.start, unit, lang),
           "start_pct": f"{100 * c.start:.0f}%", "groups": f"{value + 1:.0f}"}
    out["count"] = f"{values.get('divergent_count', 0):.0f}"
    out["total"] = f"{values.get('divergent_judged', 0):.0f}"
    return out


def format_value(value: float, unit: str, lang: str = "en") -> str:
    """How a value appears in an evidence sentence; Dutch gets a decimal comma."""
    s = _format(value, unit)
    return s.replace(".", ",") if lang == "nl" else s


def _format(value: float, unit: str) -> str:
    if unit == "score":
        return f"{value:.0f}"
    if unit == "points":
        return f"{value:.0f}"
    if unit == "count":
        return f"{value:.0f}"
    if unit == "share" and value <= 1:
        return f"{value:.2f}"
    return f"{value:.2f}"


def _check() -> None:
    for rule in RULES:
        for c in rule.conditions:
            if c.indicator not in INDICATORS:
                raise RuntimeError(f"rule {rule.problem} uses unknown indicator {c.indicator}")
            if c.start == c.full or c.weight <= 0:
                raise RuntimeError(f"rule {rule.problem}: bad ramp for {c.indicator}")


_check()
