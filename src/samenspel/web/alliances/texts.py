"""Bilingual user-facing texts without message catalogues.

Every page is in one language, the active one (``/nl/`` or ``/en/`` prefix,
or a respondent link's own language). Texts are written as Dutch/English
pairs next to the code that shows them: :func:`pick` chooses one now,
:func:`bi` chooses when the text is rendered (for form labels and choices
defined at import time). Stored ids (round status, roles) get their labels
here, so models keep plain ids and need no migration when a label changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import translation
from django.utils.functional import lazy


def lang() -> str:
    """The active page language: ``"en"`` or ``"nl"`` (the default)."""
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


def pick(nl: str, en: str) -> str:
    """The text in the active language."""
    return en if lang() == "en" else nl


bi = lazy(pick, str)
"""Like :func:`pick`, but chooses when the string is used (form labels, choices)."""


ROUND_STATUS: dict[str, tuple[str, str]] = {"open": ("open", "open"), "closed": ("gesloten", "closed")}
RESPONDENT_ROLE: dict[str, tuple[str, str]] = {
    "board": ("bestuur", "board"),
    "manager": ("management", "management"),
    "staff": ("medewerker", "staff"),
    "other": ("anders", "other"),
}
MEMBER_ROLE: dict[str, tuple[str, str]] = {"facilitator": ("begeleider", "facilitator"), "viewer": ("kijker", "viewer")}
REPORT_STATUS: dict[str, tuple[str, str]] = {
    "queued": ("in de wachtrij", "queued"),
    "running": ("wordt gemaakt", "being made"),
    "done": ("klaar", "ready"),
    "failed": ("mislukt", "failed"),
}
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "round_status": ROUND_STATUS,
    "respondent_role": RESPONDENT_ROLE,
    "member_role": MEMBER_ROLE,
    "report_status": REPORT_STATUS,
}


def label(kind: str, value: str) -> str:
    """The label of a stored id (``label("round_status", "closed")``); unknown ids show as they are."""
    pair = LABELS[kind].get(value)
    return pick(*pair) if pair else value


def choices(kind: str) -> list[tuple[str, object]]:
    """Form choices for the ids of ``kind``, labelled lazily in the page's language."""
    return [(value, bi(nl, en)) for value, (nl, en) in LABELS[kind].items()]


def contact_line(alliance: object, lang: str) -> str:
    """"Vragen? Neem contact op met Fien Bakker (fien@zorg.nl)." in ``lang``, or "" without a contact person.

    For the respondent's mails and pages (the alliance's contact person is never shown to viewers)."""
    name = getattr(alliance, "contact_name", "") or ""
    email = getattr(alliance, "contact_email", "") or ""
    if not (name or email):
        return ""
    who = f"{name} ({email})" if name and email else name or email
    return f"Questions? Please contact {who}." if lang == "en" else f"Vragen? Neem contact op met {who}."


SHOWN_PROBLEMS = 200
"""A refused upload lists at most this many problems; the page says how many more there are."""


def shown_problems(problems: Sequence[object]) -> tuple[list[str], int]:
    """The problems a page lists for a refused upload, and how many it leaves out."""
    return [str(p) for p in problems[:SHOWN_PROBLEMS]], max(0, len(problems) - SHOWN_PROBLEMS)

