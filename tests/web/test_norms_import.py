"""Importing a published norm file in the web app and comparing with it on the dashboard (issue 16: "a sector
body publishes a file that another installation imports and uses").

Who may import (the permission ``norms.manage_norm_files``), the refused files' messages, all-or-nothing
storage, deleting, and the dashboard's choice of norm set with its placement hidden where the group is too
small or the questionnaire versions differ."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from norms_helpers import answered, normfile, others

from samenspel.web.alliances.models import MeasurementRound, Membership
from samenspel.web.norms import imports
from samenspel.web.norms.models import ImportedNormRow, ImportedNormSet

pytestmark = pytest.mark.django_db
URL = "/nl/norms/files/"


def allow_norm_files(user) -> None:  # type: ignore[no-untyped-def]
    """Grant the permission to import norm files, as an administrator does in /admin/."""
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="manage_norm_files", content_type__app_label="norms"))


def upload(rows: bytes | None, desc: bytes | None, rows_name: str = "nationaal-2025.csv",
           desc_name: str = "nationaal-2025.json") -> dict[str, object]:
    data: dict[str, object] = {}
    if rows is not None:
        data["rows"] = SimpleUploadedFile(rows_name, rows, content_type="text/csv")
    if desc is not None:
        data["description"] = SimpleUploadedFile(desc_name, desc, content_type="application/json")
    return data


@pytest.fixture
def admin_client(client, facilitator):  # type: ignore[no-untyped-def]
    allow_norm_files(facilitator)
    client.force_login(facilitator)
    return client


@pytest.fixture
def closed(rnd: MeasurementRound) -> MeasurementRound:
    rnd.status = MeasurementRound.CLOSED
    rnd.save()
    answered(rnd, "A", [4, 5, 3])
    answered(rnd, "B", [2, 4, 3])
    return rnd


# --- who may import --------------------------------------------------------------------------------------


def test_a_user_without_the_permission_cannot_import_or_delete(fclient, facilitator):
    """A facilitator of an alliance is not by that an administrator of the installation's norms."""
    assert fclient.get(URL).status_code == 403
    response = fclient.post(URL, upload(*normfile()))
    assert response.status_code == 403 and "Geen toestemming" in response.content.decode()
    assert not ImportedNormSet.objects.exists()
    kept = imports.store(imports.read(*_pair()), "x.csv", "d" * 64, None)
    assert fclient.post(f"/nl/norms/files/{kept.pk}/delete/").status_code == 403
    assert ImportedNormSet.objects.filter(pk=kept.pk).exists()
    assert "/norms/files/" not in fclient.get("/nl/").content.decode()  # no link on the home page either


def test_anonymous_is_sent_to_log_in(client):
    response = client.post(URL, upload(*normfile()))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not ImportedNormSet.objects.exists()


def test_a_user_with_the_permission_imports_a_norm_file(admin_client, facilitator):
    assert 'href="/nl/norms/files/"' in admin_client.get("/nl/").content.decode()
    response = admin_client.post(URL, upload(*normfile()), follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "Geïmporteerd: nationaal-2025.csv" in page
    kept = ImportedNormSet.objects.get()
    assert (kept.publisher, kept.questionnaire, kept.n_alliances, kept.licence, kept.min_alliances) == \
        ("Sectorinstituut", "samenspel-core@2.0", 12, "CC-BY-4.0", 10)
    assert (kept.period_from, kept.period_to, kept.imported_by) == ("2025-01-01", "2025-09-01", facilitator)
    assert kept.rows.filter(group="all", measure="domain:ambition").get().n == 12
    for shown in ("Sectorinstituut", "2025-01-01</span> – <span class=\"nowrap\">2025-09-01", "12", "CC-BY-4.0", "samenspel-core@2.0"):
        assert shown in page
    page = admin_client.get("/en/norms/files/").content.decode()
    assert "Imported norms" in page and "Licence" in page and "Yes, delete" in page


def test_a_superuser_may_import(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("beheer", password="pw-beheer-123"))
    assert client.post(URL, upload(*normfile())).status_code == 302
    assert ImportedNormSet.objects.count() == 1


# --- refused files: a message naming what is wrong, nothing stored -----------------------------------------


def _refused(client, data, status: int = 400, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    response = client.post(f"/{lang}/norms/files/", data)
    assert response.status_code == status
    assert not ImportedNormSet.objects.exists() and not ImportedNormRow.objects.exists()
    return response.content.decode()


def test_another_questionnaire_version_is_refused(admin_client):
    page = _refused(admin_client, upload(*normfile(questionnaire="samenspel-core@3.0")))
    assert "these norms are for questionnaire samenspel-core@3.0" in page
    assert "this installation uses samenspel-core@2.0 and samenspel-core@1.0" in page
    page = _refused(admin_client, upload(*normfile(questionnaire="andere-vragenlijst@1.0")), lang="nl")
    assert "deze normen zijn voor vragenlijst andere-vragenlijst@1.0" in page


def test_a_missing_description_is_refused(admin_client):
    rows, _ = normfile()
    page = _refused(admin_client, upload(rows, None))
    assert "The description (.json) is missing" in page
    page = _refused(admin_client, upload(None, normfile()[1]))
    assert "Choose the CSV file with the norm rows" in page


def test_files_swapped_or_of_the_wrong_kind_are_refused(admin_client):
    rows, desc = normfile()
    page = _refused(admin_client, upload(desc, rows, rows_name="a.json", desc_name="a.csv"))
    assert "a.json is not a .csv file" in page and "a.csv is not a .json file" in page


def test_a_bad_row_is_named_with_its_line(admin_client):
    rows, desc = normfile()
    lines = rows.decode().splitlines()
    group, measure, n, q1, median, q3, p90 = lines[1].split(",")
    lines[1] = ",".join([group, measure, n, q3, median, q1, p90])  # quartiles the wrong way round
    page = _refused(admin_client, upload("\n".join(lines).encode(), desc))
    assert "Not imported; nothing was stored" in page
    assert "nationaal-2025.csv:2: the quantiles must not decrease" in page
    lines[1] = ",".join([group, measure, "3", q1, median, q3, p90])
    page = _refused(admin_client, upload("\n".join(lines).encode(), desc), lang="nl")
    assert "nationaal-2025.csv:2: n is 3, below the file&#x27;s own minimum of 10 alliances" in page
    assert "De bestandscontrole meldt deze problemen in het Engels." in page and 'lang="en"' in page


def test_a_bad_description_is_refused(admin_client):
    rows, desc = normfile()
    page = _refused(admin_client, upload(rows, b"{not json"))
    assert "nationaal-2025.json:1: not valid JSON" in page
    data = json.loads(desc)
    del data["licence"]
    page = _refused(admin_client, upload(rows, json.dumps(data).encode()))
    assert "&#x27;licence&#x27; must name the licence" in page
    data = json.loads(desc)
    data["format"] = "iets anders"
    page = _refused(admin_client, upload(rows, json.dumps(data).encode()))
    assert "this is not a Samenspel norm description" in page


def test_a_file_above_the_upload_limit_is_not_read(admin_client, settings):
    settings.SAMENSPEL_MAX_UPLOAD_MB = 0
    page = _refused(admin_client, upload(*normfile()))
    assert "This file is 0 MB; the limit is 0 MB" in page


def test_a_file_above_the_norm_file_limit_is_refused(admin_client, monkeypatch):
    from samenspel.norms import normfile as nf

    monkeypatch.setattr(nf, "MAX_NORM_BYTES", 100)
    page = _refused(admin_client, upload(*normfile()))
    assert "more than the limit" in page or "limit" in page


def test_the_same_file_twice_is_refused(admin_client):
    data = normfile()
    assert admin_client.post(URL, upload(*data)).status_code == 302
    response = admin_client.post("/en/norms/files/", upload(*data))
    assert response.status_code == 400 and "exactly this norm file was imported before" in response.content.decode()
    assert ImportedNormSet.objects.count() == 1


def test_storage_is_all_or_nothing(monkeypatch):
    """A failure while the rows are written leaves no half norm set behind."""
    from django.db import IntegrityError

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise IntegrityError("disk full halfway")

    monkeypatch.setattr(ImportedNormRow.objects, "bulk_create", broken)
    with pytest.raises(IntegrityError):
        imports.store(imports.read(*_pair()), "x.csv", "e" * 64, None)
    assert not ImportedNormSet.objects.exists() and not ImportedNormRow.objects.exists()


def test_deleting_an_imported_file_takes_its_rows(admin_client):
    admin_client.post(URL, upload(*normfile()))
    kept = ImportedNormSet.objects.get()
    response = admin_client.post(f"/en/norms/files/{kept.pk}/delete/", follow=True)
    assert "Deleted: nationaal-2025.csv" in response.content.decode()
    assert not ImportedNormSet.objects.exists() and not ImportedNormRow.objects.exists()
    assert admin_client.get(f"/en/norms/files/{kept.pk}/delete/").status_code == 405
    assert admin_client.post(f"/en/norms/files/{kept.pk}/delete/").status_code == 404


def _pair() -> tuple[bytes, str, bytes, str]:
    rows, desc = normfile()
    return rows, "nationaal-2025.csv", desc, "nationaal-2025.json"


# --- the dashboard compares with the chosen norm set -------------------------------------------------------


def _import(**kwargs) -> ImportedNormSet:  # type: ignore[no-untyped-def]
    rows, desc = normfile(**kwargs)
    return imports.store(imports.read(rows, "nationaal-2025.csv", desc, "nationaal-2025.json"),
                         "nationaal-2025.csv", imports.digest(rows, desc), None)


def test_the_dashboard_compares_with_an_imported_norm_set(fclient, closed):
    kept = _import(count=40)
    dashboard = "/en/a/zorg-oost/rounds/2026-1/dashboard/"
    page = fclient.get(dashboard).content.decode()
    # the installation's own norms by default (too few here); the imported set is offered
    assert "No comparison yet" in page and 'name="normset"' in page
    assert f'<label for="normset-{kept.pk}">Sectorinstituut, 2025-01-01 – 2025-09-01 <small>(40 alliances)</small>' in page
    page = fclient.get(f"{dashboard}?normset={kept.pk}").content.decode()
    assert "Norms: <strong>Sectorinstituut</strong> · imported norm file · licence CC-BY-4.0" in page
    assert "all alliances of this norm file: <strong>40 alliances</strong>" in page and "n = 40" in page
    data = fclient.get(f"/en/a/zorg-oost/rounds/2026-1/norms.json?normset={kept.pk}").json()["comparison"]
    assert data["shown"] and data["source"] == str(kept.pk) and data["imported"] and data["n"] == 40
    assert data["source_label"] == "Sectorinstituut, 2025-01-01 – 2025-09-01"
    row = data["rows"][0]
    from samenspel.norms.placement import band

    assert row["domain"] == "ambition" and row["band"] == band(row["value"], row["q1"], row["q3"])
    # the group links keep the chosen set
    page = fclient.get(f"{dashboard}?normset={kept.pk}&norm=phase:2").content.decode()
    assert f'href="?normset={kept.pk}&amp;norm=all#norms"' in page and "alliances in phase 2" in page


def test_the_placement_matches_the_norms_module(fclient, closed):
    """The page shows what samenspel.norms.place says for the chosen set; it computes no band of its own."""
    from samenspel.norms.placement import place
    from samenspel.web.norms import profiles

    kept = _import(count=20, start=10.0)
    data = fclient.get(f"/en/a/zorg-oost/rounds/2026-1/norms.json?normset={kept.pk}").json()["comparison"]
    expected = next(p for p in place(profiles.stored(closed), imports.normset(kept), "all")
                    if p.measure == "domain:ambition")
    row = data["rows"][0]
    assert (row["band"], row["q1"], row["median"], row["q3"], row["n"]) == \
        (expected.band, expected.q1, expected.median, expected.q3, expected.n)


def test_the_installations_own_norms_stay_the_default_and_unknown_sets_fall_back(fclient, closed):
    others(10)
    _import(count=40)
    data = fclient.get("/en/a/zorg-oost/rounds/2026-1/norms.json").json()["comparison"]
    assert data["source"] == "installation" and not data["imported"] and data["n"] == 10
    data = fclient.get("/en/a/zorg-oost/rounds/2026-1/norms.json?normset=999999").json()["comparison"]
    assert data["source"] == "installation"
    data = fclient.get("/en/a/zorg-oost/rounds/2026-1/norms.json?normset=installation").json()["comparison"]
    assert data["source"] == "installation" and data["shown"]


def test_hidden_where_the_imported_group_is_too_small_for_this_installation(fclient, closed):
    """A file published under a lower minimum (5) than this installation's (10): its rows over fewer than 10
    alliances are not shown."""
    kept = _import(count=8, min_alliances=5)
    page = fclient.get(f"/en/a/zorg-oost/rounds/2026-1/dashboard/?normset={kept.pk}").content.decode()
    assert "have no group of at least 10 alliances that this alliance belongs to" in page
    assert "highest quarter" not in page and "lowest quarter" not in page and "middle half 4" not in page
    data = fclient.get(f"/en/a/zorg-oost/rounds/2026-1/norms.json?normset={kept.pk}").json()["comparison"]
    assert data["shown"] is False and data["hidden"] == "too_few" and "rows" not in data


def test_hidden_where_the_questionnaire_versions_differ(fclient, closed):
    kept = _import(count=40, questionnaire="samenspel-core@1.0")
    page = fclient.get(f"/en/a/zorg-oost/rounds/2026-1/dashboard/?normset={kept.pk}").content.decode()
    assert "are for questionnaire samenspel-core@1.0, this round used samenspel-core@2.0" in page
    assert "middle half" not in page.split('id="norms"')[1].split("</section>")[0]
    data = fclient.get(f"/nl/a/zorg-oost/rounds/2026-1/norms.json?normset={kept.pk}").json()["comparison"]
    assert data["hidden"] == "version" and not data["shown"]


def test_a_viewer_may_choose_an_imported_set_but_not_import(client, closed, alliance, django_user_model):
    kept = _import(count=40)
    viewer = django_user_model.objects.create_user("vera", password="pw-vera-123")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    page = client.get(f"/nl/a/zorg-oost/rounds/2026-1/dashboard/?normset={kept.pk}").content.decode()
    assert "40 allianties" in page and "/norms/files/" not in page
    assert client.get(URL).status_code == 403


def test_someone_elses_round_stays_a_404_whatever_the_norm_set(client, closed, django_user_model):
    kept = _import(count=40)
    client.force_login(django_user_model.objects.create_user("kees", password="pw-kees-123"))
    assert client.get(f"/nl/a/zorg-oost/rounds/2026-1/norms.json?normset={kept.pk}").status_code == 404
    assert client.get(f"/nl/a/zorg-oost/rounds/2026-1/dashboard/?normset={kept.pk}").status_code == 404
