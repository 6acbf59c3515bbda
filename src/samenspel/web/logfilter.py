"""A logging filter that keeps personal links out of every log line.

A respondent's link is the only key to their questionnaire, so the token in
``/r/<token>/`` is replaced before any handler writes the record. Answers are
never logged at all (no view logs request bodies).
"""

from __future__ import annotations

import logging
import re

TOKEN_PATH = re.compile(r"/r/[A-Za-z0-9_\-]+")
REDACTED = "/r/[token]"


def redact(text: str) -> str:
    """``text`` with every ``/r/<token>`` replaced by ``/r/[token]``."""
    return TOKEN_PATH.sub(REDACTED, text)


class RedactTokens(logging.Filter):
    """Rewrite the message and its arguments so no token reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if TOKEN_PATH.search(message):
            record.msg = redact(message)
            record.args = ()
        request = getattr(record, "request", None)
        if request is not None and TOKEN_PATH.search(getattr(request, "path", "")):
            record.request = None  # the request object would repeat the path
        return True
