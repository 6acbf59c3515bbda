"""The questionnaire "samenspel-core": items, validation, time estimate, renderers.

``load_instrument(short=False, version="2.0")`` returns the validated, cached
questionnaire of a version (the pulse version when ``short``; for 2.0 every
module); ``questionnaire(selection)`` what one round asks; ``to_json`` gives
the public format of FORMATS.md §1 and ``to_markdown`` a printable form. See
docs/INSTRUMENT.md.
"""

from samenspel.errors import InstrumentError
from samenspel.instrument.constructs import (
    RELATION_DIMENSIONS,
    RULE_CONSTRUCTS,
    SIGNAL_POLARITY,
    SIGNALS,
    expected_type,
    required_constructs,
)
from samenspel.instrument.duration import (
    ANSWER_SECONDS,
    ASSUMED_OTHER_PARTNERS,
    DEFAULT_PARTNERS,
    WORDS_PER_MINUTE,
    Estimate,
    estimate,
    estimate_seconds,
    to_minutes,
)
from samenspel.instrument.export import item_json, to_json
from samenspel.instrument.loader import CURRENT_VERSION, VERSIONS, build_instrument, load_instrument, read_data
from samenspel.instrument.model import Instrument, Item, Module, Option, Part
from samenspel.instrument.paper import to_markdown
from samenspel.instrument.selection import (
    Selection,
    catalogue,
    default_paradoxes,
    default_selection,
    infer_selection,
    pulse_selection,
    questionnaire,
    selection_of,
)
from samenspel.instrument.validation import validate

__all__ = [
    "ANSWER_SECONDS",
    "ASSUMED_OTHER_PARTNERS",
    "CURRENT_VERSION",
    "DEFAULT_PARTNERS",
    "Estimate",
    "Instrument",
    "InstrumentError",
    "Item",
    "Module",
    "Option",
    "Part",
    "RELATION_DIMENSIONS",
    "RULE_CONSTRUCTS",
    "SIGNALS",
    "SIGNAL_POLARITY",
    "Selection",
    "VERSIONS",
    "WORDS_PER_MINUTE",
    "build_instrument",
    "catalogue",
    "default_paradoxes",
    "default_selection",
    "estimate",
    "estimate_seconds",
    "infer_selection",
    "pulse_selection",
    "questionnaire",
    "selection_of",
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
