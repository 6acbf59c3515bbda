"""Short codes for items and partners that survey tools accept, and the way back.

LimeSurvey allows question codes matching ``^[a-zA-Z][a-zA-Z0-9]*$`` and
subquestion codes of letters and digits, at most 20 characters; answer codes
at most 5. Samenspel's item ids (``par_contract_partnership_desired``) do not
fit, so each item gets a code derived from its id alone: the first part of the
id, then each further part cut to four letters (numbers kept whole), e.g.
``amb_01`` -> ``amb01``, ``par_contract_partnership_desired`` ->
``parcontpartdesi``. Because the code depends on the id only, it stays the
same whichever items a questionnaire (or a module selection) holds, and the
way back is a look-up in the questionnaire: :func:`code_map` refuses a
questionnaire in which two items would share a code.

Partners get ``p1``, ``p2``, ... in the alphabetical order of their names, so
the codes do not depend on the order in which a list was typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from samenspel.errors import SamenspelError
from samenspel.i18n import Text
from samenspel.instrument.model import Instrument

CODE = re.compile(r"^[a-z][a-z0-9]*$")
MAX_CODE = 20
DONT_KNOW_CODE = "dk"
"""LimeSurvey answer code of the "don't know" option."""
DONT_KNOW_RECODE = 99
"""Qualtrics recode value of the "don't know" option (never a scale value)."""
DONT_KNOW_TEXT = Text("weet ik niet", "don't know")

ROLE_CODES: dict[str, str] = {"board": "board", "manager": "mgr", "staff": "staff", "other": "other"}
"""Samenspel role -> LimeSurvey answer code (at most five characters)."""
ROLE_TEXT: dict[str, Text] = {
    "board": Text("bestuur of directie", "board or executive"),
    "manager": Text("management", "management"),
    "staff": Text("medewerker", "staff"),
    "other": Text("anders", "other"),
}
PARTNER_QUESTION = "partner"
ROLE_QUESTION = "role"
MAP_QUESTION = "samenspel"


def item_code(item_id: str) -> str:
    """The tool code of an item id, e.g. ``sig_perspective`` -> ``sigpers``."""
    head, *rest = re.split(r"[_.]", item_id.lower())
    code = head + "".join(part if part.isdigit() else part[:4] for part in rest)
    code = re.sub(r"[^a-z0-9]", "", code)
    if not code or not code[0].isalpha():
        code = "i" + code
    return code[:MAX_CODE]


def code_map(instrument: Instrument) -> dict[str, str]:
    """Item id -> code for every item; refuses codes that two items would share."""
    codes: dict[str, str] = {}
    owner: dict[str, str] = {}
    clashes: list[str] = []
    for item in instrument.items:
        code = item_code(item.id)
        if code in owner or code in (PARTNER_QUESTION, ROLE_QUESTION, MAP_QUESTION):
            clashes.append(f"{owner.get(code, code)} and {item.id} -> {code}")
        owner[code] = item.id
        codes[item.id] = code
    if clashes:
        raise SamenspelError("items of questionnaire " + instrument.id + " share a survey-tool code: "
                             + "; ".join(clashes) + "; rename one of the items")
    return codes


def partner_codes(partners: Iterable[str]) -> dict[str, str]:
    """Partner name -> ``p1``, ``p2``, ... in alphabetical order (case-insensitive) of the names."""
    names = list(dict.fromkeys(p.strip() for p in partners if p.strip()))
    ordered = sorted(names, key=lambda n: (n.casefold(), n))
    return {name: f"p{i}" for i, name in enumerate(ordered, start=1)}


def parse_partners(text: str | None) -> tuple[str, ...]:
    """A comma-separated partner list from the command line or a form; duplicates refused."""
    if not text or not text.strip():
        return ()
    names = [p.strip() for p in text.split(",")]
    if any(not n for n in names):
        raise SamenspelError(f"the partner list '{text}' has an empty name; write the names separated by commas")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise SamenspelError(f"partner '{name}' appears twice in the partner list")
        seen.add(name.casefold())
    return tuple(names)
