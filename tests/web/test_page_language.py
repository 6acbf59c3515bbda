"""Every page speaks one language: Dutch under /nl/, English under /en/, and a
respondent's pages in their link's language.

Each facilitator page (also forms with errors, messages after a redirect and
the 404 page) and each respondent page is fetched in both languages on the
demo alliance (real questionnaire and knowledge base). The visible text,
tooltips and accessible names are searched for telltale words of the other
language. Left out before the search: names from the data (alliance,
partners, rounds, users), source citations (sections of the Dutch seed documents),
``<code>`` (links, ids) and elements that declare another language with
``lang`` (the respondent's language switch, the file check's English
problem list).
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from webhelpers import allow_alliances

from samenspel.demo import ALLIANCE_ID, make_demo
from samenspel.responses.writer import to_csv
from samenspel.web.alliances import survey, tokens
from samenspel.web.alliances.demo_data import OPEN_ROUND, load_demo
from samenspel.web.alliances.models import MeasurementRound, Membership, ReportJob, Respondent

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]

# Words a page in the other language gives away; matched as whole words, case-sensitive.
ENGLISH = ["the", "Name", "Role", "closed", "Save", "Delete", "delete", "Username", "Log out", "Short id",
           "in files", "pulse", "Opens", "respondents", "invited", "submitted", "board", "staff", "viewer",
           "facilitator", "Not a valid", "is taken", "Unknown user", "Type exactly", "and", "with", "Report",
           "Language", "Number of", "Give", "not in this round", "deleted", "answers", "links made", "English",
           "Dutch", "queued", "failed", "ready", "This field is required"]
DUTCH = ["de", "het", "een", "van", "en", "Naam", "Rol", "gesloten", "Opslaan", "Verwijderen", "verwijderen",
         "Gebruikersnaam", "Uitloggen", "deelnemer", "deelnemers", "ronde", "uitgenodigd", "verstuurd", "bestuur",
         "medewerker", "begeleider", "kijker", "Onbekende gebruiker", "Typ precies", "bestaat al", "Taal",
         "Nederlands", "Engels", "antwoorden", "wachtrij", "mislukt", "klaar", "Dit veld is verplicht", "puls"]
TELLTALES = {"nl": ENGLISH, "en": DUTCH}

SKIP = {"script", "style", "code"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRS = ("aria-label", "title", "placeholder", "alt")


class _Text(HTMLParser):
    """Visible text and accessible names of the body, without other-language or skipped elements."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden)
        self.chunks: list[str] = []

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _attrs(self, attrs: list[tuple[str, str | None]], hidden: bool) -> None:
        if not hidden:
            self.chunks += [v for k, v in attrs if k in SHOWN_ATTRS and v]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        declared = dict(attrs).get("lang")
        hidden = self._hidden() or tag in SKIP or (tag != "html" and declared not in (None, self.lang))
        self._attrs(attrs, hidden)
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(attrs, self._hidden())

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._hidden() and data.strip():
            self.chunks.append(data.strip().replace("\u00ad", ""))  # soft hyphens only mark where a word may break


def other_language(html: str, lang: str, names: list[str]) -> list[str]:
    """The telltale words of the other language in ``html``, each with the text it was found in."""
    parser = _Text(lang)
    parser.feed(html)
    found = []
    for chunk in parser.chunks:
        # seed citations, and reference-list entries ("001: Kaats, E. ..."), keep the sources' own titles
        chunk = re.sub(r"\b(Bron|Source): .*|\(\d{3} .*|^\d{3}: .*", "", chunk)
        for name in sorted(names, key=len, reverse=True):
            chunk = chunk.replace(name, " ")
        for word in TELLTALES[lang]:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", chunk):
                found.append(f"{word!r} in {chunk!r}")
    return found


def test_the_checker_finds_a_mixed_label_and_ignores_data_and_declared_languages():
    html = ('<p>Naam / Name</p><ul lang="en"><li>unknown item</li></ul><p>Gemeente de Stad</p>'
            '<code>the</code><button aria-label="Save">x</button><small>Bron: 004 (De Man en Dijk)</small>')
    assert other_language(html, "nl", ["Gemeente de Stad"]) == ["'Name' in 'Naam / Name'", "'Save' in 'Save'"]
    assert other_language(html, "en", ["Gemeente de Stad"]) == ["'Naam' in 'Naam / Name'"]


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return make_demo()


@pytest.fixture
def site(client, django_user_model, demo):  # type: ignore[no-untyped-def]
    alliance = load_demo(demo)[0]
    fien = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=fien, alliance=alliance, role=Membership.FACILITATOR)
    django_user_model.objects.create_user("kees", password="x")  # a viewer-to-be
    Membership.objects.create(user=django_user_model.objects.get(username="kees"), alliance=alliance,
                              role=Membership.VIEWER)
    rnd = alliance.rounds.get(code="2025-najaar")
    ReportJob.objects.create(round=rnd, requested_by=fien, language="en", status=ReportJob.QUEUED)
    ReportJob.objects.create(round=rnd, requested_by=fien, language="nl", status=ReportJob.FAILED, error="no answers")
    names = [alliance.name, "fien", "kees", *alliance.partners.values_list("name", flat=True),
             *alliance.rounds.values_list("name", flat=True)]
    return alliance, names


def _facilitator_pages(client, lang: str, demo) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every facilitator page as HTML, keyed by a short description."""
    a = f"/{lang}/a/{ALLIANCE_ID}/"
    closed, open_ = a + "rounds/2025-najaar/", a + f"rounds/{OPEN_ROUND}/"
    job = ReportJob.objects.filter(status=ReportJob.QUEUED).get().pk
    failed = ReportJob.objects.filter(status=ReportJob.FAILED).get().pk
    respondent = Respondent.objects.filter(round__code="2025-najaar").first().pk
    get = {
        "home": f"/{lang}/", "alliance": a, "alliance edit": a + "edit/", "new alliance": f"/{lang}/alliances/new/",
        "delete alliance": a + "delete/", "closed round": closed, "open round": open_, "links": open_ + "links/",
        "rates": open_ + "rates/", "dashboard": closed + "dashboard/", "empty dashboard": open_ + "dashboard/",
        "report": closed + "report/", "report queued": closed + f"report/{job}/",
        "report failed": closed + f"report/{failed}/", "delete respondent": closed + f"respondents/{respondent}/delete/",
        "survey tools": open_ + "tools/",
        "404": f"/{lang}/a/nothing-here/",
    }
    pages = {name: client.get(url).content.decode() for name, url in get.items()}
    post = {
        "new alliance, errors": (f"/{lang}/alliances/new/", {"name": "", "min_group": "0"}),
        "edit alliance, errors": (a + "edit/", {"name": "X", "slug": ALLIANCE_ID, "min_group": "-1"}),
        "partner, errors": (a + "partners/", {"name": "", "code": "A;B"}),
        "round, errors": (a + "rounds/", {"name": "X", "code": "2025-najaar", "opens": "2026-05-01",
                                          "closes": "2026-04-01"}),
        "invite, nothing asked": (open_ + "invite/", {"language": "nl"}),
        "invite, bad address": (open_ + "invite/", {"emails": "not-an-address", "language": "xx"}),
        "import, file check problems": (closed + "import/", {"file": _upload("x.csv", "alliance,round\n1,2\n")}),
        "import, already in round": (closed + "import/", {"file": _upload("autumn.csv",
                                                                          to_csv(demo.for_round("2025-najaar")))}),
        "delete alliance, wrong id": (a + "delete/", {"confirm": "nope"}),
        "tool import, problems": (open_ + "tools/import/", {"file": _upload("x.csv", "a,b\n1,2\n"), "tool": "auto"}),
        "tool import, mapping step": (open_ + "tools/import/", {"tool": "auto", "file": _upload(
            "r.csv", '"id","submitdate","Q9"\r\n"1","2025-01-01","Ja, the"\r\n')}),
        "delete respondent, wrong id": (closed + f"respondents/{respondent}/delete/", {"confirm": "nope"}),
    }
    for name, (url, data) in post.items():
        pages[name] = client.post(url, data).content.decode()
    # messages shown after a redirect
    pages["member, unknown user"] = client.post(a + "members/", {"username": "nobody", "role": "viewer"},
                                                follow=True).content.decode()
    pages["member added"] = client.post(a + "members/", {"username": "kees", "role": "viewer"},
                                        follow=True).content.decode()
    pages["lookup, unknown respondent"] = client.get(closed + "respondents/?respondent=zz", follow=True).content.decode()
    pages["links made"] = client.post(open_ + "invite/", {"partner": _partner_pk(), "count": "1", "role": "board",
                                                          "language": "en"}, follow=True).content.decode()
    pages["round closed"] = client.post(open_ + "status/", {"status": "closed"}, follow=True).content.decode()
    pages["round reopened"] = client.post(open_ + "status/", {"status": "open"}, follow=True).content.decode()
    return pages


def _upload(name: str, text: str):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def _partner_pk() -> str:
    return str(MeasurementRound.objects.get(code=OPEN_ROUND).alliance.partners.first().pk)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_facilitator_pages_are_in_one_language(client, site, demo, lang):
    alliance, names = site
    user = Membership.objects.get(role=Membership.FACILITATOR).user
    allow_alliances(user)
    client.force_login(user)
    pages = _facilitator_pages(client, lang, demo)
    assert "Typ precies" in pages["delete alliance, wrong id"] or "Type exactly" in pages["delete alliance, wrong id"]
    problems = {name: found for name, html in pages.items() if (found := other_language(html, lang, names))}
    assert problems == {}
    # the pages really hold their content (a blank page would pass the check above)
    closed, status = ("gesloten", "kijker") if lang == "nl" else ("closed", "viewer")
    assert closed in pages["alliance"] and status in pages["member added"]
    # an unknown username gets the same answer as a known one (issue 13: the form must not tell)
    assert ("Toegang vastgelegd voor nobody" if lang == "nl" else "Access recorded for nobody") in \
        pages["member, unknown user"]
    assert ("oktober" if lang == "nl" else "Oct.") in pages["alliance"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_login_page_is_in_one_language(client, lang):
    page = client.post(f"/{lang}/login/", {"username": "nobody", "password": "wrong"}).content.decode()
    assert other_language(page, lang, []) == []
    assert ("klopt niet" if lang == "nl" else "not right") in page


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_respondent_pages_are_in_the_links_language(client, site, lang):
    alliance, names = site
    rnd = alliance.rounds.get(code=OPEN_ROUND)
    person = rnd.respondents.filter(nonce__gt="").first()
    person.language = lang
    person.save(update_fields=["language"])
    token = tokens.token_for(person)
    instrument = survey.load_instrument(short=rnd.short)
    first = survey.pages(instrument)[0]
    item = instrument.items_in(first.id)[0]
    pages = {
        "start": client.get(f"/r/{token}/"),
        "page": client.get(f"/r/{token}/p/1/"),
        "page with error": client.post(f"/r/{token}/p/1/", {survey.field_name(item): "999", "nav": "next"}),
        "review": client.get(f"/r/{token}/review/"),
    }
    assert pages["page with error"].status_code == 400
    for number, part in enumerate(survey.pages(instrument), start=1):  # answers that count (an empty one cannot be sent)
        data = {survey.field_name(it): survey.scale(it)[0][0] for it in instrument.items_in(part.id)
                if it.type not in ("relation", "text")}
        client.post(f"/r/{token}/p/{number}/", {**data, "nav": "next", "warned": "1"})
    assert client.post(f"/r/{token}/submit/")["Location"] == f"/r/{token}/thanks/"
    pages["thanks"] = client.get(f"/r/{token}/thanks/")
    pages["already submitted"] = client.get(f"/r/{token}/")
    later = Respondent.objects.create(round=rnd, partner=person.partner, code="later", language=lang)
    rnd.opens = dt.date.today() + dt.timedelta(days=30)
    rnd.save(update_fields=["opens"])
    pages["not open yet"] = client.get(f"/r/{tokens.issue(later)}/")
    problems = {name: found for name, r in pages.items()
                if (found := other_language(r.content.decode(), lang, names))}
    assert problems == {}
    assert first.title.get(lang) in pages["page"].content.decode()
    assert instrument.title.get(lang) in pages["start"].content.decode()


def test_every_stored_id_has_a_label_in_both_languages():
    from samenspel.responses.model import ROLES
    from samenspel.web.alliances import texts

    assert list(texts.RESPONDENT_ROLE) == list(ROLES)
    assert list(texts.MEMBER_ROLE) == [value for value, _ in Membership.ROLES]
    assert list(texts.ROUND_STATUS) == [value for value, _ in MeasurementRound.STATUSES]
    assert list(texts.REPORT_STATUS) == [value for value, _ in ReportJob.STATUSES]
    for labels in texts.LABELS.values():
        assert all(nl and en for nl, en in labels.values())


@pytest.mark.parametrize(("lang", "day"), [("nl", "1 december 2026"), ("en", "Dec. 1, 2026")])
def test_invitation_mail_is_in_the_respondents_language_with_a_local_date(rnd, lang, day):
    from samenspel.web.alliances.tasks import message

    rnd.closes = dt.date(2026, 12, 1)
    rnd.save(update_fields=["closes"])
    person = Respondent.objects.create(round=rnd, partner=rnd.alliance.partners.first(), code="m1", language=lang)
    tokens.issue(person)
    subject, body = message(person, "https://example.org", "invite")
    assert day in body
    assert other_language(f"<p>{subject}</p><p>{body}</p>", lang, [rnd.alliance.name, "https://example.org"]) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_viewer_pages_are_in_one_language(client, site, lang):
    alliance, names = site
    client.force_login(Membership.objects.get(role=Membership.VIEWER).user)
    rounds = f"/{lang}/a/{ALLIANCE_ID}/rounds/2025-najaar/"
    pages = {url: client.get(url) for url in (f"/{lang}/", f"/{lang}/a/{ALLIANCE_ID}/", rounds + "dashboard/",
                                               rounds + "report/")}
    assert all(r.status_code == 200 for r in pages.values())
    problems = {url: found for url, r in pages.items() if (found := other_language(r.content.decode(), lang, names))}
    assert problems == {}


def test_language_switch_keeps_the_page(fclient, rnd):
    page = fclient.get("/nl/a/zorg-oost/rounds/2026-1/links/?x=1").content.decode()
    assert 'href="/en/a/zorg-oost/rounds/2026-1/links/?x=1"' in page
    after_post = fclient.post("/en/a/zorg-oost/partners/", {"name": "", "code": ""}).content.decode()
    assert 'href="/nl/"' in after_post  # a POST cannot be repeated by a link
