"""Facilitator pages for a round fielded in LimeSurvey, Qualtrics or Microsoft Forms.

The page offers the questionnaire for each tool (with the alliance's partners
as relation rows) and imports a tool's export into the round: everything or,
on any problem, nothing. Columns the importer does not recognise are shown in
a mapping step where the facilitator says, per column, which question it is
(or that it can be ignored); the upload travels along signed, so it need not
be chosen again. Files too large for that get a mapping file to fill in.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from samenspel.errors import InputError, SamenspelError
from samenspel.instrument.model import Instrument
from samenspel.responses.coverage import require_someone
from samenspel.responses.model import ROLES
from samenspel.surveytools.conversion import Constants, Meaning, convert, resolve_columns
from samenspel.surveytools.detect import read_export
from samenspel.surveytools.layout import Layout, build_layout
from samenspel.surveytools.mapping import Mapping, Target, read_mapping
from samenspel.surveytools.table import ToolExport
from samenspel.web.alliances import access, survey, texts
from samenspel.web.alliances.importing import import_into, warn_coverage
from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.alliances.texts import bi, pick

CARRY_LIMIT = 3 * 1024 * 1024  # uploads up to this size travel with the mapping step (the POST limit is 5 MB)
CARRY_SALT = "samenspel.surveytools.carry"
CARRY_AGE = 2 * 3600
TOOL_CHOICES = [("auto", bi("Herken het zelf", "Recognise it")), ("limesurvey", "LimeSurvey"),
                ("qualtrics", "Qualtrics"), ("msforms", "Microsoft Forms")]
TOOL_NAMES = {"limesurvey": "LimeSurvey", "qualtrics": "Qualtrics", "msforms": "Microsoft Forms"}
FORMATS = {"lss": ("application/xml", "lss"), "qsf": ("application/json", "qsf"),
           "forms": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")}


class ToolImportForm(forms.Form):
    file = forms.FileField(label=bi("Export van het enquêteprogramma (CSV, VV of Excel)",
                                    "Export of the survey tool (CSV, VV or Excel)"))
    tool = forms.ChoiceField(choices=TOOL_CHOICES, initial="auto", label=bi("Programma", "Tool"))
    partner = forms.ChoiceField(required=False, label=bi("Partner van alle deelnemers (alleen als het bestand geen "
                                                          "partnervraag heeft)", "Partner of all respondents (only if "
                                                          "the file has no partner question)"))
    role = forms.ChoiceField(required=False, choices=[("", "—"), *texts.choices("respondent_role")],
                             label=bi("Rol van deelnemers zonder rolantwoord", "Role of respondents without a role answer"))
    mapping = forms.FileField(required=False, label=bi("Koppelbestand (YAML, optioneel)", "Mapping file (YAML, optional)"))

    def __init__(self, *args: object, rnd: MeasurementRound, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["partner"].choices = [("", pick("— uit het bestand —", "— from the file —"))] + [
            (p.code, p.name) for p in rnd.alliance.partners.all()]

    def clean_file(self):  # type: ignore[no-untyped-def]
        from samenspel.web.uploads import within_limit

        return within_limit(self.cleaned_data["file"])


@dataclass
class _Upload:
    data: bytes
    name: str
    tool: str
    partner: str
    role: str
    mapping: bytes  # the uploaded mapping file, or b""


def _layout(rnd: MeasurementRound, instrument: Instrument) -> Layout:
    partners = list(rnd.alliance.partners.all())
    return build_layout(instrument, [p.code for p in partners], {p.code: p.name for p in partners})


def _page(request: HttpRequest, rnd: MeasurementRound, status: int = 200, **extra: object) -> HttpResponse:
    context: dict[str, object] = {"alliance": rnd.alliance, "round": rnd,
                                  "form": extra.pop("form", None) or ToolImportForm(rnd=rnd),
                                  "partners": list(rnd.alliance.partners.all())}
    context.update(extra)
    return render(request, "facilitator/tools.html", context, status=status)


@login_required
def tools_page(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code)
    return _page(request, rnd)


@login_required
def questionnaire(request: HttpRequest, slug: str, code: str, fmt: str) -> HttpResponse:
    """The round's questionnaire for LimeSurvey (.lss), Qualtrics (.qsf) or Forms (.docx), in the page's language first."""
    rnd = access.round_for(request.user, slug, code)
    if fmt not in FORMATS:
        raise Http404("no such format")
    try:
        layout = _layout(rnd, survey.load_instrument(short=rnd.short))
    except SamenspelError as exc:
        return _page(request, rnd, status=400, problems=[str(exc)], problems_lang="en")
    lang = texts.lang()
    if fmt == "lss":
        from samenspel.surveytools.limesurvey import to_lss

        data = to_lss(layout, lang)
    elif fmt == "qsf":
        from samenspel.surveytools.qualtrics import to_qsf

        data = to_qsf(layout, lang)
    else:
        from samenspel.surveytools.msforms import to_docx

        data = to_docx(layout, lang)
    content_type, suffix = FORMATS[fmt]
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{rnd.alliance.slug}-{rnd.code}-{lang}.{suffix}"'
    return response


@login_required
@require_POST
def tool_import(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Import a tool's export; a first POST holds the upload, a mapping step's POST the signed upload and the choices."""
    rnd = access.round_for(request.user, slug, code)
    carried = request.POST.get("carry")
    if carried:
        try:
            upload = _unpack(carried)
        except (signing.BadSignature, ValueError, KeyError):
            messages.error(request, pick("Deze stap is verlopen; kies het bestand opnieuw.",
                                         "This step has expired; choose the file again."))
            return redirect("facilitator:tools", slug=slug, code=code)
    else:
        form = ToolImportForm(request.POST, request.FILES, rnd=rnd)
        if not form.is_valid():
            return _page(request, rnd, status=400, form=form)
        file, mapping_file = form.cleaned_data["file"], form.cleaned_data.get("mapping")
        upload = _Upload(file.read(), file.name, form.cleaned_data["tool"], form.cleaned_data.get("partner") or "",
                         form.cleaned_data.get("role") or "", mapping_file.read() if mapping_file else b"")
    instrument = survey.load_instrument(short=rnd.short)
    problems_lang = "en"  # the reading and the file check word their problems in English; import_into in the page's
    try:
        layout = _layout(rnd, instrument)
        mapping = read_mapping(upload.mapping, "mapping.yaml", instrument) if upload.mapping else None
        export = read_export(upload.data, upload.name, upload.tool)
        if carried:
            mapping = _with_choices(mapping, export, layout, request)
        meanings = resolve_columns(export, layout, mapping)
        if any(m is None for m in meanings):
            return _mapping_step(request, rnd, upload, export, layout, meanings, again=bool(carried))
        result = convert(export, layout, Constants(rnd.alliance.slug, rnd.code, None, upload.partner or None,
                                                   upload.role or None), mapping)
        # the same rule as the round's own import: an export in which nobody counts is no data
        coverage = require_someone(result.responses, survey.round_questionnaire(rnd))
        problems_lang = texts.lang()
        summary = import_into(rnd, result.responses)
    except InputError as exc:
        problems, more = texts.shown_problems(exc.problems)
        return _page(request, rnd, status=400, problems=problems, problems_lang=problems_lang, more_problems=more)
    except SamenspelError as exc:
        return _page(request, rnd, status=400, problems=[str(exc)], problems_lang=problems_lang)
    name = TOOL_NAMES[export.tool]
    messages.success(request, pick(f"Geïmporteerd uit {name}: {summary.respondents} deelnemers, "
                                   f"{summary.answers} antwoorden",
                                   f"Imported from {name}: {summary.respondents} respondents, "
                                   f"{summary.answers} answers"))
    warn_coverage(request, coverage)
    return redirect("facilitator:round", slug=slug, code=code)


def _mapping_step(request: HttpRequest, rnd: MeasurementRound, upload: _Upload, export: ToolExport, layout: Layout,
                  meanings: list[Meaning | None], again: bool = False) -> HttpResponse:
    """Ask, per unrecognised column, what it holds."""
    rows = []
    for i, meaning in enumerate(meanings):
        if meaning is not None:
            continue
        example = next((c for _, cells in export.rows if isinstance(c := cells[i], str) and c.strip()), "")
        text = export.texts[i] if i < len(export.texts) and export.texts[i] != export.columns[i] else ""
        rows.append({"index": i, "name": export.column_name(i), "text": text[:200], "example": str(example)[:80],
                     "chosen": request.POST.get(f"col{i}", "")})
    choices = [("ignore", pick("negeren (hoort niet bij de vragenlijst)", "ignore (not part of the questionnaire)")),
               ("partner", pick("partner van de deelnemer", "the respondent's partner")),
               ("role", pick("rol van de deelnemer", "the respondent's role"))]
    lang = texts.lang()
    for question, cell in layout.cells():
        if cell.item is None:
            continue
        value = f"{cell.item.id}|{cell.target or ''}"
        choices.append((value, f"{cell.item.id}: {cell.text(lang)[:90]}"))
    carry = _pack(upload) if len(upload.data) <= CARRY_LIMIT else ""
    skeleton = "columns:\n" + "".join(f"  {_yaml_key(r['name'])}: ignore   # or an item id\n" for r in rows)
    return _page(request, rnd, status=400 if again else 200, unmapped=rows, choices=choices, carry=carry,
                 skeleton=skeleton, export_name=upload.name, tool=export.tool, again=again)


def _yaml_key(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _with_choices(mapping: Mapping | None, export: ToolExport, layout: Layout, request: HttpRequest) -> Mapping:
    """The uploaded mapping plus what the facilitator chose per column in the mapping step."""
    out = mapping or Mapping(source="mapping")
    for i, name in enumerate(export.columns):
        chosen = request.POST.get(f"col{i}", "")
        if not chosen:
            continue
        if chosen in ("ignore", "partner", "role"):
            out.columns[name] = Target(chosen)
            continue
        item_id, _, target = chosen.partition("|")
        if layout.instrument.has_item(item_id):
            out.columns[name] = Target("item", item_id, target or None)
    return out


def _pack(upload: _Upload) -> str:
    return signing.dumps({"d": base64.b64encode(upload.data).decode("ascii"), "n": upload.name, "t": upload.tool,
                          "p": upload.partner, "r": upload.role if upload.role in ROLES else "",
                          "m": base64.b64encode(upload.mapping).decode("ascii")}, salt=CARRY_SALT, compress=True)


def _unpack(value: str) -> _Upload:
    raw = signing.loads(value, salt=CARRY_SALT, max_age=CARRY_AGE)
    return _Upload(base64.b64decode(raw["d"]), str(raw["n"]), str(raw["t"]), str(raw["p"]), str(raw["r"]),
                   base64.b64decode(raw["m"]))
