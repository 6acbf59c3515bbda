"""Alliances, partners, measurement rounds, respondents and their answers."""
