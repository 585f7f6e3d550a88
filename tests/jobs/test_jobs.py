"""Background jobs: inline without Redis (the page shows it finished), queued to Celery
after commit with Redis, a failure shown with its reason, run at most once, and only the
starter or the office sees a job."""

from unittest import mock

import pytest
from django.urls import reverse

from thidua import jobs
from thidua.jobs import registry, runner
from thidua.jobs.models import Job, JobStatus
from thidua.jobs.registry import JobResult

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REDIS_URL = ""


def counting(job, *, steps: int):
    for step in range(1, steps + 1):
        runner.progress(job, step * 100 // steps, f"Bước {step}/{steps}")
    return JobResult(filename="ket-qua.txt", content=b"xong", link="/bao-cao/ky/")


def failing(job, **params):
    raise RuntimeError("không đọc được dữ liệu")


@pytest.fixture
def kinds(monkeypatch):
    monkeypatch.setitem(registry.HANDLERS, "counting", f"{__name__}.counting")
    monkeypatch.setitem(registry.HANDLERS, "failing", f"{__name__}.failing")


def test_without_redis_the_job_runs_at_once(org, kinds):
    job = jobs.run("counting", actor=org.users.officer, steps=4)
    assert (job.status, job.progress, job.message) == (JobStatus.DONE, 100, "Đã xong.")
    assert job.result.read() == b"xong" and job.result_name == "ket-qua.txt"
    assert job.created_by == org.users.officer and job.finished_at is not None


def test_a_failing_job_says_why(org, kinds):
    job = jobs.run("failing", actor=org.users.officer)
    assert job.status == JobStatus.FAILED
    assert job.error == "RuntimeError: không đọc được dữ liệu"


def test_an_unknown_kind_fails_in_the_caller(org):
    with pytest.raises(KeyError):
        jobs.run("khong-co", actor=org.users.officer)
    assert not Job.objects.exists()


def test_with_redis_the_job_is_queued_after_commit(org, kinds, settings, django_capture_on_commit_callbacks):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    from thidua.jobs import tasks

    with mock.patch.object(tasks.execute_job, "apply_async") as send:
        with django_capture_on_commit_callbacks(execute=True):
            job = jobs.run("counting", actor=org.users.officer, steps=2)
            assert not send.called, "nothing is queued before the transaction commits"
    send.assert_called_once_with((job.pk,), retry=False)
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED
    tasks.execute_job(job.pk)  # what the worker does
    job.refresh_from_db()
    assert job.status == JobStatus.DONE


def test_a_job_delivered_twice_runs_once(org, kinds, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    job = Job.objects.create(kind="counting", params={"steps": 2})
    with mock.patch(f"{__name__}.counting", wraps=counting) as handler:
        runner.execute(job.pk)
        runner.execute(job.pk)
    assert handler.call_count == 1


def test_the_page_polls_while_running_and_stops_when_done(org, client_for, kinds):
    running = Job.objects.create(
        kind="counting", status=JobStatus.RUNNING, progress=40, message="Bước 2/5", created_by=org.users.officer
    )
    client = client_for(org.users.officer)
    body = client.get(reverse("job_detail", args=[running.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in body and 'value="40"' in body and "Bước 2/5" in body
    done = jobs.run("counting", actor=org.users.officer, steps=1)
    fragment = client.get(reverse("job_progress", args=[done.pk])).content.decode()
    assert "hx-trigger" not in fragment and 'data-status="done"' in fragment and 'href="/bao-cao/ky/"' in fragment
    download = client.get(reverse("job_download", args=[done.pk]))
    assert b"".join(download.streaming_content) == b"xong"


def test_another_persons_job_is_not_found(org, client_for, kinds):
    job = jobs.run("counting", actor=org.users.head_a, steps=1)
    assert client_for(org.users.head_b).get(reverse("job_detail", args=[job.pk])).status_code == 404
    assert client_for(org.users.head_b).get(reverse("job_download", args=[job.pk])).status_code == 404
    assert client_for(org.users.officer).get(reverse("job_detail", args=[job.pk])).status_code == 200


def test_celery_app_schedules_the_daily_sweep():
    from thidua.celery import app

    schedule = app.conf.beat_schedule["send-reminders-daily"]
    assert schedule["task"] == "thidua.jobs.send_reminders"
    assert app.conf.timezone == "Asia/Ho_Chi_Minh"


def test_the_beat_task_runs_the_sweep(org):
    from thidua.jobs import tasks

    with mock.patch("thidua.jobs.tasks.call_command") as command:
        tasks.send_reminders()
    command.assert_called_once_with("send_reminders")


def test_the_page_names_the_job_by_what_it_does(org, client_for):
    job = Job.objects.create(kind="consolidated_report", status=JobStatus.RUNNING, created_by=org.users.officer)
    body = client_for(org.users.officer).get(reverse("job_detail", args=[job.pk])).content.decode()
    assert '<h1 class="h3" data-testid="job-title">Lập báo cáo tổng hợp</h1>' in body
    assert f"#{job.pk}" not in body and "Tác vụ nền" not in body
