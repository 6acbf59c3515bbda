"""Login throttling (django-axes): what a locked-out user sees.

The page says, in the page's language, that logging in is blocked for a
while and for how many minutes, with status 429. The same page answers the
login and the admin login.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout(request: HttpRequest, original_response: HttpResponse | None = None,
            credentials: dict[str, object] | None = None) -> HttpResponse:
    """The lockout page (``AXES_LOCKOUT_CALLABLE``); never shows the username or password tried."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    response = render(request, "registration/lockout.html", {"cooloff_timedelta": cool_off, "minutes": minutes},
                      status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
