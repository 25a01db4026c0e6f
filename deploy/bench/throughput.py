"""Workspace page vs apex page throughput with wrk, against a running gunicorn.

Usage (from the repository root, environment from deploy/bench/lib.sh; throughput.sh
starts gunicorn and calls this)::

    .venv/bin/python deploy/bench/throughput.py PORT

1. Creates (or resets) a bench user who is a member (region admin) of one workspace.
2. Signs in by POSTing the login form on the apex host (CSRF token and all), like a
   browser, and keeps the session cookie; the same cookie is sent to every host.
3. Checks each page answers 200 with the expected content (not a redirect to the login
   page), then runs wrk for each pair of pages in the same server run, alternating which
   host goes first in each round, and prints req/s and latency per page.

Environment: BENCH_WORKSPACE (region code, default 35.74 = Kota Probolinggo),
WRK_THREADS (2), WRK_CONNECTIONS (16), WRK_DURATION (6s), ROUNDS (6), WARMUP (3s).
req/s is the median over the rounds; short alternating rounds spread load from other
processes on the machine evenly over both hosts, and each run reports that other load.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module

import http.client  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402

import django  # noqa: E402

EMAIL = "bench.member@example.org"
PASSWORD = "bench-password-not-secret-1"
LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "status.lua")


def env(name, default):
    return os.environ.get(name, default)


def setup_user(region_code):
    """The bench user, a current region-admin member of the workspace of ``region_code``."""
    django.setup()
    from django.conf import settings
    from django.db import connection

    from platform.accounts.models import User
    from tenants.models import Membership, Workspace

    connection.set_schema_to_public()
    workspace = Workspace.objects.select_related("region").get(region_id=region_code)
    user = User.objects.filter(email=EMAIL).first() or User.objects.create_user(email=EMAIL, full_name="Bench Member")
    user.set_password(PASSWORD)
    user.is_active = True
    user.save()
    Membership.objects.update_or_create(
        user=user, workspace=workspace, defaults={"role": Membership.Role.REGION_ADMIN, "valid_until": None}
    )
    host = workspace.domains.get(is_primary=True).domain
    connection.close()
    return settings.BASE_DOMAIN, host, workspace.region.name


class Http:
    def __init__(self, port):
        self.port = port

    def request(self, method, host, path, headers=None, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        conn.close()
        return response.status, response.getheader("Location", ""), response.headers.get_all("Set-Cookie") or [], data


def cookie(set_cookies, name):
    for header in set_cookies:
        match = re.match(rf"{name}=([^;]*)", header)
        if match:
            return match.group(1)
    return None


def sign_in(http_, apex):
    status, _, set_cookies, body = http_.request("GET", apex, "/accounts/login/")
    if status != 200:
        raise SystemExit(f"GET /accounts/login/ on {apex}: HTTP {status}")
    csrf_cookie = cookie(set_cookies, "csrftoken")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": EMAIL, "password": PASSWORD})
    status, location, set_cookies, _ = http_.request(
        "POST",
        apex,
        "/accounts/login/",
        headers={
            "Cookie": f"csrftoken={csrf_cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{apex}:{http_.port}/accounts/login/",
        },
        body=form,
    )
    session = cookie(set_cookies, "sessionid")
    if status != 302 or not session:
        raise SystemExit(f"sign-in failed: HTTP {status}, Location {location!r}, session cookie {bool(session)}")
    return f"sessionid={session}; csrftoken={cookie(set_cookies, 'csrftoken') or csrf_cookie}"


def check(http_, host, path, cookie_header, must_contain):
    headers = {"Cookie": cookie_header} if cookie_header else {}
    status, location, _, body = http_.request("GET", host, path, headers=headers)
    missing = [m for m in must_contain if m not in body]
    if status != 200 or missing:
        raise SystemExit(f"GET http://{host}{path}: HTTP {status} {location} — missing {missing}")
    return len(body.encode())


CLK = os.sysconf("SC_CLK_TCK")


def busy_cpu_seconds():
    """CPU seconds spent busy by the whole machine so far (all cores)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / CLK


def bench_pids():
    """gunicorn master and workers (process group of GUNICORN_PID) and the PostgreSQL
    backends connected to the bench database (their process title names the database)."""
    group = int(os.environ.get("GUNICORN_PID", "0"))
    database = " " + os.environ["DATABASE_URL"].rsplit("/", 1)[1] + " "
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if group and os.getpgid(int(pid)) == group:
                pids.append(pid)
                continue
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if database in f.read().replace(b"\0", b" ").decode("utf-8", "replace"):
                    pids.append(pid)
        except (OSError, ProcessLookupError):
            pass
    return pids


def cpu_of(pids):
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLK
        except (OSError, IndexError):
            pass
    return total


def run_wrk(port, host, path, cookie_header, duration):
    """Run wrk; also measure the CPU used meanwhile by the benchmark (gunicorn, the bench
    database's backends, wrk) and by everything else on the machine ("other load")."""
    pids = bench_pids()
    busy0, server0, child0 = busy_cpu_seconds(), cpu_of(pids), children_cpu()
    result, out = _run_wrk(port, host, path, cookie_header, duration)
    wall = result.pop("_wall")
    server = cpu_of(pids) - server0
    ours = server + children_cpu() - child0
    result["bench_cores"] = ours / wall
    result["other_cores"] = max(0.0, busy_cpu_seconds() - busy0 - ours) / wall
    # CPU the server side (gunicorn + its PostgreSQL backends) spent per request: unlike
    # req/s, hardly affected by other processes competing for the cores.
    result["server_cpu_ms"] = server * 1000 / max(1, result["requests"])
    return result, out


def children_cpu():
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_wrk(port, host, path, cookie_header, duration):
    cmd = [
        "wrk",
        f"-t{env('WRK_THREADS', '2')}",
        f"-c{env('WRK_CONNECTIONS', '16')}",
        f"-d{duration}",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        LUA,
        "-H",
        f"Host: {host}",
    ]
    if cookie_header:
        cmd += ["-H", f"Cookie: {cookie_header}"]
    cmd.append(f"http://127.0.0.1:{port}{path}")
    started = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=True).stdout
    result = parse_wrk(out)
    result["_wall"] = time.perf_counter() - started
    return result, out


UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNIT[unit]


def parse_wrk(out):
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "avg_ms": ms(re.search(r"Latency\s+(\S+)", out).group(1)),
        "statuses": {int(c): int(n) for c, n in re.findall(r"^STATUS (\d+) (\d+)$", out, re.M)},
        "errors": re.search(r"Socket errors:.*", out).group(0) if "Socket errors" in out else "",
    }
    for p in ("50", "90", "99"):
        result[f"p{p}_ms"] = ms(re.search(rf"^\s+{p}(?:\.000)?%\s+(\S+)", out, re.M).group(1))
    return result


def main(port):
    rounds = int(env("ROUNDS", "6"))
    duration = env("WRK_DURATION", "6s")
    apex, ws_host, region_name = setup_user(env("BENCH_WORKSPACE", "35.74"))
    http_ = Http(port)
    session = sign_in(http_, apex)

    # (label, host, path, signed in, must contain) — pairs: apex first, workspace second.
    pairs = [
        (
            "same view on both hosts: password change form (signed in)",
            ("apex", apex, "/accounts/password_change/", True, ['name="old_password"', EMAIL]),
            ("workspace", ws_host, "/accounts/password_change/", True, ['name="old_password"', region_name]),
        ),
        (
            "home pages (signed in): apex registry (50 rows) vs workspace home",
            ("apex", apex, "/", True, [EMAIL, region_name]),
            ("workspace", ws_host, "/", True, [region_name, "Bimtek", EMAIL]),
        ),
        (
            "floor: /health/ (no session, no template)",
            ("apex", apex, "/health/", False, ["ok"]),
            ("workspace", ws_host, "/health/", False, ["ok"]),
        ),
    ]
    print(
        f"signed in as {EMAIL}; workspace host {ws_host}; wrk -t{env('WRK_THREADS', '2')} "
        f"-c{env('WRK_CONNECTIONS', '16')} -d{duration}, {rounds} round(s), order alternating\n"
    )
    sizes = {}
    for _, *pages in pairs:
        for _kind, host, path, signed_in, marks in pages:
            sizes[(host, path)] = check(http_, host, path, session if signed_in else None, marks)
    warm = env("WARMUP", "3s")
    for _, *pages in pairs:
        for _kind, host, path, signed_in, _ in pages:
            run_wrk(port, host, path, session if signed_in else None, warm)

    summary = []
    raw = {}
    for title, *pages in pairs:
        results = {p[0]: [] for p in pages}
        for r in range(rounds):
            order = pages if r % 2 == 0 else list(reversed(pages))
            for kind, host, path, signed_in, _ in order:
                result, out = run_wrk(port, host, path, session if signed_in else None, duration)
                raw[f"{title} | {kind} | round {r + 1}"] = out
                bad = {c: n for c, n in result["statuses"].items() if c != 200}
                if bad or result["errors"]:
                    raise SystemExit(f"{kind} {host}{path}: non-200 responses {bad} {result['errors']}")
                results[kind].append(result)
                print(
                    f"  round {r + 1} {kind:<9} {host}{path}: {result['rps']:.1f} req/s, "
                    f"avg {result['avg_ms']:.1f} ms, p50 {result['p50_ms']:.1f}, p99 {result['p99_ms']:.1f} ms; "
                    f"server CPU {result['server_cpu_ms']:.2f} ms/request; "
                    f"CPU: benchmark {result['bench_cores']:.2f} cores, other load {result['other_cores']:.2f} cores"
                )
        summary.append((title, pages, results))
        # Re-check after the runs: still 200 with the signed-in content.
        for _kind, host, path, signed_in, marks in pages:
            check(http_, host, path, session if signed_in else None, marks)

    print("\nreq/s: median of the rounds; latencies: median of the rounds' figures. server CPU: CPU time of")
    print("gunicorn and its PostgreSQL backends per request (median of the rounds); its apex/workspace ratio is")
    print("the throughput ratio on a machine with nothing else running. other load: mean CPU used meanwhile by")
    print("everything but the benchmark (gunicorn, its database backends, wrk), in cores.")
    print(
        "\n| pair | host | page | bytes | req/s | each round | avg ms | p50 ms | p90 ms | p99 ms | other load"
        " | server CPU ms/req | workspace / apex req/s | apex / workspace CPU per req |"
    )
    print("|---|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for title, pages, results in summary:
        rps = {k: statistics.median(r["rps"] for r in v) for k, v in results.items()}
        cpu = {k: statistics.median(r["server_cpu_ms"] for r in v) for k, v in results.items()}
        for kind, host, path, _, _ in pages:
            rs = results[kind]
            ratio = f"**{rps['workspace'] / rps['apex'] * 100:.0f} %**" if kind == "workspace" else ""
            cpu_ratio = f"**{cpu['apex'] / cpu['workspace'] * 100:.0f} %**" if kind == "workspace" else ""
            print(
                f"| {title} | {kind} | `{host}{path}` | {sizes[(host, path)]} | {rps[kind]:.1f} | "
                f"{' / '.join(f'{r["rps"]:.0f}' for r in rs)} | "
                f"{statistics.median(r['avg_ms'] for r in rs):.1f} | "
                f"{statistics.median(r['p50_ms'] for r in rs):.1f} | "
                f"{statistics.median(r['p90_ms'] for r in rs):.1f} | "
                f"{statistics.median(r['p99_ms'] for r in rs):.1f} | "
                f"{statistics.mean(r['other_cores'] for r in rs):.2f} | {cpu[kind]:.2f} | {ratio} | {cpu_ratio} |"
            )
    out_dir = env("BENCH_OUT", os.path.join(ROOT, ".run", "bench"))
    with open(os.path.join(out_dir, "throughput-wrk.json"), "w") as f:
        json.dump(raw, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
