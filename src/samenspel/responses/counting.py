"""Who counts as a respondent: one rule for the web submit, the import warnings and the analysis.

A person counts towards n, and is analysed as a person, only with substantive
answers: at least half (``MIN_DOMAIN_SHARE``) of the domain items that were
asked in the round. Otherwise a partner with one real respondent and two
empty submissions would show as n = 3 with that one person's scores
(docs/PRIVACY.md, "Who counts"). Empty and near-empty submissions are kept as
data and shown to the facilitator as such; they are never counted.

Which domain items were asked: the round's questionnaire says so where it is
known: pass one per round (a mapping or a function of the round, as
``samenspel.responses.versions.per_round`` reads them from a file, or as the
web app stores them with each round), and its domain items are the asked ones.
Given a single questionnaire for every round, it is the pulse's domain items
when nobody in the round answered a domain item outside the pulse, else all
domain items of the questionnaire. Items marked ``not_asked`` are left out
either way.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from samenspel.instrument.model import Instrument
from samenspel.responses.model import ResponseSet
from samenspel.responses.versions import Questionnaires, resolver

MIN_DOMAIN_SHARE = 0.5
"""Share of the asked domain items a person must answer to count (the same half as for a scale score)."""


def domain_items(instrument: Instrument) -> frozenset[str]:
    """Ids of the questionnaire's domain items (constructs ``domain:*``)."""
    return frozenset(it.id for it in instrument.items if it.construct_kind == "domain")


def substantive(answered: Iterable[str], asked_domain_items: Collection[str]) -> bool:
    """Whether someone who answered the items ``answered`` counts as a respondent.

    ``asked_domain_items`` are the domain items asked in the round. With none
    asked (a questionnaire without domains), any answer counts.

    >>> substantive({"amb_01", "amb_02"}, {"amb_01", "amb_02", "amb_03"})
    True
    >>> substantive({"amb_01", "open_01"}, {"amb_01", "amb_02", "amb_03"})
    False
    """
    answered = set(answered)
    if not asked_domain_items:
        return bool(answered)
    hits = len(answered.intersection(asked_domain_items))
    return hits > 0 and hits >= MIN_DOMAIN_SHARE * len(asked_domain_items)


@dataclass(frozen=True)
class Count:
    """Who counts in one round of a response set, and who does not."""

    round: str
    asked: frozenset[str]  # domain items asked (see the module's docstring)
    counted: tuple[str, ...]  # respondents with substantive answers, in order of appearance
    not_counted: tuple[str, ...]  # empty or near-empty submissions


def count(responses: ResponseSet, instrument: Questionnaires) -> dict[str, Count]:
    """Per round: the respondents who count and those who do not (empty or near-empty).

    ``instrument``: one questionnaire for every round (the pulse is then recognised
    from the answers), or each round's own (a mapping or a function of the round).
    """
    exact = not isinstance(instrument, Instrument)
    questionnaire_of = resolver(instrument)
    answered: dict[str, dict[str, set[str]]] = {}
    not_asked: dict[str, set[str]] = {}
    counts_for: dict[str, frozenset[str]] = {}  # per round: its domain items, the only ones that count
    anything: dict[str, set[str]] = {}  # per round: who answered anything (counts when no domain is asked)
    for a in responses.answers:
        people = answered.get(a.round)
        if people is None:
            people = answered[a.round] = {}
            counts_for[a.round] = domain_items(questionnaire_of(a.round))
            anything[a.round] = set()
        got = people.get(a.respondent)
        if got is None:
            got = people[a.respondent] = set()
        if a.missing == "not_asked":
            not_asked.setdefault(a.round, set()).add(a.item)
        elif a.value is not None and not (isinstance(a.value, str) and not a.value.strip()):
            anything[a.round].add(a.respondent)
            if a.item in counts_for[a.round]:
                got.add(a.item)
    out: dict[str, Count] = {}
    for rnd, people in answered.items():
        questionnaire = questionnaire_of(rnd)
        domains = counts_for[rnd]
        pulse = frozenset(it.id for it in questionnaire.items if it.construct_kind == "domain" and it.pulse)
        seen = set().union(*people.values()) & domains
        version = pulse if not exact and pulse and seen <= pulse else domains
        asked = frozenset(version - not_asked.get(rnd, set()))
        yes = tuple(r for r, items in people.items()
                    if (substantive(items, asked) if asked else r in anything[rnd]))
        counted = set(yes)
        no = tuple(r for r in people if r not in counted)
        out[rnd] = Count(rnd, asked, yes, no)
    return out
