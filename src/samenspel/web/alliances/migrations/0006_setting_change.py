# The trail of privacy settings (issue "Privacy that holds under attack", point 5).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('alliances', '0005_questionnaire_versions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SettingChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('setting', models.CharField(max_length=40)),
                ('old', models.CharField(blank=True, max_length=100)),
                ('new', models.CharField(max_length=100)),
                ('at', models.DateTimeField(default=django.utils.timezone.now)),
                ('after_answers', models.BooleanField(default=False)),
                ('alliance', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='setting_changes', to='alliances.alliance')),
                ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['at', 'id'],
            },
        ),
    ]
