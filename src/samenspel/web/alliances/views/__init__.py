"""Views: the respondent's questionnaire and the facilitator's pages."""
