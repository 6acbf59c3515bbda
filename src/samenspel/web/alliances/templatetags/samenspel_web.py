"""Template helpers: bilingual strings without message catalogues.

``{% tr "Dutch" "English" %}`` picks by the active language and
``{{ id|label:"kind" }}`` shows a stored id (see :mod:`..texts`);
``{{ svg|chart }}`` embeds a chart; ``{% in_language "en" %}`` is this page in another language. Views pass
:class:`~samenspel.i18n.Text` values as strings: a Text is callable, and
templates call callables (with Text's default language, Dutch).
"""

from __future__ import annotations

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


@register.filter
def chart(svg: str | None) -> SafeString:
    """An inline chart as the report draws it: one ``<svg role="img">`` named in the page's language.

    ``samenspel.report.charts`` (and the network picture) already switch off
    Vega's English ARIA descriptions, so nothing needs stripping here. The
    SVG comes from our own chart code, never from user input.
    """
    return mark_safe(svg or "")  # noqa: S308 - our own chart code's SVG
