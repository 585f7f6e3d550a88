"""gunicorn settings for production (`make serve-prod`, the systemd unit, the container).
Values can be overridden with GUNICORN_* environment variables."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# The default keep-alive of 2 s made load generators see connection resets.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 10))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# One line per request, with the id the app puts in X-Request-ID.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms rid=%({x-request-id}o)s'
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
