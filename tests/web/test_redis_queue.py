"""The Redis-backed task queue (optional extra ``samenspel[redis]``: django-tasks-rq + django-rq).

Settings are read at start-up, so each case runs Django in a child process
with its own environment and a throw-away SQLite folder. The round trip uses
the local Redis on 127.0.0.1:6379 (database 15) and RQ's burst worker.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("django_tasks_rq") is None or importlib.util.find_spec("django_rq") is None,
    reason="the redis extra is not installed (pip install 'samenspel[redis]')",
)

REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SAMENSPEL_TASK_BACKEND", "SAMENSPEL_REDIS_URL")}
    env.update(SAMENSPEL_VAR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="samenspel.web.settings", **extra)
    return env


def _django(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = "import django\ndjango.setup()\n" + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)


def test_database_queue_stays_the_default(tmp_path):
    out = _django("from django.conf import settings; print(settings.TASKS['default']['BACKEND'])", _env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "django_tasks_db.DatabaseBackend"


def test_redis_url_selects_the_rq_backend_and_serve_starts_an_rq_worker(tmp_path):
    code = """
        from django.conf import settings
        from samenspel.cli.serve import worker_command
        print(settings.TASKS['default']['BACKEND'], settings.RQ_QUEUES['default']['URL'], 'django_rq' in settings.INSTALLED_APPS)
        print(' '.join(worker_command()[3:]))
    """
    out = _django(code, _env(tmp_path, SAMENSPEL_REDIS_URL=REDIS_URL))
    assert out.returncode == 0, out.stderr
    first, second = out.stdout.strip().splitlines()
    assert first == f"django_tasks_rq.RQBackend {REDIS_URL} True"
    assert second == "rqworker default --job-class django_tasks_rq.Job"


def test_rq_backend_without_a_redis_url_is_a_clear_configuration_error(tmp_path):
    out = _django("pass", _env(tmp_path, SAMENSPEL_TASK_BACKEND="django_tasks_rq.RQBackend"))
    assert out.returncode != 0 and "needs SAMENSPEL_REDIS_URL" in out.stderr


@pytest.mark.slow
@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
def test_invitations_go_through_redis_and_an_rq_worker(tmp_path):
    env = _env(tmp_path, SAMENSPEL_REDIS_URL=REDIS_URL,
               SAMENSPEL_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
    migrate = subprocess.run([sys.executable, "-m", "samenspel.web", "migrate", "-v0"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert migrate.returncode == 0, migrate.stderr
    enqueue = """
        import datetime as dt
        from samenspel.web.alliances import tokens
        from samenspel.web.alliances.models import Alliance, MeasurementRound, Partner, Respondent
        from samenspel.web.alliances.tasks import send_links
        a = Alliance.objects.create(name="Redisnetwerk", slug="redis-net")
        p = Partner.objects.create(alliance=a, code="A", name="A")
        rnd = MeasurementRound.objects.create(alliance=a, code="r1", name="R1", opens=dt.date(2020, 1, 1))
        r = Respondent.objects.create(round=rnd, partner=p, code="x1", email="x1@example.nl")
        tokens.issue(r)
        result = send_links.enqueue([r.pk], "http://127.0.0.1:8000")
        print(type(result.task.get_backend()).__name__)
        print(Respondent.objects.get(pk=r.pk).invited_at)
    """
    out = _django(enqueue, env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["RQBackend", "None"]  # queued in Redis, not run yet
    worker = subprocess.run([sys.executable, "-m", "samenspel.web", "rqworker", "default", "--burst",
                             "--job-class", "django_tasks_rq.Job"], env=env, capture_output=True, text=True, timeout=120)
    assert worker.returncode == 0, worker.stderr
    check = _django("from samenspel.web.alliances.models import Respondent\n"
                    "print(Respondent.objects.get(code='x1').invited_at is not None)", env)
    assert check.stdout.strip() == "True", check.stderr
