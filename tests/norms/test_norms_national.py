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


def _rewrite(path, out, change):
    """A copy of a response file with ``change(row)`` applied to each row (a dict of the CSV's columns)."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        change(row)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return out


def test_items_marked_not_asked_leave_the_asked_items_as_in_the_analysis(files, tmp_path):
    """12 of the 25 domain items not asked: who answered 7 of the other 13 counts (7 >= 6.5), as in analyse()."""
    from samenspel.instrument.selection import catalogue

    domain = [it.id for it in catalogue("2.0").items if it.construct_kind == "domain"]
    not_asked, rest = set(domain[:12]), domain[12:]
    kb = load_knowledge()
    people: dict[str, int] = {}

    def change(row):
        if row["item"] in not_asked:
            row["value"], row["missing"] = "", "not_asked"
        elif row["item"] in rest[:6]:  # the first three respondents skip 6 of the 13 asked domain items
            who = people.setdefault(row["respondent"], len(people))
            if who < 3:
                row["value"], row["missing"] = "", "skipped"
        else:
            people.setdefault(row["respondent"], len(people))

    path = _rewrite(files[0], tmp_path / "not-asked.csv", change)
    responses = read_responses(path)
    diagnosis = analyse(responses, per_round(responses), kb)
    want = profile_of(diagnosis)
    assert not diagnosis.not_counted  # the three with 7 of 13 count
    have = national.profiles(national.connect(2), national.source_of([path]))[0]
    assert have.n_respondents == want.n_respondents
    scored = {k: v for k, v in want.measures.items() if k.startswith(("domain:", "scale:", "divergence:"))}
    assert {k: v for k, v in have.measures.items() if k in scored} == pytest.approx(scored, abs=1e-4)
    assert set(have.measures) >= set(scored)
    assert {k: have.counts[k] for k in want.counts} == dict(want.counts)


def test_without_not_asked_the_same_answers_do_not_count(files, tmp_path):
    """The same three respondents with the 12 items merely skipped answered 7 of 25: they do not count."""
    from samenspel.instrument.selection import catalogue

    domain = [it.id for it in catalogue("2.0").items if it.construct_kind == "domain"]
    skipped, rest = set(domain[:12]), domain[12:]
    people: dict[str, int] = {}

    def change(row):
        who = people.setdefault(row["respondent"], len(people))
        if who < 3 and (row["item"] in skipped or row["item"] in rest[:6]):
            row["value"], row["missing"] = "", "skipped"

    path = _rewrite(files[0], tmp_path / "skipped.csv", change)
    responses = read_responses(path)
    diagnosis = analyse(responses, per_round(responses), load_knowledge())
    assert len(diagnosis.not_counted) == 3
    have = national.profiles(national.connect(2), national.source_of([path]))[0]
    assert have.n_respondents == profile_of(diagnosis).n_respondents


def test_a_value_that_is_not_a_whole_number_is_refused(files, tmp_path):
    done = []

    def change(row):
        if not done and row["item"].startswith("amb_") and row["value"]:
            row["value"] = "3.5"
            done.append(row["respondent"])

    path = _rewrite(files[0], tmp_path / "half.csv", change)
    with pytest.raises(InputError, match=rf"respondent {done[0]}, item amb_\w+: '3.5' is not a value"):
        national.profiles(national.connect(2), national.source_of([path]))


@pytest.mark.parametrize("item", ["amb_02", "phase"])  # an item of a scale; a single item (no count bits)
def test_an_item_answered_twice_is_refused(files, tmp_path, item):
    text = files[0].read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    line = next(line for line in text[1:] if line.split(",")[header.index("item")] == item
                and line.split(",")[header.index("value")])
    path = tmp_path / "twice.csv"
    path.write_text("\n".join([*text, line]) + "\n", encoding="utf-8")
    respondent = line.split(",")[header.index("respondent")]
    with pytest.raises(InputError, match=rf"respondent {respondent}: item {item} is answered 2 times"):
        national.profiles(national.connect(2), national.source_of([path]))


def test_the_array_f_tail_equals_the_analysis_f_tail():
    import numpy as np

    from samenspel.analysis.stats._distributions import f_sf

    rng = np.random.default_rng(16)
    f = np.concatenate([rng.exponential(2.0, 3000), [0.0, np.inf, np.nan, 1e-9, 1e6, 40.0]])
    d1 = rng.integers(1, 8, f.size).astype(float)
    d2 = rng.integers(1, 90, f.size).astype(float)
    d2[-1] = 0.0  # no degrees of freedom: NaN, as f_sf
    got = national._f_sf_array(f, d1, d2)
    want = np.array([f_sf(*v) for v in zip(f, d1, d2)])
    # numpy's vector log/exp may round the last bit differently from the C library's on some CPUs
    # (seen: 104 of 3006 values, at most 1.2e-15 apart); anything more is a real difference
    np.testing.assert_allclose(got, want, rtol=1e-14, atol=0, equal_nan=True)


def test_settled_rounds_as_python_does():
    """The profiles' scores are round(round(v, 9), 4), computed in numpy: the same floats, ties included."""
    import math

    import numpy as np

    rng = np.random.default_rng(9)
    values = np.concatenate([
        rng.uniform(0, 100, 50_000),
        np.round(rng.uniform(0, 100, 5_000), 4) + 0.00005,  # ties at the fourth decimal
        np.round(rng.uniform(0, 100, 5_000), 9) + 5e-10,  # ties at the ninth
        rng.integers(0, 400, 5_000) / 4, rng.integers(0, 600, 5_000) / 6,
        [np.nan, 0.0, -0.0, 1e300, np.inf, -3.33335, 2.5e-10],
    ])
    got = national._settled(values)
    want = [round(round(v, 9), 4) if math.isfinite(v) else v for v in values.tolist()]
    assert all(a == b or (math.isnan(a) and math.isnan(b)) for a, b in zip(got, want))
