"""Celery tasks: running a queued job, and the sweeps that Celery beat schedules (see
thidua/celery.py): reminders, the nightly backup, re-sending queued jobs, forgetting
expired request keys."""

from django.core.management import call_command

from thidua.celery import app


@app.task(name="thidua.jobs.execute_job", acks_late=True)
def execute_job(job_id: int) -> None:
    from thidua.jobs.runner import execute

    execute(job_id)


@app.task(name="thidua.jobs.send_reminders")
def send_reminders() -> None:
    call_command("send_reminders")


@app.task(name="thidua.jobs.purge_expired_keys")
def purge_expired_keys() -> None:
    call_command("purge_expired_keys")


@app.task(name="thidua.jobs.backup")
def backup() -> None:
    # A failure raises, so the worker's log shows it as a failed task.
    call_command("backup", "--prune")


@app.task(name="thidua.jobs.requeue_waiting")
def requeue_waiting() -> int:
    from thidua.jobs.runner import requeue_waiting as requeue

    return requeue()
