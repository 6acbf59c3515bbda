"""URLs of the norms app: the portfolio (``/nl/portfolio/``), an alliance's opt-in (``/nl/a/<slug>/norms/``)
and imported norm files (``/nl/norms/files/``)."""

from django.urls import path

from samenspel.web.norms import views

app_name = "norms"

urlpatterns = [
    path("portfolio/", views.portfolio_page, name="portfolio"),
    path("portfolio.json", views.portfolio_json, name="portfolio_json"),
    path("norms/files/", views.imports_page, name="imports"),
    path("norms/files/<int:pk>/delete/", views.import_delete, name="import_delete"),
    path("a/<slug:slug>/norms/", views.consent_page, name="consent"),
    path("a/<slug:slug>/norms/set/", views.consent_set, name="consent_set"),
    path("a/<slug:slug>/rounds/<slug:code>/norms.json", views.comparison_json, name="comparison_json"),
]
