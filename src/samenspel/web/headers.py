"""Response headers and request guards that hold for every page, not one view at a time.

* Every page is private (``Cache-Control: no-store``): pages hold personal
  links (the links page), answers (respondent pages, exports) or figures of
  named organisations, and none should stay in a browser's or proxy's cache.
  Static files are served above this middleware and stay cacheable.
* A request whose path or query string holds a NUL character is refused with
  400: PostgreSQL cannot compare text with NUL (a 500 there), SQLite would
  look it up silently; the same answer on both databases.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.cache import add_never_cache_headers


class PrivatePages:
    """Add ``Cache-Control: no-store`` (Django's never-cache set) where a view set no caching itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest("NUL characters are not allowed in a web address.",
                                          content_type="text/plain; charset=utf-8")
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        elif "no-store" not in response["Cache-Control"] and not request.path.startswith("/static/"):
            response["Cache-Control"] = response["Cache-Control"] + ", no-store"
        return response
