from django.apps import AppConfig


class AlliancesConfig(AppConfig):
    name = "samenspel.web.alliances"
    label = "alliances"
    verbose_name = "Samenspel"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.web.alliances import members  # noqa: F401 - connects the login signal
