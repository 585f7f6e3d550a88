"""The register of document numbers (sổ đăng ký văn bản đi), Nghị định 30/2020 Điều 15:
per issuing agency, document type and year, numbers run from 01 and each is issued once.

`NumberCounter` holds the last number given for (agency, type, year); `IssuedNumber` is
one line of the register. The unique constraint on the register line is the last guard
against a number being given twice.

The register was first part of the `documents` app: its tables keep their names
(`db_table`), so moving it changed no data (migration `outgoing/0001`)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acted
from thidua.core.naming import named
from thidua.organization.models import Unit
from thidua.outgoing import rules


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

    class Meta(named(_("bộ đếm số văn bản"))):
        db_table = "documents_numbercounter"
        constraints = [models.UniqueConstraint(fields=["agency", "doc_type", "year"], name="number_counter_unique")]

    def __str__(self) -> str:
        return f"{self.doc_type} {self.year}: {self.last}"


class IssuedNumberQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The lines of the agencies the account sees, for those who read the register."""
        if not rules.can_see_register(user):
            return self.none()
        return self.filter(rules.register_q(user))


class IssuedNumber(models.Model):
    agency = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan ban hành"))
    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentType.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"))
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    subject = models.CharField(_("trích yếu"), max_length=500)
    document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    outside = models.BooleanField(
        _("cấp ngoài hệ thống"), default=False, help_text=_("Số văn thư đã cấp trên sổ giấy, được ghi lại vào đây.")
    )
    issued_by, issued_at = acted(_("người cấp số"), _("thời điểm cấp số"))

    objects = IssuedNumberQuerySet.as_manager()

    class Meta(named(_("số văn bản đã cấp"))):
        db_table = "documents_issuednumber"
        ordering = ["-year", "doc_type", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "doc_type", "year", "number"], name="issued_number_unique")
        ]

    def __str__(self) -> str:
        return self.number_symbol


def signed_copy_path(copy: "SignedCopy", filename: str) -> str:
    return f"signed/{copy.issued.year}/{copy.issued.doc_type}/{uuid.uuid4().hex}.pdf"


class Signature(models.TextChoices):
    """What the check of a signed copy found, worst last; only VALID is shown as signed."""

    VALID = "valid", _("Đã ký số, chữ ký hợp lệ")
    UNSIGNED = "unsigned", _("Bản chưa ký số")
    MODIFIED = "modified", _("Tệp đã bị sửa sau khi ký")
    UNTRUSTED = "untrusted", _("Chữ ký không chuỗi tới gốc tin cậy")
    INVALID = "invalid", _("Chữ ký không hợp lệ")


class SignedCopy(models.Model):
    """The PDF of an issued document after signing (scanned paper or signed with a
    USB token), uploaded by the office. The latest upload of a register line is its
    issued copy; what pyHanko found is stored with it (`outgoing/signatures.py`)."""

    issued = models.ForeignKey(
        IssuedNumber, on_delete=models.PROTECT, related_name="signed_copies", verbose_name=_("số văn bản")
    )
    file = models.FileField(_("tệp PDF"), upload_to=signed_copy_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    status = models.CharField(_("kết quả kiểm tra chữ ký"), max_length=16, choices=Signature.choices)
    signer = models.CharField(_("người ký"), max_length=500, blank=True)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    details = models.JSONField(_("chi tiết kiểm tra"), default=list, blank=True)
    uploaded_by, uploaded_at = acted(_("người tải lên"), _("thời điểm tải lên"))

    class Meta(named(_("bản đã ký"))):
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.issued.number_symbol}: {self.get_status_display()}"

    @property
    def is_signed(self) -> bool:
        return self.status == Signature.VALID
