"""Forms of steering: a decision (action), a status change, a meeting note.

Labels are Dutch/English pairs chosen when rendered (``texts.bi``), as in the
alliances app. The choices of partner and of what a decision addresses are
filled per round, so a form never offers another alliance's partner.
"""

from __future__ import annotations

from typing import Any

from django import forms

from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.alliances.texts import bi
from samenspel.web.steering.models import Action, MeetingNote

STATUS_LABELS: dict[str, tuple[str, str]] = {
    Action.PLANNED: ("gepland", "planned"),
    Action.UNDER_WAY: ("onderweg", "under way"),
    Action.DONE: ("gedaan", "done"),
    Action.DROPPED: ("geschrapt", "dropped"),
}


def status_choices() -> list[tuple[str, Any]]:
    return [(k, bi(*v)) for k, v in STATUS_LABELS.items()]


class ActionForm(forms.ModelForm):
    """A decision as step 4 records it: what, who, by when, what it addresses, what change is expected."""

    class Meta:
        model = Action
        fields = ["what", "partner", "owner_name", "owner_email", "due", "addresses", "expected"]
        labels = {
            "what": bi("Wat besluiten we?", "What do we decide?"),
            "partner": bi("Partner die trekt", "Partner in charge"),
            "owner_name": bi("Persoon die trekt", "Person in charge"),
            "owner_email": bi("E-mail van wie trekt (voor een herinnering)", "E-mail of the person in charge (for a reminder)"),
            "due": bi("Klaar op", "Due by"),
            "addresses": bi("Pakt aan", "Addresses"),
            "expected": bi("Welke verandering verwachten we?", "What change do we expect?"),
        }
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, round: MeasurementRound, addressable: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = round.alliance.partners.all()  # type: ignore[attr-defined]
        self.fields["partner"].empty_label = "—"  # type: ignore[attr-defined]
        self.fields["addresses"] = forms.ChoiceField(
            label=self.Meta.labels["addresses"], required=False, choices=[("", "—"), *addressable])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("partner") and not (data.get("owner_name") or "").strip():
            raise forms.ValidationError(bi("Geef een partner of een persoon die het trekt.",
                                           "Give a partner or a person in charge."))
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=bi("Stand", "Status"), choices=status_choices)
    note = forms.CharField(label=bi("Korte toelichting", "Short note"), max_length=300, required=False)


class NoteForm(forms.ModelForm):
    """What partners said; the help text keeps respondents' answers out."""

    class Meta:
        model = MeetingNote
        fields = ["kind", "finding", "text"]
        labels = {"text": bi("Wat zeiden de partners?", "What did the partners say?")}
        help_texts = {"text": bi("Noteer wat in het overleg gezegd is, nooit antwoorden van respondenten.",
                                 "Note what was said in the meeting, never respondents' answers.")}
        widgets = {"kind": forms.HiddenInput, "finding": forms.HiddenInput,
                   "text": forms.Textarea(attrs={"rows": 3})}


class GoalForm(forms.Form):
    """A goal or performance indicator of the alliance's own, counted once per round."""

    name = forms.CharField(label=bi("Doel of indicator", "Goal or indicator"), max_length=200,
                           help_text=bi("Bijvoorbeeld: gezamenlijke projecten gestart, cliënten bereikt.",
                                        "For example: joint projects started, clients reached."))
    unit = forms.CharField(label=bi("Eenheid", "Unit"), max_length=40, required=False)
