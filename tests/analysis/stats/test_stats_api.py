"""The public API of samenspel.analysis.stats: exported through __all__ and documented."""

import inspect
import re

import samenspel.analysis.stats as stats_api


def test_all_lists_exactly_the_public_names():
    """STYLE.md (httpx): public API only through __all__, checked by a test."""
    public = {name for name in vars(stats_api) if not name.startswith("_")}
    modules = {name for name in public if inspect.ismodule(getattr(stats_api, name))}
    assert set(stats_api.__all__) == public - modules
    assert len(stats_api.__all__) == len(set(stats_api.__all__))


def test_every_public_function_documents_formula_and_reference():
    """ARCHITECTURE.md: statistics document formula and reference (a cited year in the docstring)."""
    for name in stats_api.__all__:
        item = getattr(stats_api, name)
        if inspect.isfunction(item):
            doc = inspect.getdoc(item) or ""
            assert re.search(r"\b(19|20)\d\d\b", doc), name
