"""``samenspel serve``: set up the web app and run it with its task worker.

One command for a local or small installation: migrate the database (SQLite
in ./var unless DATABASE_URL is set), load the demo alliance once, make a
facilitator login, then run gunicorn and django-tasks' ``db_worker`` as child
processes. Ctrl-C stops both.
"""

from __future__ import annotations

import errno
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import typer

from samenspel.errors import SamenspelError

FACILITATOR = "facilitator"


def _setup_django(host: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.web.settings")
    os.environ.setdefault("SAMENSPEL_VAR", str(Path.cwd() / "var"))
    hosts = os.environ.get("SAMENSPEL_ALLOWED_HOSTS", "127.0.0.1,localhost")
    if host not in ("0.0.0.0", "::") and host not in hosts.split(","):
        hosts += "," + host
    os.environ["SAMENSPEL_ALLOWED_HOSTS"] = hosts
    import django

    django.setup()


def prepare(demo: bool = True) -> list[str]:
    """Migrate, load the demo, make the facilitator login; returns lines to show the user."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from samenspel.web.alliances.models import Membership

    call_command("migrate", interactive=False, verbosity=0)
    lines: list[str] = []
    User = get_user_model()
    user = User.objects.filter(username=FACILITATOR).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(FACILITATOR, password=password)
        lines.append(f"Login: {FACILITATOR} / {password}   (shown once; keep it)")
    else:
        lines.append(
            f"Login: {FACILITATOR} (password shown at first start; "
            f"reset: python -m samenspel.web changepassword {FACILITATOR})"
        )
    # the facilitator login runs this local installation: it may create alliances and import norm files
    # (permissions administrators grant others in /admin/)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(
        Permission.objects.get(codename="add_alliance", content_type__app_label="alliances"),
        Permission.objects.get(codename="manage_norm_files", content_type__app_label="norms"))
    if demo:
        from samenspel.web.alliances.demo_data import load_demo

        alliance, created = load_demo()
        Membership.objects.get_or_create(user=user, alliance=alliance, defaults={"role": Membership.FACILITATOR})
        lines.append(f"Demo alliance: {alliance.name}" + (" (loaded)" if created else ""))
    return lines


def worker_command() -> list[str]:
    """The task worker for the configured backend: RQ's worker with a Redis queue, else db_worker."""
    from django.conf import settings

    if settings.TASKS["default"]["BACKEND"] == settings.RQ_BACKEND:
        return [sys.executable, "-m", "samenspel.web", "rqworker", "default", "--job-class", "django_tasks_rq.Job"]
    return [sys.executable, "-m", "samenspel.web", "db_worker", "--no-reload", "--interval", "2"]


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for p in processes:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    for p in processes:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def check_port(host: str, port: int) -> None:
    """Refuse a port that is taken or not ours to use, before anything is started.

    Bound the way gunicorn binds (``SO_REUSEADDR``), so a port that gunicorn
    could use passes, and one it could not gives a message instead of a
    server that says it serves and then stops.
    """
    if not 0 < port < 65536:
        raise SamenspelError(f"--port {port}: a port is a number from 1 to 65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise SamenspelError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise SamenspelError(f"port {port} on {host} is in use by another program; "
                                     f"stop it or choose another port, e.g. --port {port + 1 if port < 65535 else 8080}") from None
            if exc.errno == errno.EACCES:
                raise SamenspelError(f"port {port}: no permission to listen there (ports below 1024 need root); "
                                     "choose a port of 1024 or above, e.g. --port 8000") from None
            raise SamenspelError(f"cannot listen on {host}:{port} ({exc.strerror})") from None


REMINDER_EVERY = 3600.0
"""Seconds between two runs of the action reminders while the app runs (the first at start)."""


class Schedule:
    """A job that is due at start and then every ``every`` seconds (monotonic clock)."""

    def __init__(self, every: float) -> None:
        self.every = every
        self.next: float | None = None
        self.started: list[subprocess.Popen[bytes]] = []

    def due(self, now: float) -> bool:
        if self.next is not None and now < self.next:
            return False
        self.next = now + self.every
        return True


def processes_reaped(started: list[subprocess.Popen[bytes]]) -> None:
    """Forget the finished runs (and collect their exit status, so none stays a zombie)."""
    started[:] = [p for p in started if p.poll() is None]


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        demo: bool = typer.Option(True, "--demo/--no-demo", help="Load the demo alliance (once)."),
        workers: int = typer.Option(2, "--workers", help="gunicorn worker processes."),
    ) -> None:
        """Run the web app (gunicorn) with its background worker; Ctrl-C stops both."""
        check_port(host, port)
        _setup_django(host)
        for line in prepare(demo):
            typer.echo(line)
        env = dict(os.environ)
        worker = subprocess.Popen(worker_command(), env=env)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "samenspel.web.wsgi:application", "--bind", f"{host}:{port}",
             "--workers", str(workers), "--worker-class", "gthread", "--threads", "4", "--graceful-timeout", "5"],
            env=env,
        )
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        typer.echo(f"Samenspel: http://{shown}:{port}/nl/   (Ctrl-C to stop)")
        processes = [server, worker]
        interrupted = False

        def _interrupt(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        # SIGTERM (systemd, docker, kill) and SIGINT stop both children; a
        # background job started from a script has SIGINT ignored, so set both.
        signal.signal(signal.SIGTERM, _interrupt)
        signal.signal(signal.SIGINT, _interrupt)
        scheduled = Schedule(REMINDER_EVERY)
        try:
            while all(p.poll() is None for p in processes):
                if scheduled.due(time.monotonic()):
                    # the owners of actions due within a week get their one reminder (steering.tasks): the
                    # command only enqueues, the worker sends, and each action is reminded once
                    processes_reaped(scheduled.started)
                    scheduled.started.append(subprocess.Popen(
                        [sys.executable, "-m", "samenspel.web", "steering_reminders"], env=env,
                        stdout=subprocess.DEVNULL))
                time.sleep(0.5)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            _stop(processes)
        if not interrupted:
            typer.echo("samenspel: the web server or the worker stopped unexpectedly", err=True)
            raise typer.Exit(1)
