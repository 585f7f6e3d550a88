"""Starting and running jobs. Without Redis (`REDIS_URL` empty) a job runs inline in the
request that starts it, so its page shows it finished; with Redis it is queued to a
Celery worker after the starting transaction commits, and its page shows the progress."""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.jobs.models import Job, JobStatus
from thidua.jobs.registry import JobResult, handler_for
from thidua.organization.models import User

log = logging.getLogger(__name__)


def uses_workers() -> bool:
    return bool(getattr(settings, "REDIS_URL", ""))


def run(kind: str, *, actor: User | None = None, **params) -> Job:
    """Start a job of `kind` with JSON-ready `params`.

    Side effects: one Job row; then either the job runs now (no Redis) or a Celery task
    is queued when the current transaction commits."""
    handler_for(kind)  # an unknown kind fails here, in the caller, not in a worker
    job = Job.objects.create(
        kind=kind,
        params=params,
        created_by=actor if getattr(actor, "pk", None) else None,
        message=gettext("Đang chờ xử lý…"),
    )
    if uses_workers():
        transaction.on_commit(lambda: dispatch(job.pk))
    else:
        execute(job.pk)
        job.refresh_from_db()
    return job


def dispatch(job_id: int) -> bool:
    """Hand a queued job to the workers. With Redis unreachable the job simply stays
    queued (the page says so) and `requeue_waiting` sends it once Redis is back: the
    page that started it must not fail because a background service is down."""
    from thidua.jobs.tasks import execute_job

    try:
        execute_job.apply_async((job_id,), retry=False)
    except Exception:  # any broker failure: keep the job, say so in the log
        log.warning("Job %s stays queued: the task queue is unreachable", job_id, exc_info=True)
        return False
    return True


def requeue_waiting(older_than_seconds: int = 30) -> int:
    """Send again the jobs still queued after a while (queued while Redis was down, or
    lost by a worker). Sending twice is harmless: `execute` claims a job only once."""
    cutoff = timezone.now() - datetime.timedelta(seconds=older_than_seconds)
    waiting = list(Job.objects.filter(status=JobStatus.QUEUED, created_at__lt=cutoff).values_list("pk", flat=True))
    return sum(dispatch(pk) for pk in waiting)


def execute(job_id: int) -> None:
    """Run a queued job once. A job already taken (e.g. a task delivered twice) is left
    alone. Side effects: the job's status, progress, message, result or error."""
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), message=gettext("Đang xử lý…")
    )
    if not claimed:
        return
    job = Job.objects.get(pk=job_id)
    try:
        result = handler_for(job.kind)(job, **job.params) or JobResult()
    except Exception as error:  # a failed job must say why on its page, whatever failed
        log.exception("Job %s (%s) failed", job.pk, job.kind)
        _finish(job, JobStatus.FAILED, gettext("Tác vụ gặp lỗi."), error=f"{type(error).__name__}: {error}")
        return
    _store(job, result)
    _finish(job, JobStatus.DONE, gettext("Đã xong."))


def progress(job: Job, percent: int, message: str = "") -> None:
    """Side effects: the job's progress (0–100) and message, seen by its page's next poll."""
    percent = max(0, min(100, int(percent)))
    Job.objects.filter(pk=job.pk).update(progress=percent, message=message[:255])
    job.progress, job.message = percent, message[:255]


def _store(job: Job, result: JobResult) -> None:
    if result.content:
        job.result.save(result.filename, ContentFile(result.content), save=False)
        job.result_name = result.filename
    job.link = result.link
    job.save(update_fields=["result", "result_name", "link"])


def _finish(job: Job, status: str, message: str, *, error: str = "") -> None:
    values = {"status": status, "message": message, "error": error, "finished_at": timezone.now()}
    if status == JobStatus.DONE:
        values["progress"] = 100
    Job.objects.filter(pk=job.pk).update(**values)
