"""The minimum-group rule as the report applies it: a small partner is named, never scored.

The analysis already hides the own figures of a partner with fewer than the
minimum group of respondents (``null`` in the diagnosis). The report goes one
step further, so that a reader can never put a number next to such a
partner's name: network sentences about it are written without figures, and
the tooltips and arrow numbers of ties that touch it are taken out of the
network picture (the arrow itself, drawn from what others answered, stays).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

from samenspel.report.labels import t
from samenspel.report.notation import num

_TIE = re.compile(r'(<path class="tie"[^>]*>)<title>(.*?)</title>(</path>)', re.S)
_WEIGHTS = re.compile(r'(<g class="weights">)(.*?)(</g>)', re.S)
_TEXT = re.compile(r"<text\b[^>]*>[^<]*</text>")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def _partners(data: Mapping[str, object]) -> Mapping[str, object]:
    partners = data.get("partners")
    return partners if isinstance(partners, Mapping) else {}


def hidden_partners(data: Mapping[str, object]) -> list[str]:
    """Partners with respondents, but fewer than the minimum group (the diagnosis says ``shown: false``)."""
    partners = _partners(data)
    return [p for p, v in partners.items() if isinstance(v, Mapping) and v.get("n", 0) and not v.get("shown")]


def shown_partners(data: Mapping[str, object]) -> list[str]:
    partners = _partners(data)
    return [p for p, v in partners.items() if isinstance(v, Mapping) and v.get("shown")]


def local_decimals(text: str, lang: str) -> str:
    """Dutch uses a decimal comma, also in sentences the analysis wrote ("0.60" -> "0,60")."""
    return _DECIMAL_POINT.sub(",", text) if lang == "nl" else text


def network_sentences(network: Mapping[str, object], hidden: Sequence[str], lang: str) -> list[str]:
    """The network's findings as sentences; those about a small partner carry no figures."""
    out: list[str] = []
    findings = network.get("findings")
    for f in findings if isinstance(findings, list) else []:
        kind = f.get("kind")
        partners = list(f.get("partners") or [])
        touches_hidden = any(p in hidden for p in partners)
        if kind == "camps":
            groups = [g for g in network.get("communities") or [] if len(g) >= 2]  # type: ignore[union-attr]
            out.append(t("net_camps", lang, groups=" | ".join(", ".join(g) for g in groups)))
            within, between = network.get("trust_within"), network.get("trust_between")
            if isinstance(within, (int, float)) and isinstance(between, (int, float)):
                out.append(t("net_camps_numbers", lang, within=num(within, lang), between=num(between, lang)))
        elif not touches_hidden:
            text = f.get("text", {})
            out.append(local_decimals(text.get(lang, "") if isinstance(text, Mapping) else str(text), lang))
        elif kind in ("dominant_partner", "distrusted", "peripheral", "isolated", "broker"):
            key = {"dominant_partner": "net_dominant", "distrusted": "net_distrusted", "peripheral": "net_peripheral",
                   "isolated": "net_isolated", "broker": "net_broker"}[kind]
            out.append(t(key, lang, p0=partners[0]))
        # other kinds about a small partner (pair differences) are left out: they would be its own ratings
    return out


def scrub_picture(svg: str, hidden: Sequence[str]) -> str:
    """Take tooltips and arrow numbers of ties touching a small partner out of the network SVG."""
    if not hidden:
        return svg
    names = {escape(h) for h in hidden}
    titles = [m.group(2) for m in _TIE.finditer(svg)]

    def touches(title: str) -> bool:
        source, _, rest = title.partition(" \u2192 ")
        target = rest.rsplit(": ", 1)[0]
        return source in names or target in names

    drop = {i for i, title in enumerate(titles) if touches(title)}
    if not drop:
        return svg
    counter = iter(range(len(titles)))

    def untitle(m: re.Match[str]) -> str:
        i = next(counter)
        return m.group(1) + m.group(3) if i in drop else m.group(0)

    svg = _TIE.sub(untitle, svg)

    def unweigh(m: re.Match[str]) -> str:
        texts = _TEXT.findall(m.group(2))
        if len(texts) != len(titles):  # cannot pair numbers with ties: show none rather than a wrong one
            return m.group(1) + m.group(3)
        return m.group(1) + "".join(x for i, x in enumerate(texts) if i not in drop) + m.group(3)

    return _WEIGHTS.sub(unweigh, svg, count=1)
