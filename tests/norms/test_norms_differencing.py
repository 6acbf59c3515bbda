"""Privacy one level up: one alliance must not be worked out from two groups or two norm files (docs/NORMS.md)."""

from __future__ import annotations

from normsynth import profile
from samenspel.norms import build_norms
from samenspel.norms.normfile import read_normfile, to_csv, write_normfile
from samenspel.norms.norms import NormSet


def test_the_danger_is_real_without_the_rule():
    """The median of a set and of the set plus one alliance can give that alliance's value exactly."""
    import numpy as np

    base = [float(v) for v in range(10, 110, 10)]  # 10 alliances
    secret = 57.0
    assert np.median(base) == 55.0
    assert np.median([*base, secret]) == secret


def test_two_groups_that_differ_by_one_alliance_publish_only_the_broader():
    values = [float(v) for v in range(10, 130, 10)]  # 12 alliances
    forms = ["joint_venture"] * 11 + ["multi_partner"]
    ns = build_norms([profile(f"a{i}", {"domain:relation": v}, form=f) for i, (v, f) in
                      enumerate(zip(values, forms))])
    assert ns.row("all", "domain:relation").n == 12
    assert ns.row("alliance_form:joint_venture", "domain:relation") is None
    assert ("alliance_form:joint_venture", "domain:relation", "differencing") in {
        (s.group, s.measure, s.reason) for s in ns.suppressed}
    # ... and the size band that holds all twelve is the same set: publishing it again reveals nothing
    assert ns.row("size_band:4-6", "domain:relation").median == ns.row("all", "domain:relation").median


def test_groups_that_differ_by_at_least_the_minimum_are_both_published():
    forms = ["joint_venture"] * 20 + ["multi_partner"] * 10
    ns = build_norms([profile(f"a{i}", {"domain:relation": float(i)}, form=f) for i, f in enumerate(forms)])
    assert ns.row("all", "domain:relation").n == 30
    assert ns.row("alliance_form:joint_venture", "domain:relation").n == 20
    assert ns.row("alliance_form:multi_partner", "domain:relation").n == 10


def test_any_two_published_sets_of_a_measure_differ_by_none_or_at_least_the_minimum():
    import itertools
    import random

    rnd = random.Random(5)
    profiles = [profile(f"a{i}", {"domain:relation": rnd.uniform(0, 100)}, form=rnd.choice(["x", "y", "z"]),
                        phase=rnd.choice([1, 2, 3, 4]), size=rnd.choice(["2-3", "4-6"])) for i in range(45)]
    ns = build_norms(profiles)
    sets = [s for (_, m), s in ns.members.items() if m == "domain:relation"]
    assert len(sets) >= 3
    for a, b in itertools.combinations(sets, 2):
        assert len(a ^ b) == 0 or len(a ^ b) >= ns.min_alliances


def _two_files(tmp_path, before, after, previous):
    first = build_norms(before)
    second = build_norms(after, previous=[NormSet.from_ledger(first.ledger())] if previous else ())
    a, _ = write_normfile(first, tmp_path / "before.csv")
    b, _ = write_normfile(second, tmp_path / "after.csv")
    return read_normfile(a).normset, read_normfile(b).normset


def test_one_alliance_leaving_cannot_be_worked_out_from_two_norm_files(tmp_path):
    values = [float(v) for v in range(10, 110, 10)] + [57.0]  # the eleventh alliance (57) leaves
    before = [profile(f"a{i}", {"domain:relation": v}) for i, v in enumerate(values)]
    after = before[:-1]
    old, new = _two_files(tmp_path, before, after, previous=True)
    assert new.row("all", "domain:relation") == old.row("all", "domain:relation")  # nothing changed: nothing to see
    assert old.row("all", "domain:relation").median == 57.0  # what the first file published ...
    # ... and without the builder's record the second file would have published 55: the difference gives 57 away
    assert build_norms(after).row("all", "domain:relation").median == 55.0


def test_figures_are_renewed_once_at_least_the_minimum_has_changed(tmp_path):
    before = [profile(f"a{i}", {"domain:relation": float(i)}) for i in range(30)]
    after = before[:20]  # ten left
    old, new = _two_files(tmp_path, before, after, previous=True)
    assert new.row("all", "domain:relation").n == 20
    assert new.row("all", "domain:relation").median != old.row("all", "domain:relation").median


def test_a_carried_row_keeps_its_members_for_the_next_build():
    before = [profile(f"a{i}", {"domain:relation": float(i)}) for i in range(15)]
    first = build_norms(before)
    second = build_norms(before[:-1], previous=[first])
    assert second.row("all", "domain:relation").carried
    assert second.members[("all", "domain:relation")] == first.members[("all", "domain:relation")]
    third = build_norms(before[:-2], previous=[NormSet.from_ledger(second.ledger())])
    assert third.row("all", "domain:relation").median == first.row("all", "domain:relation").median


def test_open_norm_files_hold_no_alliance_ids(tmp_path):
    ns = build_norms([profile(f"secret-alliance-{i}", {"domain:relation": float(i)}) for i in range(12)])
    csv_path, json_path = write_normfile(ns, tmp_path / "n.csv")
    assert "secret-alliance" not in csv_path.read_text() + json_path.read_text()
    assert "secret-alliance" not in to_csv(ns)


def test_a_new_round_of_one_alliance_counts_as_a_change_too():
    from dataclasses import replace

    before = [profile(f"a{i}", {"domain:relation": float(10 * i)}) for i in range(11)]
    first = build_norms(before)
    changed = [*before[:-1], replace(before[-1], round="r2", measures={"domain:relation": 57.0})]
    second = build_norms(changed, previous=[first])
    assert second.row("all", "domain:relation").carried  # the new value of one alliance does not show
    assert second.row("all", "domain:relation").median == first.row("all", "domain:relation").median
