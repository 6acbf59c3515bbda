"""Broken questionnaire data is refused with an InstrumentError that says what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from samenspel.errors import InstrumentError, SamenspelError
from samenspel.instrument import build_instrument, validate
from samenspel.knowledge.model import KnowledgeBase

Data = dict[str, Any]


def part(data: Data, pid: str) -> Data:
    return next(p for p in data["parts"] if p["id"] == pid)


def item(data: Data, iid: str) -> Data:
    return next(i for p in data["parts"] for i in p.get("items", ()) if i["id"] == iid)


def drop(data: Data, iid: str) -> None:
    for p in data["parts"]:
        p["items"] = [i for i in p.get("items", ()) if i["id"] != iid]


def _set(data: Data, iid: str, **fields: Any) -> None:
    item(data, iid).update(fields)


def _no_nl(data: Data) -> None:
    item(data, "amb_01")["text"] = {"nl": "", "en": "We have a goal."}


def _duplicate(data: Data) -> None:
    part(data, "ambition")["items"].append(dict(item(data, "amb_01")))


def _no_scale(data: Data) -> None:
    it = item(data, "amb_01")
    del it["scale"]
    it["type"] = "likert"


def _phase_values(data: Data) -> None:
    item(data, "phase")["options"][3]["value"] = 5


def _phase_duplicate(data: Data) -> None:
    item(data, "phase")["options"][3]["value"] = 3


def _no_poles(data: Data) -> None:
    data["scales"]["agree_copy"] = data["scales"]["poles"]
    part(data, "ambition")["items"].append(
        {"id": "amb_99", "construct": "paradox:conflict:now", "scale": "agree_copy", "text": {"nl": "a", "en": "b"}}
    )


def _unknown_paradox(data: Data) -> None:
    part(data, "paradoxes")["paradoxes"]["list"][0]["id"] = "hope_fear"


def _missing_paradox(data: Data) -> None:
    part(data, "paradoxes")["paradoxes"]["list"].pop()


def _no_reverse(data: Data) -> None:
    for iid in ("amb_04", "amb_06"):
        _set(data, iid, reverse=False)


def _small_domain(data: Data) -> None:
    for iid in ("proc_03", "proc_04", "proc_06"):
        drop(data, iid)


def _no_placeholder(data: Data) -> None:
    item(data, "rel_trust")["text"] = {"nl": "Vertrouwen in hen?", "en": "Trust in them?"}


def _unknown_generator(data: Data) -> None:
    part(data, "failure")["generate"] = "risks"


def _unknown_scale(data: Data) -> None:
    _set(data, "amb_01", scale="agreement")


CASES: list[tuple[str, Callable[[Data], None], str]] = [
    ("bad id", lambda d: _set(d, "amb_01", id="Amb-01"), "item Amb-01: id must match"),
    ("duplicate id", _duplicate, "item id 'amb_01' is used 2 times"),
    ("empty Dutch text", _no_nl, "item amb_01: text in 'nl' is empty"),
    ("likert without min/max", _no_scale, "item amb_01: a numeric item needs whole numbers min < max"),
    ("phase options off the axis", _phase_values, "phase options must have the values of the common axis"),
    ("duplicate option value", _phase_duplicate, "option value 3 is used 2 times"),
    ("bipolar without poles", _no_poles, "item amb_99: a bipolar item needs two poles"),
    ("unknown paradox", _unknown_paradox, "unknown paradox 'hope_fear'"),
    ("paradox not asked", _missing_paradox, "no item asks about construct 'paradox:trust_control:now'"),
    ("construct not asked", lambda d: drop(d, "sig_voice"), "no item asks about construct 'signal:voice'"),
    ("unknown signal", lambda d: _set(d, "sig_voice", construct="signal:loudness"), "unknown signal 'loudness'"),
    ("unknown domain", lambda d: _set(d, "amb_01", construct="domain:money"), "unknown domain 'money'"),
    ("unknown construct kind", lambda d: _set(d, "amb_01", construct="mood"), "unknown construct kind 'mood'"),
    ("wrong type", lambda d: _set(d, "trust_01", scale="amount"), "construct 'trust' needs type 'likert'"),
    ("unknown factor", lambda d: _set(d, "amb_01", construct="failure:no_coffee"), "unknown factor 'no_coffee'"),
    ("no reverse key", _no_reverse, "domain 'ambition' has no reverse-keyed item"),
    ("too few domain items", _small_domain, "domain 'process' has 3 items"),
    ("relation without {partner}", _no_placeholder, "must name the rated partner as {partner}"),
    ("reverse-keyed check", lambda d: _set(d, "open_01", reverse=True), "only likert and bipolar items"),
    ("unknown generator", _unknown_generator, "unknown generator 'risks'"),
    ("unknown scale", _unknown_scale, "unknown scale 'agreement'"),
]


def test_the_shipped_data_is_valid(raw: Data, kb: KnowledgeBase) -> None:
    assert validate(build_instrument(raw, kb), kb) == []


@pytest.mark.parametrize(("name", "breakage", "message"), CASES, ids=[c[0] for c in CASES])
def test_broken_data_is_refused(
    raw: Data, kb: KnowledgeBase, name: str, breakage: Callable[[Data], None], message: str
) -> None:
    breakage(raw)
    with pytest.raises(InstrumentError) as info:
        build_instrument(raw, kb, source="test.yaml")
    assert message in str(info.value)
    assert "test.yaml: " in str(info.value)
    assert isinstance(info.value, SamenspelError) and info.value.exit_code == 2


def test_all_problems_are_listed_at_once(raw: Data, kb: KnowledgeBase) -> None:
    _no_nl(raw)
    drop(raw, "sig_voice")
    with pytest.raises(InstrumentError) as info:
        build_instrument(raw, kb)
    message = str(info.value)
    assert "item amb_01: text in 'nl' is empty" in message
    assert "no item asks about construct 'signal:voice'" in message
    assert message.count("text in 'nl' is empty") == 1
