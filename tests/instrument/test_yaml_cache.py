"""The parsed copies of YAML data files (samenspel.yaml_cache): the same data, never a stale or broken copy."""

from __future__ import annotations

import pytest
import yaml

from samenspel import yaml_cache
from samenspel.instrument import load_instrument
from samenspel.instrument.loader import read_data

TEXT = "a: 1\nb: [x, 2.5, true, null]\nc: {d: tekst met é}\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMENSPEL_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_load_reads_the_copy_and_gives_the_same_data(cache, monkeypatch):
    first = yaml_cache.load(TEXT)
    assert first == yaml.safe_load(TEXT)
    assert len(list(cache.glob("yaml-*.marshal"))) == 1

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again although a copy was kept")

    monkeypatch.setattr(yaml_cache.yaml, "load", no_parse)
    assert yaml_cache.load(TEXT) == first


def test_other_content_is_parsed_again(cache):
    assert yaml_cache.load(TEXT) != yaml_cache.load(TEXT.replace("1", "2"))
    assert len(list(cache.glob("yaml-*.marshal"))) == 2


def test_a_damaged_copy_is_parsed_again_and_replaced(cache):
    yaml_cache.load(TEXT)
    (copy,) = cache.glob("yaml-*.marshal")
    copy.write_bytes(b"\x00 not marshal")
    assert yaml_cache.load(TEXT) == yaml.safe_load(TEXT)
    assert yaml_cache.load(TEXT) == yaml.safe_load(TEXT)


def test_an_unwritable_cache_only_costs_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("SAMENSPEL_CACHE_DIR", str(blocker / "cache"))
    assert yaml_cache.load(TEXT) == yaml.safe_load(TEXT)


def test_dates_are_not_kept_but_still_loaded(cache):
    text = "when: 2026-11-30\n"
    assert yaml_cache.load(text) == yaml.safe_load(text)
    assert not list(cache.glob("yaml-*.marshal"))  # marshal knows no dates


def test_bad_yaml_raises_as_yaml_does(cache):
    with pytest.raises(yaml.YAMLError):
        yaml_cache.load("a: [1, 2\n")
    assert not list(cache.glob("yaml-*.marshal"))


def test_an_empty_setting_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMENSPEL_CACHE_DIR", "")
    assert yaml_cache.cache_dir() is None
    assert yaml_cache.load(TEXT) == yaml.safe_load(TEXT)


def test_the_questionnaire_from_the_copy_equals_the_parsed_one(cache):
    parsed = read_data()
    assert read_data() == parsed  # second time from the copy
    assert parsed == yaml.safe_load(
        __import__("importlib.resources").resources.files("samenspel.instrument")
        .joinpath("data", "samenspel-core-2.0.yaml").read_text(encoding="utf-8"))
    load_instrument.cache_clear() if hasattr(load_instrument, "cache_clear") else None
    assert load_instrument().items
