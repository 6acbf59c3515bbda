"""Rounds answered with questionnaire 1.0 and 2.0: each validated and analysed with its own, trends on shared items.

Real questionnaires and the real knowledge base; the answers come from the demo
generator, which follows whatever questionnaire it is given.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from samenspel.analysis import analyse
from samenspel.cli import app
from samenspel.demo import make_demo
from samenspel.errors import InputError
from samenspel.instrument import Selection, default_selection, load_instrument, questionnaire
from samenspel.knowledge import load_knowledge
from samenspel.responses.model import ResponseSet
from samenspel.responses.reader import read_responses, read_responses_data
from samenspel.responses.versions import infer_version, per_round, round_questionnaires
from samenspel.responses.writer import to_csv

SPRING, AUTUMN = "2025-voorjaar", "2025-najaar"


@pytest.fixture(scope="module")
def real_kb():
    return load_knowledge()


@pytest.fixture(scope="module")
def v1_file() -> ResponseSet:
    """Both demo rounds answered with 1.0, as files from before 2.0 were: no instrument, no missing column."""
    demo = make_demo(7, load_instrument(version="1.0"))
    assert {a.instrument for a in demo.answers} == {"samenspel-core@1.0"}
    return ResponseSet(tuple(a._replace(instrument=None, missing=None) for a in demo.answers), "old.csv")


@pytest.fixture(scope="module")
def mixed(v1_file: ResponseSet) -> ResponseSet:
    """Spring answered with 1.0, autumn with 2.0's default round; the file names neither."""
    autumn = make_demo(7)  # 2.0
    answers = [a for a in v1_file.answers if a.round == SPRING]
    answers += [a._replace(instrument=None) for a in autumn.answers if a.round == AUTUMN]
    return ResponseSet(tuple(answers), "mixed.csv")


def as_json(diagnosis, kb, lang="nl"):  # type: ignore[no-untyped-def]
    """The diagnosis JSON as ``samenspel analyse --format json`` prints it."""
    from samenspel.reading import read
    from samenspel.render.json import diagnosis_json

    return diagnosis_json(read(diagnosis, kb), kb, lang)


def test_an_old_file_still_validates_and_gives_its_diagnosis(v1_file: ResponseSet, real_kb, tmp_path) -> None:
    path = tmp_path / "old.csv"
    path.write_text(to_csv(v1_file), encoding="utf-8")
    assert to_csv(v1_file).splitlines()[0] == "alliance,round,respondent,partner,item,value,role,target,round_date,language"
    responses = read_responses(path)
    assert responses.answers == v1_file.answers
    found = round_questionnaires(responses)
    assert {r: (q.selection.version, q.how) for r, q in found.items()} == {SPRING: ("1.0", "inferred"),
                                                                          AUTUMN: ("1.0", "inferred")}
    diagnosis = as_json(analyse(responses, per_round(responses), real_kb), real_kb)
    for key in ("alliance", "round", "n_respondents", "partners", "domains", "paradoxes", "phase", "trust_formal",
                "governance", "network", "problems", "warnings", "trend"):
        assert key in diagnosis, key
    assert len(diagnosis["paradoxes"]) == 13 and diagnosis["factors"]["failure"]
    assert diagnosis["trend"]["shared_items"] == {} and diagnosis["trend"]["restarted"] == []


def test_the_command_line_diagnoses_an_old_file(v1_file: ResponseSet, tmp_path) -> None:
    path = tmp_path / "old.csv"
    path.write_text(to_csv(v1_file), encoding="utf-8")
    result = CliRunner().invoke(app, ["analyse", str(path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["round"] == AUTUMN


def test_each_round_is_checked_against_its_own_version(mixed: ResponseSet) -> None:
    again = read_responses_data(to_csv(mixed).encode("utf-8"), "mixed.csv")
    assert again.answers == mixed.answers
    found = round_questionnaires(again)
    assert (found[SPRING].selection.version, found[AUTUMN].selection.version) == ("1.0", "2.0")
    assert found[AUTUMN].selection == default_selection(load_knowledge(), 3)


def test_an_item_of_another_version_in_a_declared_round_is_reported_with_its_line() -> None:
    text = ("alliance,round,respondent,partner,item,value,instrument\n"
            "a,r1,x,A,amb_02,3,samenspel-core@1.0\n"
            "a,r1,x,A,amb_07,3,samenspel-core@1.0\n"       # 2.0 only
            "a,r2,y,A,fail_power_imbalance,1,samenspel-core@2.0\n")  # 1.0 only
    with pytest.raises(InputError) as info:
        read_responses_data(text.encode(), "bad.csv")
    problems = [(p.line, p.message) for p in info.value.problems]
    assert [line for line, _ in problems] == [3, 4]
    assert "not in questionnaire samenspel-core 1.0" in problems[0][1]
    assert "not in questionnaire samenspel-core 2.0" in problems[1][1]


def test_an_unknown_questionnaire_is_an_error() -> None:
    text = "alliance,round,respondent,partner,item,value,instrument\na,r1,x,A,amb_02,3,samenspel-core@9.9\n"
    with pytest.raises(InputError, match="unknown questionnaire 'samenspel-core@9.9'"):
        read_responses_data(text.encode(), "bad.csv")


def test_an_unknown_questionnaire_is_named_on_the_first_line_that_declares_it() -> None:
    """The version is learnt from the distinct (round, instrument) cells; the error still names its line."""
    text = ("alliance,round,respondent,partner,item,value,instrument\n"
            "a,r1,x,A,amb_02,3,\n"
            "a,r1,x,A,rls_01,3, samenspel-core@9.9\n"
            "a,r1,y,A,amb_02,4, samenspel-core@9.9\n")
    with pytest.raises(InputError) as info:
        read_responses_data(text.encode(), "bad.csv")
    unknown = [p for p in info.value.problems if "unknown questionnaire" in p.message]
    assert [p.line for p in unknown] == [3]


def test_version_inference_prefers_the_oldest_that_holds_every_item() -> None:
    assert infer_version(["amb_02", "rls_01"]) == "1.0"  # in both
    assert infer_version(["amb_02", "amb_07"]) == "2.0"
    assert infer_version(["amb_01", "amb_07", "fail_power_imbalance"]) == "1.0"  # most known in 1.0


def test_trend_across_versions_uses_the_shared_items_and_says_so(mixed: ResponseSet, real_kb) -> None:
    diagnosis = analyse(mixed, per_round(mixed), real_kb)
    trend = diagnosis.trend
    assert trend is not None and trend.questionnaires == ("samenspel-core@1.0", "samenspel-core@2.0")
    v1, v2 = load_instrument(version="1.0"), questionnaire(default_selection(real_kb, 3))
    for domain, shared in trend.basis.items():
        key = f"domain:{domain}" if domain in diagnosis.domains else domain
        assert shared and all(v1.has_item(i) and v2.has_item(i) for i in shared), key
    assert set(trend.basis) >= {"ambition", "organisation", "process"}
    ambition = set(trend.basis["ambition"])
    assert ambition == {"amb_02", "amb_04", "amb_05"}
    assert set(diagnosis.domains["ambition"].items) != ambition  # the round itself is scored on all its items
    codes = [n.code for n in diagnosis.notices]
    assert "trend_shared_items" in codes and "trend_factors_restart" in codes
    from samenspel.reading import phrases, read

    notice = next(n for n in diagnosis.notices if n.code == "trend_shared_items")
    text = phrases.notice_text(notice, read(diagnosis, real_kb), real_kb, "en")
    assert "samenspel-core@1.0 and samenspel-core@2.0" in text and "shared ambition" in text.lower()
    out = as_json(diagnosis, real_kb, "en")["trend"]
    assert out["shared_items"]["ambition"] == list(trend.basis["ambition"])
    assert out["questionnaires"] == {"previous": "samenspel-core@1.0", "current": "samenspel-core@2.0"}


def test_the_shared_item_trend_is_the_trend_of_those_items(mixed: ResponseSet, real_kb) -> None:
    """Rescoring on the shared items gives the same change as analysing both rounds with only those items."""
    diagnosis = analyse(mixed, per_round(mixed), real_kb)
    shared = diagnosis.trend.basis["organisation"]
    only = {SPRING: load_instrument(version="1.0"), AUTUMN: questionnaire(default_selection(real_kb, 3))}
    narrowed = {r: replace(q, items=tuple(it for it in q.items if it.construct != "domain:organisation"
                                          or it.id in shared)) for r, q in only.items()}
    again = analyse(mixed, narrowed, real_kb)
    assert diagnosis.trend.domains["organisation"].change == pytest.approx(again.trend.domains["organisation"].change)
    assert again.trend.basis.get("organisation") is None  # the same items in both: nothing rescored


def test_a_module_not_asked_is_absent_not_zero(real_kb) -> None:
    core_only = questionnaire(Selection("2.0", False, (), ()))
    demo = make_demo(7, core_only)
    diagnosis = analyse(demo, core_only, real_kb)
    data = as_json(diagnosis, real_kb, "en")
    assert data["paradoxes"] == {} and data["motives"] is None
    assert data["factors"] == {"failure": [], "success": []}
    assert not any(k.startswith(("leadership:", "governance:")) for k in data["scales"])
    assert data["phase"]["detail"]["modal"] in ("design_align", "discover_learn", "productivity_value")


def test_leadership_module_is_scored_when_asked(real_kb) -> None:
    with_leadership = questionnaire(Selection("2.0", False, ("leadership",), ()))
    diagnosis = analyse(make_demo(7, with_leadership), with_leadership, real_kb)
    keys = {k for k in diagnosis.scales if k.startswith(("leadership:", "governance:"))}
    assert len(keys) == 11
    assert all(diagnosis.scales[k].score is not None for k in keys)
