"""The SVG picture: valid XML, self-contained, every partner, one arrow per shown tie, deterministic."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from samenspel.network import build_networks, measure
from samenspel.render.picture import render_svg

from netsynth import ITEMS, answers

NS = "{http://www.w3.org/2000/svg}"


def alliance(n: int, missing_every: int = 7):
    names = [f"Partner & Co {i}" for i in range(n)]

    def rule(dim, s, t, k):
        i, j = names.index(s), names.index(t)
        if (i * n + j) % missing_every == 0:
            return None  # some pairs unrated
        return 1 + (i + 2 * j + k) % 5

    ans, who = answers({p: 3 for p in names}, rule)
    return names, measure(build_networks(ans, ITEMS, names, who))


@pytest.mark.parametrize("n", [3, 8, 30])
def test_svg_parses_and_shows_every_partner_and_tie(n):
    names, res = alliance(n)
    svg = render_svg(res, "trust", lang="nl")
    root = ET.fromstring(svg)
    assert root.tag == NS + "svg"
    texts = ["".join(t.itertext()) for t in root.iter(NS + "text")]
    for name in names:
        assert name in texts
    ties = [p for p in root.iter(NS + "path") if p.get("class") == "tie"]
    assert len(ties) == len(res.networks.visible_ties("trust"))
    assert len(ties) < n * (n - 1)  # the unrated pairs are not drawn


def test_self_contained():
    _, res = alliance(6)
    svg = render_svg(res, "exchange", lang="en")
    assert "<script" not in svg and "href" not in svg and "@import" not in svg and "@font-face" not in svg
    assert re.findall(r"url\(([^)]*)\)", svg) == ["#samenspel-arrow-exchange"] * svg.count("marker-end")
    assert "Exchange between the partners" in svg


def test_deterministic_and_accepts_networks():
    _, res = alliance(8)
    assert render_svg(res) == render_svg(res)
    assert render_svg(res.networks) == render_svg(res)


def test_labels_replace_ids_and_are_escaped():
    ans, who = answers({"a": 3, "b": 3, "c": 3}, lambda d, s, t, k: 4)
    res = measure(build_networks(ans, ITEMS, ["a", "b", "c"], who))
    svg = render_svg(res, labels={"a": "Gemeente <Utrecht>", "b": "Rabo & Co"})
    ET.fromstring(svg)
    assert "Gemeente &lt;Utrecht&gt;" in svg and "Rabo &amp; Co" in svg


def test_both_directions_are_drawn_apart():
    """A->B and B->A curve to opposite sides: their control points differ."""
    ans, who = answers({"A": 3, "B": 3}, lambda d, s, t, k: 5)
    svg = render_svg(measure(build_networks(ans, ITEMS, ["A", "B"], who)))
    controls = re.findall(r'class="tie" d="M[^Q]*Q([-\d.]+),([-\d.]+)', svg)
    assert len(controls) == 2 and controls[0] != controls[1]


def test_communities_differ_in_shape_not_only_colour():
    camp = {f"A{i}": "A" for i in range(4)} | {f"B{i}": "B" for i in range(4)}
    ans, who = answers({p: 3 for p in camp}, lambda d, s, t, k: 5 if camp[s] == camp[t] else 1)
    res = measure(build_networks(ans, ITEMS, list(camp), who))
    assert res.communities.split
    root = ET.fromstring(render_svg(res))
    shapes = {g.get("data-partner"): g[1].tag for g in root.iter(NS + "g") if g.get("class") == "partner"}
    assert {shapes[p] for p in camp if camp[p] == "A"} != {shapes[p] for p in camp if camp[p] == "B"}


def test_thirty_radial_labels_do_not_overlap():
    """Labels of neighbours on the circle start at least one line height (14 px) apart."""
    _, res = alliance(30)
    root = ET.fromstring(render_svg(res))
    starts = []
    for g in root.iter(NS + "g"):
        if g.get("class") == "partner":
            label = g.find(NS + "text")
            starts.append((float(label.get("x")), float(label.get("y"))))
    gaps = [math.dist(starts[i], starts[(i + 1) % len(starts)]) for i in range(len(starts))]
    assert min(gaps) >= 14


def test_unknown_dimension_is_refused():
    _, res = alliance(3)
    with pytest.raises(KeyError):
        render_svg(res, "friendship")
