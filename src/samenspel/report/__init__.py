"""The steering-group report (issue 6): HTML and PDF from a diagnosis and the knowledge base.

``build_report(diagnosis, kb, lang=..., fmt="html"|"pdf")`` is the entry
point; ``render_html`` works from the diagnosis JSON so the web app can use
the same renderer. See docs/REPORT.md.
"""

from samenspel.report.context import Options
from samenspel.report.document import FORMATS, build_report, network_picture, render_html, render_pdf

__all__ = ["FORMATS", "Options", "build_report", "network_picture", "render_html", "render_pdf"]
