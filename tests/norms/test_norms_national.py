"""The national path (DuckDB over many response files) gives the figures each alliance's own analysis publishes."""

from __future__ import annotations

import pytest

from normsynth import demo_alliances
from samenspel.analysis import Settings, analyse
from samenspel.errors import InputError, SamenspelError
from samenspel.knowledge import load_knowledge
from samenspel.norms import national, profile_of
from samenspel.reading import AllianceContext
from samenspel.responses.reader import read_responses
from samenspel.responses.versions import per_round


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return demo_alliances(tmp_path_factory.mktemp("alliances"), 3)


@pytest.mark.parametrize("min_group", [3, 4, 7])  # 4 and 7 merge or leave out more partners
def test_national_profiles_equal_the_analysis(files, min_group):
    kb = load_knowledge()
    contexts = {f"alliance-{i:02d}": AllianceContext(alliance_form="joint_venture", min_group=min_group)
                for i in range(len(files))}
    con = national.connect(2)
    got = {p.alliance: p for p in national.profiles(con, national.source_of(files), contexts)}
    assert len(got) == len(files)
    for path in files:
        responses = read_responses(path)
        diagnosis = analyse(responses, per_round(responses), kb, settings=Settings(min_group=min_group))
        want = profile_of(diagnosis, contexts[diagnosis.alliance])
        have = got[diagnosis.alliance]
        scored = {k: v for k, v in want.measures.items() if k.startswith(("domain:", "scale:"))}
        assert {k: v for k, v in have.measures.items() if k.startswith(("domain:", "scale:"))} == pytest.approx(
            scored, abs=1e-4)
        divergence = {k: v for k, v in want.measures.items() if k.startswith("divergence:")}
        assert divergence  # the demo's partners are large enough to be compared
        assert {k: v for k, v in have.measures.items() if k.startswith("divergence:")} == pytest.approx(
            divergence, abs=1e-4)
        assert {k: have.counts[k] for k in scored} == {k: want.counts[k] for k in scored}
        assert (have.phase, have.quadrant, have.round) == (want.phase, want.quadrant, want.round)
        assert have.alliance_form == "joint_venture"
        assert have.n_respondents == want.n_respondents


def test_parquet_gives_the_same_profiles_as_csv(files, tmp_path):
    import duckdb

    con = duckdb.connect()
    parquet = tmp_path / "answers.parquet"
    con.execute(f"COPY ({national.source_of(files)[1:-1]}) TO '{parquet}' (FORMAT parquet)")
    a = national.profiles(national.connect(2), national.source_of(files))
    b = national.profiles(national.connect(2), national.source_of([parquet]))
    assert [p.to_dict() for p in a] == [p.to_dict() for p in b]


def test_a_value_outside_the_scale_is_refused_with_respondent_and_item(files, tmp_path):
    bad = tmp_path / "bad.csv"
    text = files[0].read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    for n, line in enumerate(text[1:], start=1):
        cells = line.split(",")
        if cells[header.index("item")].startswith("amb_") and cells[header.index("value")]:
            cells[header.index("value")] = "9"
            text[n] = ",".join(cells)
            respondent, item = cells[header.index("respondent")], cells[header.index("item")]
            break
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        national.profiles(national.connect(2), national.source_of([bad]))
    assert f"respondent {respondent}, item {item}: '9' is not a value on the item's scale (1-5)" in str(err.value)


def test_a_file_without_the_needed_columns_is_refused(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("alliance,round,respondent,item,value\na,r1,p1,amb_01,3\n", encoding="utf-8")
    with pytest.raises(SamenspelError, match=r"x.csv:1: no column partner"):
        national.source_of([bad])


def test_the_baseline_and_the_published_scores_agree_without_small_groups(files):
    """Where no partner is below the minimum and everyone counts, the plain SQL baseline gives the same quartiles."""
    con = national.connect(2)
    national.register_contexts(con, {})
    national.domain_scores(con, national.source_of(files), min_group=1)
    ours = national.quartiles(con)
    national.register_items(con, "2.0", ("domain",))
    base = national.baseline(con, national.source_of(files))
    assert [m for m, _, _ in ours] == [m for m, _, _ in base]
    for (_, n1, q1), (_, n2, q2) in zip(ours, base):
        assert n1 == n2 == len(files)
        assert q1 == pytest.approx(q2, abs=1e-9)
