"""Warnings of the analysis: a code for programs and a text for people."""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.i18n import Text


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the reader must know to judge a figure (small n, low reliability, ...)."""

    code: str  # e.g. "few_respondents", "low_reliability:ambition"
    text: Text

    def get(self, lang: str = "nl") -> str:
        return self.text.get(lang)
