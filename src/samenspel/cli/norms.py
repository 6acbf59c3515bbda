"""``samenspel norms build|export|import|show``: norms over many alliances and open norm files (issue 16).

A thin adapter over ``samenspel.norms``: ``build`` reads a directory of
response files (a national monitor) into alliance profiles with DuckDB and
keeps the norm set with its private record of members (the ledger); ``export``
writes the open norm file (CSV + JSON description, no alliance names);
``import`` checks someone else's norm file and keeps it; ``show`` prints a norm
file, and with ``--responses`` where that alliance stands. Output follows
``--lang``; errors are messages with exit code 2, never tracebacks.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Annotated

import typer

from samenspel.cli.common import LangOption, fail, language, write_output
from samenspel.errors import SamenspelError
from samenspel.i18n import Text

LEDGER_FORMAT = "samenspel-norms-ledger"

T: dict[str, Text] = {
    "built": Text("{n} allianties, {rows} normregels, {suppressed} niet gepubliceerd (te weinig allianties of "
                  "herleidbaar); vragenlijst {q}; {s:.1f} s",
                  "{n} alliances, {rows} norm rows, {suppressed} not published (too few alliances or "
                  "could be worked out); questionnaire {q}; {s:.1f} s"),
    "not_opted": Text("{n} allianties zonder toestemming voor normen (norms: true in alliance.yaml) zijn niet meegeteld",
                      "{n} alliances without consent for norms (norms: true in alliance.yaml) were left out"),
    "other_versions": Text("{n} allianties met een andere vragenlijstversie zijn niet meegeteld",
                           "{n} alliances that answered another questionnaire version were left out"),
    "ledger": Text("normset met ledenlijst (privé, niet publiceren): {path}",
                   "norm set with its member record (private, do not publish): {path}"),
    "exported": Text("open normbestand: {csv} en {json}", "open norm file: {csv} and {json}"),
    "recall": Text("Let op: een gepubliceerd normbestand kan niet worden teruggehaald; allianties die zich later "
                   "afmelden, vallen alleen uit toekomstige normbestanden.",
                   "Note: a published norm file cannot be recalled; alliances that opt out later are left out of "
                   "future norm files only."),
    "imported": Text("geïmporteerd: {rows} normregels in {groups} groepen, vragenlijst {q}, licentie {licence} -> {dir}",
                     "imported: {rows} norm rows in {groups} groups, questionnaire {q}, licence {licence} -> {dir}"),
    "header": Text("Normen ({q}), groep {group}: {n} allianties; minimaal {min} per cijfer",
                   "Norms ({q}), group {group}: {n} alliances; at least {min} behind each figure"),
    "columns": Text("maat / kwartiel 1 / mediaan / kwartiel 3 / p90 / n",
                    "measure / quartile 1 / median / quartile 3 / p90 / n"),
    "no_group": Text("geen normen voor groep {group}; groepen: {groups}", "no norms for group {group}; groups: {groups}"),
    "placed": Text("{alliance} ({round}) tegenover {group}: een band, geen doel",
                   "{alliance} ({round}) against {group}: a band, not a target"),
    "below_q1": Text("onder het eerste kwartiel", "below the lower quartile"),
    "middle": Text("in de middelste helft", "in the middle half"),
    "above_q3": Text("boven het derde kwartiel", "above the upper quartile"),
    "version": Text("verborgen: andere vragenlijstversie", "hidden: another questionnaire version"),
    "no_norm": Text("verborgen: te weinig allianties in deze groep", "hidden: too few alliances in this group"),
    "too_few": Text("verborgen: minder allianties dan het minimum van deze installatie",
                    "hidden: fewer alliances than this installation's minimum"),
    "no_value": Text("geen eigen cijfer", "no figure of its own"),
    "behind": Text("{n} allianties", "{n} alliances"),
}


def _ledger(path: Path):  # type: ignore[no-untyped-def]
    """A norm set from a ledger written by ``norms build``; a clear error for anything else."""
    from dataclasses import replace

    from samenspel.norms.norms import NormGroup, NormSet

    try:
        if path.stat().st_size > 50 * 2**20:
            raise SamenspelError(f"{path}: more than 50 MB; not a norm ledger written by 'samenspel norms build'")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SamenspelError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SamenspelError(f"{path}: cannot read the file ({exc})") from None
    except json.JSONDecodeError as exc:
        raise SamenspelError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or data.get("format") != LEDGER_FORMAT:
        raise SamenspelError(f"{path}: not a norm ledger written by 'samenspel norms build'")
    try:
        ns = NormSet.from_ledger(data)
        period = data.get("period") or {}
        groups = tuple(NormGroup(str(g["group"]), int(g["n"])) for g in data.get("groups") or [])
        return replace(ns, n_alliances=int(data.get("n_alliances") or 0), groups=groups,
                       period=(period.get("from"), period.get("to")))
    except SamenspelError as exc:
        raise SamenspelError(f"{path}: {exc}") from None
    except (AttributeError, KeyError, TypeError, ValueError):
        raise SamenspelError(f"{path}: not a norm ledger written by 'samenspel norms build'") from None


def _questionnaire(version: str | None) -> str:
    from samenspel.instrument.selection import CURRENT_VERSION, INSTRUMENT_ID, check_version

    version = check_version(version or CURRENT_VERSION)
    return f"{INSTRUMENT_ID}@{version}"


def register(app: typer.Typer) -> None:
    norms = typer.Typer(help="Norms: how an alliance compares with similar alliances (docs/NORMS.md).",
                        no_args_is_help=True)
    app.add_typer(norms, name="norms")

    @norms.command("build")
    def build(
        sources: Annotated[list[Path], typer.Argument(help="Directories or files of answers: CSV response files "
                                                       "(with alliance.yaml beside them) or Parquet files.")],
        out: Annotated[Path, typer.Option("-o", "--output", help="The norm set with its member record (JSON; "
                                                                 "private: it names alliances).")],
        min_alliances: Annotated[int, typer.Option("--min-alliances", help="Fewest alliances behind a norm figure.")] = 10,
        min_group: Annotated[int, typer.Option("--min-group", help="Minimum respondents per partner group (default 3; "
                                                                   "an alliance.yaml's own wins).")] = 3,
        version: Annotated[str | None, typer.Option("--questionnaire", help="Questionnaire version, e.g. 2.0 "
                                                                           "(default: the current one).")] = None,
        previous: Annotated[list[Path] | None, typer.Option("--previous", help="Earlier norm sets of this "
                                                            "installation (from norms build), for the differencing rule.")] = None,
        without_opt_in: Annotated[bool, typer.Option("--without-opt-in", help="Count alliances without 'norms: true' "
                                                     "in their alliance.yaml (only where consent was given otherwise).")] = False,
        lang: str = LangOption,
    ) -> None:
        """Build norms from the answers of many alliances (DuckDB; thousands of alliances in under a minute)."""
        from samenspel.knowledge import load_knowledge
        from samenspel.norms import build_norms, national

        try:
            lang = language(lang)
            if min_group < 1:
                raise SamenspelError(f"--min-group must be at least 1, not {min_group}")
            if min_alliances < 2:
                raise SamenspelError(f"--min-alliances must be at least 2, not {min_alliances}")
            questionnaire = _questionnaire(version)
            earlier = [_ledger(p) for p in previous or []]
            started = time.perf_counter()
            found = national.collect(sources, load_knowledge())
            con = national.connect()
            profiles = national.profiles(con, national.source_of(list(found.files)), found.contexts, min_group,
                                         questionnaire.split("@", 1)[1])
            if not without_opt_in:
                left = [p for p in profiles if not getattr(found.contexts.get(p.alliance), "norms", False)]
                profiles = [p for p in profiles if getattr(found.contexts.get(p.alliance), "norms", False)]
                if left:
                    typer.echo(T["not_opted"](lang).format(n=len(left)), err=True)
            ns = build_norms(profiles, min_alliances, questionnaire=questionnaire, previous=earlier)
            seconds = time.perf_counter() - started
            doc = {"format": LEDGER_FORMAT, **ns.ledger(), "n_alliances": ns.n_alliances,
                   "period": {"from": ns.period[0], "to": ns.period[1]},
                   "groups": [{"group": g.group, "n": g.n} for g in ns.groups],
                   "suppressed": [{"group": s.group, "measure": s.measure, "reason": s.reason} for s in ns.suppressed]}
            write_output(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", out)
            if ns.other_versions:
                typer.echo(T["other_versions"](lang).format(n=ns.other_versions), err=True)
            typer.echo(T["built"](lang).format(n=ns.n_alliances, rows=len(ns.rows), suppressed=len(ns.suppressed),
                                               q=ns.questionnaire, s=seconds))
            typer.echo(T["ledger"](lang).format(path=out))
        except SamenspelError as exc:
            fail(exc)

    @norms.command("export")
    def export(
        ledger: Annotated[Path, typer.Argument(help="A norm set written by 'samenspel norms build'.")],
        out: Annotated[Path, typer.Option("-o", "--output", help="The norm rows (.csv); the description is written "
                                                                 "beside it as .json.")],
        licence: Annotated[str, typer.Option("--licence", help="Licence of the published norms.")] = "CC-BY-4.0",
        publisher: Annotated[str | None, typer.Option("--publisher", help="Who publishes the norms.")] = None,
        lang: str = LangOption,
    ) -> None:
        """Write an open norm file: a CSV of norm rows and a JSON description, without alliance names."""
        from samenspel.norms.normfile import write_normfile

        try:
            lang = language(lang)
            if out.suffix.lower() != ".csv":
                raise SamenspelError(f"{out}: the norm rows are written as .csv (the description beside it as .json)")
            if not licence.strip():
                raise SamenspelError("--licence must name a licence, e.g. CC-BY-4.0")
            csv_path, json_path = write_normfile(_ledger(ledger), out, licence.strip(), publisher)
            typer.echo(T["exported"](lang).format(csv=csv_path, json=json_path))
            typer.echo(T["recall"](lang))
        except SamenspelError as exc:
            fail(exc)

    @norms.command("import")
    def import_(
        file: Annotated[Path, typer.Argument(help="A norm file (.csv) with its .json description beside it.")],
        into: Annotated[Path, typer.Option("--into", help="Directory where this installation keeps norm files.")] = Path("norms"),
        version: Annotated[str | None, typer.Option("--questionnaire", help="The questionnaire version compared here "
                                                                           "(default: the current one).")] = None,
        lang: str = LangOption,
    ) -> None:
        """Check a norm file published by others and keep it; another questionnaire version is refused."""
        from samenspel.norms.normfile import read_normfile

        try:
            lang = language(lang)
            nf = read_normfile(file, questionnaire=_questionnaire(version))
            if into.exists() and not into.is_dir():
                raise SamenspelError(f"{into}: is a file, not a directory")
            into.mkdir(parents=True, exist_ok=True)
            for src in (file, file.with_suffix(".json")):
                target = into / src.name
                if target.resolve() != src.resolve():
                    shutil.copyfile(src, target)
            ns = nf.normset
            typer.echo(T["imported"](lang).format(rows=len(ns.rows), groups=len(ns.groups), q=ns.questionnaire,
                                                  licence=nf.licence, dir=into))
        except OSError as exc:
            fail(SamenspelError(f"{into}: cannot write there ({exc.strerror})"))
        except SamenspelError as exc:
            fail(exc)

    @norms.command("show")
    def show(
        file: Annotated[Path, typer.Argument(help="A norm file (.csv with its .json) or a norm set from norms build.")],
        group: Annotated[str, typer.Option("--group", help="Norm group, e.g. all, alliance_form:joint_venture, "
                                                          "phase:2, size_band:4-6.")] = "all",
        responses: Annotated[Path | None, typer.Option("--responses", help="A response file: show where this "
                                                                          "alliance stands against the group.")] = None,
        context: Annotated[Path | None, typer.Option("--context", help="Alliance context file for --responses "
                                                                      "(default: alliance.yaml beside it).")] = None,
        lang: str = LangOption,
    ) -> None:
        """Print the norms of one group; with --responses, where that alliance stands (a band, not a target)."""
        from samenspel.norms.normfile import read_normfile

        try:
            lang = language(lang)
            ns = read_normfile(file).normset if file.suffix.lower() == ".csv" else _ledger(file)
            if responses is not None:
                typer.echo(_placement_text(ns, group, responses, context, lang))
                return
            rows = [r for r in ns.rows if r.group == group]
            if not rows:
                raise SamenspelError(T["no_group"]("en").format(
                    group=group, groups=", ".join(dict.fromkeys(r.group for r in ns.rows)) or "none"))
            lines = [T["header"](lang).format(q=ns.questionnaire, group=group, n=ns.group_n(group) or max(
                r.n for r in rows), min=ns.min_alliances), T["columns"](lang)]
            for r in rows:
                p90 = "-" if r.p90 is None else f"{r.p90:g}"
                lines.append(f"{r.measure:<32} {r.q1:>7g} {r.median:>7g} {r.q3:>7g} {p90:>7} {r.n:>6}")
            typer.echo("\n".join(lines))
        except SamenspelError as exc:
            fail(exc)


def _placement_text(ns, group: str, responses: Path, context: Path | None, lang: str) -> str:  # type: ignore[no-untyped-def]
    from samenspel.cli.analyse import reading_of
    from samenspel.norms import place, profile_of

    reading, _, _ = reading_of(responses, None, None, context)
    profile = profile_of(reading)
    lines = [T["placed"](lang).format(alliance=profile.alliance, round=profile.round, group=group)]
    for p in place(profile, ns, group):
        value = "-" if p.value is None else f"{p.value:.0f}" if p.measure.startswith(("domain:", "scale:")) \
            else f"{p.value:g}"
        if p.hidden:
            lines.append(f"{p.measure:<32} {value:>6}  {T[p.hidden](lang)}")
        else:
            lines.append(f"{p.measure:<32} {value:>6}  {T[p.band](lang):<28} "  # type: ignore[index]
                         f"({T['behind'](lang).format(n=p.n)}, {p.q1:g}-{p.q3:g})")
    return "\n".join(lines)
