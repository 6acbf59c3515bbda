"""The questionnaire "samenspel-core": items, validation, time estimate, renderers.

``load_instrument(short=False)`` returns the validated, cached questionnaire
(the pulse version when ``short``); ``to_json`` gives the public format of
FORMATS.md §1 and ``to_markdown`` a printable form. See docs/INSTRUMENT.md.
"""

from samenspel.errors import InstrumentError
from samenspel.instrument.constructs import (
    RELATION_DIMENSIONS,
    SIGNAL_POLARITY,
    SIGNALS,
    expected_type,
    required_constructs,
)
from samenspel.instrument.duration import ASSUMED_OTHER_PARTNERS, SECONDS_PER_ITEM, estimate_seconds, to_minutes
from samenspel.instrument.export import item_json, to_json
from samenspel.instrument.loader import build_instrument, load_instrument, read_data
from samenspel.instrument.model import Instrument, Item, Option, Part
from samenspel.instrument.paper import to_markdown
from samenspel.instrument.validation import validate

__all__ = [
    "ASSUMED_OTHER_PARTNERS",
    "Instrument",
    "InstrumentError",
    "Item",
    "Option",
    "Part",
    "RELATION_DIMENSIONS",
    "SECONDS_PER_ITEM",
    "SIGNALS",
    "SIGNAL_POLARITY",
    "build_instrument",
    "estimate_seconds",
    "expected_type",
    "item_json",
    "load_instrument",
    "read_data",
    "required_constructs",
    "to_json",
    "to_markdown",
    "to_minutes",
    "validate",
]
