"""Answers: the plain model, and reading, writing and answer sheets for response files (FORMATS.md §2).

The file functions are imported on first use, so code that needs only the
model (analysis, web) does not load the spreadsheet libraries.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from samenspel.responses.model import Answer, ResponseSet

_LAZY = {
    "read_responses": "samenspel.responses.reader",
    "read_responses_data": "samenspel.responses.reader",
    "write_csv": "samenspel.responses.writer",
    "to_csv": "samenspel.responses.writer",
    "to_xlsx": "samenspel.responses.writer",
    "write_template": "samenspel.responses.template",
    "template_bytes": "samenspel.responses.template",
}

__all__ = ["Answer", "ResponseSet", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
