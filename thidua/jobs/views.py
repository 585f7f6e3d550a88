"""A job's page, the progress fragment that page polls with htmx, and its result file."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from thidua.core.downloads import saved_file
from thidua.jobs.models import Job


def _job(request, pk: int) -> Job:
    return get_object_or_404(Job.objects.visible_to(request.user), pk=pk)  # another's job: 404


@login_required
def job_detail(request, pk: int):
    return render(request, "jobs/job_detail.html", {"job": _job(request, pk)})


@login_required
def job_progress(request, pk: int):
    return render(request, "jobs/_progress.html", {"job": _job(request, pk)})


@login_required
def job_download(request, pk: int):
    job = _job(request, pk)
    if not job.result:
        raise Http404
    return saved_file(job.result, job.result_name)
