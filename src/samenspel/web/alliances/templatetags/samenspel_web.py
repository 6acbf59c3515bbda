"""Template helpers: bilingual strings without message catalogues.

``{% tr "Dutch" "English" %}`` picks by the active language and
``{{ id|label:"kind" }}`` shows a stored id (see :mod:`..texts`). Views pass
:class:`~samenspel.i18n.Text` values as strings: a Text is callable, and
templates call callables (with Text's default language, Dutch).
"""

from __future__ import annotations

from django import template

from samenspel.web.alliances import texts

register = template.Library()


@register.simple_tag
def tr(nl: str, en: str) -> str:
    return texts.pick(nl, en)


@register.filter
def label(value: str, kind: str) -> str:
    """``{{ round.status|label:"round_status" }}``: a stored id in the page's language."""
    return texts.label(kind, value)
