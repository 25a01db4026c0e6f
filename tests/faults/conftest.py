"""A private stack for the fault tests: its own PostgreSQL cluster, Redis, web process, Celery
worker and beat, which the tests stop, kill and restart (the shared services are never touched).

One stack serves every fault test of the session. Its database is a copy (``pg_dump``) of the
session's test database, so it holds the same world (workspaces, users, password).
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "smartcity_faults"
VISIBILITY_TIMEOUT = 4  # seconds before a task of a lost worker is delivered again


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.faults)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path:
    for directory in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    found = shutil.which("pg_ctl")
    if not found:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found")
    return Path(found).parent


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class PrivatePostgres:
    def __init__(self, base: Path):
        self.bin = _pg_bin()
        self.port = _free_port()
        self.data = base / "pg"
        self.user = self._os_user()
        self.data.mkdir()
        self._chown(base)
        self._as_user("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")

    @staticmethod
    def _os_user() -> str | None:
        if os.geteuid() != 0:
            return None
        for name in ("postgres", "smartcity"):
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        pytest.skip("running as root without a postgres or smartcity account for a private cluster")

    def _chown(self, path: Path) -> None:
        if self.user:
            shutil.chown(path, self.user)
            shutil.chown(self.data, self.user)

    def _as_user(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, cwd="/", capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        self._as_user(
            "pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.data / "log"), "-o", options
        )

    def stop(self) -> None:
        self._as_user("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    def psql(self, *args: str, database: str = "postgres", stdin=None) -> None:
        subprocess.run(
            [str(self.bin / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port),
             "-U", "postgres", "-d", database, *args],
            check=True, stdin=stdin, capture_output=True,
        )  # fmt: skip

    def copy_from(self, source: dict) -> None:
        """The session's test database, copied whole (schemas, world, committed rows)."""
        self.psql("-c", "CREATE ROLE smartcity LOGIN SUPERUSER")
        self.psql("-c", f"CREATE DATABASE {DATABASE} OWNER smartcity")
        dump = subprocess.Popen(
            [str(self.bin / "pg_dump"), "-h", source["HOST"], "-p", str(source["PORT"]), "-U", source["USER"],
             "--no-owner", "--no-privileges", source["NAME"]],
            stdout=subprocess.PIPE,
        )  # fmt: skip
        self.psql(database=DATABASE, stdin=dump.stdout)
        assert dump.wait() == 0

    def query(self, sql: str, params=(), schema: str = "public"):
        with psycopg.connect(host="127.0.0.1", port=self.port, user="smartcity", dbname=DATABASE) as conn:
            conn.execute(f'SET search_path TO "{schema}", public')
            return conn.execute(sql, params).fetchall()


class Process:
    """A private server process (Redis, gunicorn, a Celery worker or beat), started again at will."""

    def __init__(self, name: str, command: list[str], env: dict, log: Path, port: int | None = None):
        self.name, self.command, self.env, self.log, self.port = name, command, env, log, port
        self.popen = None

    def start(self) -> None:
        handle = open(self.log, "ab")  # noqa: SIM115 — the child keeps it
        self.popen = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        handle.close()
        if self.port:
            _wait(lambda: _answers(self.port) or self.popen.poll() is not None, 60, f"{self.name} to listen")
            assert self.popen.poll() is None, f"{self.name} exited:\n{self.log.read_text()[-3000:]}"

    def stop(self, sig=signal.SIGTERM) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, sig)
        try:
            self.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    @contextmanager
    def stopped(self):
        self.stop()
        try:
            yield
        finally:
            self.start()


class Stack:
    def __init__(self, base: Path, media: Path):
        self.base, self.media = base, media
        self.postgres = PrivatePostgres(base)
        self.web_port, redis_port = _free_port(), _free_port()
        python = sys.executable
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
            "DATABASE_URL": f"postgres://smartcity@127.0.0.1:{self.postgres.port}/{DATABASE}",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "TEST_REDIS_CACHE_DB": "1",
            "TEST_REDIS_BROKER_DB": "2",
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "FAULTS_MEDIA_ROOT": str(media),
            "PYTHONUNBUFFERED": "1",
        }
        self.redis = Process(
            "redis",
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", str(base)],
            self.env, base / "redis.log", port=redis_port,
        )  # fmt: skip
        self.web = Process(
            "web",
            [python, "-m", "gunicorn", "platform.wsgi:application", "--bind", f"127.0.0.1:{self.web_port}",
             "--workers", "1", "--threads", "4", "--timeout", "60"],
            self.env, base / "web.log", port=self.web_port,
        )  # fmt: skip
        self.worker = self._worker()
        self.beat = Process(
            "beat",
            [python, "-m", "celery", "-A", "platform", "beat", "-l", "info", "--schedule", str(base / "beat")],
            self.env, base / "beat.log",
        )  # fmt: skip

    def _worker(self) -> Process:
        return Process(
            "worker",
            [sys.executable, "-m", "celery", "-A", "platform", "worker", "--pool", "solo", "-l", "info",
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            self.env, self.base / "worker.log",
        )  # fmt: skip

    def new_worker(self) -> Process:
        """A second worker after the first was killed (a new process, same queue)."""
        self.worker = self._worker()
        self.worker.start()
        return self.worker

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.web_port}{path}"

    def session(self, email: str, host: str) -> "Browser":
        return Browser(self, host).login(email)

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.log.read_text()[-2500:]}" for p in (self.web, self.worker, self.beat) if p.log.exists()
        )


class Browser:
    """A signed-in visitor of the private web process (cookies kept, CSRF token sent)."""

    def __init__(self, stack: Stack, host: str):
        self.stack, self.host, self.http = stack, host, requests.Session()

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.stack.url(path), headers={"Host": self.host}, timeout=30, **kwargs)

    def post(self, path: str, data=None, files=None, **kwargs) -> requests.Response:
        if "csrftoken" not in self.http.cookies:
            self.get("/accounts/login/")  # any page with a form sets the CSRF cookie
        token = self.http.cookies.get("csrftoken", "")
        headers = {"Host": self.host, "X-CSRFToken": token, "Referer": f"http://{self.host}{path}"}
        return self.http.post(self.stack.url(path), data=data, files=files, headers=headers, timeout=30, **kwargs)

    def login(self, email: str) -> "Browser":
        response = self.post("/accounts/login/", {"username": email, "password": PASSWORD}, allow_redirects=False)
        assert response.status_code == 302, response.text[:2000]
        return self


@pytest.fixture(scope="session")
def stack(django_db_setup, django_db_blocker):
    """The private stack, started once for the fault tests of the session and removed after."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server not found")
    base = Path(tempfile.mkdtemp(prefix="sc100-faults-"))
    media = base / "media"
    media.mkdir()
    stack = Stack(base, media)
    started = []
    try:
        stack.postgres.start()
        started.append(stack.postgres)
        with django_db_blocker.unblock():
            stack.postgres.copy_from(settings.DATABASES["default"])
        for process in (stack.redis, stack.web, stack.worker, stack.beat):
            process.start()
            started.append(process)
        yield stack
    finally:
        for process in reversed(started):
            try:
                process.stop()
            except Exception as exc:  # teardown goes on: every other process must stop too
                print(f"stopping {type(process).__name__}: {exc}")
        shutil.rmtree(base, ignore_errors=True)
