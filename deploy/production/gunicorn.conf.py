"""Gunicorn settings for Smart City 100 (used in production and by deploy/dev.sh).

Run from the application directory, always as a module so that the project
package ``platform`` comes first on sys.path:

    python -m gunicorn platform.wsgi:application -c deploy/production/gunicorn.conf.py

Every value can be tuned through the environment; command-line flags override them.
"""

import os


def _int(name, default):
    return int(os.environ.get(name, default))


# Listen address. Behind nginx on the same host the default is fine; on a web
# node behind a separate load balancer use e.g. GUNICORN_BIND=0.0.0.0:8000.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Processes x threads. WEB_CONCURRENCY is the conventional knob for workers.
workers = _int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1)
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread"

timeout = _int("GUNICORN_TIMEOUT", 60)  # uploads of up to 60 MB need headroom
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then to bound memory growth.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Trust X-Forwarded-* only from the reverse proxy (comma-separated IPs).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs: access log and error log to stdout/stderr (journald / .run/web.log).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%({host}i)s" "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# Worker heartbeat files in RAM rather than on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

proc_name = "smartcity-web"

# Gunicorn >= 25.1 opens a control socket under $HOME by default; the service
# user has no home and several instances would collide, so only when asked for.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
