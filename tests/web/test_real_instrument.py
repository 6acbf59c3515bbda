"""Every page of the real questionnaires (1.0 and 2.0; full, pulse and every module) renders and saves."""

from __future__ import annotations

import pytest

from samenspel.instrument import load_instrument
from samenspel.web.alliances import survey
from samenspel.web.alliances.models import Answer

from webhelpers import make_respondent

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire]


ALL_MODULES = ["paradoxes", "leadership", "factors", "factors_more", "motives", "open"]


@pytest.mark.parametrize(("version", "short", "modules"), [
    ("1.0", False, []), ("1.0", True, []), ("2.0", False, ["paradoxes", "factors", "motives", "open"]),
    ("2.0", True, []), ("2.0", False, ALL_MODULES),
], ids=["1.0-full", "1.0-pulse", "2.0-default", "2.0-pulse", "2.0-all"])
def test_every_page_renders_and_saves_every_answer(client, rnd, version, short, modules):
    rnd.instrument, rnd.short, rnd.modules = f"samenspel-core@{version}", short, modules
    rnd.paradoxes = list(load_instrument(version="2.0").paradoxes) if modules else []
    rnd.save()
    instrument = survey.round_questionnaire(rnd)
    assert instrument.version == version and instrument.short == short
    if modules:
        assert [m.id for m in instrument.modules] == ["core", *[m for m in ALL_MODULES if m in modules]]
    r, token = make_respondent(rnd, "A", "real")
    others = ["B", "C"]
    expected = 0
    for number, part in enumerate(survey.pages(instrument), start=1):
        assert client.get(f"/r/{token}/p/{number}/").status_code == 200
        data = {"nav": "next"}
        for item in instrument.items_in(part.id):
            targets = others if item.type == "relation" else [None]
            for target in targets:
                name = survey.field_name(item, target)
                data[name] = "Tekst" if item.type == "text" else survey.scale(item)[0][0]
                expected += 1
        response = client.post(f"/r/{token}/p/{number}/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Answer.objects.filter(respondent=r).count() == expected
    assert client.get(f"/r/{token}/review/").status_code == 200
    assert client.post(f"/r/{token}/submit/").status_code == 302
