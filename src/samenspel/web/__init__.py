"""Samenspel's web application: a Django adapter around the pure core.

The web app stores alliances, rounds and answers in a database, turns them
into a :class:`~samenspel.responses.model.ResponseSet` for analysis and export,
and never re-implements analysis itself. See docs/WEB.md.
"""
