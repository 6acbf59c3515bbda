"""Load benchmark: 200 respondents answer the default full round of questionnaire 2.0 at once.

Starts ``samenspel serve --no-demo`` (2 gunicorn workers + task worker) on a
fresh SQLite database in a temporary directory (or the database in
DATABASE_URL), loopback only, makes one open round with N personal links,
then starts N respondents together (one thread each, released by a barrier):
each opens the link and page 1, then POSTs every page of the real
questionnaire (the redirect brings the next page, as in a browser; one
"page time" is the POST plus that page),
pausing a random "reading time" before every click (``--think`` seconds on
average, uniform between half and one and a half times that; 0 hammers),
and submits. Bounded: every request has a timeout and
the whole run a deadline, after which remaining respondents stop.

Reports errors (HTTP errors, time-outs), lost answers (rows counted in the
database afterwards against what was sent), p50/p95/max page time, and each
gunicorn worker's peak memory (VmHWM from /proc/<pid>/status), against the
targets of issue 5: no errors, no lost answers, p95 < 300 ms, < 250 MB per
worker. Exit code 1 when a target is missed.

    .venv/bin/python benchmarks/web_load.py                       # 200 respondents, 2 workers, SQLite
    .venv/bin/python benchmarks/web_load.py --respondents 40 --think 0
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

P95_MS = 300.0
RSS_MB = 250.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def setup(n: int) -> tuple[list[str], dict[int, dict[str, str]], int]:
    """Alliance, round and ``n`` links; returns tokens, the POST data per page and the expected answer count."""
    import django

    django.setup()
    from django.core.management import call_command

    from samenspel.web.alliances import survey, tokens
    from samenspel.web.alliances.models import Alliance, MeasurementRound, Partner, Respondent

    call_command("migrate", interactive=False, verbosity=0)
    alliance = Alliance.objects.create(name="Load test", slug=f"load-{int(time.time())}")
    partners = [Partner.objects.create(alliance=alliance, code=f"P{i}", name=f"Partner {i}") for i in range(6)]
    from samenspel.instrument import default_selection
    from samenspel.knowledge import load_knowledge

    chosen = default_selection(load_knowledge(), 3)  # questionnaire 2.0's default full round
    rnd = MeasurementRound.objects.create(alliance=alliance, code="load", name="Load", instrument=chosen.key,
                                          modules=list(chosen.modules), paradoxes=list(chosen.paradoxes))
    links = []
    for i in range(n):
        r = Respondent.objects.create(round=rnd, partner=partners[i % 6], code=f"load{i}")
        links.append(tokens.issue(r))
    instrument = survey.round_questionnaire(rnd)
    pages: dict[int, dict[str, str]] = {}
    expected_per_respondent = 0
    others = [p.code for p in partners[1:]]  # respondents of P0's view; rows differ per partner, see below
    for number, part in enumerate(survey.pages(instrument), start=1):
        data: dict[str, str] = {"nav": "next"}
        for item in instrument.items_in(part.id):
            if item.type == "text":
                data[survey.field_name(item)] = "Een open antwoord."
                continue
            value = survey.scale(item)[-1][0]
            if item.type == "relation":
                for code in [p.code for p in partners]:
                    data[survey.field_name(item, code)] = value
            else:
                data[survey.field_name(item)] = value
        pages[number] = data
    for number, part in enumerate(survey.pages(instrument), start=1):
        for item in instrument.items_in(part.id):
            expected_per_respondent += len(others) if item.type == "relation" else 1
    return links, pages, expected_per_respondent * n


class Run:
    """Shared state of the respondent threads (lists are appended under the GIL)."""

    def __init__(self, deadline: float, think: float, timeout: float) -> None:
        self.deadline = deadline
        self.think = think
        self.timeout = timeout
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.finished = 0


def respondent(base: str, token: str, pages: dict[int, dict[str, str]], run: Run, barrier: threading.Barrier) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    rng = random.Random(token)

    def call(url: str, data: dict[str, str] | None = None) -> str:
        if time.monotonic() > run.deadline:
            raise TimeoutError("deadline of the run passed")
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(base + url, data=body)
        if data is not None:
            csrf = next((c.value for c in jar if c.name == "csrftoken"), "")
            request.add_header("X-CSRFToken", csrf)
        start = time.perf_counter()
        with opener.open(request, timeout=run.timeout) as response:
            text = response.read().decode()
        run.latencies.append(time.perf_counter() - start)
        return text

    def pause() -> None:
        if run.think > 0:
            time.sleep(rng.uniform(0.5, 1.5) * run.think)

    try:
        barrier.wait(timeout=120)
        # everybody is in the questionnaire at once, but people do not click in the same millisecond:
        # the first click comes after a reading time like any other page
        pause()
        call(f"/r/{token}/")
        pause()
        html = call(f"/r/{token}/p/1/")
        for number, data in pages.items():
            # like a browser: the POST's redirect brings the next page, whose form is filled next
            own = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
            post = dict(data, csrfmiddlewaretoken=own.group(1) if own else "")
            if number == len(pages):
                post["nav"] = "review"
            pause()
            html = call(f"/r/{token}/p/{number}/", post)
            if number < len(pages) and f"/p/{number + 1}/" not in html:
                raise RuntimeError(f"page {number} did not lead to page {number + 1}")
        pause()
        thanks = call(f"/r/{token}/submit/", {"csrfmiddlewaretoken": ""})
        if "Dank" not in thanks and "Thank" not in thanks:
            raise RuntimeError("submit did not end on the thank-you page")
        run.finished += 1
    except Exception as exc:  # noqa: BLE001 - a load test reports, it does not stop
        run.errors.append(f"{token[:6]}…: {type(exc).__name__}: {exc}")


def _children(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                status = (proc / "status").read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{pid}$", status, re.M):
                found.append(int(proc.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def gunicorn_workers(serve_pid: int) -> list[int]:
    """The gunicorn worker processes under ``samenspel serve`` (children of the gunicorn master)."""
    masters = [p for p in _children(serve_pid) if "gunicorn" in _cmdline(p)]
    return [w for m in masters for w in _children(m)]


def peak_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    kb = int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1))  # type: ignore[union-attr]
    return kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=200, help="respondents answering at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--think", type=float, default=10.0,
                        help="mean seconds a respondent spends on a page (0: none); real people need ~45 s")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds one request may take")
    parser.add_argument("--deadline", type=float, default=600.0, help="seconds the whole run may take")
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="samenspel-load-"))
    os.environ["SAMENSPEL_VAR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.web.settings")
    os.environ["SAMENSPEL_ALLOWED_HOSTS"] = "127.0.0.1"
    links, pages, expected = setup(args.respondents)
    load_before = os.getloadavg()[0]  # other work on the machine shares the CPUs with server and clients
    port = free_port()
    cli = Path(sys.executable).with_name("samenspel")
    log = open(var / "serve.log", "wb")  # noqa: SIM115 - open for the server's whole life
    server = subprocess.Popen([str(cli), "serve", "--no-demo", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", str(args.workers)],
                              cwd=var, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    workers_mb: dict[int, float] = {}
    try:
        up = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/nl/login/", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > up:
                    sys.exit(f"the server did not start; see {var / 'serve.log'}")
                time.sleep(0.5)
        run = Run(time.monotonic() + args.deadline, args.think, args.timeout)
        barrier = threading.Barrier(args.respondents + 1)
        threading.stack_size(512 * 1024)
        threads = [threading.Thread(target=respondent, args=(base, token, pages, run, barrier), daemon=True)
                   for token in links]
        for t in threads:
            t.start()
        barrier.wait(timeout=120)
        start = time.perf_counter()
        for t in threads:
            t.join(max(0.1, run.deadline + args.timeout - time.monotonic()))
        elapsed = time.perf_counter() - start
        workers_mb = {pid: peak_mb(pid) for pid in gunicorn_workers(server.pid)}
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()

    from samenspel.web.alliances.models import Answer, Respondent

    submitted = Respondent.objects.filter(code__startswith="load", submitted_at__isnull=False).count()
    answers = Answer.objects.filter(respondent__code__startswith="load").count()
    lat = run.latencies
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [0.0] * 99
    p95 = q[94] * 1000
    db = os.environ.get("DATABASE_URL", "sqlite (file, WAL)").split("@")[-1]
    lost = expected - answers
    print(f"database: {db}; gunicorn workers: {args.workers} (gthread, 4 threads); loopback {base}; "
          f"machine load average before/after: {load_before:.1f}/{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"respondents at once: {args.respondents}; think time ~{args.think:g}s; pages each: {len(pages)}")
    print(f"requests: {len(lat)} in {elapsed:.1f}s = {len(lat) / max(elapsed, 1e-9):.1f} req/s; "
          f"finished: {run.finished}, submitted in the database: {submitted}")
    print(f"page time p50 {q[49] * 1000:.0f} ms, p95 {p95:.0f} ms, max {max(lat, default=0) * 1000:.0f} ms")
    print(f"answers stored: {answers}, sent: {expected}, lost: {lost}")
    print(f"errors: {len(run.errors)}" + ("" if not run.errors else "\n  " + "\n  ".join(run.errors[:5])))
    print("peak memory per worker (VmHWM): " + (", ".join(f"pid {p}: {mb:.0f} MB" for p, mb in workers_mb.items())
                                               or "not found"))
    checks = {
        "no errors": not run.errors,
        "no lost answers": lost == 0 and submitted == args.respondents,
        f"p95 < {P95_MS:.0f} ms": p95 < P95_MS,
        f"< {RSS_MB:.0f} MB per worker": bool(workers_mb) and max(workers_mb.values()) < RSS_MB,
    }
    print("targets: " + "; ".join(f"{name}: {'ok' if ok else 'MISSED'}" for name, ok in checks.items()))
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
