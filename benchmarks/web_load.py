"""Load test: many respondents fill in the full questionnaire at once.

Starts ``samenspel serve --no-demo`` (gunicorn + worker) on a fresh database
in a temporary directory (or the database in DATABASE_URL), makes one open
round with N personal links, then lets C threads each play respondents: GET
and POST every page of the real questionnaire, review, submit. Prints
throughput, page latency percentiles and checks that every answer arrived
exactly once.

    .venv/bin/python benchmarks/web_load.py --respondents 40 --concurrency 8
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
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
    rnd = MeasurementRound.objects.create(alliance=alliance, code="load", name="Load")
    links = []
    for i in range(n):
        r = Respondent.objects.create(round=rnd, partner=partners[i % 6], code=f"load{i}")
        links.append(tokens.issue(r))
    instrument = survey.load_instrument()
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


def respondent(base: str, token: str, pages: dict[int, dict[str, str]], latencies: list[float], errors: list[str]) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def call(url: str, data: dict[str, str] | None = None) -> str:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(base + url, data=body)
        if data is not None:
            csrf = next((c.value for c in jar if c.name == "csrftoken"), "")
            request.add_header("X-CSRFToken", csrf)
        start = time.perf_counter()
        with opener.open(request, timeout=60) as response:
            text = response.read().decode()
        latencies.append(time.perf_counter() - start)
        return text

    try:
        call(f"/r/{token}/")
        for number, data in pages.items():
            html = call(f"/r/{token}/p/{number}/")
            own = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
            post = dict(data, csrfmiddlewaretoken=own.group(1) if own else "")
            if number == len(pages):
                post["nav"] = "review"
            call(f"/r/{token}/p/{number}/", post)
        call(f"/r/{token}/submit/", {"csrfmiddlewaretoken": ""})
    except Exception as exc:  # noqa: BLE001 - a load test reports, it does not stop
        errors.append(f"{token[:6]}…: {exc}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="samenspel-load-"))
    os.environ["SAMENSPEL_VAR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.web.settings")
    links, pages, expected = setup(args.respondents)
    port = free_port()
    cli = Path(sys.executable).with_name("samenspel")
    server = subprocess.Popen([str(cli), "serve", "--no-demo", "--port", str(port), "--workers", str(args.workers)],
                              cwd=var, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(base + "/nl/login/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        latencies: list[float] = []
        errors: list[str] = []
        queue = list(links)
        lock = threading.Lock()

        def player() -> None:
            while True:
                with lock:
                    if not queue:
                        return
                    token = queue.pop()
                respondent(base, token, pages, latencies, errors)

        start = time.perf_counter()
        threads = [threading.Thread(target=player) for _ in range(args.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(30)

    from samenspel.web.alliances.models import Answer, Respondent

    submitted = Respondent.objects.filter(code__startswith="load", submitted_at__isnull=False).count()
    answers = Answer.objects.filter(respondent__code__startswith="load").count()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    db = os.environ.get("DATABASE_URL", "sqlite (file, WAL)").split("@")[-1]
    print(f"database: {db}; gunicorn workers: {args.workers}; concurrency: {args.concurrency}")
    print(f"respondents: {args.respondents}, submitted: {submitted}; pages per respondent: {len(pages)}")
    print(f"requests: {len(latencies)} in {elapsed:.1f}s = {len(latencies) / elapsed:.1f} req/s")
    print(f"latency p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"answers stored: {answers}, expected: {expected} ({'ok' if answers == expected else 'MISMATCH'})")
    print(f"errors: {len(errors)}" + ("" if not errors else "\n  " + "\n  ".join(errors[:5])))


if __name__ == "__main__":
    main()
