"""Numbers and dates as a Dutch or English reader expects them: the one place that formats them.

71,2 and 22 november 2026 in Dutch, 71.2 and 22 November 2026 in English
(babel's CLDR data). Rounding happens here, when rendering, never in the
analysis. Every renderer (text, markdown, JSON sentences, report, dashboard)
formats through these functions.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MISSING = "–"


def locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


@cache
def _pattern(digits: int) -> str:
    return "0" if digits == 0 else "0." + "0" * digits


def num(x: float | None, lang: str, digits: int = 0, *, sign: bool = False) -> str:
    """``x`` rounded to ``digits`` decimals in the reader's notation; a dash when unknown.

    >>> num(71.25, "nl", 1), num(71.25, "en", 1), num(-0.2, "en"), num(3, "nl", sign=True)
    ('71,2', '71.2', '0', '+3')
    """
    if x is None or x != x:
        return MISSING
    text = format_decimal(x, format=_pattern(digits), locale=locale(lang))
    if text.startswith("-") and text.strip("-0,.") == "":
        text = text[1:]  # no "-0"
    if sign and x > 0 and text.strip("0,.") != "":
        text = "+" + text
    return text.replace("-", "\u2212")


def pct(share: float | None, lang: str) -> str:
    """A share 0-1 as a whole percentage: 0.545 -> "55%"."""
    return MISSING if share is None else num(100 * share, lang) + "%"


def p_value(p: float | None, lang: str) -> str:
    """A p-value as readers of a report know it: "p = 0,004", "p < 0,001"."""
    if p is None:
        return MISSING
    if p < 0.001:
        return "p < " + num(0.001, lang, 3)
    return "p = " + num(p, lang, 3)


def long_date(day: date, lang: str) -> str:
    """22 november 2026 / 22 November 2026."""
    return format_date(day, format="long", locale=locale(lang))


def count(n: int, lang: str) -> str:
    """A whole count with the reader's thousands separator: 1.234 / 1,234."""
    return format_decimal(n, format="#,##0", locale=locale(lang))
