"""Background jobs: a long piece of work (e.g. generating a consolidated report) with its
progress, a message, a result file or the error. The office polls the job's page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acted
from thidua.core.naming import named
from thidua.jobs.registry import title_of


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Gặp lỗi")


FINISHED = {JobStatus.DONE, JobStatus.FAILED}


class JobQuerySet(models.QuerySet):
    def visible_to(self, user) -> "JobQuerySet":
        from thidua.jobs.rules import sees_every_job

        return self if sees_every_job(user) else self.filter(created_by=user)


class Job(models.Model):
    # `status`, not `state`: a job is a technical record of work done by the machine,
    # not a workflow of domain data, so its moves are not written to the activity log.
    kind = models.CharField(_("loại tác vụ"), max_length=64)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    status = models.CharField(_("tình trạng"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.CharField(_("thông điệp"), max_length=255, blank=True)
    result = models.FileField(_("tệp kết quả"), upload_to="jobs/%Y/%m/", blank=True)
    result_name = models.CharField(_("tên tệp kết quả"), max_length=200, blank=True)
    link = models.CharField(_("trang kết quả"), max_length=300, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    created_by, created_at = acted(_("người tạo"), _("tạo lúc"))
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta(named(_("tác vụ nền"))):
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(progress__lte=100), name="job_progress_max_100")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """What the job does, in words ("Lập báo cáo tổng hợp")."""
        return title_of(self.kind)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED
