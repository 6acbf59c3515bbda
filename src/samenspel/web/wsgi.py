"""WSGI entry point (gunicorn ``samenspel.web.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.web.settings")
application = get_wsgi_application()
