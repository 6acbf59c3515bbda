"""``samenspel serve``: set-up steps, and a real start and Ctrl-C of server and worker."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from samenspel.cli.serve import FACILITATOR, prepare
from samenspel.demo import ALLIANCE_ID
from samenspel.web.alliances.models import Membership


@pytest.mark.django_db
def test_prepare_makes_the_login_once_and_loads_the_demo_once():
    first = prepare(demo=True)
    assert first[0].startswith(f"Login: {FACILITATOR} / ") and "(loaded)" in first[1]
    password = first[0].split(" / ")[1].split()[0]
    user = get_user_model().objects.get(username=FACILITATOR)
    assert user.check_password(password) and not user.is_superuser
    assert Membership.objects.get(user=user).alliance.slug == ALLIANCE_ID
    assert get_user_model().objects.get(pk=user.pk).has_perm("alliances.add_alliance")  # may create alliances
    assert get_user_model().objects.get(pk=user.pk).has_perm("norms.manage_norm_files")  # may import norm files
    second = prepare(demo=True)
    assert password not in "\n".join(second) and "(loaded)" not in second[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children_alive(marker: str) -> list[int]:
    alive = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if marker.encode() in (proc / "environ").read_bytes():
                alive.append(int(proc.name))
        except OSError:
            continue
    return alive


@pytest.mark.slow
def test_serve_starts_and_ctrl_c_stops_server_and_worker(tmp_path):
    port = _free_port()
    var = tmp_path / "var-serve-test"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["SAMENSPEL_VAR"] = str(var)
    cli = Path(sys.executable).with_name("samenspel")
    proc = subprocess.Popen([str(cli), "serve", "--no-demo", "--port", str(port), "--workers", "1"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = b""
        for _ in range(60):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/nl/login/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        assert b"Inloggen" in body
        assert len(_children_alive(str(var))) >= 3  # serve, gunicorn master + worker, db_worker
    finally:
        proc.send_signal(signal.SIGINT)
        output = proc.communicate(timeout=30)[0].decode()
    assert proc.returncode == 0, output
    assert f"Login: {FACILITATOR} / " in output and (var / "samenspel.sqlite3").exists()
    for _ in range(20):
        if not _children_alive(str(var)):
            break
        time.sleep(0.5)
    assert _children_alive(str(var)) == []


def test_the_reminders_are_due_at_start_and_then_every_hour():
    """`samenspel serve` runs the action reminders at start and every REMINDER_EVERY seconds (issue 15)."""
    from samenspel.cli.serve import REMINDER_EVERY, Schedule

    s = Schedule(REMINDER_EVERY)
    assert s.due(100.0)
    assert not s.due(100.0 + REMINDER_EVERY - 1)
    assert s.due(100.0 + REMINDER_EVERY)
    assert not s.due(100.0 + REMINDER_EVERY + 5)
