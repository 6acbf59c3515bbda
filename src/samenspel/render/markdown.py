"""Markdown rendering of a diagnosis (for a wiki, a document, a pull request)."""

from __future__ import annotations

from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading.reading import Reading
from samenspel.render.blocks import Block, Bullets, Heading, Para, Table
from samenspel.render.outline import outline


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|")


def blocks_to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, Para):
            out += [b.text, ""]
        elif isinstance(b, Bullets):
            out += [(f"{i}. " if b.numbered else "- ") + item for i, item in enumerate(b.items, 1)] + [""]
        elif isinstance(b, Table):
            out.append("| " + " | ".join(_cell(h) for h in b.header) + " |")
            out.append("|" + "|".join("---" for _ in b.header) + "|")
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in b.rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_markdown(reading: Reading, kb: KnowledgeBase, lang: str = "nl",
                    texts: dict[str, str] | None = None) -> str:
    """The reading as markdown: page one first, then the details (``texts``: question texts by item id)."""
    return blocks_to_markdown(outline(reading, kb, lang, texts))
