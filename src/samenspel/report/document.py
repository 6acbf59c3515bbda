"""``build_report``: a reading as one self-contained HTML file or an A4 PDF.

Pure apart from rendering: no files are read or written (templates and CSS
are package data); the caller decides where the bytes go.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib.resources import files
from collections.abc import Mapping
from typing import Any, Literal

import jinja2

from samenspel.errors import SamenspelError
from samenspel.i18n import check_language
from samenspel.instrument.model import Instrument
from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading.reading import Reading
from samenspel.report.context import Options, build_context

Format = Literal["html", "pdf"]
FORMATS: tuple[str, ...] = ("html", "pdf")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("samenspel.report", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )


@cache
def _css() -> str:
    return files("samenspel.report").joinpath("templates/report.css").read_text(encoding="utf-8")


def render_html(reading: Reading, kb: KnowledgeBase, *, options: Options = Options(),
                instrument: Instrument | None = None, steering: Mapping[str, Any] | None = None) -> str:
    """The report as HTML from a reading; the web app uses the same function, and adds its steering data
    (``build_context``: what became of the previous round's decisions, the alliance's own goals)."""
    ctx = build_context(reading, kb, instrument, options, network_picture(reading, options.lang), steering)
    return _environment().get_template("report.html").render(css=_css(), **ctx)


def render_pdf(html: str) -> bytes:
    """An A4 PDF of the report HTML (WeasyPrint; fonts are the system's, nothing is fetched)."""
    import weasyprint

    def no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"the report fetches nothing: {url}")

    return weasyprint.HTML(string=html, url_fetcher=no_fetch).write_pdf()  # type: ignore[no-any-return]


def network_picture(reading: Reading, lang: str) -> str | None:
    """The trust picture of the network with partners' names, drawn under the reading's privacy rule."""
    net = reading.diagnosis.network
    if net is None:
        return None
    from samenspel.render.picture import render_svg

    return halo(render_svg(net, "trust", lang, labels=reading.names, min_raters=reading.disclosure.min_group,
                           quiet=reading.disclosure.hidden))


_HALO = re.compile(r'<text ([^>]*?)stroke="white" stroke-width="3" paint-order="stroke" ([^>]*)>([^<]*)</text>')


def halo(svg: str) -> str:
    """Write haloed numbers as a white outline copy under a plain copy.

    WeasyPrint ignores ``paint-order``, so a white stroke would cover the
    number itself; two copies give the same look in browsers and in the PDF.
    """
    return _HALO.sub(r'<text \1stroke="white" stroke-width="3" \2>\3</text><text \1\2>\3</text>', svg)


def build_report(
    reading: Reading, kb: KnowledgeBase, *, lang: str = "nl", fmt: Format = "html",
    instrument: Instrument | None = None, day: date | None = None,
) -> str | bytes:
    """The steering-group report: ``str`` for ``fmt="html"``, PDF ``bytes`` for ``fmt="pdf"``.

    ``instrument`` gives the wording of questions (default: the built-in
    questionnaire); ``day`` the date on the report (default today). The
    alliance's name, response rates and privacy decisions are the reading's.
    """
    try:
        lang = check_language(lang)
    except ValueError as exc:
        raise SamenspelError(str(exc)) from None
    if fmt not in FORMATS:
        raise SamenspelError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if instrument is None:
        from samenspel.instrument import load_instrument

        instrument = load_instrument()
    html = render_html(reading, kb, options=Options(lang=lang, day=day), instrument=instrument)
    return render_pdf(html) if fmt == "pdf" else html


__all__ = ["FORMATS", "Options", "build_report", "network_picture", "render_html", "render_pdf"]
