"""The register of document numbers (sổ đăng ký văn bản đi), Nghị định 30/2020 Điều 15:
per issuing agency, document type and year, numbers run from 01 and each is issued once.

`NumberCounter` holds the last number given for (agency, type, year); `IssuedNumber` is
one line of the register. The unique constraint on the register line is the last guard
against a number being given twice.

The register was first part of the `documents` app: its tables keep their names
(`db_table`), so moving it changed no data (migration `outgoing/0001`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.core.fields import acted
from thidua.organization.models import Unit


class DocumentType(models.TextChoices):
    """Abbreviations of Phụ lục III, as they appear in a number: '05/BC-STP'."""

    BC = "BC", _("Báo cáo")
    KH = "KH", _("Kế hoạch")
    QD = "QĐ", _("Quyết định")
    TTR = "TTr", _("Tờ trình")
    BB = "BB", _("Biên bản")
    TB = "TB", _("Thông báo")
    HD = "HD", _("Hướng dẫn")
    GM = "GM", _("Giấy mời")


class NumberCounter(models.Model):
    agency = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan ban hành"))
    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentType.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    last = models.PositiveIntegerField(_("số đã cấp gần nhất"), default=0)

    class Meta:
        db_table = "documents_numbercounter"
        constraints = [models.UniqueConstraint(fields=["agency", "doc_type", "year"], name="number_counter_unique")]
        verbose_name = _("bộ đếm số văn bản")
        verbose_name_plural = pgettext_lazy("plural", "bộ đếm số văn bản")

    def __str__(self) -> str:
        return f"{self.doc_type} {self.year}: {self.last}"


class IssuedNumber(models.Model):
    agency = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan ban hành"))
    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentType.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"))
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    subject = models.CharField(_("trích yếu"), max_length=500)
    issued_by, issued_at = acted(_("người cấp số"), _("thời điểm cấp số"))

    class Meta:
        db_table = "documents_issuednumber"
        ordering = ["-year", "doc_type", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "doc_type", "year", "number"], name="issued_number_unique")
        ]
        verbose_name = _("số văn bản đã cấp")
        verbose_name_plural = pgettext_lazy("plural", "số văn bản đã cấp")

    def __str__(self) -> str:
        return self.number_symbol
