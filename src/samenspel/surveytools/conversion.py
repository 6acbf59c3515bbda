"""Turn a survey tool's export into Samenspel's answers, through the same validation as any response file.

Three steps, all-or-nothing:

1. every column gets a meaning (:func:`resolve_columns`): the mapping file
   first, then Samenspel's codes (``code``, ``code[sub]``, ``code_sub``, and
   for Qualtrics' multiple-answer lists ``code_<n>``), then the question text
   (Forms headings, LimeSurvey's "full question text" headings, Qualtrics'
   second header row); the tool's own columns (dates, ids) are ignored, and
   any other column is an error naming it;
2. every cell becomes a value and a ``missing`` reason (answer codes, recode
   values and answer texts in Dutch or English are all read);
3. the answers go through :mod:`samenspel.responses.validation`, whose
   problems are reported at the export's line (or row) and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from samenspel.errors import InputError, Problem
from samenspel.instrument.model import Item
from samenspel.responses.model import ROLES, ResponseSet
from samenspel.responses.validation import build_responses_from_lines
from samenspel.surveytools.codes import PARTNER_QUESTION, ROLE_CODES, ROLE_QUESTION
from samenspel.surveytools.layout import Cell, Choice, Layout, Question
from samenspel.surveytools.mapping import Mapping
from samenspel.surveytools.table import NOT_SHOWN, SKIPPED, Empty, RawValue, ToolExport

Kind = Literal["cell", "checks", "partner", "role", "respondent", "language", "ignore"]
HEADER = ("alliance", "round", "respondent", "partner", "item", "value", "role", "target", "round_date",
          "language", "missing")
_BRACKET = re.compile(r"^([A-Za-z][A-Za-z0-9]*)\[([A-Za-z0-9]+)\]$")
_UNDERSCORE = re.compile(r"^([A-Za-z][A-Za-z0-9]*)_([A-Za-z0-9]+)$")
_CODE_TEXT = re.compile(r"^([A-Za-z][A-Za-z0-9]*(?:\[[A-Za-z0-9]+\])?)\s*[.:\-–]\s+\S")
_NUMBERED = re.compile(r"^\d+[.)]\s*")
_LETTERED = re.compile(r"^[a-z][.)]\s+")
_YES = frozenset({"y", "yes", "ja", "1", "true", "waar"})
_NO = frozenset({"n", "no", "nee", "0", "false", "onwaar"})
_NA = frozenset({"n/a", "n.v.t.", "nvt", "n.v.t"})


@dataclass(frozen=True)
class Constants:
    """What the export does not hold, given on the command line or in the web form."""

    alliance: str
    round: str
    round_date: date | None = None
    partner: str | None = None  # for every respondent without a partner answer
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Meaning:
    """What one column of an export holds."""

    kind: Kind
    question: Question | None = None
    cell: Cell | None = None
    item: Item | None = None
    target: str | None = None
    mapped: bool = False  # from the mapping file (answers may then be the organisation's own codes)

    def describe(self) -> str:
        if self.kind == "cell" and self.item is not None:
            return self.item.id + (f" about {self.target}" if self.target else "")
        if self.kind == "checks" and self.question is not None:
            return "ticked items of " + self.question.code
        return self.kind


@dataclass
class ImportResult:
    responses: ResponseSet
    notes: list[str] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)  # column -> meaning, for a summary


def normal(text: str) -> str:
    """Text as compared: accents kept, case, spacing and surrounding punctuation ignored."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return " ".join(text.split()).strip(" .:?").casefold()


# -- step 1: columns ---------------------------------------------------------------------------
def resolve_columns(export: ToolExport, layout: Layout, mapping: Mapping | None = None) -> list[Meaning | None]:
    """The meaning of every column (None = not recognised)."""
    index = _Index(layout)
    out: list[Meaning | None] = []
    for i, name in enumerate(export.columns):
        meaning = _from_mapping(name, layout, mapping, index) if mapping is not None else None
        if meaning is None:
            meaning = index.by_code(name) or index.by_text(name)
        if meaning is None and i < len(export.texts):  # question texts of a second header row (VV, Qualtrics)
            meaning = index.by_text(export.texts[i])
        if meaning is None and i == export.respondent:
            meaning = Meaning("respondent")
        if meaning is None and i == export.language:
            meaning = Meaning("language")
        if meaning is None and i in export.meta:
            meaning = Meaning("ignore")
        out.append(meaning)
    return out


def unmapped_columns(export: ToolExport, meanings: Sequence[Meaning | None]) -> list[str]:
    """Names of the columns that still need a meaning (for the web app's mapping step)."""
    return [export.column_name(i) for i, m in enumerate(meanings) if m is None]


def _from_mapping(name: str, layout: Layout, mapping: Mapping, index: _Index) -> Meaning | None:
    target = mapping.column(name)
    if target is None:
        return None
    if target.field != "item":
        return Meaning(target.field)  # type: ignore[arg-type]
    item = layout.instrument.item(target.item or "")
    cell = index.cells.get((item.id, target.target))
    question = index.question_of.get((item.id, target.target))
    return Meaning("cell", question, cell, item, target.target, mapped=True)


class _Index:
    """Look-ups from codes and texts to the layout's questions and cells."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.questions = {q.code: q for q in layout.questions()}
        self.item_codes = {code: item_id for item_id, code in layout.codes.items()}
        self.cells: dict[tuple[str, str | None], Cell] = {}
        self.question_of: dict[tuple[str, str | None], Question] = {}
        self.texts: dict[str, Meaning] = {}
        for q in layout.questions():
            for cell in q.cells:
                if cell.item is not None:
                    self.cells[(cell.item.id, cell.target)] = cell
                    self.question_of[(cell.item.id, cell.target)] = q
                meaning = self._meaning(q, cell)
                for lang in ("nl", "en"):
                    for text in (cell.text(lang), f"{q.text(lang)} [{cell.label(lang)}]",
                                 f"{q.text(lang)} - {cell.label(lang)}"):
                        self.texts.setdefault(normal(text), meaning)
            if q.kind == "checks":
                for lang in ("nl", "en"):
                    self.texts.setdefault(normal(q.text(lang)), Meaning("checks", q))

    @staticmethod
    def _meaning(q: Question, cell: Cell) -> Meaning:
        if q.kind == "partner":
            return Meaning("partner", q, cell)
        if q.kind == "role":
            return Meaning("role", q, cell)
        return Meaning("cell", q, cell, cell.item, cell.target)

    def by_code(self, name: str) -> Meaning | None:
        name = name.strip()
        question = self.questions.get(name) or self.questions.get(name.lower())
        if question is not None and not question.grid:
            return self._meaning(question, question.cells[0])
        if question is not None and question.kind == "checks":
            return Meaning("checks", question)  # a tick list in one column (Qualtrics, not split into columns)
        match = _BRACKET.match(name) or _UNDERSCORE.match(name)
        if match is None:
            code = _CODE_TEXT.match(name)
            return self.by_code(code.group(1)) if code is not None else None
        head, sub = match.group(1).lower(), match.group(2)
        question = self.questions.get(head)
        if question is not None and question.kind == "checks" and sub.isdigit():
            k = int(sub)  # Qualtrics: a multiple-answer column is named by the choice's recode value
            return self._meaning(question, question.cells[k - 1]) if 1 <= k <= len(question.cells) else None
        if question is not None and question.grid:
            cell = next((c for c in question.cells if c.code == sub.lower()), None)
            if cell is not None:
                return self._meaning(question, cell)
        item_id = self.item_codes.get(sub.lower())  # a regrouped export: the subcode alone names the item
        if item_id is not None and (item_id, None) in self.cells:
            return self._meaning(self.question_of[(item_id, None)], self.cells[(item_id, None)])
        return None

    def by_text(self, text: str) -> Meaning | None:
        key = normal(text)
        if not key:
            return None
        # a number a tool kept in front of a title ("12. ...") does not change the question
        return self.texts.get(key) or self.texts.get(_NUMBERED.sub("", key))


# -- step 2 and 3: cells and validation ------------------------------------------------------
def convert(export: ToolExport, layout: Layout, constants: Constants, mapping: Mapping | None = None) -> ImportResult:
    """All answers of the export as a validated :class:`ResponseSet`; raise InputError listing every problem."""
    source = export.source
    meanings = resolve_columns(export, layout, mapping)
    problems: list[Problem] = []
    header_line = 1
    unmapped = [i for i, m in enumerate(meanings) if m is None]
    for i in unmapped:
        problems.append(Problem(source, header_line, f"column {i + 1} '{export.column_name(i)}' is not a question of "
                                f"questionnaire {layout.instrument.id} {layout.instrument.version}; map it to an "
                                "item (or to 'ignore') in a mapping file, see docs/SURVEY-TOOLS.md"))
    seen: dict[tuple[str, str | None], int] = {}
    for i, m in enumerate(meanings):
        if m is not None and m.kind == "cell" and m.item is not None:
            key = (m.item.id, m.target)
            if key in seen:
                problems.append(Problem(source, header_line, f"columns '{export.column_name(seen[key])}' and "
                                        f"'{export.column_name(i)}' both hold item {m.describe()}; map only one"))
            seen[key] = i
        if m is not None and m.kind == "cell" and m.item is not None and m.target is not None and layout.partners \
                and m.target not in layout.partners:
            problems.append(Problem(source, header_line, f"column '{export.column_name(i)}' is about partner "
                                    f"'{m.target}', who is not in the partner list {', '.join(layout.partners)}"))
        elif m is not None and m.kind == "cell" and m.target is not None and not m.mapped and i < len(export.texts):
            named = _row_label(export.texts[i])  # the partner's name in the column's text, where the export has it
            shown = layout.partner_labels.get(m.target, m.target)
            if named and normal(named) not in (normal(shown), normal(m.target)):
                problems.append(Problem(source, header_line, f"column '{export.column_name(i)}' is about "
                                        f"'{named}' in the export, but about '{shown}' with the partner list given; "
                                        "give the same partner list as when the questionnaire was exported"))
    partner_columns = [i for i, m in enumerate(meanings) if m is not None and m.kind == "partner"]
    if not partner_columns and not constants.partner:
        problems.append(Problem(source, header_line, "the export has no column with the respondent's partner "
                                "organisation; give the partner of all respondents (--partner NAME, or the "
                                "partner field of the import form), or map the column that holds it"))
    if problems:
        raise InputError(problems)
    return _Converter(export, layout, constants, mapping, meanings).run()


class _Converter:
    def __init__(self, export: ToolExport, layout: Layout, constants: Constants, mapping: Mapping | None,
                 meanings: list[Meaning | None]):
        self.export, self.layout, self.constants, self.mapping = export, layout, constants, mapping
        self.meanings = meanings
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.choice_index: dict[str, dict[str, Choice]] = {}
        names = {p.casefold(): p for p in layout.partners}
        names.update({label.casefold(): p for p, label in layout.partner_labels.items()})
        self.partner_names = names
        self.by_partner_code = {code: name for name, code in layout.partner_codes.items()}

    def problem(self, line: int, column: int | None, message: str) -> None:
        where = f"column '{self.export.column_name(column)}': " if column is not None else ""
        self.problems.append(Problem(self.export.source, line, where + message))

    def run(self) -> ImportResult:
        rows: list[tuple[int, list[object]]] = []
        origin: list[tuple[int, int | None]] = []  # synthetic line -> (export line, column)
        own_ratings = 0
        for line, cells in self.export.rows:
            context = self._context(line, cells)
            if context is None:
                continue
            respondent, partner, role, language = context
            for i, meaning in enumerate(self.meanings):
                if meaning is None or meaning.kind not in ("cell", "checks"):
                    continue
                for item, target, value, missing in self._answers(line, i, meaning, cells[i], cells):
                    if target is not None and target == partner:
                        if value is not None:
                            own_ratings += 1
                        continue
                    rows.append((len(rows) + 2, [self.constants.alliance, self.constants.round, respondent, partner,
                                                  item.id, value, role, target, self.constants.round_date, language,
                                                  missing]))
                    origin.append((line, i))
        if own_ratings:
            self.notes.append(f"{own_ratings} rating(s) of the respondent's own organisation were left out "
                              "(respondents rate only the other partners)")
        if self.problems:
            raise InputError(self.problems)
        try:
            responses = build_responses_from_lines(list(HEADER), rows, self.layout.instrument, self.export.source)
        except InputError as exc:
            raise InputError([self._translate(p, origin) for p in exc.problems]) from None
        summary = [(self.export.column_name(i), m.describe()) for i, m in enumerate(self.meanings)
                   if m is not None and m.kind != "ignore"]
        return ImportResult(responses, self.export.notes + self.notes, summary)

    def _translate(self, problem: Problem, origin: list[tuple[int, int | None]]) -> Problem:
        if problem.line is None or not 2 <= problem.line < len(origin) + 2:
            return Problem(self.export.source, problem.line, problem.message)
        line, column = origin[problem.line - 2]
        where = f"column '{self.export.column_name(column)}': " if column is not None else ""
        message = re.sub(r" \((first|line) at line \d+\)| at line \d+", "", problem.message)
        return Problem(self.export.source, line, where + message)

    # -- the respondent ---------------------------------------------------------------------
    def _context(self, line: int, cells: list[RawValue]) -> tuple[str, str, str | None, str | None] | None:
        respondent = ""
        partner: str | None = None
        answered = False  # a partner answer was given (a wrong one is reported where it is read)
        role: str | None = self.constants.role
        language: str | None = None
        for i, meaning in enumerate(self.meanings):
            if meaning is None:
                continue
            raw = cells[i]
            text = raw.strip() if isinstance(raw, str) else ""
            if meaning.kind == "respondent":
                respondent = text
            elif meaning.kind == "partner" and text:
                answered = True
                partner = self._partner(line, i, text)
            elif meaning.kind == "role" and text:
                role = self._role(line, i, text)
            elif meaning.kind == "language" and text:
                code = text[:2].lower()
                language = code if code in ("nl", "en") else None
        if not respondent and self.export.respondent is not None:
            raw = cells[self.export.respondent]
            respondent = raw.strip() if isinstance(raw, str) else ""
        if not respondent:
            respondent = f"{self.export.where}{line}"
        if partner is None:
            partner = self.constants.partner
            if partner is None and answered:
                return None
            if partner is None:
                self.problem(line, None, f"respondent {respondent} did not say which partner they work for; give "
                                         "the partner (--partner NAME) or leave this response out of the export")
                return None
        return respondent, partner, role, language

    def _partner(self, line: int, column: int, text: str) -> str | None:
        if self.mapping is not None and text in self.mapping.partners:
            return self.mapping.partners[text]
        if text.lower() in self.by_partner_code:
            return self.by_partner_code[text.lower()]
        if text.isdigit() and f"p{text}" in self.by_partner_code:  # Qualtrics recode value
            return self.by_partner_code[f"p{text}"]
        if text.casefold() in self.partner_names:
            return self.partner_names[text.casefold()]
        if not self.layout.partners:
            return text
        self.problem(line, column, f"unknown partner '{text}'; expected one of {', '.join(self.layout.partners)} "
                                   "(give the same partner list as for the export, or map it under 'partners:')")
        return None

    def _role(self, line: int, column: int, text: str) -> str | None:
        if self.mapping is not None and text in self.mapping.roles:
            return self.mapping.roles[text]
        key = normal(text)
        for number, (role, code) in enumerate(ROLE_CODES.items(), start=1):
            labels = {normal(q.label(lang)) for q in self._role_choices() if q.code == code for lang in ("nl", "en")}
            if key in (role, code, str(number)) or key in labels:
                return role
        self.problem(line, column, f"unknown role '{text}'; expected one of {', '.join(ROLES)} "
                                   "(or map it under 'roles:' in a mapping file)")
        return None

    def _role_choices(self) -> tuple[Choice, ...]:
        question = self.layout.question(ROLE_QUESTION)
        return question.choices if question is not None else ()

    # -- answers ----------------------------------------------------------------------------
    def _answers(self, line: int, column: int, meaning: Meaning, raw: RawValue, cells: list[RawValue]):  # type: ignore[no-untyped-def]
        """(item, target, value, missing) for one cell; a Forms tick list gives one per item."""
        if meaning.kind == "checks":
            yield from self._tick_list(line, column, meaning.question, raw)  # type: ignore[arg-type]
            return
        item = meaning.item
        if item is None:
            return
        if isinstance(raw, Empty):
            if item.type == "check" and raw is SKIPPED and self.export.tool == "limesurvey":
                yield item, meaning.target, 0.0, None  # LimeSurvey: a box of a shown list left unticked
            else:
                yield item, meaning.target, None, raw.value
            return
        text = raw.strip()
        if item.type == "text":
            yield item, meaning.target, raw if text else None, None
            return
        if not text:
            if item.type == "check" and self._list_touched(meaning, cells):
                yield item, meaning.target, 0.0, None
            else:
                yield item, meaning.target, None, None
            return
        found = self._value(line, column, meaning, text)
        if found is not None:
            yield item, meaning.target, found[0], found[1]

    def _list_touched(self, meaning: Meaning, cells: list[RawValue]) -> bool:
        """Whether another box of the same tick list was answered (then an empty box is a 'no')."""
        if meaning.question is None or meaning.question.kind != "checks":
            return False
        for i, other in enumerate(self.meanings):
            if other is not None and other.question is meaning.question and other is not meaning:
                raw = cells[i]
                if isinstance(raw, str) and raw.strip():
                    return True
        return False

    def _tick_list(self, line: int, column: int, question: Question, raw: RawValue):  # type: ignore[no-untyped-def]
        """A whole tick list in one cell: Forms joins ticked options with ';', Qualtrics with ','."""
        if isinstance(raw, Empty) or (not raw.strip() and self.export.tool != "msforms"):
            for cell in question.cells:
                yield cell.item, None, None, raw.value if isinstance(raw, Empty) else None
            return
        separator = ";" if self.export.tool == "msforms" else ","
        ticked: set[str] = set()
        pairs = [(c.label(lang).strip().casefold(), c.code) for c in question.cells for lang in ("nl", "en")]
        if self.export.tool == "qualtrics":
            pairs += [(str(k), c.code) for k, c in enumerate(question.cells, start=1)]  # recode values
        labels = sorted(pairs, key=lambda pair: -len(pair[0]))
        rest = raw
        while rest.strip():
            rest = rest.lstrip()
            folded = rest.casefold()
            # an option may hold the separator itself: the longest known option first
            found = next(((label, code) for label, code in labels if folded.startswith(label)
                          and folded[len(label):len(label) + 1] in ("", separator)), None)
            if found is not None:
                ticked.add(found[1])
                rest = rest[len(found[0]) + 1:]
                continue
            part, _, rest = rest.partition(separator)
            self.problem(line, column, f"unknown answer '{part.strip()}'; it is not one of the statements of this "
                                       "question (was the question edited after the import into Forms?)")
        for cell in question.cells:
            yield cell.item, None, 1.0 if cell.code in ticked else 0.0, None

    def _value(self, line: int, column: int, meaning: Meaning, text: str) -> tuple[float | None, str | None] | None:
        item = meaning.item
        assert item is not None
        key = normal(text)
        if item.type == "check":
            if key in _YES or (meaning.cell is not None and key in (normal(meaning.cell.label.nl),
                                                                   normal(meaning.cell.label.en))):
                return 1.0, None
            if key in _NO:
                return 0.0, None
            if key in _NA:
                return None, "not_asked"
        else:
            choices = self._choices(meaning)
            choice = choices.get(key) or choices.get(_LETTERED.sub("", key))
            if choice is not None:
                return (None, "dont_know") if choice.dont_know else (choice.value, None)
        if self.mapping is not None:
            mapped = self.mapping.values.get(text) or self.mapping.values.get(key)
            if mapped is None:
                mapped = next((v for k, v in self.mapping.values.items() if normal(k) == key), None)
            if isinstance(mapped, str):
                return None, mapped
            if mapped is not None:
                return mapped, None
        number = _number(text)
        if number is not None and (meaning.mapped or item.type == "check") and item.allowed(number):
            return number, None
        expected = [c.code for c in self._choices_list(meaning)] if item.type != "check" else ["Y", "1", "0"]
        self.problem(line, column, f"unknown answer '{text}' for item {item.id}; expected "
                                   f"{', '.join(expected) or 'a number'} or their texts; if the tool used its own "
                                   "codes, map them under 'values:' in a mapping file")
        return None

    def _choices_list(self, meaning: Meaning) -> tuple[Choice, ...]:
        if meaning.question is not None and meaning.question.choices:
            return meaning.question.choices
        from samenspel.surveytools.layout import choices_for

        return choices_for(meaning.item) if meaning.item is not None else ()

    def _choices(self, meaning: Meaning) -> dict[str, Choice]:
        key = meaning.question.code if meaning.question is not None else f"item:{meaning.item.id if meaning.item else ''}"
        index = self.choice_index.get(key)
        if index is None:
            index = {}
            for choice in self._choices_list(meaning):
                index.setdefault(normal(choice.code), choice)
            for choice in self._choices_list(meaning):
                index.setdefault(str(choice.recode), choice)
                for lang in ("nl", "en"):
                    label = choice.label(lang)
                    index.setdefault(normal(label), choice)
                    if choice.value is not None:
                        index.setdefault(normal(f"{int(choice.value)} {label}"), choice)
            self.choice_index[key] = index
        return index


_ROW_LABEL = (re.compile(r" - ([^-]+)$"), re.compile(r"\(([^()]*)\)$"), re.compile(r"\[([^\[\]]*)\]$"))


def _row_label(text: str) -> str | None:
    """The row of a grid as a header text names it: ``q - row`` (Qualtrics), ``q (row)`` (VV), ``q [row]``."""
    for pattern in _ROW_LABEL:
        match = pattern.search(text.strip())
        if match:
            return match.group(1).strip()
    return None


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None


__all__ = ["Constants", "ImportResult", "Meaning", "NOT_SHOWN", "SKIPPED", "convert", "resolve_columns",
           "unmapped_columns", "PARTNER_QUESTION"]
