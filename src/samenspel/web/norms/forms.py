"""The upload form of a norm file: its CSV of norm rows and its JSON description, each within the upload limit."""

from __future__ import annotations

from typing import Any

from django import forms

from samenspel.web.alliances.texts import bi, pick
from samenspel.web.uploads import within_limit


class NormFileForm(forms.Form):
    rows = forms.FileField(
        label=bi("Normregels (.csv)", "Norm rows (.csv)"),
        help_text=bi("Het CSV-bestand dat samenspel norms export schrijft.", "The CSV file samenspel norms export writes."),
        error_messages={"required": bi("Kies het CSV-bestand met de normregels.", "Choose the CSV file with the norm rows.")})
    description = forms.FileField(
        label=bi("Beschrijving (.json)", "Description (.json)"),
        help_text=bi("Het JSON-bestand met dezelfde naam, dat ernaast is gepubliceerd.",
                     "The JSON file of the same name, published beside it."),
        error_messages={"required": bi(
            "De beschrijving (.json) ontbreekt. Een normbestand bestaat uit twee bestanden: de normregels (.csv) en "
            "de beschrijving (.json) die de uitgever erbij publiceert; zonder beschrijving zijn de normen niet te "
            "controleren.",
            "The description (.json) is missing. A norm file is two files: the norm rows (.csv) and the description "
            "(.json) the publisher publishes beside them; without the description the norms cannot be checked.")})

    def clean_rows(self) -> Any:
        upload = within_limit(self.cleaned_data["rows"])
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(pick(f"{upload.name} is geen .csv-bestand; kies de normregels (.csv).",
                                             f"{upload.name} is not a .csv file; choose the norm rows (.csv)."))
        return upload

    def clean_description(self) -> Any:
        upload = within_limit(self.cleaned_data["description"])
        if not upload.name.lower().endswith(".json"):
            raise forms.ValidationError(pick(f"{upload.name} is geen .json-bestand; kies de beschrijving (.json).",
                                             f"{upload.name} is not a .json file; choose the description (.json)."))
        return upload
