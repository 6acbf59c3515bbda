"""Norm files published by others, imported through the web app (issue 16: "a sector body publishes a file
that another installation imports and uses").

An upload is a pair: the CSV of norm rows and its JSON description, exactly as
``samenspel norms export`` writes them (docs/FORMATS.md §5). Both are read
within the same bounds as other uploads: ``SAMENSPEL_MAX_UPLOAD_MB`` before
anything is read (the form), then the norm file reader's own limits (size,
rows, columns) and checks (``samenspel.norms.normfile.read_normfile_data``).
A file for a questionnaire this installation does not ask is refused. Storage
is all or nothing: the set and every row in one transaction.

Only users with the permission ``norms.manage_norm_files`` (the administrator
grants it in /admin/, as "may create alliances"; superusers have it) import or
delete; every user who may see a dashboard may compare with an imported set.
"""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from samenspel.norms.normfile import NormFile, read_normfile_data
from samenspel.norms.norms import NormGroup, NormRow, NormSet
from samenspel.responses.versions import known_keys
from samenspel.web.norms.models import ImportedNormRow, ImportedNormSet

MANAGE = "norms.manage_norm_files"
"""The permission to import and delete norm files."""
BATCH = 2_000


class AlreadyImported(Exception):
    """The same pair of files was imported before (``existing``)."""

    def __init__(self, existing: ImportedNormSet):
        super().__init__(existing.name)
        self.existing = existing


def accepted_questionnaires() -> tuple[str, ...]:
    """The questionnaire versions rounds of this installation can ask; norms of any other are refused."""
    return tuple(sorted(known_keys(), reverse=True))  # newest first


def digest(rows: bytes, desc: bytes) -> str:
    h = hashlib.sha256()
    for part in (rows, desc):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def read(rows: bytes, rows_name: str, desc: bytes, desc_name: str) -> NormFile:
    """Check an uploaded pair; raises ``VersionError``, ``InputError`` or ``SamenspelError`` (English problems)."""
    return read_normfile_data(rows, rows_name, desc, desc_name, questionnaire=accepted_questionnaires())


def store(nf: NormFile, name: str, key: str, user: AbstractBaseUser | None) -> ImportedNormSet:
    """Keep a checked norm file: the set and all its rows, or (on any failure) nothing."""
    existing = ImportedNormSet.objects.filter(digest=key).first()
    if existing is not None:
        raise AlreadyImported(existing)
    ns = nf.normset
    with transaction.atomic():
        kept = ImportedNormSet.objects.create(
            name=name[:200], publisher=nf.publisher or "", licence=nf.licence, questionnaire=ns.questionnaire,
            min_alliances=ns.min_alliances, n_alliances=ns.n_alliances, period_from=ns.period[0] or "",
            period_to=ns.period[1] or "", created=nf.created or "",
            groups=[{"group": g.group, "n": g.n} for g in ns.groups], digest=key, imported_by=user)
        ImportedNormRow.objects.bulk_create(
            (ImportedNormRow(normset=kept, group=r.group, measure=r.measure, n=r.n, q1=r.q1, median=r.median,
                             q3=r.q3, p90=r.p90) for r in ns.rows), batch_size=BATCH)
    return kept


def normset(kept: ImportedNormSet, groups: list[str] | None = None) -> NormSet:
    """The imported set as a ``NormSet`` to place against; ``groups`` limits the rows read (a dashboard needs the
    groups its alliance belongs to, not a national file's thousands)."""
    rows = kept.rows.all() if groups is None else kept.rows.filter(group__in=groups)
    return NormSet(
        questionnaire=kept.questionnaire, min_alliances=kept.min_alliances,
        rows=tuple(NormRow(r.group, r.measure, r.n, r.q1, r.median, r.q3, r.p90)
                   for r in rows.order_by("id")),
        groups=tuple(NormGroup(str(g["group"]), int(g["n"])) for g in kept.groups),
        period=(kept.period_from or None, kept.period_to or None), n_alliances=kept.n_alliances,
        source=kept.name)
