"""Plain-text rendering of a diagnosis (a terminal, an e-mail)."""

from __future__ import annotations

import textwrap

from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading.reading import Reading
from samenspel.render.blocks import Block, Bullets, Heading, Para, Table
from samenspel.render.outline import outline

WIDTH = 88


def _table(tb: Table) -> list[str]:
    widths = [max(len(str(row[i])) for row in (tb.header, *tb.rows)) for i in range(len(tb.header))]
    line = lambda row: "  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip()  # noqa: E731
    return [line(tb.header), "  ".join("-" * w for w in widths), *(line(r) for r in tb.rows)]


def blocks_to_text(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            if out:
                out.append("")
            out.append(b.text.upper() if b.level == 1 else b.text)
            out.append(("=" if b.level == 1 else "-" if b.level == 2 else "·") * len(b.text))
        elif isinstance(b, Para):
            out.extend(textwrap.wrap(b.text, WIDTH) or [""])
        elif isinstance(b, Bullets):
            for i, item in enumerate(b.items, 1):
                mark = f"{i}. " if b.numbered else "- "
                out.extend(textwrap.wrap(item, WIDTH, initial_indent=mark, subsequent_indent=" " * len(mark)))
        elif isinstance(b, Table):
            out.extend(_table(b))
    return "\n".join(out) + "\n"


def render_text(reading: Reading, kb: KnowledgeBase, lang: str = "nl",
                texts: dict[str, str] | None = None) -> str:
    """The reading as plain text: page one first, then the details (``texts``: question texts by item id)."""
    return blocks_to_text(outline(reading, kb, lang, texts))
