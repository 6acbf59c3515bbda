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

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

from samenspel.instrument.model import Instrument
from samenspel.responses.model import Answer, ResponseSet
from samenspel.responses.versions import Questionnaires, resolver

_RESPONDENT = attrgetter("respondent")

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
    return _enough(len(answered.intersection(asked_domain_items)), len(asked_domain_items))


def _enough(hits: int, asked: int) -> bool:
    """The rule itself: some, and at least half, of the ``asked`` domain items answered."""
    return hits > 0 and hits >= MIN_DOMAIN_SHARE * asked


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
    out: dict[str, Count] = {}
    for rnd, bucket in responses.by_round.items():
        questionnaire = questionnaire_of(rnd)
        domains = domain_items(questionnaire)
        # (respondent, domain item) for every substantive answer: a value that is not blank text
        given = {(a.respondent, a.item) for a in bucket if a.item in domains and _said(a)}

        def hits(asked: frozenset[str], given: set[tuple[str, str]] = given) -> Mapping[str, int]:
            return Counter(r for r, item in given if item in asked)

        out[rnd] = decide(rnd, questionnaire, exact, tuple(dict.fromkeys(map(_RESPONDENT, bucket))),
                          {item for _, item in given}, not_asked(bucket), hits, lambda bucket=bucket: anyone(bucket))
    return out


def decide(round_id: str, questionnaire: Instrument, exact: bool, people: Sequence[str], seen: Collection[str],
           skipped: Collection[str], hits: Callable[[frozenset[str]], Mapping[str, int]],
           anything: Callable[[], Collection[str]]) -> Count:
    """Who counts in one round, from what its answers show: the rule of the module docstring.

    ``people`` in order of appearance; ``seen``: the domain items anyone answered;
    ``skipped``: items marked ``not_asked``; ``hits(asked)``: per person, how many of
    the ``asked`` items they answered; ``anything()``: who answered anything at all.
    :func:`count` finds these in the answers, the analysis in its answer matrix.
    """
    domains = domain_items(questionnaire)
    pulse = frozenset(it.id for it in questionnaire.items if it.construct_kind == "domain" and it.pulse)
    version = pulse if not exact and pulse and set(seen) <= pulse else domains
    asked = frozenset(version - set(skipped))
    if asked:
        per_person = hits(asked)
        yes = tuple(r for r in people if _enough(per_person.get(r, 0), len(asked)))
    else:  # no domain asked: anything said counts
        said = anything()
        yes = tuple(r for r in people if r in said)
    counted = set(yes)
    return Count(round_id, asked, yes, tuple(r for r in people if r not in counted))


def not_asked(answers: Iterable[Answer]) -> set[str]:
    """Items marked ``not_asked`` in these answers."""
    return {a.item for a in answers if a.missing == "not_asked"}


def anyone(answers: Iterable[Answer]) -> set[str]:
    """Respondents who said anything: a value that is not blank text, on an item that was asked."""
    return {a.respondent for a in answers if _said(a)}


def _said(a: Answer) -> bool:
    """A substantive answer: a value that is not blank text, on an item that was asked."""
    return a.missing != "not_asked" and a.value is not None and (type(a.value) is not str or bool(a.value.strip()))
