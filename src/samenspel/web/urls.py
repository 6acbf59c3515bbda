"""URLs: respondent links without a language prefix (the link keeps its
language in the database); everything else under /nl/ or /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from samenspel.web.alliances.api import api
from samenspel.web.alliances.views import dashboard, facilitator, reports, respondent, rounds, tools
from samenspel.web.steering import views as steering_views

respondent_patterns = (
    [
        path("<str:token>/", respondent.start, name="start"),
        path("<str:token>/p/<int:number>/", respondent.page, name="page"),
        path("<str:token>/review/", respondent.review, name="review"),
        path("<str:token>/submit/", respondent.submit, name="submit"),
        path("<str:token>/thanks/", respondent.thanks, name="thanks"),
        path("<str:token>/language/", respondent.language, name="language"),
    ],
    "respondent",
)

round_patterns = [
    path("", rounds.round_detail, name="round"),
    path("round.json", rounds.round_json, name="round_json"),
    path("invite/", rounds.invite, name="invite"),
    path("invite/contacts/", rounds.invite_contacts, name="invite_contacts"),
    path("invite/anonymous/", rounds.invite_anonymous, name="invite_anonymous"),
    path("links/", rounds.links, name="links"),
    path("links.csv", rounds.links_csv, name="links_csv"),
    path("remind/", rounds.remind, name="remind"),
    path("status/", rounds.set_status, name="status"),
    path("import/", rounds.import_file, name="import"),
    path("export.csv", rounds.export_csv, name="export"),
    path("export.xlsx", rounds.export_xlsx, name="export_xlsx"),
    path("tools/", tools.tools_page, name="tools"),
    path("tools/import/", tools.tool_import, name="tool_import"),
    path("tools/questionnaire.<str:fmt>", tools.questionnaire, name="tool_questionnaire"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard.json", dashboard.dashboard_json, name="dashboard_json"),
    path("report/", reports.report_page, name="report"),
    path("report.html", reports.report_html, name="report_html"),
    path("report/pdf/", reports.report_pdf, name="report_pdf"),
    path("report/<int:job>/", reports.report_job, name="report_job"),
    path("report/<int:job>/report.pdf", reports.report_download, name="report_download"),
    path("rates/", rounds.rates_partial, name="rates"),
    path("respondents/", rounds.respondent_lookup, name="respondent_lookup"),
    # by row id: a respondent id may hold any character (an imported "a/b" or "50%" too)
    path("respondents/<int:pk>/delete/", rounds.respondent_delete, name="respondent_delete"),
]

facilitator_patterns = (
    [
        path("", facilitator.home, name="home"),
        path("index.json", facilitator.home_json, name="home_json"),
        path("alliances/new/", facilitator.alliance_new, name="alliance_new"),
        path("a/<slug:slug>/", facilitator.alliance, name="alliance"),
        path("a/<slug:slug>/index.json", facilitator.alliance_json, name="alliance_json"),
        path("a/<slug:slug>/edit/", facilitator.alliance_edit, name="alliance_edit"),
        path("a/<slug:slug>/delete/", facilitator.alliance_delete, name="alliance_delete"),
        path("a/<slug:slug>/partners/", facilitator.partner_add, name="partner_add"),
        path("a/<slug:slug>/partners/<int:pk>/edit/", facilitator.partner_edit, name="partner_edit"),
        path("a/<slug:slug>/partners/<int:pk>/archive/", facilitator.partner_archive, name="partner_archive"),
        path("a/<slug:slug>/members/", facilitator.member_add, name="member_add"),
        path("a/<slug:slug>/rounds/", facilitator.round_add, name="round_add"),
        path("a/<slug:slug>/rounds/<slug:code>/", include(round_patterns)),
    ],
    "facilitator",
)

urlpatterns = [
    # an action owner's personal link: under /r/ so its token is redacted from logs like a respondent's
    path("r/<str:token>/action/", steering_views.owner_page, name="steering_owner"),
    path("r/", include(respondent_patterns)),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include(facilitator_patterns)),
    path("", include("samenspel.web.steering.urls")),
    path("", include("samenspel.web.norms.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
)
