"""Template helpers: bilingual strings without message catalogues.

``{% tr "Dutch" "English" %}`` picks by the active language, and
``{{ text|t }}`` renders a :class:`~samenspel.i18n.Text`.
"""

from __future__ import annotations

from django import template
from django.utils import translation

from samenspel.i18n import Text

register = template.Library()


def _lang() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


@register.simple_tag
def tr(nl: str, en: str) -> str:
    return en if _lang() == "en" else nl


@register.filter
def t(text: Text | str | None) -> str:
    if text is None:
        return ""
    if isinstance(text, Text):
        return text.get(_lang())
    return str(text)
