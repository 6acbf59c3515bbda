"""Template helpers: bilingual strings without message catalogues.

``{% tr "Dutch" "English" %}`` picks by the active language and
``{{ id|label:"kind" }}`` shows a stored id (see :mod:`..texts`);
``{{ svg|chart }}`` embeds a chart; ``{% in_language "en" %}`` is this page in another language. Views pass
:class:`~samenspel.i18n.Text` values as strings: a Text is callable, and
templates call callables (with Text's default language, Dutch).
"""

from __future__ import annotations

import re

from django import template
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe

from samenspel.web.alliances import texts

register = template.Library()


@register.simple_tag
def tr(nl: str, en: str) -> str:
    return texts.pick(nl, en)


@register.filter
def label(value: str, kind: str) -> str:
    """``{{ round.status|label:"round_status" }}``: a stored id in the page's language."""
    return texts.label(kind, value)


@register.simple_tag(takes_context=True)
def in_language(context: template.Context, lang: str) -> str:
    """The address of this page in ``lang`` (home for a page that answered a POST, which a link cannot repeat)."""
    request = context.get("request")
    if request is None or request.method != "GET":
        return f"/{lang}/"
    return translate_url(request.get_full_path(), lang)


_GENERATED_ARIA = re.compile(r'\s(?:aria-label|aria-roledescription|role)="[^"]*"')


@register.filter
def chart(svg: str | None) -> SafeString:
    """An inline chart without the ARIA labels Vega writes into it.

    Those labels are English whatever the page's language and read out raw
    field names and unrounded numbers; the table or text next to each chart
    gives the same figures in the page's language, so screen readers skip the
    picture. The SVG comes from our own chart code, never from user input.
    """
    if not svg:
        return mark_safe("")
    svg = _GENERATED_ARIA.sub("", svg)
    start = svg.find("<svg")
    if start >= 0 and "aria-hidden" not in svg[start:svg.find(">", start)]:
        svg = svg[:start] + '<svg aria-hidden="true" focusable="false"' + svg[start + len("<svg"):]
    return mark_safe(svg)  # noqa: S308 - our own chart code's SVG
