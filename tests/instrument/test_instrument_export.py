"""The JSON export follows FORMATS.md §1 (the public contract)."""

from __future__ import annotations

import json

import pytest

from samenspel.instrument import Instrument, to_json

ITEM_TYPES = {"likert", "bipolar", "choice", "check", "relation", "text"}


@pytest.fixture(scope="module")
def exported(full: Instrument) -> dict:
    """The export after a JSON round trip, as a consumer sees it."""
    return json.loads(json.dumps(to_json(full), ensure_ascii=False))


def test_top_level_must_keys(exported: dict) -> None:
    assert exported["id"] == "samenspel-core"
    assert exported["version"] == "1.0"
    assert exported["languages"] == ["nl", "en"]
    assert isinstance(exported["items"], list) and exported["items"]


def test_every_item_has_the_must_keys(exported: dict) -> None:
    for item in exported["items"]:
        assert {"id", "construct", "type", "text"} <= set(item), item["id"]
        assert item["type"] in ITEM_TYPES
        assert set(item["text"]) >= {"nl", "en"} and item["text"]["nl"] and item["text"]["en"]
        if item["type"] != "text":
            assert isinstance(item["min"], int) and isinstance(item["max"], int), item["id"]
            assert isinstance(item["reverse"], bool), item["id"]


def test_the_example_item_of_formats(exported: dict) -> None:
    """FORMATS.md §1 shows amb_01 as a likert 1-5 domain:ambition item, not reverse-keyed."""
    amb = next(i for i in exported["items"] if i["id"] == "amb_01")
    assert {k: amb[k] for k in ("construct", "type", "min", "max", "reverse")} == {
        "construct": "domain:ambition", "type": "likert", "min": 1, "max": 5, "reverse": False,
    }  # fmt: skip


def test_choice_options_and_bipolar_poles(exported: dict) -> None:
    phase = next(i for i in exported["items"] if i["construct"] == "phase")
    assert [o["value"] for o in phase["options"]] == [1, 2, 3, 4]
    assert all(set(o) == {"id", "value", "text"} for o in phase["options"])
    now = next(i for i in exported["items"] if i["construct"] == "paradox:open_closed:now")
    assert len(now["poles"]) == 2 and all(p["nl"] and p["en"] for p in now["poles"])


def test_extensions(exported: dict, full: Instrument) -> None:
    assert exported["variant"] == "full"
    assert exported["minutes"] == full.minutes
    assert [p["id"] for p in exported["parts"]] == [p.id for p in full.parts]
    part_ids = {p["id"] for p in exported["parts"]}
    for item in exported["items"]:
        assert item["part"] in part_ids
        assert isinstance(item["pulse"], bool) and isinstance(item["dont_know"], bool)
    likert = next(i for i in exported["items"] if i["id"] == "amb_01")
    assert len(likert["labels"]) == 5


def test_pulse_export(pulse: Instrument) -> None:
    exported = to_json(pulse)
    assert exported["variant"] == "pulse"
    assert all(i["pulse"] for i in exported["items"])
