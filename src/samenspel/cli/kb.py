"""``samenspel kb``: validate the knowledge base, list and show its entries.

A thin adapter: loading and checking live in ``samenspel.knowledge``; this
module only turns entries into readable text in Dutch or English.
"""

from __future__ import annotations

import textwrap
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any, NoReturn

import typer

from samenspel.cli.common import LangOption, language
from samenspel.errors import SamenspelError
from samenspel.i18n import Text
from samenspel.knowledge import KINDS, KnowledgeBase, entries, find_entry, load_knowledge, load_knowledge_from
from samenspel.knowledge.model import ContextFit
from samenspel.knowledge.provenance import provenance_of

WIDTH = 88

# Field labels shown to users; a field not listed is shown by its own name.
LABELS: dict[str, tuple[str, str]] = {
    "name": ("Naam", "Name"),
    "description": ("Beschrijving", "Description"),
    "covers": ("Waar het over gaat", "What it covers"),
    "neglect": ("Bij verwaarlozing", "When neglected"),
    "pole_a": ("Pool A (laag)", "Pole A (low)"),
    "pole_b": ("Pool B (hoog)", "Pole B (high)"),
    "phases": ("Fasen (as 1-4)", "Phases (axis 1-4)"),
    "inferred_placement": ("Plaatsing afgeleid", "Placement inferred"),
    "kind": ("Soort", "Kind"),
    "discipline": ("Discipline", "Discipline"),
    "subgroup": ("Subgroep", "Subgroup"),
    "item": ("Vragenlijstitem", "Questionnaire item"),
    "domains": ("Domeinen", "Domains"),
    "opposite": ("Tegenhanger", "Opposite"),
    "question": ("Kernvraag", "Central question"),
    "see": ("Wat je ziet", "What you see"),
    "do": ("Wat te doen", "What to do"),
    "stages": ("Fasen van het model", "Stages of the model"),
    "motives": ("Motieven", "Motives"),
    "advice": ("Advies", "Advice"),
    "approach": ("Aanpak", "Approach"),
    "trust": ("Vertrouwen", "Trust"),
    "vigilance": ("Waakzaamheid", "Vigilance"),
    "order": ("Stap", "Step"),
    "indicators": ("Signalen", "Indicators"),
    "interventions": ("Interventies", "Interventions"),
    "questions": ("Vragen voor elkaar", "Questions to ask each other"),
    "durability": ("Duurzaamheid", "Durability"),
    "citation": ("Bron", "Citation"),
    "points": ("Punten", "Points"),
    "axis": ("Positie op de as", "Axis position"),
    "first_step": ("Eerste stap", "First step"),
    "phase_details": ("Fasen uit 004", "Phases of 004"),
    "fits": ("Past bij deze context", "Fit with the context"),
    "holds": ("Wat de brontekst bevat", "What the seed text holds"),
    "sections": ("Delen met inhoud", "Parts with content"),
    "titles_only": ("Alleen de titel", "Title only"),
    "source": ("Bron", "Source"),
    "provenance": ("Herkomst", "Provenance"),
}
FIT_CONTEXTS: dict[str, tuple[str, str]] = {
    "alliance_form": ("alliantievorm", "alliance form"),
    "collaboration_form": ("samenwerkingsvorm", "form of collaboration"),
    "governance_model": ("sturingsmodel", "governance model"),
}
SKIPPED_FIELDS = frozenset({"id", "name", "basis", "elaboration_of"})
DataOption = typer.Option(
    None, "--data", help="Use the knowledge YAML files in this directory instead of the built-in ones."
)
REFERENCE_FIELDS = frozenset({"domains", "interventions", "opposite", "phase_details"})


def register(app: typer.Typer) -> None:
    kb = typer.Typer(help="The knowledge base: validate it, list and show entries.", no_args_is_help=True)
    app.add_typer(kb, name="kb")

    @kb.command("validate")
    def validate(data: Path | None = DataOption) -> None:
        """Load and check the knowledge base; print how many entries of each kind it has."""
        base = _load(data)
        for kind in KINDS:
            typer.echo(f"{kind:<22} {len(getattr(base, kind)):>4}")
        typer.echo("knowledge base OK")

    @kb.command("list")
    def list_(
        kind: str | None = typer.Argument(None, help=f"Only this kind: {', '.join(KINDS)}."),
        lang: str = LangOption,
        data: Path | None = DataOption,
    ) -> None:
        """List entry ids with their names, per kind."""
        lang = _language(lang)
        base = _load(data)
        if kind is not None and kind not in KINDS and kind != "motives":
            _fail(f"unknown kind '{kind}'; choose one of {', '.join([*KINDS, 'motives'])}")
        for entry_id, (entry_kind, obj) in entries(base).items():
            if kind is None or entry_kind == kind:
                typer.echo(f"{entry_kind:<20} {entry_id:<36} {_title(obj, lang)}")

    @kb.command("show")
    def show(
        entry_id: str = typer.Argument(..., metavar="ID", help="Id of any entry, e.g. open_closed or phase_3."),
        lang: str = LangOption,
        data: Path | None = DataOption,
    ) -> None:
        """Show one entry in readable form, with its source."""
        lang = _language(lang)
        base = _load(data)
        try:
            kind, obj = find_entry(base, entry_id)
        except SamenspelError as exc:
            _fail(str(exc))
        typer.echo(render_entry(base, kind, entry_id, obj, lang))


def render_entry(base: KnowledgeBase, kind: str, entry_id: str, obj: Any, lang: str) -> str:
    """An entry as plain text: a title line, then one block per field, the source last.

    An entry that is our own elaboration on a title-only section gets a
    provenance line under its source, so nobody reads it as the seed's text.
    """
    lines = [f"{kind} {entry_id}: {_title(obj, lang)}", ""]
    source = ""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.name in SKIPPED_FIELDS or value is None or value == ():
            continue
        if f.name == "source":
            source = value
            continue
        label = LABELS.get(f.name, (f.name, f.name))[lang == "en"]
        lines.extend(_field(base, f.name, label, value, lang))
    if source:
        lines.extend(_wrap(f"{LABELS['source'][lang == 'en']}: {source}", "", "  "))
        origin = provenance_of(entry_id, obj)
        if origin.is_elaboration:
            lines.extend(_wrap(f"{LABELS['provenance'][lang == 'en']}: {origin.text(lang)}", "", "  "))
    return "\n".join(lines).rstrip() + "\n"


def _field(base: KnowledgeBase, name: str, label: str, value: Any, lang: str) -> list[str]:
    if isinstance(value, Text):
        return [f"{label}:", *_wrap(value(lang), "  "), ""]
    if isinstance(value, bool):
        return [f"{label}: {_yes_no(value, lang)}"]
    if isinstance(value, tuple) and value and isinstance(value[0], Text):
        return [f"{label}:", *(line for t in value for line in _wrap(t(lang), "  - ", "    ")), ""]
    if isinstance(value, tuple) and value and isinstance(value[0], ContextFit):
        return [f"{label}:", *(line for fit in value for line in _wrap(_fit(base, fit, lang), "  - ", "    ")), ""]
    if isinstance(value, tuple) and value and is_dataclass(value[0]):
        return [f"{label}:", *(line for v in value for line in _wrap(_nested(v, lang), "  - ", "    ")), ""]
    if name in REFERENCE_FIELDS:
        ids = value if isinstance(value, tuple) else (value,)
        return _wrap(f"{label}: " + ", ".join(_reference(base, i, lang) for i in ids), "", "  ")
    if isinstance(value, tuple):
        return _wrap(f"{label}: " + ", ".join(str(v) for v in value), "", "  ")
    if isinstance(value, str) and len(label) + len(value) > WIDTH:
        return [f"{label}:", *_wrap(value, "  "), ""]
    return [f"{label}: {value}"]


def _fit(base: KnowledgeBase, fit: ContextFit, lang: str) -> str:
    """One fit claim: 'past bij sturingsmodel X (id): reason (Bron: ...)'."""
    verdict = ("past bij", "fits") if fit.suits else ("past niet bij", "does not fit")
    context = FIT_CONTEXTS[fit.context][lang == "en"]
    names = ", ".join(_reference(base, i, lang) for i in fit.ids)
    source = f"{LABELS['source'][lang == 'en']}: {fit.source}"
    return f"{verdict[lang == 'en']} {context} {names}: {fit.reason(lang)} ({source})"


def _nested(obj: Any, lang: str) -> str:
    """A motive, stage or indicator on one line: its text, id and other plain fields."""
    extra = [
        f"{LABELS.get(f.name, (f.name, f.name))[lang == 'en'].lower()} {_plain(getattr(obj, f.name))}"
        for f in fields(obj)
        if f.name not in ("id", "name", "text", "source")
    ]
    return f"{_title(obj, lang)} ({obj.id}{'; ' + '; '.join(extra) if extra else ''})"


def _plain(value: Any) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, tuple) else str(value)


def _reference(base: KnowledgeBase, entry_id: str, lang: str) -> str:
    index = entries(base)
    if entry_id in index:
        return f"{_title(index[entry_id][1], lang)} ({entry_id})"
    return entry_id


def _title(obj: Any, lang: str) -> str:
    for attr in ("name", "text"):
        value = getattr(obj, attr, None)
        if isinstance(value, Text):
            return value(lang)
    return f"{('bron', 'source')[lang == 'en']} {getattr(obj, 'id', '')}"  # a SourceText


def _wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest if rest is not None else first)


def _yes_no(value: bool, lang: str) -> str:
    return ("ja", "yes")[lang == "en"] if value else ("nee", "no")[lang == "en"]


def _language(value: str) -> str:
    try:
        return language(value)
    except SamenspelError as exc:
        _fail(str(exc))


def _load(data: Path | None) -> KnowledgeBase:
    try:
        if data is None:
            return load_knowledge()
        if not data.is_dir():
            _fail(f"{data}: not a directory")
        return load_knowledge_from(data)
    except SamenspelError as exc:
        _fail(str(exc))


def _fail(message: str) -> NoReturn:
    """Show a user error on stderr and exit 2 (commands run under CliRunner too, outside main())."""
    typer.echo(f"samenspel: {message}", err=True)
    raise typer.Exit(2)
