"""A self-contained SVG picture of one relation network.

Partners sit on a circle, grouped by trust community so camps show as arcs.
A community has a colour *and* a shape, so the picture also reads in black
and white; node size follows the power index. Each tie A -> B is a curved
arrow bending to its right, so A -> B and B -> A never lie on top of each
other; its width and number give the weight. Up to ``NUMBER_LIMIT`` partners
every arrow carries its number, above that the number is in the arrow's
tooltip (``<title>``) to keep the picture readable. Labels sit outside the
circle, radially for larger networks, so they never overlap. No scripts,
fonts or links: the same input always gives the same bytes.

Privacy is applied while drawing, not scrubbed afterwards: a partner below the
minimum group gives no arrows of its own (``Networks.visible_ties``), and an
arrow carries a number or tooltip only when at least ``min_raters`` people
stand behind it (docs/PRIVACY.md, the network).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from xml.sax.saxutils import escape, quoteattr

from samenspel.network.graph import Networks
from samenspel.network.result import NetworkResult, measure
from samenspel.reading.labels import t as label

NUMBER_LIMIT = 12  # above this many partners tie numbers go into tooltips
RADIAL_LABELS = 10  # above this many partners labels are written along the radius
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442", "#999999")  # Okabe-Ito
SHAPES = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon", "star", "triangle-down")
FONT = 'font-family="sans-serif"'

def render_svg(
    result_or_networks: NetworkResult | Networks,
    dimension: str = "trust",
    lang: str = "nl",
    labels: Mapping[str, str] | None = None,
    min_raters: int | None = None,
    quiet: Collection[str] = (),
) -> str:
    """Draw ``dimension`` as an SVG document (string); see the module docstring.

    ``labels`` gives partners' display names; an arrow shows its number only
    with at least ``min_raters`` raters (default: the networks' minimum group)
    and when it touches no partner in ``quiet`` (partners below the minimum:
    no number is ever drawn next to their name).
    """
    result = result_or_networks if isinstance(result_or_networks, NetworkResult) else measure(result_or_networks)
    nets = result.networks
    name = (lambda p: labels.get(p, p)) if labels else (lambda p: p)
    ties = nets.visible_ties(dimension)  # raises KeyError for an unknown dimension
    groups = result.communities.groups
    order = [p for g in groups for p in g]
    n = len(order)
    longest = max((len(name(p)) for p in order), default=4)
    radius = max(170.0, 13.0 * n)
    margin = 30 + 7.2 * min(longest, 40)
    legend_h = 40 + 18 * (len(groups) + 3)
    vmargin = margin if n > RADIAL_LABELS else 50.0  # radial labels stick out at top and bottom too
    size = 2 * (radius + vmargin)
    width, height = 2 * (radius + margin), size + 60 + legend_h
    cx, cy = width / 2, 60 + size / 2
    pos: dict[str, tuple[float, float, float]] = {}
    for i, p in enumerate(order):
        angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        pos[p] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    node_r = {p: 7.0 + 13.0 * (result.partners[p].power or 0.0) / 100.0 for p in order}
    group_of = {p: gi for gi, g in enumerate(groups) for p in g}
    dim_name = label(f"dim_{dimension}", lang) if dimension in ("trust", "dependency", "influence", "exchange") else dimension
    enough = nets.min_group if min_raters is None else min_raters
    title = label("pic_title", lang, dimension=dim_name.capitalize())
    marker_id = f"samenspel-arrow-{_ident(dimension)}"

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" {FONT} font-size="12">',
        f"<title>{escape(title)}</title>",
        "<defs>",
        f'<marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="#444"/></marker>',
        "</defs>",
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="white"/>',
        f'<text x="16" y="26" font-size="18" font-weight="bold">'
        f"{escape(title)}</text>",
        f'<text x="16" y="46" fill="#333">{escape(label("pic_subtitle", lang))}</text>',
    ]
    if not ties:
        out.append(f'<text x="16" y="66" fill="#333">{escape(label("pic_no_ties", lang))}</text>')
    show_numbers = n <= NUMBER_LIMIT
    out.append('<g class="ties" fill="none" stroke="#444">')
    numbers = []
    for t in ties:
        x1, y1, _ = pos[t.source]
        x2, y2, _ = pos[t.target]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1.0
        # control point to the right of the direction of travel
        qx, qy = (x1 + x2) / 2 - dy / dist * 0.12 * dist, (y1 + y2) / 2 + dx / dist * 0.12 * dist
        sx, sy = _towards(x1, y1, qx, qy, node_r[t.source] + 1)
        ex, ey = _towards(x2, y2, qx, qy, node_r[t.target] + 2)
        stroke = 0.6 + 4.4 * t.weight / 100.0
        # many partners: weak ties fade so the strong structure stands out
        opacity = 0.85 if show_numbers else 0.08 + 0.6 * t.weight / 100.0
        # a number only where enough people stand behind the arrow, never next to a small partner
        told = t.n_raters >= enough and t.source not in quiet and t.target not in quiet
        tip = f"<title>{escape(f'{name(t.source)} → {name(t.target)}: {t.weight:.0f} (n={t.n_raters})')}</title>"
        out.append(
            f'<path class="tie" d="M{sx:.1f},{sy:.1f} Q{qx:.1f},{qy:.1f} {ex:.1f},{ey:.1f}" '
            f'stroke-width="{stroke:.2f}" stroke-opacity="{opacity:.2f}" marker-end="url(#{marker_id})">'
            f"{tip if told else ''}</path>"
        )
        if show_numbers and told:
            # a third of the way from the rater: the two numbers of a pair stay apart
            mx, my = _bezier(sx, sy, qx, qy, ex, ey, 1 / 3)
            numbers.append(
                f'<text x="{mx:.1f}" y="{my + 4:.1f}" text-anchor="middle" font-size="12" '
                f'stroke="white" stroke-width="3" paint-order="stroke" fill="#000">{t.weight:.0f}</text>'
            )
    out.append("</g>")
    out.append('<g class="weights">' + "".join(numbers) + "</g>")

    out.append('<g class="partners">')
    hidden = nets.hidden
    for p in order:
        x, y, angle = pos[p]
        gi = group_of[p]
        dash = ' stroke-dasharray="3,2"' if p in hidden else ""
        shape = _shape(SHAPES[gi % len(SHAPES)], x, y, node_r[p])
        out.append(
            f'<g class="partner" data-partner={quoteattr(p)}>'
            f"<title>{escape(name(p))}</title>"
            f'{shape[:-2]} fill="{COLOURS[gi % len(COLOURS)]}" stroke="#000" stroke-width="1.5"{dash}/>'
            f"{_label(name(p), x, y, angle, node_r[p], n)}</g>"
        )
    out.append("</g>")
    out.append(_legend(groups, lang, 16.0, size + 60 + 10))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _bezier(sx: float, sy: float, qx: float, qy: float, ex: float, ey: float, t: float) -> tuple[float, float]:
    """Point at ``t`` on the quadratic Bezier curve S-Q-E."""
    a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
    return a * sx + b * qx + c * ex, a * sy + b * qy + c * ey


def _towards(x: float, y: float, tx: float, ty: float, d: float) -> tuple[float, float]:
    """The point ``d`` away from (x, y) in the direction of (tx, ty)."""
    vx, vy = tx - x, ty - y
    length = math.hypot(vx, vy) or 1.0
    return x + vx / length * d, y + vy / length * d


def _shape(kind: str, x: float, y: float, r: float) -> str:
    """An SVG element (ending in ``/>``) of the given shape and about the same area as a circle of radius r."""
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
    if kind == "square":
        s = r * 1.6
        return f'<rect x="{x - s / 2:.1f}" y="{y - s / 2:.1f}" width="{s:.1f}" height="{s:.1f}"/>'
    corners = {"triangle": 3, "triangle-down": 3, "diamond": 4, "pentagon": 5, "hexagon": 6, "star": 10}[kind]
    start = {"triangle-down": math.pi / 2}.get(kind, -math.pi / 2)
    rr = r * 1.25
    pts = []
    for k in range(corners):
        a = start + 2 * math.pi * k / corners
        rk = rr * (0.5 if kind == "star" and k % 2 else 1.0)
        pts.append(f"{x + rk * math.cos(a):.1f},{y + rk * math.sin(a):.1f}")
    return f'<polygon points="{" ".join(pts)}"/>'


def _label(text: str, x: float, y: float, angle: float, r: float, n: int) -> str:
    """The partner's name outside the circle: horizontal for few partners, radial for many."""
    gap = r + 6
    lx, ly = x + gap * math.cos(angle), y + gap * math.sin(angle)
    right = math.cos(angle) >= -1e-9
    anchor = "start" if right else "end"
    if n <= RADIAL_LABELS:
        if abs(math.cos(angle)) < 0.2:
            anchor = "middle"
            ly += 14 if math.sin(angle) > 0 else -4
        else:
            ly += 4
        return f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{escape(text)}</text>'
    degrees = math.degrees(angle) if right else math.degrees(angle) + 180
    return (
        f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" dominant-baseline="central" '
        f'transform="rotate({degrees:.1f} {lx:.1f} {ly:.1f})">{escape(text)}</text>'
    )


def _legend(groups: tuple[tuple[str, ...], ...], lang: str, x: float, y: float) -> str:
    rows = ['<g class="legend" font-size="12">']
    for gi in range(len(groups)):
        yy = y + 18 * gi
        shape = _shape(SHAPES[gi % len(SHAPES)], x + 8, yy, 6)
        text = label("pic_one_group", lang) if len(groups) == 1 else label("pic_group", lang, n=gi + 1)
        rows.append(
            f'{shape[:-2]} fill="{COLOURS[gi % len(COLOURS)]}" stroke="#000"/>'
            f'<text x="{x + 22:.1f}" y="{yy + 4:.1f}">{escape(text)}</text>'
        )
    yy = y + 18 * len(groups)
    rows.append(
        f'<circle cx="{x + 5:.1f}" cy="{yy:.1f}" r="4" fill="none" stroke="#000"/>'
        f'<circle cx="{x + 22:.1f}" cy="{yy:.1f}" r="9" fill="none" stroke="#000"/>'
        f'<text x="{x + 38:.1f}" y="{yy + 4:.1f}">{escape(label("pic_size", lang))}</text>'
    )
    yy += 22
    rows.append(
        f'<circle cx="{x + 8:.1f}" cy="{yy:.1f}" r="7" fill="none" stroke="#000" stroke-dasharray="3,2"/>'
        f'<text x="{x + 22:.1f}" y="{yy + 4:.1f}">{escape(label("pic_hidden", lang))}</text>'
    )
    rows.append("</g>")
    return "".join(rows)


def _ident(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)
