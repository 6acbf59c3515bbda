"""Turn the rows of a response table into answers, checking everything (FORMATS.md §2).

This is the pure half of the import: the file readers in ``responses.reader``
only decode CSV or XLSX into rows of cells, and this module decides what the
rows mean. All problems are collected, with file and line, so a user can fix a
file in one go; if there is any problem nothing is returned (all-or-nothing),
because a half-imported round would silently skew every score.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from typing import Literal

from samenspel.errors import InputError, Problem
from samenspel.i18n import LANGUAGES
from samenspel.instrument.model import Instrument, Item
from samenspel.responses.model import COLUMNS, MISSING_REASONS, OPTIONAL_COLUMNS, ROLES, Answer, ResponseSet, Value

# Columns the reader accepts and ignores: helper text for people filling in an
# answer sheet (see docs/FORMATS-NOTES.md). Never written by the exporter.
IGNORED_COLUMNS: tuple[str, ...] = ("question",)
KNOWN_COLUMNS: tuple[str, ...] = COLUMNS + OPTIONAL_COLUMNS + IGNORED_COLUMNS
REQUIRED_FIELDS: tuple[str, ...] = ("alliance", "round", "respondent", "partner", "item")

Cell = object  # str from CSV; str, int, float, bool, date, datetime from XLSX; None or "" for empty
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
# A number as people type it, with the digits 0-9 only: Python's float() also takes full-width
# and Arabic-Indic digits, "1_000", "infinity" and "nan", which no spreadsheet means as an answer.
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$", re.ASCII)
# Control characters: never in an id; in an open answer only tab, line feed and carriage return.
# NUL in particular cannot be stored in PostgreSQL (and SQLite would keep it silently).
_CONTROL_IN_ID = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_ID_LENGTH: dict[str, int] = {"respondent": 60, "partner": 40, "target": 40}
"""Longest respondent and partner ids (also the web app's database columns); longer ones are refused."""
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INSTRUMENT = re.compile(r"^[a-z0-9][a-z0-9_.-]*@[0-9][0-9a-z.]*$")
_CONTEXT_COLUMNS: tuple[str, ...] = ("alliance", "round", "respondent", "partner", "role", "round_date", "language",
                                     "instrument")
_INVALID = object()  # a cell that is not a clean number; such rows go the slow way to get their message
if Answer._fields != COLUMNS + OPTIONAL_COLUMNS:  # the fast path below makes answers by position
    raise ImportError("Answer's fields must be the response file's columns in order")
# Remembered clean parts of a row: alliance, round, respondent, partner, role, round_date, language,
# instrument and the respondent's answered items; item id, target, value, relation?, the duplicate key
# and the reason a value is missing.
_Context = tuple[str, str, str, str, "str | None", "date | None", "str | None", "str | None",
                 "dict[str | tuple[str, str], int]"]
_Part = tuple[str, "str | None", "Value", bool, "str | tuple[str, str]", "str | None"]


@dataclass(frozen=True, slots=True)
class Row:
    """One data row of a response table: its line in the file and its cells."""

    line: int
    cells: Sequence[Cell]


def build_responses(
    header: Sequence[Cell], rows: Iterable[Row], instrument: Instrument | None, source: str
) -> ResponseSet:
    """Validate a header (line 1) and rows against ``instrument``; raise InputError listing every problem.

    With ``instrument`` None, each round is checked against its own questionnaire version
    (the ``instrument`` column, else inferred from its item ids; :mod:`samenspel.responses.versions`).
    """
    return build_responses_from_lines(header, ((row.line, row.cells) for row in rows), instrument, source)


def build_responses_from_lines(
    header: Sequence[Cell], lines: Iterable[tuple[int, Sequence[Cell]]], instrument: Instrument | None, source: str
) -> ResponseSet:
    """Like :func:`build_responses` for plain ``(line, cells)`` pairs, which readers make cheaply."""
    checker = _Checker(instrument, source)
    if not checker.header(header):
        raise InputError(checker.problems)
    if instrument is None:
        lines = lines if isinstance(lines, Sequence) else list(lines)  # read twice: versions, then answers
        checker.learn_versions(lines)
    answers, n_rows = checker.rows(lines)
    if n_rows == 0:
        checker.problem(None, "the file has a header but no answers; add one row per answer")
    if checker.problems:
        raise InputError(checker.problems)
    return ResponseSet(tuple(answers), source)


def as_text(cell: Cell) -> str:
    """A cell as text the way a user typed it: numbers without a needless ``.0``, dates in ISO form."""
    if type(cell) is str:
        return cell
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def _cell(cells: Sequence[Cell], index: int) -> Cell:
    """The cell at ``index``, None beyond the end of a short row."""
    return cells[index] if index < len(cells) else None


def _distinct(lines: Sequence[tuple[int, Sequence[Cell]]], a: int, b: int) -> dict[tuple[Cell, Cell], None]:
    """The distinct (cell a, cell b) pairs of the rows in order of first appearance (None past a row's end)."""
    pairs = getattr(lines, "pairs", None)  # reader.SplitLines splits no further than needed
    try:
        if pairs is not None:
            return dict.fromkeys(pairs(a, b))
        return dict.fromkeys(map(itemgetter(a, b), map(itemgetter(1), lines)))
    except IndexError:  # a short row
        return dict.fromkeys((_cell(cells, a), _cell(cells, b)) for _, cells in lines)


def describe_scale(item: Item) -> str:
    """What an item accepts, for error messages: ``1-5``, ``0 or 1``, ``one of 1, 2, 3``."""
    if item.type == "choice":
        return "one of " + ", ".join(str(o.value) for o in item.options)
    if item.type == "check":
        return "0 or 1"
    return f"{item.min}-{item.max}"


class _Checker:
    """Collects problems while reading rows; remembers what earlier rows said."""

    def __init__(self, instrument: Instrument | None, source: str):
        # One questionnaire for every round, or (None) each round's own version, learnt before the rows
        self.instrument = instrument
        self.round_instruments: dict[str, Instrument] = {}
        self.source = source
        self.problems: list[Problem] = []
        self.alliance: tuple[str, int] | None = None
        self.other_alliances: set[str] = set()
        self.round_dates: dict[str, tuple[date, int]] = {}
        self.date_conflicts: set[tuple[str, date]] = set()
        self.partner_of: dict[tuple[str, str], tuple[str, int]] = {}
        self.partner_conflicts: set[tuple[str, str, str]] = set()
        # Line of the first answer per (round, respondent), then per item or (item, target).
        self.seen: dict[tuple[str, str], dict[str | tuple[str, str], int]] = {}
        self.hints: dict[str, str] = {}
        self.dates: dict[str, date] = {}
        self.instrument_of: dict[str, tuple[str, int]] = {}  # round -> (questionnaire@version, first line)
        self.instrument_conflicts: set[tuple[str, str]] = set()
        # A bad id is reported once, at its first line, with how many more lines repeat it (a respondent's id
        # is on every row of theirs): (column, id) -> (index of its problem, lines with it)
        self._bad_ids: dict[tuple[str, str], tuple[int, int]] = {}

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.source, line, message))

    def questionnaire(self, round_id: str) -> Instrument:
        """The questionnaire a row of ``round_id`` is checked against (the current version if unknown)."""
        if self.instrument is not None:
            return self.instrument
        found = self.round_instruments.get(round_id)
        if found is None:
            from samenspel.instrument.selection import catalogue

            found = catalogue()
        return found

    def learn_versions(self, lines: Sequence[tuple[int, Sequence[Cell]]]) -> None:
        """Per round, the questionnaire version: its ``instrument`` column where known, else its item ids."""
        from samenspel.instrument.selection import catalogue
        from samenspel.responses.versions import infer_version, known_keys, version_of

        i_round, i_item = self._columns["round"], self._columns["item"]
        i_instrument = self._columns.get("instrument")
        # The distinct raw (round, item) and (round, instrument) cells, in order of first appearance:
        # a few hundred, made by C loops over 100,000s of rows, and only those are cleaned.
        pairs = _distinct(lines, i_round, i_item)
        items: dict[str, set[str]] = {}
        for rnd_cell, item_cell in pairs:
            items.setdefault(as_text(rnd_cell).strip(), set()).add(as_text(item_cell).strip())
        declared: dict[str, str] = {}
        if i_instrument is not None:
            for rnd_cell, key_cell in _distinct(lines, i_round, i_instrument):
                rnd, key = as_text(rnd_cell).strip(), as_text(key_cell).strip()
                if rnd not in declared and key and _INSTRUMENT.match(key):
                    declared[rnd] = key
                    if version_of(key) is None:
                        line = next((n for n, cells in lines if _cell(cells, i_round) == rnd_cell
                                     and _cell(cells, i_instrument) == key_cell), None)
                        self.problem(line, f"unknown questionnaire '{key}'; known are {', '.join(known_keys())}")
        for rnd, ids in items.items():
            version = version_of(declared[rnd]) if rnd in declared else None
            self.round_instruments[rnd] = catalogue(version or infer_version(ids - {""}))

    # -- header ---------------------------------------------------------
    def header(self, header: Sequence[Cell]) -> bool:
        """Learn the columns; False if a must column is missing (rows cannot be read then)."""
        columns: dict[str, int] = {}
        named: set[int] = set()
        for index, cell in enumerate(header):
            name = as_text(cell).strip().lower()
            if not name:
                continue  # an unnamed column is allowed only when empty; checked per row
            named.add(index)
            if name in columns:
                self.problem(1, f"column '{name}' appears twice in the header")
            elif name not in KNOWN_COLUMNS:
                hint = _suggest(name, KNOWN_COLUMNS)
                self.problem(
                    1,
                    f"unknown column '{name}'{hint}; allowed columns are "
                    f"{', '.join(COLUMNS + OPTIONAL_COLUMNS)}",
                )
            else:
                columns[name] = index
        missing = [c for c in COLUMNS if c not in columns]
        if missing:
            self.problem(
                1,
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
                f"the header must have {', '.join(COLUMNS)}",
            )
            return False
        self._width = len(header)
        # Columns without a name; an unknown or doubled name was reported once, in the header.
        self._unnamed = [i for i in range(len(header)) if i not in named]
        self._stray: dict[int, tuple[int, int]] = {}  # column -> (index of its problem, rows with a value)
        # One getter for all fields; an absent optional column reads the None padded at index _width.
        self._fields = itemgetter(*(columns.get(c, self._width) for c in COLUMNS + OPTIONAL_COLUMNS))
        self._columns = columns
        return True

    # -- all rows -------------------------------------------------------
    def rows(self, lines: Iterable[tuple[int, Sequence[Cell]]]) -> tuple[list[Answer], int]:
        """The answers of all clean rows, and the number of rows, after recording every problem.

        A large file repeats a few contexts (alliance, round, respondent, partner, role, date,
        language) and a few values per item hundreds of times, so what was found clean once is
        remembered and a row made only of clean, known parts is accepted with a few look-ups.
        Every other row goes through :meth:`row`, which finds and words its problems. That is the
        same decision: the remembered context checks depend on state that never changes once set
        (the first alliance, round date and partner of a respondent), and the duplicate check is
        done for every row.
        """
        width, unnamed, columns = self._width, self._unnamed, self._columns
        context_of = itemgetter(*(columns[c] for c in _CONTEXT_COLUMNS if c in columns))
        i_item, i_value = columns["item"], columns["value"]
        i_target, i_missing = columns.get("target"), columns.get("missing")
        answer_of: Callable[[Sequence[Cell]], tuple[Cell, Cell, Cell, Cell]]
        if i_target is not None and i_missing is not None:
            answer_of = itemgetter(i_item, i_target, i_value, i_missing)
        elif i_target is not None:
            get = itemgetter(i_item, i_target, i_value)
            answer_of = lambda row: (*get(row), None)  # noqa: E731
        elif i_missing is not None:
            answer_of = lambda row: (row[i_item], None, row[i_value], row[i_missing])  # noqa: E731
        else:
            answer_of = lambda row: (row[i_item], None, row[i_value], None)  # noqa: E731
        contexts: dict[tuple[Cell, ...], _Context] = {}
        # item look-ups depend on the round's questionnaire: one cache per questionnaire
        caches: dict[int, tuple[dict[tuple[Cell, Cell, Cell, Cell], _Part | Literal[False]],
                                dict[Cell, tuple[str, bool, bool, frozenset[object]] | None]]] = {}
        numbers: dict[str, float | None | object] = {}
        last_round: str | None = None
        parts: dict[tuple[Cell, Cell, Cell, Cell], _Part | Literal[False]] = {}
        kinds: dict[Cell, tuple[str, bool, bool, frozenset[object]] | None] = {}
        instrument = self.questionnaire("")
        slow, fall_back, answered_by = self.row, self._fall_back, self._answered
        make = tuple.__new__  # Answer(...) by its fields in order, without the keyword handling
        padding: list[Cell] = [None] * width
        answers: list[Answer] = []
        append = answers.append
        n_rows = 0
        last_key: tuple[Cell, ...] | None = None
        context: _Context | None = None
        for line, cells in lines:
            n_rows += 1
            row = cells
            if len(row) != width:
                row = [*row, *padding[len(row) :]] if len(row) < width else None
            if row is None or (unnamed and any(as_text(row[i]).strip() for i in unnamed)):
                fall_back(line, cells, answers)
                continue
            key = context_of(row)
            if key != last_key:  # rows of one respondent mostly follow each other: no hashing then
                context = contexts.get(key)
                last_key = key if context is not None else None
            if context is None:
                answer = slow(Row(line, cells))
                if answer is not None:
                    append(answer)
                    contexts[key] = (
                        answer.alliance, answer.round, answer.respondent, answer.partner,
                        answer.role, answer.round_date, answer.language, answer.instrument,
                        answered_by(answer.round, answer.respondent),
                    )  # fmt: skip
                continue
            alliance, round_id, respondent, partner, role, round_date, language, declared, answered = context
            if round_id != last_round:
                last_round = round_id
                instrument = self.questionnaire(round_id)
                parts, kinds = caches.setdefault(id(instrument), ({}, {}))

            key = answer_of(row)
            part = parts.get(key)
            if part is None:
                part = self._answer_part(*key, kinds, numbers, instrument)
                if _same_for_equal(key[2]):
                    parts[key] = part
            if not part:
                fall_back(line, cells, answers)
                continue
            item_id, target, value, relation, answer_key, missing = part
            if (relation and target == partner) or answer_key in answered:
                fall_back(line, cells, answers)
                continue
            answered[answer_key] = line
            append(make(Answer, (alliance, round_id, respondent, partner, item_id, value, role, target, round_date,
                              language, missing, declared)))
        self._summarise_stray()
        return answers, n_rows

    def _summarise_stray(self) -> None:
        """One problem per column without a name (and per bad id), at its first line, with how many more lines
        have a value there (or the same id)."""
        for index, n in [*self._stray.values(), *self._bad_ids.values()]:
            if n > 1:
                first = self.problems[index]
                more = n - 1
                self.problems[index] = Problem(
                    first.file, first.line, f"{first.message} (and on {more:,} more line{'s' if more > 1 else ''})"
                )

    def _answered(self, round_id: str, respondent: str) -> dict[str | tuple[str, str], int]:
        answered = self.seen.get((round_id, respondent))
        if answered is None:
            answered = self.seen[(round_id, respondent)] = {}
        return answered

    def _fall_back(self, line: int, cells: Sequence[Cell], answers: list[Answer]) -> None:
        answer = self.row(Row(line, cells))
        if answer is not None:
            answers.append(answer)

    def _answer_part(
        self,
        raw_item: Cell,
        raw_target: Cell,
        raw_value: Cell,
        raw_missing: Cell,
        kinds: dict[Cell, tuple[str, bool, bool, frozenset[object]] | None],
        numbers: dict[str, float | None | object],
        instrument: Instrument,
    ) -> _Part | Literal[False]:
        """(item id, target, value, relation?, key, missing) when these cells are clean on their own, else False.

        Only the target being the respondent's own partner is left to check.
        """
        kind = kinds.get(raw_item, _INVALID)
        if kind is _INVALID:
            kind = kinds[raw_item] = self._kind(raw_item, instrument)
        if kind is None:
            return False
        item_id, relation, text_item, allowed = kind
        target = None if raw_target is None else as_text(raw_target).strip() or None
        if (target is None) if relation else (target is not None):
            return False
        if target is not None and (len(target) > MAX_ID_LENGTH["target"] or _CONTROL_IN_ID.search(target)):
            return False
        value: Value
        if text_item:
            text = raw_value if isinstance(raw_value, str) else as_text(raw_value)
            if _CONTROL_IN_TEXT.search(text):
                return False
            value = text if text.strip() else None
        else:
            cell_type = type(raw_value)
            if cell_type is str:
                number = numbers.get(raw_value, _INVALID)  # type: ignore[call-overload]
                if number is _INVALID:
                    number = numbers[raw_value] = _number(raw_value)  # type: ignore[index, arg-type]
            elif cell_type is float or cell_type is int or cell_type is bool:
                number = float(raw_value)  # type: ignore[arg-type]
            else:
                number = None if raw_value is None else _INVALID
            if number is not None and number not in allowed:
                return False
            value = number  # type: ignore[assignment]
        missing = None
        if raw_missing is not None:
            missing = raw_missing.strip() if type(raw_missing) is str else _INVALID
            if missing == "":
                missing = None
            elif missing not in MISSING_REASONS or value is not None:
                return False
        return item_id, target, value, relation, item_id if target is None else (item_id, target), missing  # type: ignore[return-value]

    def _kind(self, cell: Cell, instrument: Instrument) -> tuple[str, bool, bool, frozenset[object]] | None:
        """(id, relation?, text?, allowed numbers) of the item named in ``cell``; None if empty or unknown."""
        item_id = as_text(cell).strip()
        if not item_id or not instrument.has_item(item_id):
            return None
        item = instrument.item(item_id)
        allowed: frozenset[object]
        if item.type == "choice":
            allowed = frozenset(o.value for o in item.options)
        elif item.min is None or item.max is None:
            allowed = frozenset()
        else:  # the whole numbers min..max, as Item.allowed has it
            allowed = frozenset(range(math.ceil(item.min), math.floor(item.max) + 1))
        return item_id, item.type == "relation", item.type == "text", allowed

    # -- one row --------------------------------------------------------
    def row(self, row: Row) -> Answer | None:
        """The answer in ``row``, or None after recording its problems."""
        line, cells = row.line, list(row.cells)
        before = len(self.problems)
        width = self._width
        stray = False
        if self._unnamed or len(cells) > width:
            for index in [i for i in self._unnamed if i < len(cells)] + list(range(width, len(cells))):
                text = as_text(cells[index]).strip()
                if text:
                    seen = self._stray.get(index)
                    if seen is None:
                        self._stray[index] = (len(self.problems), 1)
                        self.problem(line, f"value '{_visible(text)}' in column {index + 1}, which has no name")
                    else:
                        self._stray[index] = (seen[0], seen[1] + 1)  # counted in the first problem
                    stray = True
                    break
            del cells[width:]
        cells.extend([None] * (width + 1 - len(cells)))
        raw_alliance, raw_round, raw_respondent, raw_partner, raw_item, raw_value, *optional = self._fields(cells)
        raw_role, raw_target, raw_round_date, raw_language, raw_missing, raw_instrument = optional

        fields = [as_text(c).strip() for c in (raw_alliance, raw_round, raw_respondent, raw_partner, raw_item)]
        for name, text in zip(REQUIRED_FIELDS, fields, strict=True):
            if not text:
                self.problem(line, f"empty {name}; every row needs alliance, round, respondent, partner and item")
            elif not self._clean_id(name, text, line):
                fields[REQUIRED_FIELDS.index(name)] = ""  # reported; no further checks on it
                stray = True  # no answer from this row, though a repeated bad id adds no problem of its own
        alliance, round_id, respondent, partner, item_id = fields

        if alliance:
            self._check_alliance(alliance, line)

        role = self._role(raw_role, line)
        language = self._language(raw_language, line)
        instrument = self._instrument(raw_instrument, round_id, line)
        round_date = self._round_date(raw_round_date, line)
        if round_id and round_date is not None:
            self._check_round_date(round_id, round_date, line)

        target: str | None = as_text(raw_target).strip() or None
        bad_target = target is not None and not self._clean_id("target", target, line)
        if bad_target:
            target = None
            stray = True
        item = self._item(item_id, line, self.questionnaire(round_id)) if item_id else None
        value: Value = None
        if item is not None:
            if item.type == "relation" and target is None and not bad_target:  # a bad one was reported
                self.problem(line, f"item {item.id} rates another partner; fill in the target column")
            if item.type != "relation" and target is not None:
                self.problem(line, f"target '{target}' given for item {item.id}, which is not a relation item")
            value = self._value(item, raw_value, line)
        missing = self._missing(raw_missing, raw_value, line)
        if target is not None and partner and target == partner:
            self.problem(line, f"target '{target}' is the respondent's own partner; rate only other partners")

        if round_id and respondent and partner:
            self._check_partner(round_id, respondent, partner, line)
        if round_id and respondent and item_id:
            answered = self._answered(round_id, respondent)
            key = item_id if target is None else (item_id, target)
            first = answered.get(key)
            if first is not None:
                about = f", target {target}" if target else ""
                self.problem(
                    line,
                    f"duplicate answer of respondent {respondent} to item {item_id}{about} "
                    f"in round {round_id} (first at line {first})",
                )
            else:
                answered[key] = line

        if stray or len(self.problems) > before:
            return None
        return Answer(alliance, round_id, respondent, partner, item_id, value, role, target, round_date, language,
                      missing, instrument)

    # -- field checks ---------------------------------------------------
    def _clean_id(self, name: str, text: str, line: int) -> bool:
        """Whether an id has no control characters and is not too long; else a problem is recorded."""
        seen = self._bad_ids.get((name, text))
        if seen is not None:  # reported at its first line; counted there
            self._bad_ids[(name, text)] = (seen[0], seen[1] + 1)
            return False
        before = len(self.problems)
        if not self._check_id(name, text, line):
            self._bad_ids[(name, text)] = (before, 1)
            return False
        return True

    def _check_id(self, name: str, text: str, line: int) -> bool:
        bad = _CONTROL_IN_ID.search(text)
        if bad:
            self.problem(line, f"{name} '{_visible(text)}' contains the control character {_codepoint(bad.group())}; "
                               "ids are plain text on one line")
            return False
        limit = MAX_ID_LENGTH.get(name)
        if limit is not None and len(text) > limit:
            self.problem(line, f"{name} '{text[:20]}...' is {len(text)} characters long; "
                               f"a {name} id has at most {limit}")
            return False
        return True

    def _check_alliance(self, alliance: str, line: int) -> None:
        if self.alliance is None:
            self.alliance = (alliance, line)
        elif alliance != self.alliance[0] and alliance not in self.other_alliances:
            self.other_alliances.add(alliance)
            self.problem(
                line,
                f"second alliance '{alliance}' (line {self.alliance[1]} has '{self.alliance[0]}'); "
                "a file holds the answers of one alliance",
            )

    def _check_round_date(self, round_id: str, round_date: date, line: int) -> None:
        first = self.round_dates.get(round_id)
        if first is None:
            self.round_dates[round_id] = (round_date, line)
        elif first[0] != round_date and (round_id, round_date) not in self.date_conflicts:
            self.date_conflicts.add((round_id, round_date))
            self.problem(
                line,
                f"round {round_id} has round_date {round_date.isoformat()} here but "
                f"{first[0].isoformat()} at line {first[1]}; a round has one date",
            )

    def _check_partner(self, round_id: str, respondent: str, partner: str, line: int) -> None:
        first = self.partner_of.get((round_id, respondent))
        if first is None:
            self.partner_of[(round_id, respondent)] = (partner, line)
        elif first[0] != partner and (round_id, respondent, partner) not in self.partner_conflicts:
            self.partner_conflicts.add((round_id, respondent, partner))
            self.problem(
                line,
                f"respondent {respondent} belongs to partner '{partner}' here but to '{first[0]}' "
                f"at line {first[1]} in round {round_id}; a respondent has one partner per round",
            )

    def _item(self, item_id: str, line: int, instrument: Instrument) -> Item | None:
        if instrument.has_item(item_id):
            return instrument.item(item_id)
        hint = self.hints.get(f"{instrument.key} {item_id}")
        if hint is None:
            hint = self.hints[f"{instrument.key} {item_id}"] = _suggest(item_id, [it.id for it in instrument.items])
        self.problem(
            line,
            f"unknown item '{item_id}'{hint}; it is not in questionnaire "
            f"{instrument.id} {instrument.version}",
        )
        return None

    def _missing(self, cell: Cell, raw_value: Cell, line: int) -> str | None:
        """Why a value is empty (FORMATS.md §4): one of MISSING_REASONS, and only with an empty value."""
        text = as_text(cell).strip()
        if not text:
            return None
        if text not in MISSING_REASONS:
            self.problem(line, f"unknown missing reason '{text}'; allowed are {', '.join(MISSING_REASONS)} (or empty)")
            return None
        if as_text(raw_value).strip():
            self.problem(line, f"missing is '{text}' but the value is filled in; leave one of the two empty")
            return None
        return text

    def _instrument(self, cell: Cell, round_id: str, line: int) -> str | None:
        """The questionnaire and version (``samenspel-core@1.0``); one per round."""
        text = as_text(cell).strip()
        if not text:
            return None
        if not _INSTRUMENT.match(text):
            self.problem(line, f"invalid instrument '{text}'; write the questionnaire and its version as "
                               "id@version, e.g. samenspel-core@1.0")
            return None
        if round_id:
            first = self.instrument_of.get(round_id)
            if first is None:
                self.instrument_of[round_id] = (text, line)
            elif first[0] != text and (round_id, text) not in self.instrument_conflicts:
                self.instrument_conflicts.add((round_id, text))
                self.problem(line, f"round {round_id} was answered with {first[0]} (line {first[1]}) but this row "
                                   f"says {text}; a round has one questionnaire version")
        return text

    def _role(self, cell: Cell, line: int) -> str | None:
        return self._one_of(cell, line, "role", ROLES)

    def _language(self, cell: Cell, line: int) -> str | None:
        return self._one_of(cell, line, "language", LANGUAGES)

    def _one_of(self, cell: Cell, line: int, what: str, allowed: Sequence[str]) -> str | None:
        """An optional code from a fixed list (case-insensitive); empty is None."""
        text = as_text(cell).strip().lower()
        if not text:
            return None
        if text not in allowed:
            self.problem(line, f"unknown {what} '{text}'; allowed {what}s are {', '.join(allowed)} (or empty)")
            return None
        return text

    def _round_date(self, cell: Cell, line: int) -> date | None:
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        text = as_text(cell).strip()
        if not text:
            return None
        known = self.dates.get(text)
        if known is not None:
            return known
        try:
            if not _ISO_DATE.match(text):
                raise ValueError(text)
            known = self.dates[text] = date.fromisoformat(text)
            return known
        except ValueError:
            self.problem(line, f"invalid round_date '{text}'; write a date as YYYY-MM-DD, e.g. 2025-04-15")
            return None

    def _value(self, item: Item, cell: Cell, line: int) -> Value:
        if item.type == "text":
            text = cell if isinstance(cell, str) else as_text(cell)
            bad = _CONTROL_IN_TEXT.search(text)
            if bad:
                self.problem(line, f"the open answer to item {item.id} contains the control character "
                                   f"{_codepoint(bad.group())} at position {bad.start() + 1}; remove it (it is often "
                                   "left by copying from another program)")
                return None
            return text if text.strip() else None
        typed: str | None = None  # the number as typed, for messages (a float would round 30 digits)
        if isinstance(cell, bool):
            number = 1.0 if cell else 0.0
        elif isinstance(cell, int | float):
            number = float(cell)
        else:
            text = typed = as_text(cell).strip()
            if not text:
                return None
            parsed = _number(text)
            if parsed is _INVALID:
                if not text.isascii() and any(c.isdigit() for c in text):
                    self.problem(line, f"value '{_visible(text)}' is written with digits other than 0-9 (for example "
                                       f"full-width or Arabic-Indic digits); type it with 0-9; item {item.id} expects "
                                       f"{describe_scale(item)}")
                else:
                    self.problem(line, f"value '{_visible(text)}' is not a number; item {item.id} expects "
                                       f"{describe_scale(item)}")
                return None
            number = parsed  # type: ignore[assignment]
        if item.allowed(number):
            return number
        shown = typed if typed is not None else as_text(number)
        if item.type == "choice":
            self.problem(line, f"value {shown} is not an option of item {item.id} ({describe_scale(item)})")
        elif item.type == "check":
            self.problem(line, f"value {shown} is not allowed for item {item.id} (0 or 1)")
        elif item.min is not None and item.max is not None and item.min <= number <= item.max:
            self.problem(line, f"value {shown} is not a whole number; item {item.id} expects {describe_scale(item)}")
        else:
            self.problem(line, f"value {shown} is out of range for item {item.id} ({describe_scale(item)})")
        return None


def _same_for_equal(cell: Cell) -> bool:
    """Whether every cell equal to this one reads as the same value (not so for 0.0 and -0.0, or NaN)."""
    return cell is None or type(cell) is str or (type(cell) is float and cell != 0.0 and cell == cell)


def _number(cell: str) -> float | None | object:
    """A text cell as :meth:`_Checker._value` reads it: a float, None when empty, or ``_INVALID``."""
    text = cell.strip()
    if not text:
        return None
    if _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    if not _NUMBER.match(text):
        return _INVALID
    number = float(text)
    if number in (float("inf"), float("-inf")):
        return _INVALID
    return number


def _codepoint(char: str) -> str:
    """A control character named so people can find it: ``NUL (U+0000)``, ``U+0007``."""
    names = {"\x00": "NUL ", "\x09": "tab ", "\x0a": "line feed ", "\x0d": "carriage return "}
    return f"{names.get(char, '')}(U+{ord(char):04X})" if char in names else f"U+{ord(char):04X}"


def _visible(text: str) -> str:
    """``text`` for a message: control characters as ``\\x00``, so the message itself stays on one line."""
    return _CONTROL_IN_ID.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _suggest(name: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


