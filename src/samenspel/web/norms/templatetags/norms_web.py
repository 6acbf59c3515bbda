"""``{% norm_comparison round %}``: the dashboard's norms section, so the dashboard view needs no change.

The reader's choices live in the page's address: ``?normset=`` (this
installation's own norms, ``installation``, or an imported norm file's id) and
``?norm=`` (the group); nothing is stored per alliance or per user.
"""

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
    source = request.GET.get("normset") if request is not None else None
    from samenspel.web.norms import consent, imports

    manages = bool(context.get("is_facilitator"))
    user = getattr(request, "user", None)
    return {"c": comparison.for_round(rnd, wanted, lang(), source), "round": rnd, "manages": manages,
            "may_import": bool(user is not None and user.has_perm(imports.MANAGE)),
            "contributes": consent.contributes(rnd.alliance) if manages else None}
