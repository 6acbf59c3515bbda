"""Bilingual text: every user-facing string exists in Dutch and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DEFAULT_LANGUAGE: Language = "nl"


@dataclass(frozen=True, slots=True)
class Text:
    """One text in both languages; Dutch comes first because our users do."""

    nl: str
    en: str

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The text in ``lang``; unknown languages fall back to Dutch."""
        return self.en if lang == "en" else self.nl

    def __call__(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.get(lang)

    def as_dict(self) -> dict[str, str]:
        return {"nl": self.nl, "en": self.en}


def check_language(lang: str) -> Language:
    """Validate a language code from the user (CLI option, URL, file column)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang  # type: ignore[return-value]
