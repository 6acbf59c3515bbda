"""The reading layer: one reading of a diagnosis, laid out by every output (docs/ARCHITECTURE.md).

``read(diagnosis, kb, context)`` ranks the findings once, with their evidence,
adds the strengths, the advice in context and the privacy decisions; text,
markdown, JSON, the report, the dashboard and the API only lay it out, with
the words of ``reading.phrases``/``reading.labels`` and the numbers of
``reading.notation``.
"""

from samenspel.reading.context import AllianceContext, beside, context_from, load_context
from samenspel.reading.findings import Evidence, Finding
from samenspel.reading.reading import Reading, read

__all__ = ["AllianceContext", "Evidence", "Finding", "Reading", "beside", "context_from", "load_context", "read"]
