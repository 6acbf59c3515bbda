"""A facilitator's list of contacts: who to invite, read from pasted text or an uploaded CSV/XLSX.

One person per row: name, e-mail, partner, role, language. A header row (any of
the column names below, in Dutch or English) may give the columns in any order;
without one, the columns are taken in that order. Uploads go through the same
reader and input limits as response files (``samenspel.responses.reader.read_table``);
pasted text is read as CSV with a comma, semicolon or tab between the columns.

The partner is matched by its code or its display name (case and surrounding
spaces ignored); the role by its id or its Dutch or English label. Every problem
is reported with its line, in plain words, and nothing is invited while one remains.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from samenspel.errors import InputError, SamenspelError
from samenspel.web.alliances import texts
from samenspel.web.alliances.models import Alliance, Partner
from samenspel.web.alliances.texts import pick

MAX_CONTACTS = 2000
"""Most people in one list (a round of a large network has a few hundred)."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam", "full name", "volledige naam"),
    "email": ("email", "e-mail", "e-mailadres", "emailadres", "email address", "e-mail address", "mail"),
    "partner": ("partner", "organisatie", "organisation", "organization"),
    "role": ("role", "rol"),
    "language": ("language", "taal", "lang"),
}
ORDER = ("name", "email", "partner", "role", "language")
LANGUAGES = {"nl": "nl", "nederlands": "nl", "dutch": "nl", "en": "en", "engels": "en", "english": "en"}


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    partner: Partner
    role: str
    language: str


def _roles() -> dict[str, str]:
    out = {}
    for value, (nl, en) in texts.RESPONDENT_ROLE.items():
        for word in (value, nl, en):
            out[word.lower()] = value
    return out


def _column_of(cell: object) -> str | None:
    word = str(cell or "").strip().lower()
    return next((key for key, names in COLUMNS.items() if word in names), None)


def _valid_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _pasted_rows(text: str) -> list[tuple[int, list[str]]]:
    lines = text.replace("\r\n", "\n").split("\n")
    sample = next((line for line in lines if line.strip()), "")
    delimiter = max(("\t", ";", ","), key=sample.count) if sample else ","
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter), 1):
        if any(c.strip() for c in cells):
            rows.append((number, cells))
    return rows


def rows_from_upload(data: bytes, name: str) -> list[tuple[int, list[str]]]:
    """The rows of an uploaded CSV or XLSX (header included), read within the response files' limits."""
    from samenspel.responses.reader import read_table

    header, body = read_table(data, name)
    return [(1, [str(c) for c in header])] + [(line, ["" if c is None else str(c) for c in cells]) for line, cells in body]


def parse(rows: list[tuple[int, list[str]]], alliance: Alliance, default_language: str) -> list[Contact]:
    """The contacts in ``rows``; raises ``forms.ValidationError`` listing every problem by line."""
    if not rows:
        raise forms.ValidationError(pick("De lijst is leeg.", "The list is empty."))
    first = rows[0][1]
    columns = [_column_of(c) for c in first]
    if any(columns):
        body = rows[1:]
    else:
        widest = max(len(cells) for _, cells in rows)
        columns, body = list(ORDER[:widest]), rows
    if "partner" not in columns:
        raise forms.ValidationError(pick(
            "Geen kolom met de partner gevonden. Zet bovenaan: naam, e-mail, partner, rol, taal.",
            "No column with the partner found. Put at the top: name, e-mail, partner, role, language."))
    if len(body) > MAX_CONTACTS:
        raise forms.ValidationError(pick(f"Meer dan {MAX_CONTACTS} mensen in één lijst; splits hem.",
                                         f"More than {MAX_CONTACTS} people in one list; split it."))
    partners: dict[str, Partner] = {}
    for p in alliance.partners.filter(archived_at__isnull=True):
        partners[p.code.strip().lower()] = p
        partners.setdefault(p.name.strip().lower(), p)
    roles = _roles()
    problems: list[str] = []
    out: list[Contact] = []
    seen: set[str] = set()
    unknown_partner = False
    for line, cells in body:
        value = {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(columns) if col}
        where = pick(f"Regel {line}: ", f"Line {line}: ")
        partner = partners.get(value.get("partner", "").lower())
        if partner is None:
            unknown_partner = True
            problems.append(where + pick(f"partner \u2018{value.get('partner', '')}\u2019 bestaat niet in deze alliantie",
                                         f"partner \u2018{value.get('partner', '')}\u2019 is not in this alliance"))
            continue
        email = value.get("email", "")
        if email:
            if not _valid_email(email):
                problems.append(where + pick(f"\u2018{email}\u2019 is geen geldig e-mailadres",
                                             f"\u2018{email}\u2019 is not a valid e-mail address"))
                continue
            if email.lower() in seen:
                problems.append(where + pick(f"{email} staat al eerder in de lijst", f"{email} is already on the list"))
                continue
            seen.add(email.lower())
        role_word = value.get("role", "").lower()
        role = roles.get(role_word, "") if role_word else ""
        if role_word and not role:
            problems.append(where + pick(f"rol \u2018{value['role']}\u2019 onbekend (bestuur, management, medewerker "
                                         "of anders)", f"role \u2018{value['role']}\u2019 unknown (board, management, "
                                         "staff or other)"))
            continue
        lang_word = value.get("language", "").lower()
        language = LANGUAGES.get(lang_word, "") if lang_word else default_language
        if not language:
            problems.append(where + pick(f"taal \u2018{value['language']}\u2019 onbekend (nl of en)",
                                         f"language \u2018{value['language']}\u2019 unknown (nl or en)"))
            continue
        out.append(Contact(value.get("name", "")[:200], email, partner, role, language))
    if unknown_partner:
        known = ", ".join(sorted(p.name for p in set(partners.values())))
        problems.append(pick(f"De partners van deze alliantie: {known}.", f"The partners of this alliance: {known}."))
    if problems:
        raise forms.ValidationError(problems[:50] + ([pick(f"… en nog {len(problems) - 50} problemen",
                                                           f"… and {len(problems) - 50} more problems")]
                                                     if len(problems) > 50 else []))
    if not out:
        raise forms.ValidationError(pick("De lijst bevat niemand.", "The list holds nobody."))
    return out


def read_upload(upload: object, alliance: Alliance, default_language: str) -> list[Contact]:
    """Contacts from an uploaded file; an unreadable file becomes a form error in plain words."""
    try:
        rows = rows_from_upload(upload.read(), upload.name)  # type: ignore[attr-defined]
    except InputError as exc:
        raise forms.ValidationError([str(p) for p in exc.problems[:20]]) from None
    except SamenspelError as exc:
        raise forms.ValidationError(str(exc)) from None
    return parse(rows, alliance, default_language)


def read_pasted(text: str, alliance: Alliance, default_language: str) -> list[Contact]:
    return parse(_pasted_rows(text), alliance, default_language)
