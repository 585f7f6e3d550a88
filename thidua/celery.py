"""Celery for background jobs, the daily reminder sweep and the daily backup, used when
`REDIS_URL` is set.

    celery -A thidua.celery worker --beat --loglevel=info

Settings named CELERY_* in thidua/settings.py override the defaults below. Without Redis
nothing here runs: jobs run inline, and cron or a systemd timer starts the sweep and
the backup (see docs)."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

app = Celery("thidua")
app.config_from_object("django.conf:settings", namespace="CELERY")


def _defaults() -> dict:
    from django.conf import settings

    return {
        "broker_url": getattr(settings, "CELERY_BROKER_URL", None) or getattr(settings, "REDIS_URL", "") or None,
        "timezone": getattr(settings, "CELERY_TIMEZONE", settings.TIME_ZONE),
        "task_ignore_result": True,
        "worker_prefetch_multiplier": 1,
        # Once a day, in the morning of Asia/Ho_Chi_Minh: reminders 7, 3 and 1 days
        # before each due date and when overdue. The sweep is idempotent, so a second
        # run (or a cron line left in place) sends nothing twice.
        "beat_schedule": getattr(settings, "CELERY_BEAT_SCHEDULE", None)
        or {
            "send-reminders-daily": {"task": "thidua.jobs.send_reminders", "schedule": crontab(hour=7, minute=0)},
            # One archive a night, the oldest beyond BACKUP_KEEP deleted (docs/operations.md).
            "backup-daily": {
                "task": "thidua.jobs.backup",
                "schedule": crontab(hour=getattr(settings, "BACKUP_HOUR", 2), minute=0),
            },
            # Jobs queued while Redis was unreachable are sent once it is back.
            "requeue-waiting-jobs": {"task": "thidua.jobs.requeue_waiting", "schedule": 20.0},
            # API Idempotency-Keys and page form tokens are kept 24 hours.
            "purge-expired-keys": {"task": "thidua.jobs.purge_expired_keys", "schedule": crontab(minute=15)},
        },
    }


app.conf.update(_defaults())
app.autodiscover_tasks(["thidua.jobs"])
