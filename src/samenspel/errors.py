"""Errors a user can act on.

Every error that reaches a user names what is wrong and, where it applies,
the file and line. The CLI turns a :class:`SamenspelError` into a message and
exit code 2; the web app turns it into a friendly form error. Never ``assert``
on user input.
"""

from __future__ import annotations

from dataclasses import dataclass


class SamenspelError(Exception):
    """Base class for errors that are shown to the user, not as a traceback."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, at a line (1-based, header = line 1)."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


class InputError(SamenspelError):
    """An input file has one or more problems; nothing of it was used."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__(self.render())

    def render(self, limit: int = 50) -> str:
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more problems")
        return "\n".join(lines)


class KnowledgeError(SamenspelError):
    """The knowledge base data is inconsistent (a developer's error, caught by tests)."""


class InstrumentError(SamenspelError):
    """The questionnaire data is inconsistent with itself or the knowledge base."""
