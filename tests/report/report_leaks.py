"""Finding a number next to a name, in report HTML and in PDF text.

"Next to" means: in the same HTML block (paragraph, list item, table row,
heading, caption, SVG text or tooltip) or on the same line of the PDF as laid
out on the page (pdftotext -layout puts a table row on one line).
"""

from __future__ import annotations

import html as html_lib
import re

BLOCK = re.compile(r"<(?:/?(?:p|li|tr|h[1-6]|figcaption|title|text|td|th|div|section|ul|ol|table|svg|figure)\b|br)[^>]*>",
                   re.I)
TAG = re.compile(r"<[^>]+>")
DIGIT = re.compile(r"\d")


def html_blocks(document: str) -> list[str]:
    """The visible text of each block of the document (tags stripped, entities decoded)."""
    body = re.sub(r"<style\b.*?</style>", "", document, flags=re.S | re.I)
    # a table row is one block: drop cell boundaries inside rows before splitting
    body = re.sub(r"</?t[dh]\b[^>]*>", " ", body, flags=re.I)
    parts = BLOCK.split(body)
    return [html_lib.unescape(TAG.sub(" ", p)) for p in parts]


def _received(block: str, name: str, least: int) -> bool:
    """A network tooltip of a rating ``name`` receives from at least ``least`` raters of another partner.

    That is a group figure of the raters, not the small partner's own answers
    (docs/PRIVACY.md, the network), so it may be shown.
    """
    m = re.fullmatch(rf"\s*(.+?) \u2192 {re.escape(name)}: \d+ \(n=(\d+)\)\s*", block)
    return bool(m) and m.group(1) != name and int(m.group(2)) >= least


def leaks_in_html(document: str, name: str, least: int = 3) -> list[str]:
    """Blocks that mention ``name`` and hold a digit (received ratings from enough raters excepted)."""
    return [b.strip() for b in html_blocks(document)
            if name in b and DIGIT.search(b) and not _received(b, name, least)]


def leaks_in_text(text: str, name: str) -> list[str]:
    """Lines of PDF text that mention ``name`` and hold a digit."""
    return [line.strip() for line in text.splitlines() if name in line and DIGIT.search(line)]


def figures(document: str) -> list[str]:
    """The chart figures of the HTML (SVG from vl-convert), as raw markup."""
    return re.findall(r'<figure class="chart">.*?</figure>', document, flags=re.S)
