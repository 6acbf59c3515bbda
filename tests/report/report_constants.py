"""Constants shared by the report tests (a module of its own: ``conftest`` is not importable by name
when several test folders each have one)."""

from datetime import date

SMALL = "Stichting Kwetsbaar Klein"  # the partner cut to two respondents
DAY = date(2026, 11, 22)  # the report date used in every test
