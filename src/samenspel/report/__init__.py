"""The steering-group report: HTML and PDF laid out from a reading (``samenspel.reading``).

``build_report(reading, kb, lang=..., fmt="html"|"pdf")`` is the entry point;
``render_html`` is what the web app uses too. See docs/REPORT.md.
"""

from samenspel.report.context import Options
from samenspel.report.document import FORMATS, build_report, network_picture, render_html, render_pdf

__all__ = ["FORMATS", "Options", "build_report", "network_picture", "render_html", "render_pdf"]
