"""Open norm files: a CSV of norm rows plus a JSON description (issue 16, point 3; docs/FORMATS.md §5).

A sector body publishes norms that any installation can use without anyone
sharing raw answers. The files carry no alliance names and no member lists
(those stay in the builder's private ledger, ``NormSet.ledger``). Reading
someone else's file is reading untrusted input: the same size and row limits
as a response file (``responses.limits``), every problem reported with file,
line and what is wrong, and nothing used unless the whole file is sound. A file
for another questionnaire version is refused: its domains are other items.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from samenspel.errors import InputError, Problem, SamenspelError
from samenspel.norms.norms import ALL, DIMENSIONS, P90_MIN, NormGroup, NormRow, NormSet
from samenspel.responses import limits

FORMAT = "samenspel-norms"
FORMAT_VERSION = 1
COLUMNS = ("group", "measure", "n", "q1", "median", "q3", "p90")
DEFAULT_LICENCE = "CC-BY-4.0"
MAX_NORM_BYTES = 20 * 1024 * 1024
"""Largest norm CSV read, 20 MB: thousands of groups x measures fit in far less."""
MAX_NORM_ROWS = 200_000
MAX_DESCRIPTION_BYTES = 1024 * 1024
MAX_LABEL = 200
"""Longest publisher, licence or creation date in a description."""
NOT_RECALLED = ("A published norm file cannot be recalled: alliances that opt out later are left out of future "
                "norm files only.")
_GROUP = re.compile(r"^(all|(" + "|".join(DIMENSIONS) + r"):[A-Za-z0-9_.+-]{1,64})$")
_MEASURE = re.compile(r"^[a-z_]{1,32}:[A-Za-z0-9_.:-]{1,64}$")
_QUESTIONNAIRE = re.compile(r"^[A-Za-z0-9_.-]{1,64}@[0-9][0-9.]{0,15}$")


class VersionError(SamenspelError):
    """A norm file for another questionnaire version than the one asked for (``found`` names its version)."""

    def __init__(self, message: str, found: str):
        super().__init__(message)
        self.found = found


@dataclass(frozen=True)
class NormFile:
    """A norm set with the description that travels with it."""

    normset: NormSet
    licence: str = DEFAULT_LICENCE
    publisher: str | None = None
    created: str | None = None


def description(normset: NormSet, licence: str = DEFAULT_LICENCE, publisher: str | None = None,
                created: str | None = None, rows_file: str | None = None) -> dict[str, object]:
    """The JSON description of a norm file (docs/FORMATS.md §5)."""
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "questionnaire": normset.questionnaire,
        "min_alliances": normset.min_alliances,
        "n_alliances": normset.n_alliances,
        "period": {"from": normset.period[0], "to": normset.period[1]},
        "licence": licence, "publisher": publisher, "created": created or date.today().isoformat(),
        "rows_file": rows_file,
        "quantiles": "type 7 (linear interpolation between order statistics); p90 only with at least "
                     f"{P90_MIN} alliances",
        "measures": list(normset.measures),
        "groups": [{"group": g.group, "n": g.n} for g in normset.groups],
        "recall": NOT_RECALLED,
    }


def to_csv(normset: NormSet) -> str:
    """The norm rows as CSV (no members, no alliance names)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in normset.rows:
        w.writerow([r.group, r.measure, r.n, _num(r.q1), _num(r.median), _num(r.q3),
                    "" if r.p90 is None else _num(r.p90)])
    return out.getvalue()


def _num(v: float) -> str:
    return f"{v:g}"


def write_normfile(normset: NormSet, csv_path: Path, licence: str = DEFAULT_LICENCE,
                   publisher: str | None = None) -> tuple[Path, Path]:
    """Write ``name.csv`` and ``name.json`` beside it; returns both paths."""
    json_path = csv_path.with_suffix(".json")
    desc = description(normset, licence, publisher, rows_file=csv_path.name)
    try:
        csv_path.parent.mkdir(parents=True, exist_ok=True)
        csv_path.write_text(to_csv(normset), encoding="utf-8", newline="")
        json_path.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise SamenspelError(f"{csv_path}: cannot write the norm file ({exc.strerror})") from None
    return csv_path, json_path


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SamenspelError(f"{path}: file not found") from None
    except OSError as exc:
        raise SamenspelError(f"{path}: cannot read the file ({exc.strerror})") from None
    if path.is_dir():
        raise SamenspelError(f"{path}: is a directory, not a norm file")
    if size > max_bytes:
        raise SamenspelError(f"{path}: the file is {size:,} bytes, more than the limit of {max_bytes:,} for a "
                             "norm file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SamenspelError(f"{path}: cannot read the file ({exc.strerror})") from None
    limits.check_size(data, str(path), limits.Limits(max_bytes=max_bytes))
    return data


def read_normfile(csv_path: str | Path, json_path: str | Path | None = None, *,
                  questionnaire: str | None = None) -> NormFile:
    """Read and check a norm file pair; ``questionnaire`` (e.g. ``samenspel-core@2.0``) refuses other versions.

    The description is ``json_path`` or the ``.json`` beside the CSV. Raises
    :class:`InputError` listing every problem (file:line: what), or
    :class:`SamenspelError` for a file that cannot be read at all.
    """
    csv_path = Path(csv_path)
    json_path = Path(json_path) if json_path is not None else csv_path.with_suffix(".json")
    if csv_path.suffix.lower() != ".csv":
        raise SamenspelError(f"{csv_path}: a norm file is a .csv of norm rows with a .json description beside it")
    if not csv_path.exists():  # name the file the user gave before the description beside it
        raise SamenspelError(f"{csv_path}: file not found")
    if not json_path.exists():
        raise SamenspelError(
            f"{json_path}: the norm file's description is missing; a norm file is the CSV of norm rows with its "
            f"JSON description beside it under the same name (docs/NORMS.md), as 'samenspel norms export' writes them")
    return read_normfile_data(_read(csv_path, MAX_NORM_BYTES), str(csv_path),
                              _read(json_path, MAX_DESCRIPTION_BYTES), str(json_path), questionnaire=questionnaire)


def read_normfile_data(rows: bytes, rows_name: str, desc: bytes, desc_name: str, *,
                       questionnaire: str | Collection[str] | None = None) -> NormFile:
    """Like :func:`read_normfile` for contents already in memory (a web upload): the same checks and limits.

    ``rows`` is the CSV of norm rows, ``desc`` its JSON description; the names
    appear in every problem. ``questionnaire`` may name several accepted versions. The description is checked first, then the
    questionnaire version, then every row; nothing is returned unless all is sound.
    """
    limits.check_size(desc, desc_name, limits.Limits(max_bytes=MAX_DESCRIPTION_BYTES))
    limits.check_size(rows, rows_name, limits.Limits(max_bytes=MAX_NORM_BYTES))
    description_ = _description(desc, desc_name)
    found = str(description_["questionnaire"])
    wanted = (questionnaire,) if isinstance(questionnaire, str) else tuple(questionnaire or ())
    if wanted and found not in wanted:
        raise VersionError(
            f"{desc_name}: these norms are for questionnaire {found}, this comparison uses {' or '.join(wanted)}; "
            "norms of another questionnaire version compare other items and are not used", found=found)
    norm_rows = _rows(rows, rows_name, description_)
    groups = tuple(NormGroup(str(g["group"]), int(g["n"])) for g in description_["groups"])  # type: ignore[union-attr]
    period = description_["period"]
    ns = NormSet(questionnaire=found, min_alliances=int(description_["min_alliances"]),  # type: ignore[arg-type]
                 rows=norm_rows, groups=groups,
                 period=(period.get("from"), period.get("to")),  # type: ignore[union-attr]
                 n_alliances=int(description_["n_alliances"]), source=rows_name)  # type: ignore[arg-type]
    publisher = description_.get("publisher")
    created = description_.get("created")
    return NormFile(ns, str(description_["licence"]), publisher if isinstance(publisher, str) else None,
                    created if isinstance(created, str) else None)


def _description(data: bytes, name: str) -> Mapping[str, object]:
    try:
        desc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SamenspelError(f"{name}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, exc.lineno, f"not valid JSON ({exc.msg})")]) from None
    if not isinstance(desc, dict):
        raise InputError([Problem(name, 1, "the description must be a JSON object")])
    problems: list[Problem] = []

    def bad(message: str) -> None:
        problems.append(Problem(name, None, message))

    if desc.get("format") != FORMAT:
        bad(f"'format' must be {FORMAT!r}, not {desc.get('format')!r}: this is not a Samenspel norm description")
    if desc.get("format_version") != FORMAT_VERSION:
        bad(f"'format_version' {desc.get('format_version')!r} is not supported; this Samenspel reads {FORMAT_VERSION}")
    q = desc.get("questionnaire")
    if not isinstance(q, str) or not _QUESTIONNAIRE.match(q):
        bad(f"'questionnaire' must name a questionnaire and version, e.g. 'samenspel-core@2.0', not {q!r}")
    for key in ("min_alliances", "n_alliances"):
        v = desc.get(key)
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            bad(f"{key!r} must be a whole number, not {v!r}")
    m = desc.get("min_alliances")
    if isinstance(m, int) and not isinstance(m, bool) and m < 2:
        bad(f"'min_alliances' is {m}: a norm over fewer than 2 alliances is one alliance's figure")
    licence = desc.get("licence")
    if not isinstance(licence, str) or not licence.strip() or len(licence) > MAX_LABEL:
        bad(f"'licence' must name the licence the norms are published under, e.g. 'CC-BY-4.0' (at most {MAX_LABEL} "
            "characters)")
    for key in ("publisher", "created"):
        v = desc.get(key)
        if v is not None and (not isinstance(v, str) or len(v) > MAX_LABEL):
            bad(f"{key!r} must be text of at most {MAX_LABEL} characters, or null")
    period = desc.get("period")
    if not isinstance(period, dict) or not all(v is None or isinstance(v, str) for v in period.values()):
        bad("'period' must be an object {'from': date or null, 'to': date or null}")
    groups = desc.get("groups")
    if not isinstance(groups, list) or not all(
            isinstance(g, dict) and isinstance(g.get("group"), str) and _GROUP.match(g["group"])
            and isinstance(g.get("n"), int) and not isinstance(g.get("n"), bool) for g in groups):
        bad("'groups' must be a list of {'group': 'all' or 'alliance_form:...', 'phase:...', 'size_band:...', "
            "'n': whole number}")
    if problems:
        raise InputError(problems)
    return desc


def _rows(data: bytes, name: str, desc: Mapping[str, object]) -> tuple[NormRow, ...]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SamenspelError(f"{name}: not UTF-8 text; save the norm file as UTF-8 CSV") from None
    lines = list(csv.reader(io.StringIO(text, newline="")))
    if not lines:
        raise InputError([Problem(name, 1, f"the file is empty; expected the header {','.join(COLUMNS)}")])
    limits.check_table(len(lines) - 1, max(len(r) for r in lines), name,
                       limits.Limits(max_bytes=MAX_NORM_BYTES, max_rows=MAX_NORM_ROWS, max_columns=len(COLUMNS)))
    header = [h.strip() for h in lines[0]]
    if tuple(header) != COLUMNS:
        raise InputError([Problem(name, 1, f"the header must be {','.join(COLUMNS)}, not {','.join(header)}")])
    min_n = int(desc["min_alliances"])  # type: ignore[call-overload]
    group_n = {str(g["group"]): int(g["n"]) for g in desc["groups"]}  # type: ignore[union-attr, index]
    problems: list[Problem] = []
    rows: list[NormRow] = []
    seen: set[tuple[str, str]] = set()
    for number, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(COLUMNS):
            problems.append(Problem(name, number, f"expected {len(COLUMNS)} columns, found {len(cells)}"))
            continue
        group, measure, n_text, *numbers = (c.strip() for c in cells)
        row_problems = len(problems)
        if not _GROUP.match(group):
            problems.append(Problem(name, number, f"unknown group {group!r}; groups are 'all' or "
                                    f"{', '.join(d + ':<value>' for d in DIMENSIONS)}"))
        elif group not in group_n:
            problems.append(Problem(name, number, f"group {group!r} is not listed in the description's groups"))
        if not _MEASURE.match(measure):
            problems.append(Problem(name, number, f"{measure!r} is not a measure id such as 'domain:relation'"))
        n = _int(n_text)
        if n is None:
            problems.append(Problem(name, number, f"n must be a whole number, not {n_text!r}"))
        elif n < min_n:
            problems.append(Problem(name, number, f"n is {n}, below the file's own minimum of {min_n} alliances"))
        elif group in group_n and n > group_n[group]:
            problems.append(Problem(name, number, f"n is {n}, more than the {group_n[group]} alliances of {group}"))
        values = [_float(v) for v in numbers[:3]]
        if any(v is None for v in values):
            problems.append(Problem(name, number, "q1, median and q3 must be numbers (a point as decimal mark)"))
        elif not values[0] <= values[1] <= values[2]:  # type: ignore[operator]
            problems.append(Problem(name, number, "the quantiles must not decrease: q1 <= median <= q3"))
        p90: float | None = None
        if numbers[3]:
            p90 = _float(numbers[3])
            if p90 is None:
                problems.append(Problem(name, number, f"p90 must be a number or empty, not {numbers[3]!r}"))
            elif n is not None and n < P90_MIN:
                problems.append(Problem(name, number, f"p90 is given over {n} alliances; it is published only with "
                                        f"at least {P90_MIN}"))
            elif values[2] is not None and p90 < values[2]:
                problems.append(Problem(name, number, "p90 must not be below q3"))
        if (group, measure) in seen:
            problems.append(Problem(name, number, f"{group} / {measure} appears twice"))
        seen.add((group, measure))
        if len(problems) == row_problems:
            rows.append(NormRow(group, measure, n, values[0], values[1], values[2], p90))  # type: ignore[arg-type]
    if problems:
        raise InputError(problems)
    return tuple(rows)


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 10 else None


def _float(text: str) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v if math.isfinite(v) and len(text) < 32 else None
