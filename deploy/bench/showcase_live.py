"""Run-of-show: from the operator's click to the public screens showing it, with 200 public
viewers polling.

Usage (from the repository root, PostgreSQL and Redis of deploy/dev.sh running)::

    eval "$(deploy/dev.sh env test)"; .venv/bin/python deploy/bench/showcase_live.py

In a database of its own (``BENCH_LIVE_DB``, default ``bench_showcase_live``, created and
dropped here; Redis databases ``BENCH_REDIS_CACHE_DB`` 9 and ``BENCH_REDIS_BROKER_DB`` 10)
it lays out a published day of ``TALKS`` presentations (default 50) on one stage and signs
a ministry admin in. Then it starts gunicorn as production does
(``deploy/production/gunicorn.conf.py``: gthread, ``WORKERS`` workers of 4 threads, default
2), opens ``VIEWERS`` (default 200) public screens — keep-alive connections polling the
public JSON state every ``POLL_MS`` (default 500, as ``showcase_live/live.js``) with its
ETag, each from a random phase — and lets the operator press "next" ``CLICKS`` times
(default 30) through the operator's form, every ``GAP`` seconds (default 2.0, with jitter).

For every click and every viewer, the delay is the time from sending the click to that
viewer first receiving a state of the new revision; the script prints its p50/p95/max over
all of them (target: p95 ≤ 1 s), the click's own answer time, the polls' answer times and
their rate, and the share of 304 answers.
"""

import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module

os.environ["DJANGO_SETTINGS_MODULE"] = "platform.settings.test"
os.environ["TEST_DATABASE_NAME"] = os.environ.get("BENCH_LIVE_DB", "bench_showcase_live")
os.environ["TEST_REDIS_CACHE_DB"] = os.environ.get("BENCH_REDIS_CACHE_DB", "9")
os.environ["TEST_REDIS_BROKER_DB"] = os.environ.get("BENCH_REDIS_BROKER_DB", "10")

import django  # noqa: E402

TALKS = int(os.environ.get("TALKS", "50"))
VIEWERS = int(os.environ.get("VIEWERS", "200"))
POLL_MS = int(os.environ.get("POLL_MS", "500"))
CLICKS = int(os.environ.get("CLICKS", "30"))
GAP = float(os.environ.get("GAP", "2.0"))
WORKERS = os.environ.get("WORKERS", "2")
PORT = int(os.environ.get("BENCH_PORT", "18791"))
HOST = "sc100.test"
SLUG = "bench-live"


def build_day():
    """The 2018 cohort's showcase with TALKS presentations in sessions of 6 and breaks, all
    of one stage, published; a ministry admin with a verified session. Returns (stage id,
    session cookie)."""
    from datetime import date, timedelta

    from django.test import Client
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from platform.accounts.models import User
    from showcase.models import AgendaVersion, Showcase, Slot, Stage
    from tenants.models import Cohort, Region
    from tenants.services import load_regions

    load_regions()
    cohort, _ = Cohort.objects.get_or_create(year=2018, defaults={"mou_date": date(2018, 5, 8)})
    codes = list(Region.objects.order_by("code").values_list("code", flat=True)[:TALKS])
    now = timezone.now().replace(microsecond=0)
    showcase = Showcase.objects.create(
        cohort=cohort,
        name="Showcase bench",
        slug=SLUG,
        venue="Jakarta",
        starts_on=now.date(),
        ends_on=now.date(),
        submission_deadline=now,
    )
    stage = Stage.objects.create(showcase=showcase, name="Panggung Utama")
    version = AgendaVersion.objects.create(showcase=showcase, number=1, published_at=now)
    plan = [("opening", 30, "Pembukaan", None)]
    for i, code in enumerate(codes):
        if i % 6 == 0:
            if i:
                plan.append(("break", 15, "Rehat", None))
            plan.append(("session", 0, f"Sesi {i // 6 + 1}", None))
        plan.append(("presentation", 10, "", code))
    plan.append(("closing", 30, "Penutupan", None))
    moment = now
    for position, (kind, minutes, title, code) in enumerate(plan):
        Slot.objects.create(
            version=version,
            stage=stage,
            kind=kind,
            title=title,
            region_id=code,
            starts_at=moment,
            minutes=minutes,
            position=position,
        )
        moment += timedelta(minutes=minutes)
    user = User.objects.create_user(
        email="bench.operator@example.id", password="bench-password-1", national_role=User.NationalRole.MINISTRY_ADMIN
    )
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return stage.pk, client.cookies["sessionid"].value


async def request(reader, writer, method, path, headers=None, body=b""):
    """One HTTP/1.1 exchange on a keep-alive connection: (status, headers, body)."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", "Connection: keep-alive"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    answer = {}
    for line in header_lines:
        if ":" in line:
            key, value = line.split(":", 1)
            answer.setdefault(key.strip().lower(), []).append(value.strip())
    length = int(answer.get("content-length", ["0"])[0])
    content = await reader.readexactly(length) if length else b""
    return int(status_line.split()[1]), answer, content


class Viewer:
    def __init__(self, url):
        self.url, self.etag, self.seen, self.latencies, self.not_modified = url, None, {}, [], 0

    async def run(self, stop: asyncio.Event):
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
        await asyncio.sleep(random.random() * POLL_MS / 1000)
        while not stop.is_set():
            sent = time.monotonic()
            status, headers, body = await request(reader, writer, "GET", self.url, {"If-None-Match": self.etag or ""})
            received = time.monotonic()
            self.latencies.append(received - sent)
            if status == 200:
                self.etag = headers["etag"][0]
                revision = int(re.search(rb'"revision":(\d+)', body).group(1))
                self.seen.setdefault(revision, received)
            elif status == 304:
                self.not_modified += 1
            else:
                raise RuntimeError(f"public state answered {status}")
            await asyncio.sleep(max(0.0, POLL_MS / 1000 - (received - sent)))
        writer.close()


async def operate(stage_pk, session, clicks: dict, answers: list):
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    base = f"/showcase/kelola/{SLUG}/langsung/{stage_pk}/"
    status, headers, page = await request(reader, writer, "GET", base, {"Cookie": f"sessionid={session}"})
    assert status == 200, f"operator page: {status}"
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    csrf = next(c.split(";")[0] for c in headers.get("set-cookie", []) if c.startswith("csrftoken="))
    cookie = f"sessionid={session}; {csrf}"
    revision = int(re.search(rb'name="revision" value="(\d+)"', page).group(1))
    await asyncio.sleep(3)  # every viewer has polled at least once
    for n in range(CLICKS):
        action = "start" if revision == 0 else "next"
        body = f"csrfmiddlewaretoken={token}&action={action}&revision={revision}".encode()
        sent = time.monotonic()
        status, _, _ = await request(reader, writer, "POST", base + "aksi/", {"Cookie": cookie}, body)
        answers.append(time.monotonic() - sent)
        assert status == 302, f"click {n}: {status}"
        revision += 1
        clicks[revision] = sent
        await asyncio.sleep(GAP + random.uniform(-0.3, 0.3))
    await asyncio.sleep(2)
    writer.close()


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def measure(stage_pk, session):
    stop = asyncio.Event()
    viewers = [Viewer(f"/showcase/{SLUG}/layar/{stage_pk}/status.json") for _ in range(VIEWERS)]
    tasks = [asyncio.create_task(v.run(stop)) for v in viewers]
    clicks, answers = {}, []
    started = time.monotonic()
    await operate(stage_pk, session, clicks, answers)
    stop.set()
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - started
    delays = [v.seen[r] - t for v in viewers for r, t in clicks.items() if r in v.seen]
    missed = sum(1 for v in viewers for r in clicks if r not in v.seen)
    polls = [x for v in viewers for x in v.latencies]
    print(f"{VIEWERS} viewers polling every {POLL_MS} ms, {CLICKS} clicks, gunicorn {WORKERS} workers x 4 threads")
    print(
        f"click -> viewer shows it: p50 {statistics.median(delays):.3f} s, p95 {pct(delays, 95):.3f} s, "
        f"max {max(delays):.3f} s over {len(delays)} (viewer, click) pairs; skipped revisions {missed}"
    )
    print(
        f"click answer (POST, 302): p50 {statistics.median(answers) * 1000:.1f} ms, "
        f"p95 {pct(answers, 95) * 1000:.1f} ms"
    )
    print(
        f"polls: {len(polls) / elapsed:.0f} req/s, p50 {statistics.median(polls) * 1000:.1f} ms, "
        f"p95 {pct(polls, 95) * 1000:.1f} ms, max {max(polls) * 1000:.1f} ms; "
        f"304 share {sum(v.not_modified for v in viewers) / len(polls):.0%}"
    )
    return pct(delays, 95)


def main():
    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
    server = None
    try:
        stage_pk, session = build_day()
        db = connection.settings_dict
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "GUNICORN_MAX_REQUESTS": "0",
            "LOG_LEVEL": "WARNING",
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "platform.wsgi:application",
                "-c",
                "deploy/production/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                WORKERS,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(4)
        p95 = asyncio.run(measure(stage_pk, session))
        print(f"target p95 <= 1 s: {'met' if p95 <= 1.0 else 'NOT met'}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        connection.close()
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
