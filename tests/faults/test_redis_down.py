"""Redis down: pages keep serving, nobody is signed out, a job asked for meanwhile is kept
and runs once Redis is back (platform.celery's queued tasks, sent again by beat)."""

PROBOLINGGO = "kota-probolinggo.sc100.test"
NOTICE = "Antrean pekerjaan latar sedang terganggu"


def _books(stack):
    return stack.postgres.query(
        "SELECT id, status, file FROM programs_masterplanbook ORDER BY id", schema="kota_probolinggo"
    )


def test_redis_down_keeps_pages_and_sessions_and_loses_no_job(stack):
    admin = stack.session("admin_probolinggo@example.id", PROBOLINGGO)
    assert "admin_probolinggo@example.id" in admin.get("/").text
    before = {row[0] for row in _books(stack)}

    with stack.redis.stopped():
        home = admin.get("/", allow_redirects=False)
        assert home.status_code == 200 and "admin_probolinggo@example.id" in home.text  # still signed in
        assert admin.get("/masterplan/buku-pdf/").status_code == 200
        asked = admin.post("/masterplan/buku-pdf/")
        assert asked.status_code == 200 and NOTICE in asked.text
        new = [row for row in _books(stack) if row[0] not in before]
        assert [status for _id, status, _file in new] == ["queued"]
        assert stack.postgres.query("SELECT name FROM platform_core_queuedtask") == [
            ("programs.tasks.build_masterplan_book",)
        ]
        # Signing in while Redis is down works too (the session is in PostgreSQL).
        assert "@example.id" in stack.session("editor_probolinggo@example.id", PROBOLINGGO).get("/").text

    book_id = new[0][0]

    def built():
        rows = {row[0]: row for row in _books(stack)}
        return rows[book_id][1] == "done" and rows[book_id]

    from tests.faults.conftest import _wait

    try:
        _id, _status, file = _wait(built, 90, "the kept book job to run once Redis is back")
    except AssertionError:
        raise AssertionError(stack.logs()) from None
    assert (stack.media / "kota_probolinggo" / file).exists()
    assert stack.postgres.query("SELECT count(*) FROM platform_core_queuedtask") == [(0,)]
    assert "admin_probolinggo@example.id" in admin.get("/").text
