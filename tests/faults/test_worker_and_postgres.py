"""A worker killed mid-job, and PostgreSQL restarted under a serving web process."""

import time

from tests.faults.conftest import _wait

PROBOLINGGO = "kota-probolinggo.sc100.test"


def _books(stack):
    return {
        row[0]: row
        for row in stack.postgres.query(
            "SELECT id, status, progress, file, pages FROM programs_masterplanbook", schema="kota_probolinggo"
        )
    }


def test_a_book_whose_worker_is_killed_is_built_once_by_the_next_worker(stack):
    admin = stack.session("admin_probolinggo@example.id", PROBOLINGGO)
    before = set(_books(stack))
    assert admin.post("/masterplan/buku-pdf/").status_code == 200
    (book_id,) = set(_books(stack)) - before

    _wait(lambda: _books(stack)[book_id][1] == "running", 60, "the worker to start the book")
    stack.worker.kill()  # SIGKILL: the task is neither finished nor acknowledged
    time.sleep(0.5)
    _id, status, _progress, file, _pages = _books(stack)[book_id]
    assert (status, file) == ("running", "")  # nothing half-written: no file on the row

    stack.new_worker()  # gets the task again once the visibility timeout has passed
    try:
        _wait(lambda: _books(stack)[book_id][1] == "done", 90, "the book to be built again")
    except AssertionError:
        raise AssertionError(stack.logs()) from None
    _id, _status, progress, file, pages = _books(stack)[book_id]
    assert progress == 100 and pages > 1 and (stack.media / "kota_probolinggo" / file).exists()
    assert set(_books(stack)) - before == {book_id}  # one job, one book


def test_postgres_restarted_fails_requests_cleanly_then_the_same_web_process_serves_again(stack):
    admin = stack.session("admin_probolinggo@example.id", PROBOLINGGO)
    assert admin.get("/").status_code == 200
    web_pid = stack.web.popen.pid

    stack.postgres.stop()
    try:
        started = time.monotonic()
        down = admin.get("/")
        assert down.status_code == 500 and "Terjadi kesalahan" in down.text  # the project's page
        assert time.monotonic() - started < 10  # refused at once, no hang
    finally:
        stack.postgres.start()

    again = admin.get("/")
    assert again.status_code == 200 and "admin_probolinggo@example.id" in again.text
    assert stack.web.popen.pid == web_pid and stack.web.popen.poll() is None
