"""Two tabs, a double click: concurrent saves of one respondent never
duplicate or lose answers, and a submit racing a save leaves a consistent state.

Each thread is a separate client with its own database connection, so on
PostgreSQL this is real concurrency (row lock on the respondent) and on SQLite
the write lock of an IMMEDIATE transaction.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from samenspel.web.alliances.models import Answer, Respondent

from webhelpers import make_respondent


def _run(jobs: list) -> list[int]:  # type: ignore[type-arg]
    barrier = threading.Barrier(len(jobs))
    statuses: list[int] = []
    lock = threading.Lock()

    def worker(job) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            status = job(Client())
            with lock:
                statuses.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return statuses


@pytest.mark.django_db(transaction=True)
def test_parallel_saves_keep_one_row_per_answer(rnd):
    r, token = make_respondent(rnd)
    values = ["1", "2", "3", "4", "5", "1", "2", "3"]

    def save(value: str):  # type: ignore[no-untyped-def]
        def job(client: Client) -> int:
            data = {"i__amb_01": value, "i__par_01": "4", "i__phase_01": "2", "nav": "next"}
            return client.post(f"/r/{token}/p/1/", data).status_code
        return job

    statuses = _run([save(v) for v in values])
    assert sorted(statuses) == [302] * len(values)
    rows = Answer.objects.filter(respondent=r)
    assert rows.count() == 3
    assert rows.get(item="amb_01").value in {1.0, 2.0, 3.0, 4.0, 5.0}


@pytest.mark.django_db(transaction=True)
def test_submit_racing_saves_never_changes_answers_after_submission(rnd):
    r, token = make_respondent(rnd)
    Client().post(f"/r/{token}/p/1/", {"i__amb_01": "3", "i__par_01": "4", "i__phase_01": "2", "nav": "next"})

    def submit(client: Client) -> int:
        return client.post(f"/r/{token}/submit/").status_code

    def save(client: Client) -> int:
        return client.post(f"/r/{token}/p/1/", {"i__amb_01": "5", "i__par_01": "4", "i__phase_01": "2"}).status_code

    statuses = _run([submit, submit, save, save])
    assert set(statuses) <= {302, 410}
    r = Respondent.objects.get(pk=r.pk)
    assert r.submitted_at is not None
    assert Answer.objects.filter(respondent=r).count() == 3
