"""A short readable report of the relationship network (``samenspel network``), laid out from a reading."""

from __future__ import annotations

from samenspel.reading import phrases as P
from samenspel.reading.labels import t
from samenspel.reading.notation import num
from samenspel.reading.reading import Reading


def network_summary(r: Reading, dimension: str, lang: str) -> str:
    """Ties, reciprocity, per-partner received/given ratings (own ratings only above the minimum group), findings."""
    net = r.diagnosis.network
    if net is None:
        return t("no_network", lang) + "\n"
    dim = net.dimensions[dimension]
    n = len(net.networks.partners)
    name = t(f"dim_{dimension}", lang)
    lines = [
        t("netsum_title", lang, alliance=r.context.name or r.diagnosis.alliance, round=P.round_(r, r.diagnosis.round)),
        "",
        t("netsum_ties", lang, dimension=name.capitalize(), ties=dim.ties, possible=n * (n - 1),
          density=num(dim.density, lang, 2), mean=num(dim.mean_weight, lang)),
        t("netsum_recip", lang, recip=num(dim.reciprocity, lang, 2), wrecip=num(dim.weighted_reciprocity, lang, 2),
          central=num(dim.centralization, lang, 2)),
        "",
        t("netsum_head", lang, dimension=name),
    ]
    labels = {p: P.partner(r, p, lang) for p in net.partners}
    width = max([len(v) for v in labels.values()] + [8]) + 2
    cols = t("netsum_cols", lang).split()
    lines.append(" " * width + "".join(f"{c:>14}" for c in cols))
    for p, m in net.partners.items():
        mark = "*" if m.hidden else ""
        given = None if m.hidden else m[f"out_{dimension}"]
        lines.append(f"{labels[p] + mark:<{width}}" + f"{num(m[f'in_{dimension}'], lang):>14}{num(given, lang):>14}"
                     + f"{num(m.power, lang):>14}{num(m.betweenness, lang, 2):>14}")
    if net.networks.hidden:
        lines.append(t("netsum_hidden", lang, n=net.networks.min_group))
    lines += ["", t("network_findings", lang) + ":"]
    sentences = P.network_sentences(r, lang)
    lines += [f"- {s}" for s in sentences] if sentences else ["- " + t("network_none", lang)]
    return "\n".join(lines) + "\n"
