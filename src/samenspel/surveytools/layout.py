"""Which questions a survey tool gets for a questionnaire and a partner list.

The same :class:`Layout` drives the exporters (what to write into a ``.lss``,
``.qsf`` or Forms document) and the importers (what each column of an export
means and which answer labels map to which values), so the two cannot drift.
The exporters take whatever :class:`~samenspel.instrument.model.Instrument`
they are given: a caller that selects modules passes the selected items.

Grouping, per part of the questionnaire: a run of two or more agree-scale
items becomes one grid (LimeSurvey "Array", Qualtrics "Matrix"); tick items
become one multiple-answer question; a relation item becomes a grid with one
row per partner; every other item is a question of its own. The first group
starts with "which partner do you work for" and "your role", so exports hold
the respondent's partner and role.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from samenspel.errors import SamenspelError
from samenspel.i18n import Text
from samenspel.instrument.model import Instrument, Item, Part
from samenspel.surveytools.codes import (
    DONT_KNOW_CODE,
    DONT_KNOW_RECODE,
    DONT_KNOW_TEXT,
    PARTNER_QUESTION,
    ROLE_CODES,
    ROLE_QUESTION,
    ROLE_TEXT,
    code_map,
    partner_codes,
)

Kind = Literal["partner", "role", "grid", "relation", "single", "checks", "text"]

PARTNER_TEXT = Text("Bij welke partnerorganisatie werk je?", "Which partner organisation do you work for?")
ROLE_QUESTION_TEXT = Text("Wat is je rol in de samenwerking?", "What is your role in the collaboration?")
GRID_TEXT = Text("In hoeverre ben je het eens met deze uitspraken?", "How far do you agree with these statements?")
CHECKS_TEXT = Text("Kruis aan wat volgens jou van toepassing is (meer antwoorden mogelijk).",
                   "Tick what applies in your view (you may tick several).")
THIS_PARTNER = Text("deze partner", "this partner")
SKIP_OWN = Text("Sla je eigen organisatie over.", "Skip your own organisation.")


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer a respondent can pick: LimeSurvey code, Qualtrics recode, label."""

    code: str
    recode: int
    value: float | None  # the value in Samenspel's data; None for "don't know"
    label: Text

    @property
    def dont_know(self) -> bool:
        return self.code == DONT_KNOW_CODE


@dataclass(frozen=True, slots=True)
class Cell:
    """One answer cell of a respondent: an item (for a partner), or the partner or role question."""

    code: str  # subquestion code; for a question of its own, the question code
    item: Item | None  # None for the partner and role questions
    target: str | None  # the partner rated (relation items)
    label: Text  # row label in a grid
    text: Text  # the question as one self-contained sentence (Forms titles, matching headers)


@dataclass(frozen=True, slots=True)
class Question:
    code: str
    kind: Kind
    text: Text
    cells: tuple[Cell, ...]
    choices: tuple[Choice, ...] = ()
    help: Text = Text("", "")

    @property
    def grid(self) -> bool:
        """Whether the tool shows it as rows with a subcode each (array, matrix, tick list)."""
        return self.kind in ("grid", "relation", "checks")


@dataclass(frozen=True, slots=True)
class Group:
    part: Part
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Layout:
    instrument: Instrument
    partners: tuple[str, ...]  # in the order given (the order respondents see)
    partner_codes: dict[str, str]  # name -> p1, p2, ... (alphabetical)
    codes: dict[str, str]  # item id -> code
    groups: tuple[Group, ...]
    partner_labels: dict[str, str]  # partner id -> the name respondents see (the id itself by default)

    def questions(self) -> list[Question]:
        return [q for g in self.groups for q in g.questions]

    def cells(self) -> list[tuple[Question, Cell]]:
        return [(q, c) for q in self.questions() for c in q.cells]

    def question(self, code: str) -> Question | None:
        return next((q for q in self.questions() if q.code == code), None)


def build_layout(instrument: Instrument, partners: tuple[str, ...] | list[str] = (),
                 labels: Mapping[str, str] | None = None) -> Layout:
    """The layout of ``instrument`` for these partners (needed when it has relation items).

    ``partners`` are the ids answers carry; ``labels`` the names respondents see (the web app's
    partner codes and names), by default the ids themselves.
    """
    partners = tuple(partners)
    shown = {p: (labels or {}).get(p) or p for p in partners}
    codes = code_map(instrument)
    if any(it.type == "relation" for it in instrument.items) and len(partners) < 2:
        raise SamenspelError("the questionnaire asks about each other partner; give the partners of the alliance "
                             "(at least two), e.g. --partners \"Gemeente,Ziekenhuis,Thuiszorg\"")
    by_partner = partner_codes(partners)
    groups: list[Group] = []
    used: set[str] = set()
    for part in instrument.parts:
        items = instrument.items_in(part.id)
        if not items:
            continue
        questions: list[Question] = []
        if not groups and partners:
            questions.append(_partner_question(partners, by_partner, shown))
        if not groups:
            questions.append(_role_question())
        questions += _part_questions(part, items, codes, partners, by_partner, shown)
        for q in questions:
            if q.code in used:
                raise SamenspelError(f"two questions would get the code {q.code}; rename part or item")
            used.add(q.code)
        groups.append(Group(part, tuple(questions)))
    return Layout(instrument, partners, by_partner, codes, tuple(groups), shown)


def _partner_question(partners: tuple[str, ...], by_partner: dict[str, str], shown: dict[str, str]) -> Question:
    choices = tuple(Choice(by_partner[p], int(by_partner[p][1:]), None, Text(shown[p], shown[p])) for p in partners)
    cell = Cell(PARTNER_QUESTION, None, None, PARTNER_TEXT, PARTNER_TEXT)
    return Question(PARTNER_QUESTION, "partner", PARTNER_TEXT, (cell,), choices)


def _role_question() -> Question:
    choices = tuple(Choice(code, i, None, ROLE_TEXT[role]) for i, (role, code) in enumerate(ROLE_CODES.items(), 1))
    cell = Cell(ROLE_QUESTION, None, None, ROLE_QUESTION_TEXT, ROLE_QUESTION_TEXT)
    return Question(ROLE_QUESTION, "role", ROLE_QUESTION_TEXT, (cell,), choices)


def choices_for(item: Item) -> tuple[Choice, ...]:
    """The answers of an item: its scale points or options, then "don't know" where allowed."""
    out: list[Choice] = []
    if item.type == "choice":
        out = [Choice(str(o.value), o.value, float(o.value), o.text) for o in item.options]
    elif item.type in ("likert", "relation", "bipolar"):
        lo, hi = item.min or 0, item.max or 0
        for i, value in enumerate(range(lo, hi + 1)):
            if item.labels and len(item.labels) == hi - lo + 1:
                label = item.labels[i]
            elif item.poles is not None and value in (lo, hi):
                pole = item.poles[0] if value == lo else item.poles[1]
                label = Text(f"{value} ({pole.nl})", f"{value} ({pole.en})")
            else:
                label = Text(str(value), str(value))
            out.append(Choice(str(value), value, float(value), label))
    if item.dont_know and item.type not in ("check", "text"):
        out.append(Choice(DONT_KNOW_CODE, DONT_KNOW_RECODE, None, DONT_KNOW_TEXT))
    return tuple(out)


def _fill(text: Text, partner: Text) -> Text:
    return Text(text.nl.replace("{partner}", partner.nl), text.en.replace("{partner}", partner.en))


def _part_questions(part: Part, items: tuple[Item, ...], codes: dict[str, str], partners: tuple[str, ...],
                    by_partner: dict[str, str], shown: dict[str, str]) -> list[Question]:
    out: list[Question] = []
    runs: list[list[Item]] = []
    for item in items:
        previous = runs[-1][-1] if runs else None
        if previous is not None and _same_run(previous, item):
            runs[-1].append(item)
        else:
            runs.append([item])
    grid_runs = [r for r in runs if len(r) > 1 or r[0].type == "check"]
    base = "g" + "".join(ch for ch in part.id.lower() if ch.isalnum())
    n_grid = 0
    for run in runs:
        first = run[0]
        if first.type == "relation":
            out += [_relation_question(item, codes, partners, by_partner, shown) for item in run]
            continue
        if len(run) == 1 and first.type != "check":
            kind: Kind = "text" if first.type == "text" else "single"
            cell = Cell(codes[first.id], first, None, first.text, first.text)
            out.append(Question(codes[first.id], kind, first.text, (cell,), choices_for(first)))
            continue
        n_grid += 1
        code = base if len(grid_runs) == 1 else f"{base}{n_grid}"
        cells = tuple(Cell(codes[it.id], it, None, it.text, it.text) for it in run)
        if first.type == "check":
            text = Text(f"{part.title.nl}: {CHECKS_TEXT.nl[0].lower()}{CHECKS_TEXT.nl[1:]}",
                        f"{part.title.en}: {CHECKS_TEXT.en[0].lower()}{CHECKS_TEXT.en[1:]}")
            out.append(Question(code, "checks", text, cells))
        else:
            out.append(Question(code, "grid", GRID_TEXT, cells, choices_for(first)))
    return out


def _same_run(a: Item, b: Item) -> bool:
    if a.type != b.type or a.type not in ("likert", "check"):
        return False
    return (a.min, a.max, a.labels, a.dont_know) == (b.min, b.max, b.labels, b.dont_know)


def _relation_question(item: Item, codes: dict[str, str], partners: tuple[str, ...],
                       by_partner: dict[str, str], shown: dict[str, str]) -> Question:
    cells = tuple(
        Cell(by_partner[p], item, p, Text(shown[p], shown[p]), _fill(item.text, Text(shown[p], shown[p])))
        for p in partners
    )
    return Question(codes[item.id], "relation", _fill(item.text, THIS_PARTNER), cells, choices_for(item), SKIP_OWN)
