"""Facilitator forms; knowledge-base ids are offered as choices from the knowledge base.

Labels, choices and errors are Dutch/English pairs (:mod:`.texts`), shown in
the language of the page only.
"""

from __future__ import annotations

from django import forms
from django.utils.text import slugify

from samenspel.i18n import Text
from samenspel.web.alliances import texts
from samenspel.web.alliances.models import Alliance, MeasurementRound, Partner
from samenspel.web.alliances.texts import bi, pick


def _kb_choices(kind: str) -> list[tuple[str, object]]:
    """``("", "—")`` plus the entries of one knowledge-base table, named in the page's language."""
    from samenspel.knowledge import load_knowledge

    table: dict[str, object] = getattr(load_knowledge(), kind)
    out: list[tuple[str, object]] = [("", "—")]
    for key, entry in table.items():
        name = getattr(entry, "name", None)
        out.append((key, bi(name.nl, name.en) if isinstance(name, Text) else key))
    return out


class AllianceForm(forms.ModelForm):
    class Meta:
        model = Alliance
        fields = ["name", "slug", "collaboration_form", "alliance_form", "governance_model", "phase_model", "min_group",
                  "contact_name", "contact_email"]
        labels = {
            "contact_name": bi("Contactpersoon voor deelnemers", "Contact person for respondents"),
            "contact_email": bi("E-mailadres van de contactpersoon", "E-mail address of the contact person"),
            "name": bi("Naam", "Name"),
            "slug": bi("Korte code (in webadressen en bestanden)", "Short code (in web addresses and files)"),
            "collaboration_form": bi("Samenwerkingsvorm: waar draait de samenwerking om?",
                                     "Form of collaboration: what is the collaboration about?"),
            "alliance_form": bi("Alliantievorm: hoe is de samenwerking opgezet?",
                                "Alliance form: how is the collaboration set up?"),
            "governance_model": bi("Sturingsmodel", "Governance model"),
            "phase_model": bi("Fasemodel", "Phase model"),
            "min_group": bi("Minimale groepsgrootte", "Minimum group size"),
        }
        help_texts = {
            "slug": bi("Leeg laten: wordt gemaakt uit de naam.", "Leave empty to make one from the name."),
            "min_group": bi("Cijfers per partner alleen bij minstens zoveel deelnemers van die partner.",
                            "Figures per partner only with at least this many respondents from that partner."),
            "contact_name": bi("Deelnemers zien deze naam als hun link niet (meer) werkt. Kijkers van de diagnose "
                               "zien hem nergens.",
                               "Respondents see this name when their link does not work (any more). Viewers of the "
                               "diagnosis never see it."),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["slug"].required = False
        self.fields["slug"].error_messages["invalid"] = SLUG_WORDS
        for field, kind in (
            ("collaboration_form", "collaboration_forms"),
            ("alliance_form", "alliance_forms"),
            ("governance_model", "governance_models"),
            ("phase_model", "phase_models"),
        ):
            self.fields[field] = forms.ChoiceField(
                choices=_kb_choices(kind), required=False, label=self.fields[field].label
            )
        self.fields["min_group"].min_value = 1
        self.fields["min_group"].widget.attrs["min"] = 1
        self.fields["confirm_small_groups"] = forms.BooleanField(
            required=False,
            label=bi("Ik weet dat een groepsgrootte onder 3 personen herkenbaar maakt",
                     "I know that a group size below 3 can single people out"),
            help_text=bi("Alleen nodig bij een minimale groepsgrootte van 1 of 2.",
                         "Only needed with a minimum group size of 1 or 2."))

    def clean_min_group(self) -> int:
        value = self.cleaned_data["min_group"]
        if value < 1:
            raise forms.ValidationError(pick("Minimaal 1", "At least 1"))
        return value

    def clean(self) -> dict:
        data = super().clean()
        value = data.get("min_group")
        if value is not None and value < 3 and not data.get("confirm_small_groups"):
            self.add_error("min_group", pick(
                "Onder 3 personen zijn antwoorden terug te voeren op één persoon. Bevestig dit hieronder als het "
                "echt zo bedoeld is.",
                "Below 3 people, answers can be traced to one person. Confirm below if this is really intended."))
        return data

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:60]
        if not slug:
            raise forms.ValidationError(pick("Geef een korte code", "Give a short code"))
        clash = Alliance.objects.filter(slug=slug)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(pick("Deze code bestaat al", "This code is taken"))
        if slug != self.instance.slug:
            from samenspel.web.norms.installation import slugs_in_norm_history

            if slug in slugs_in_norm_history():
                raise forms.ValidationError(pick(
                    f"De code {slug} hoorde bij een alliantie die aan de normen bijdroeg; kies een andere, zodat "
                    "de normen die twee niet verwarren.",
                    f"The code {slug} belonged to an alliance that contributed to the norms; choose another, so "
                    "that the norms do not mix the two up."))
        return slug


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "code"]
        labels = {"name": bi("Naam", "Name"), "code": bi("Code (in bestanden)", "Code (in files)")}
        help_texts = {"code": bi("Kort, bijvoorbeeld A of GEM. Leeg laten: wordt gemaakt uit de naam. Blijft "
                                 "altijd gelijk, ook als u de naam later wijzigt.",
                                 "Short, for example A or CITY. Leave empty to make one from the name. Never "
                                 "changes, also when you rename the partner later.")}

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        kwargs.setdefault("auto_id", "partner_%s")  # shares a page with RoundForm: ids must differ
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.alliance = alliance
        self.fields["code"].required = False

    def clean_code(self) -> str:
        code = (self.cleaned_data.get("code") or "").strip()
        if not code and self.cleaned_data.get("name"):
            code = unique_code(short_code(self.cleaned_data["name"]),
                               set(Partner.objects.filter(alliance=self.alliance).values_list("code", flat=True)))
        if not code:
            raise forms.ValidationError(pick("Geef de partner een naam.", "Give the partner a name."))
        if any(c in code for c in ",;\"\n"):
            raise forms.ValidationError(pick("Een code mag geen komma, puntkomma of aanhalingsteken bevatten.",
                                             "A code cannot hold a comma, semicolon or quote."))
        if Partner.objects.filter(alliance=self.alliance, code=code).exists():
            raise forms.ValidationError(pick("Een andere partner heeft deze code al; kies een andere.",
                                             "Another partner already has this code; choose another."))
        return code


class PartnerEditForm(forms.ModelForm):
    """Rename a partner: only the display name changes; the code that links rounds and files stays."""

    class Meta:
        model = Partner
        fields = ["name"]
        labels = {"name": bi("Naam", "Name")}
        help_texts = {"name": bi("Zoals deelnemers en lezers van de diagnose de partner zien.",
                                 "As respondents and readers of the diagnosis see the partner.")}

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(pick("Geef de partner een naam.", "Give the partner a name."))
        clash = Partner.objects.filter(alliance=self.instance.alliance, name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(pick("Een andere partner heet al zo.", "Another partner already has this name."))
        return name


def short_code(name: str) -> str:
    """A short code for files from a partner's name, as facilitators write them by hand: the initials of a
    name of several words (``Thuiszorg De Linge`` -> ``TDL``), the first three letters of one word
    (``Gemeente`` -> ``GEM``)."""
    words = [w for w in slugify(name).split("-") if w]
    if not words:
        return "P"
    if len(words) == 1:
        return words[0][:3].upper()
    return "".join(w[0] for w in words)[:6].upper()


def unique_code(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... when it is taken."""
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    return code


SLUG_WORDS = bi("Alleen kleine letters, cijfers en streepjes, zonder spaties (bijvoorbeeld 2026-voorjaar).",
                "Only lower-case letters, digits and hyphens, no spaces (for example 2026-spring).")


def _minutes(seconds: float) -> int:
    from samenspel.instrument import to_minutes

    return to_minutes(seconds)


def _plus(seconds: float) -> str:
    """``+1,5 min`` (Dutch) or ``+1.5 min``: a module's minutes to half a minute, as the facilitator reads them."""
    text = f"+{round(seconds / 30) / 2:.1f} min"
    return text.replace(".", ",") if texts.lang() == "nl" else text


def estimate_partners(alliance: Alliance) -> int:
    """Partners the time estimate assumes: the alliance's own count, or six while it has fewer than two."""
    from samenspel.instrument import DEFAULT_PARTNERS

    n = alliance.partners.count() if alliance.pk else 0
    return n if n >= 2 else DEFAULT_PARTNERS


class RoundForm(forms.ModelForm):
    """A new round and its questionnaire: version, pulse or full, and for 2.0 the modules and paradoxes.

    The choice is fixed once the round exists (an open round never changes its
    questionnaire). Each module and paradox shows the time it adds; the page
    adds them up as boxes are ticked (``round-estimate.js``, from ``costs``).
    """

    version = forms.ChoiceField(
        choices=[("2.0", bi("Vragenlijst 2.0 (aanbevolen)", "Questionnaire 2.0 (recommended)")),
                 ("1.0", bi("Vragenlijst 1.0 (om een reeks met 1.0 voort te zetten)",
                            "Questionnaire 1.0 (to continue a series answered with 1.0)"))],
        initial="2.0", required=False, label=bi("Vragenlijst", "Questionnaire"))
    modules = forms.MultipleChoiceField(
        choices=[], required=False, widget=forms.CheckboxSelectMultiple,
        label=bi("Modules naast de kern (alleen bij een volledige meting)",
                 "Modules besides the core (full round only)"))
    phase = forms.ChoiceField(
        choices=[("", bi("— onbekend: de zes die in de meeste fasen spelen", "— unknown: the six that matter in most phases")),
                 *[(str(a), bi(f"fase {a}", f"phase {a}")) for a in (1, 2, 3, 4)]],
        required=False, label=bi("Fase van de samenwerking (kiest de standaardset spanningen)",
                                 "Phase of the collaboration (picks the default set of tensions)"))
    paradoxes = forms.MultipleChoiceField(
        choices=[], required=False, widget=forms.CheckboxSelectMultiple,
        label=bi("Spanningen (paradoxen) die de module vraagt", "Tensions (paradoxes) the module asks"))

    class Meta:
        model = MeasurementRound
        fields = ["name", "code", "opens", "closes", "short"]
        labels = {
            "name": bi("Naam", "Name"),
            "code": bi("Code (in bestanden)", "Code (in files)"),
            "opens": bi("Open vanaf", "Opens on"),
            "closes": bi("Sluit na", "Closes after"),
            "short": bi("Korte pulsmeting", "Short pulse survey"),
        }
        help_texts = {
            "code": bi("Leeg laten: wordt gemaakt uit de naam. Letters, cijfers en streepjes.",
                       "Leave empty to make one from the name. Letters, digits and hyphens."),
            "closes": bi("Leeg laten: open tot u de ronde sluit.", "Leave empty: open until you close the round."),
            "short": bi("Alleen de kernvragen, voor een tussentijdse meting.", "Only the core questions, for a check in between."),
        }
        # type=date needs ISO dates whatever the language (a Dutch 22-11-2026 would show as empty)
        widgets = {"opens": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "closes": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        kwargs.setdefault("auto_id", "round_%s")  # shares a page with PartnerForm: ids must differ
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.alliance = alliance
        self.fields["code"].required = False
        self.fields["code"].error_messages["invalid"] = SLUG_WORDS
        self.fields["name"].error_messages["required"] = bi("Geef de ronde een naam.", "Give the round a name.")
        from samenspel.instrument import catalogue, default_selection
        from samenspel.instrument.selection import costs
        from samenspel.knowledge import load_knowledge

        kb = load_knowledge()
        lang = texts.lang()
        self.partners = estimate_partners(alliance)
        self.costs = costs("2.0", lang, self.partners)
        full = catalogue("2.0")
        default = default_selection(kb, None)
        module_choices = []
        for module in full.modules:
            if module.id == "core":
                continue
            if module.id == "paradoxes":
                added = self.costs.paradox_page + sum(self.costs.paradoxes[p] for p in default.paradoxes)
                extra = pick(f"standaard zes: {_plus(added)}", f"default six: {_plus(added)}")
            else:
                extra = _plus(self.costs.modules[module.id])
            module_choices.append((module.id, f"{module.title.get(lang)} ({extra}): {module.description.get(lang)}"))
        self.fields["modules"].choices = module_choices
        self.fields["modules"].initial = list(default.modules)
        self.fields["paradoxes"].choices = [
            (p, f"{kb.paradoxes[p].name.get(lang)} (+{round(self.costs.paradoxes[p])} s)") for p in full.paradoxes
        ]
        self.fields["paradoxes"].initial = list(default.paradoxes)
        self.default_seconds = self.costs.seconds(default)

    def estimate_data(self) -> dict[str, object]:
        """What round-estimate.js needs to add up the time as boxes are ticked (seconds, this alliance's size)."""
        from samenspel.instrument import default_paradoxes, load_instrument
        from samenspel.knowledge import load_knowledge

        kb = load_knowledge()
        c = self.costs
        return {
            "core": round(c.core, 1), "page": round(c.paradox_page, 1),
            "modules": {k: round(v, 1) for k, v in c.modules.items()},
            "paradoxes": {k: round(v, 1) for k, v in c.paradoxes.items()},
            "pulse": estimate_seconds_for(load_instrument(short=True, version="2.0"), c.lang, self.partners),
            "v1": {"full": estimate_seconds_for(load_instrument(version="1.0"), c.lang, self.partners),
                   "pulse": estimate_seconds_for(load_instrument(short=True, version="1.0"), c.lang, self.partners)},
            "defaults": {str(ph or ""): list(default_paradoxes(kb, ph)) for ph in (None, 1, 2, 3, 4)},
        }

    def clean_version(self) -> str:
        return self.cleaned_data.get("version") or "2.0"

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        modules = list(data.get("modules") or [])
        if (data.get("version") or "2.0") == "2.0" and not data.get("short") and "paradoxes" in modules \
                and not data.get("paradoxes"):
            self.add_error("paradoxes", pick("Kies minstens één spanning, of zet de module uit",
                                             "Choose at least one tension, or leave the module out"))
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes < opens:  # type: ignore[operator]
            self.add_error("closes", pick("Sluit voordat de ronde opent", "Closes before it opens"))
        code = data.get("code")
        if code and MeasurementRound.objects.filter(alliance=self.alliance, code=code).exists():
            self.add_error("code", pick("Een andere ronde van deze alliantie heeft deze code al; kies een andere.",
                                        "Another round of this alliance already has this code; choose another."))
        elif not code and "code" not in self.errors and data.get("name"):
            taken = set(MeasurementRound.objects.filter(alliance=self.alliance).values_list("code", flat=True))
            data["code"] = unique_code(slugify(str(data["name"]))[:36] or "ronde", taken)
        return data

    def save(self, commit: bool = True) -> MeasurementRound:
        """The round with its questionnaire: the version, and for a 2.0 full round its modules and paradoxes."""
        rnd: MeasurementRound = super().save(commit=False)
        version = self.cleaned_data.get("version") or "2.0"
        modules = list(self.cleaned_data.get("modules") or []) if version == "2.0" and not rnd.short else []
        rnd.instrument = f"samenspel-core@{version}"
        rnd.modules = modules
        rnd.paradoxes = list(self.cleaned_data.get("paradoxes") or []) if "paradoxes" in modules else []
        if commit:
            rnd.save()
        return rnd


def estimate_seconds_for(instrument, lang: str, partners: int) -> float:  # type: ignore[no-untyped-def]
    from samenspel.instrument import estimate

    return round(estimate(instrument, lang, partners).seconds, 1)


class InviteForm(forms.Form):
    partner = forms.ModelChoiceField(queryset=Partner.objects.none(), label="Partner", empty_label="—")
    count = forms.IntegerField(min_value=0, max_value=500, initial=0, required=False,
                               label=bi("Aantal links zonder e-mail", "Number of links without e-mail"))
    emails = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                             label=bi("E-mailadressen, één per regel (krijgen een uitnodiging)",
                                       "E-mail addresses, one per line (each gets an invitation)"))
    role = forms.ChoiceField(choices=[("", "—"), *texts.choices("respondent_role")], required=False,
                             label=bi("Rol van de deelnemers", "Role of the respondents"))
    language = forms.ChoiceField(choices=[("nl", bi("Nederlands", "Dutch")), ("en", bi("Engels", "English"))],
                                 label=bi("Taal van de vragenlijst", "Language of the questionnaire"))

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["partner"].queryset = alliance.partners.filter(archived_at__isnull=True)  # type: ignore[attr-defined]

    def clean_emails(self) -> list[str]:
        raw = [e.strip() for e in self.cleaned_data.get("emails", "").replace(",", "\n").splitlines()]
        emails = [e for e in raw if e]
        bad = [e for e in emails if not _valid_email(e)]
        if bad:
            raise forms.ValidationError(pick("Geen geldig adres: ", "Not a valid address: ") + ", ".join(bad))
        return emails

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("count") and not data.get("emails"):
            raise forms.ValidationError(pick("Geef een aantal of e-mailadressen", "Give a number or e-mail addresses"))
        return data


def _valid_email(value: str) -> bool:
    try:
        forms.EmailField().clean(value)
    except forms.ValidationError:
        return False
    return True


class ImportForm(forms.Form):
    file = forms.FileField(label=bi("Antwoordbestand (CSV of XLSX)", "Response file (CSV or XLSX)"))

    def clean_file(self):  # type: ignore[no-untyped-def]
        from samenspel.web.uploads import within_limit

        return within_limit(self.cleaned_data["file"])


class ConfirmForm(forms.Form):
    confirm = forms.CharField(label=bi("Bevestiging", "Confirmation"))

    def __init__(self, *args: object, expected: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.expected = expected

    def clean_confirm(self) -> str:
        value = self.cleaned_data["confirm"].strip()
        if value != self.expected:
            raise forms.ValidationError(pick("Typ precies: ", "Type exactly: ") + self.expected)
        return value


class MemberForm(forms.Form):
    """A username and a role. Whether the account exists is not checked here: the answer must not tell
    (see :mod:`.members`); only a name no account could have is refused."""

    username = forms.CharField(label=bi("Gebruikersnaam", "Username"), max_length=150)
    role = forms.ChoiceField(choices=texts.choices("member_role"), label=bi("Rol", "Role"))

    def clean_username(self) -> str:
        from django.contrib.auth.validators import UnicodeUsernameValidator

        name = self.cleaned_data["username"].strip()
        try:
            UnicodeUsernameValidator()(name)
        except forms.ValidationError:
            raise forms.ValidationError(pick("Geen geldige gebruikersnaam (letters, cijfers en @.+-_)",
                                             "Not a valid username (letters, digits and @.+-_)")) from None
        return name


LANGUAGE_CHOICES = [("nl", bi("Nederlands", "Dutch")), ("en", bi("Engels", "English"))]


class ContactsForm(forms.Form):
    """Invite everyone at once from a list of contacts: pasted, or an uploaded CSV/XLSX (see :mod:`.contacts`)."""

    contacts = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}), required=False,
        label=bi("Plak de lijst (naam, e-mail, partner, rol, taal)", "Paste the list (name, e-mail, partner, role, language)"),
        help_text=bi("Eén persoon per regel, kolommen gescheiden door komma, puntkomma of tab (zo plakt u uit Excel). "
                     "Partner: naam of code. Rol en taal mogen leeg. Zonder e-mail: alleen een link om zelf te delen.",
                     "One person per line, columns separated by comma, semicolon or tab (as pasted from Excel). "
                     "Partner: name or code. Role and language may be empty. Without e-mail: only a link to share yourself."))
    file = forms.FileField(required=False, label=bi("Of kies een bestand (CSV of XLSX)", "Or choose a file (CSV or XLSX)"))
    language = forms.ChoiceField(choices=LANGUAGE_CHOICES, label=bi("Taal als de lijst er geen noemt",
                                                                    "Language where the list gives none"))

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        kwargs.setdefault("auto_id", "contacts_%s")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.alliance = alliance

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data.get("file")
        if upload is not None:
            ImportForm.clean_file(self)  # the same size limit as a response file
        return upload

    def clean(self) -> dict[str, object]:
        from samenspel.web.alliances import contacts

        data = super().clean() or {}
        if self.errors:
            return data
        language = str(data.get("language") or "nl")
        text = str(data.get("contacts") or "").strip()
        upload = data.get("file")
        if upload is not None and text:
            self.add_error("contacts", pick("Plak een lijst óf kies een bestand, niet allebei.",
                                            "Paste a list or choose a file, not both."))
        elif upload is not None:
            try:
                data["people"] = contacts.read_upload(upload, self.alliance, language)
            except forms.ValidationError as exc:
                self.add_error("file", exc)
        elif text:
            try:
                data["people"] = contacts.read_pasted(text, self.alliance, language)
            except forms.ValidationError as exc:
                self.add_error("contacts", exc)
        else:
            self.add_error("contacts", pick("Plak een lijst of kies een bestand.", "Paste a list or choose a file."))
        return data


class AnonymousLinksForm(forms.Form):
    """N links without names per partner, for every partner in one form (``count_<partner id>``)."""

    role = forms.ChoiceField(choices=[("", "—"), *texts.choices("respondent_role")], required=False,
                             label=bi("Rol van de deelnemers (mag leeg)", "Role of the respondents (may be empty)"))
    language = forms.ChoiceField(choices=LANGUAGE_CHOICES, label=bi("Taal van de vragenlijst",
                                                                    "Language of the questionnaire"))

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        kwargs.setdefault("auto_id", "anon_%s")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.partners = list(alliance.partners.filter(archived_at__isnull=True).order_by("name"))
        fields = {}
        for p in self.partners:
            fields[f"count_{p.pk}"] = forms.IntegerField(
                min_value=0, max_value=500, required=False, label=p.name,
                error_messages={"min_value": bi("Geen negatief aantal.", "No negative number."),
                                "max_value": bi("Hoogstens 500 per keer.", "At most 500 at a time."),
                                "invalid": bi("Typ een heel getal.", "Type a whole number.")},
                widget=forms.NumberInput(attrs={"min": 0, "max": 500, "inputmode": "numeric"}))
        self.fields = {**fields, **self.fields}

    def count_fields(self) -> list[object]:
        return [self[f"count_{p.pk}"] for p in self.partners]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        counts = {p: int(data.get(f"count_{p.pk}") or 0) for p in self.partners}
        if not self.errors and not any(counts.values()):
            raise forms.ValidationError(pick("Vul bij minstens één partner een aantal in.",
                                             "Fill in a number for at least one partner."))
        data["counts"] = counts
        return data
