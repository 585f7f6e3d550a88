"""With Redis unreachable, starting a job neither fails nor loses it: it stays queued
and is sent once the queue answers again."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from thidua.celery import app
from thidua.jobs import runner
from thidua.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db(transaction=True)

NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def broker_down(monkeypatch):
    monkeypatch.setattr(app.conf, "broker_url", NOWHERE)
    app.pool.force_close_all()
    yield
    app.pool.force_close_all()


def test_a_job_started_while_redis_is_down_stays_queued(broker_down, settings):
    settings.REDIS_URL = NOWHERE
    job = Job.objects.create(kind="test", params={})
    assert runner.dispatch(job.pk) is False
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED


def test_requeue_sends_nothing_while_down_and_keeps_the_job(broker_down):
    job = Job.objects.create(kind="test", params={}, created_at="2026-01-01T00:00:00+07:00")
    assert runner.requeue_waiting() == 0
    assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED


def test_requeue_sends_waiting_jobs_when_the_queue_answers(monkeypatch):
    sent = []
    monkeypatch.setattr(runner, "dispatch", lambda pk: sent.append(pk) or True)
    old = Job.objects.create(kind="test", params={}, created_at="2026-01-01T00:00:00+07:00")
    Job.objects.create(kind="test", params={})  # just queued: its own dispatch is under way
    assert runner.requeue_waiting() == 1
    assert sent == [old.pk]


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "thidua.core.cache.ResilientRedisCache",
            "LOCATION": NOWHERE,
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
)
def test_the_cache_degrades_to_nothing_cached():
    cache = caches["default"]
    cache.set("k", 1)
    assert cache.get("k", "absent") == "absent"
