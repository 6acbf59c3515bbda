"""Warnings of the analysis: a code and the numbers behind it, never a sentence.

The reading layer words each notice in the reader's language
(``samenspel.reading.labels``, keys ``notice_<kind>``); the code stays stable
for programs (``warning_codes`` in the diagnosis JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Param = int | float | str | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the reader must know to judge a figure (small n, low reliability, ...).

    ``code`` is ``kind`` or ``kind:key`` (``low_reliability:ambition``);
    ``params`` holds what the sentence needs (counts, values, ids).
    """

    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.code.partition(":")[0]

    @property
    def key(self) -> str:
        return self.code.partition(":")[2]

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, **{k: (list(v) if isinstance(v, tuple) else v) for k, v in self.params.items()}}


def notice(code: str, **params: Param) -> Notice:
    return Notice(code, dict(params))
