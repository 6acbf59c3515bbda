"""The pulse version: a subset of the full questionnaire, about five minutes."""

from __future__ import annotations

import pytest

from samenspel.instrument import Instrument, load_instrument

DOMAINS = ["ambition", "interests", "relation", "organisation", "process"]


def test_pulse_is_a_subset_in_the_same_order(full: Instrument, pulse: Instrument) -> None:
    full_ids = [it.id for it in full.items]
    pulse_ids = [it.id for it in pulse.items]
    assert pulse.short and not full.short
    assert set(pulse_ids) < set(full_ids)
    assert pulse_ids == [i for i in full_ids if i in set(pulse_ids)]
    assert all(full.item(it.id) == it for it in pulse.items)
    assert pulse_ids == [it.id for it in full.items if it.pulse]


def test_pulse_parts_are_the_full_parts_that_hold_pulse_items(full: Instrument, pulse: Instrument) -> None:
    assert [p.id for p in pulse.parts] == [p.id for p in full.parts if any(i.pulse for i in full.items_in(p.id))]
    assert all(pulse.items_in(p.id) for p in pulse.parts)


@pytest.mark.parametrize("domain", DOMAINS)
def test_pulse_has_two_items_per_domain(pulse: Instrument, domain: str) -> None:
    assert len(pulse.by_construct(f"domain:{domain}")) == 2


def test_pulse_contents(full: Instrument, pulse: Instrument) -> None:
    assert len(pulse.by_construct("trust")) == len(full.by_construct("trust"))
    assert len(pulse.by_construct("formal_overlap")) == len(full.by_construct("formal_overlap"))
    assert len(pulse.by_construct("phase")) == 1
    assert [it.construct for it in pulse.by_construct("relation")] == [
        it.construct for it in full.by_construct("relation")
    ]
    keys = {it.construct_key for it in pulse.by_construct("signal")}
    assert {"turnover", "backing", "commitment", "results"} <= keys
    for kind in ("failure", "success", "motive"):
        assert pulse.by_construct(kind) == ()
    assert not [it for it in pulse.by_construct("paradox") if not it.construct.endswith(":tension")]


def test_load_is_cached() -> None:
    assert load_instrument() is load_instrument()
    assert load_instrument(short=True) is load_instrument(short=True)
