"""Field the questionnaire in LimeSurvey, Qualtrics or Microsoft Forms, and read their exports back.

Many organisations may only survey with the platform their privacy officer
approved. This package writes the questionnaire in each tool's own import
format and turns each tool's response export into Samenspel's response set
(FORMATS.md §2), through the same validation as any other response file.

- :mod:`.codes` names every item with a short code those tools accept, and back;
- :mod:`.layout` decides which questions a tool gets (the same for export and import);
- :mod:`.limesurvey`, :mod:`.qualtrics`, :mod:`.msforms`: one module per tool;
- :mod:`.table` holds an export read into memory, :mod:`.detect` recognises the tool;
- :mod:`.mapping` reads a mapping file for exports with codes of their own;
- :mod:`.conversion` turns an export into validated answers.

See docs/SURVEY-TOOLS.md.
"""

from __future__ import annotations

TOOLS: tuple[str, ...] = ("limesurvey", "qualtrics", "msforms")
"""The tools whose exports are read, by the names used on the command line."""
