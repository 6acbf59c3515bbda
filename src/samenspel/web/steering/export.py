"""The alliance's steering data as one JSON document, for its GDPR export.

An alliance's facilitators can take everything steering holds with them:
every round's actions with their status history, the meeting notes, and
the alliance's own goals with their values per round.
Who changed a status is given by username only; nothing about respondents
is here, because nothing about respondents is stored in steering.
"""

from __future__ import annotations

from typing import Any

from samenspel.web.alliances.models import Alliance


def alliance_steering(alliance: Alliance) -> dict[str, Any]:
    """Actions (with history) and meeting notes of every round of ``alliance``, and its own goals' values."""
    rounds = []
    for rnd in alliance.rounds.all():
        rounds.append({
            "round": rnd.code,
            "actions": [{
                "id": a.pk, "what": a.what, "partner": a.partner.code if a.partner else None,
                "owner_name": a.owner_name, "owner_email": a.owner_email, "due": a.due.isoformat() if a.due else None,
                "addresses": a.addresses, "expected": a.expected, "status": a.status, "note": a.note,
                "created_at": a.created_at.isoformat(),
                "reminded_at": a.reminded_at.isoformat() if a.reminded_at else None,
                "history": [{"at": h.at.isoformat(), "old": h.old, "new": h.new, "note": h.note,
                             "by": h.by.get_username() if h.by else None} for h in a.history.all()],
            } for a in rnd.actions.select_related("partner").prefetch_related("history__by")],
            "notes": [{"kind": n.kind, "finding": n.finding, "text": n.text, "created_at": n.created_at.isoformat()}
                      for n in rnd.meeting_notes.all()],
        })
    goals = [{"name": g.name, "unit": g.unit,
              "values": {v.round.code: v.value for v in g.values.select_related("round")}}
             for g in alliance.goals.all()]
    team = [c.user.get_username() for c in alliance.contributors.select_related("user")]
    return {"alliance": alliance.slug, "rounds": rounds, "goals": goals, "contributors": team}
