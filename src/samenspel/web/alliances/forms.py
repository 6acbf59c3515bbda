"""Facilitator forms; knowledge-base ids are offered as choices from the knowledge base."""

from __future__ import annotations

from django import forms
from django.utils.text import slugify

from samenspel.i18n import Text
from samenspel.responses.model import ROLES
from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership, Partner


def _kb_choices(kind: str) -> list[tuple[str, str]]:
    """``("", "—")`` plus the entries of one knowledge-base table, named in Dutch / English."""
    from samenspel.knowledge import load_knowledge

    table: dict[str, object] = getattr(load_knowledge(), kind)
    out = [("", "—")]
    for key, entry in table.items():
        name = getattr(entry, "name", None)
        out.append((key, f"{name.nl} / {name.en}" if isinstance(name, Text) else key))
    return out


class AllianceForm(forms.ModelForm):
    class Meta:
        model = Alliance
        fields = ["name", "slug", "collaboration_form", "governance_model", "phase_model", "min_group"]
        labels = {
            "name": "Naam / Name",
            "slug": "Korte id (in adressen en bestanden) / Short id",
            "collaboration_form": "Samenwerkingsvorm / Form of collaboration",
            "governance_model": "Governancemodel / Governance model",
            "phase_model": "Fasemodel / Phase model",
            "min_group": "Minimale groepsgrootte / Minimum group size",
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["slug"].required = False
        for field, kind in (
            ("collaboration_form", "collaboration_forms"),
            ("governance_model", "governance_models"),
            ("phase_model", "phase_models"),
        ):
            self.fields[field] = forms.ChoiceField(
                choices=_kb_choices(kind), required=False, label=self.fields[field].label
            )
        self.fields["min_group"].min_value = 1
        self.fields["min_group"].widget.attrs["min"] = 1

    def clean_min_group(self) -> int:
        value = self.cleaned_data["min_group"]
        if value < 1:
            raise forms.ValidationError("Minimaal 1 / At least 1")
        return value

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:60]
        if not slug:
            raise forms.ValidationError("Geef een korte id / Give a short id")
        clash = Alliance.objects.filter(slug=slug)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Deze id bestaat al / This id is taken")
        return slug


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "code"]
        labels = {"name": "Naam / Name", "code": "Code (in bestanden) / Code (in files)"}

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        kwargs.setdefault("auto_id", "partner_%s")  # shares a page with RoundForm: ids must differ
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.alliance = alliance

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not code or any(c in code for c in ",;\"\n"):
            raise forms.ValidationError("Geen komma, puntkomma of aanhalingsteken / No comma, semicolon or quote")
        if Partner.objects.filter(alliance=self.alliance, code=code).exists():
            raise forms.ValidationError("Deze code bestaat al / This code is taken")
        return code


class RoundForm(forms.ModelForm):
    class Meta:
        model = MeasurementRound
        fields = ["name", "code", "opens", "closes", "short"]
        labels = {
            "name": "Naam / Name",
            "code": "Code (in bestanden) / Code (in files)",
            "opens": "Open vanaf / Opens",
            "closes": "Sluit na / Closes after",
            "short": "Korte pulsmeting / Short pulse version",
        }
        # type=date needs ISO dates whatever the language (a Dutch 22-11-2026 would show as empty)
        widgets = {"opens": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "closes": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        kwargs.setdefault("auto_id", "round_%s")  # shares a page with PartnerForm: ids must differ
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.alliance = alliance

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes < opens:  # type: ignore[operator]
            self.add_error("closes", "Sluit voor het opent / Closes before it opens")
        code = data.get("code")
        if code and MeasurementRound.objects.filter(alliance=self.alliance, code=code).exists():
            self.add_error("code", "Deze code bestaat al / This code is taken")
        return data


class InviteForm(forms.Form):
    partner = forms.ModelChoiceField(queryset=Partner.objects.none(), label="Partner")
    count = forms.IntegerField(min_value=0, max_value=500, initial=0, required=False,
                               label="Aantal links zonder e-mail / Number of links without e-mail")
    emails = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                             label="E-mailadressen, één per regel (krijgen een uitnodiging) / E-mail addresses, one per line")
    role = forms.ChoiceField(choices=[("", "—")] + [(r, r) for r in ROLES], required=False, label="Rol / Role")
    language = forms.ChoiceField(choices=[("nl", "Nederlands"), ("en", "English")], label="Taal / Language")

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["partner"].queryset = alliance.partners.all()  # type: ignore[attr-defined]

    def clean_emails(self) -> list[str]:
        raw = [e.strip() for e in self.cleaned_data.get("emails", "").replace(",", "\n").splitlines()]
        emails = [e for e in raw if e]
        bad = [e for e in emails if not _valid_email(e)]
        if bad:
            raise forms.ValidationError("Geen geldig adres / Not a valid address: " + ", ".join(bad))
        return emails

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("count") and not data.get("emails"):
            raise forms.ValidationError("Geef een aantal of e-mailadressen / Give a number or e-mail addresses")
        return data


def _valid_email(value: str) -> bool:
    try:
        forms.EmailField().clean(value)
    except forms.ValidationError:
        return False
    return True


class ImportForm(forms.Form):
    file = forms.FileField(label="Antwoordbestand (CSV of XLSX) / Response file (CSV or XLSX)")


class ConfirmForm(forms.Form):
    confirm = forms.CharField(label="Typ ter bevestiging / Type to confirm")

    def __init__(self, *args: object, expected: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.expected = expected

    def clean_confirm(self) -> str:
        value = self.cleaned_data["confirm"].strip()
        if value != self.expected:
            raise forms.ValidationError(f"Typ precies / Type exactly: {self.expected}")
        return value


class MemberForm(forms.Form):
    username = forms.CharField(label="Gebruikersnaam / Username")
    role = forms.ChoiceField(choices=Membership.ROLES, label="Rol / Role")

    def clean_username(self) -> object:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(username=self.cleaned_data["username"].strip()).first()
        if user is None:
            raise forms.ValidationError("Onbekende gebruiker / Unknown user")
        return user
