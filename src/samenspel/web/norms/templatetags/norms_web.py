"""``{% norm_comparison round %}``: the dashboard's norms section, so the dashboard view needs no change."""

from __future__ import annotations

from typing import Any

from django import template

from samenspel.web.alliances.texts import lang
from samenspel.web.norms import comparison

register = template.Library()


@register.inclusion_tag("norms/comparison.html", takes_context=True)
def norm_comparison(context: template.Context, rnd: Any) -> dict[str, Any]:
    request = context.get("request")
    wanted = request.GET.get("norm") if request is not None else None
    from samenspel.web.norms import consent

    manages = bool(context.get("is_facilitator"))
    return {"c": comparison.for_round(rnd, wanted, lang()), "round": rnd, "manages": manages,
            "contributes": consent.contributes(rnd.alliance) if manages else None}
