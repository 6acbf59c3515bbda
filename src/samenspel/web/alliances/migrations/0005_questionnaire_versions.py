"""Each round keeps its own questionnaire; answers say why a value is empty.

Rounds that exist when this runs were answered (or are being answered) with
questionnaire 1.0, so they get ``samenspel-core@1.0`` and keep it: an open round
never changes its questionnaire mid-fieldwork. New rounds get 2.0. An explicit
"don't know" (``dont_know``) gets ``missing = dont_know``; no answer is changed
or removed.
"""

from django.db import migrations, models

V1 = "samenspel-core@1.0"
V2 = "samenspel-core@2.0"
REASONS = ["dont_know", "not_applicable", "skipped", "not_asked"]


def dont_know_reasons(apps, schema_editor):
    Answer = apps.get_model("alliances", "Answer")
    Answer.objects.filter(dont_know=True, value__isnull=True).update(missing="dont_know")


def no_reasons(apps, schema_editor):
    Answer = apps.get_model("alliances", "Answer")
    Answer.objects.exclude(missing="").update(missing="")


class Migration(migrations.Migration):

    dependencies = [
        ("alliances", "0004_pending_membership"),
    ]

    operations = [
        # existing rounds: 1.0 (the default applies to the rows there now) ...
        migrations.AddField(
            model_name="measurementround",
            name="instrument",
            field=models.CharField(default=V1, max_length=40),
        ),
        # ... new rounds: 2.0
        migrations.AlterField(
            model_name="measurementround",
            name="instrument",
            field=models.CharField(default=V2, max_length=40),
        ),
        migrations.AddField(
            model_name="measurementround",
            name="modules",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="measurementround",
            name="paradoxes",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="answer",
            name="missing",
            field=models.CharField(blank=True, choices=[(r, r) for r in REASONS], default="", max_length=20),
        ),
        migrations.RunPython(dont_know_reasons, no_reasons),
    ]
