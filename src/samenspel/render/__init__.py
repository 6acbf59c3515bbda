"""Text and markdown renderings of a diagnosis (an adapter: formatting and language only)."""

from __future__ import annotations

from samenspel.render.markdown import render_markdown
from samenspel.render.text import render_text

__all__ = ["render_markdown", "render_text"]
