from django.apps import AppConfig


class SteeringConfig(AppConfig):
    """The steering app: actions, their status history and meeting notes, per measurement round."""

    name = "samenspel.web.steering"
    label = "steering"
    default_auto_field = "django.db.models.BigAutoField"
