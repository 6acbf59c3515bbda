from django.apps import AppConfig


class NormsConfig(AppConfig):
    """Norms and the portfolio: which alliances contribute, each round's profile, and the side-by-side view.

    Kept out of the alliances app so its models and migrations stay as they
    are; the alliances app only announces a computed reading
    (``diagnosis.reading_computed``) and this app stores the profile.
    """

    name = "samenspel.web.norms"
    label = "norms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.web.alliances.diagnosis import reading_computed
        from samenspel.web.norms import profiles

        reading_computed.connect(profiles.on_reading, dispatch_uid="norms-store-profile")
