"""The office's settings for decisions: the base salary by effective date, and the
Giấy khen certificate template."""

import datetime
import io
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from thidua.core.history import save_with_history
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.uploads import validate_evidence
from thidua.organization.models import User
from thidua.proposals import rules
from thidua.proposals.certificate_docx import missing_placeholders
from thidua.proposals.models import BaseSalary, CertificateTemplate
from thidua.proposals.money import vnd
from thidua.proposals.services.files import log_file


@transaction.atomic
def set_base_salary(*, actor: User, amount: Decimal, effective_from: datetime.date, note: str = "") -> BaseSalary:
    """Add the base salary in force from a date, or correct the one of that date.
    Side effects: one row saved, logged."""
    require(rules.can_manage_settings(actor), gettext("Chỉ Văn phòng Sở đặt mức lương cơ sở."))
    if amount is None or amount <= 0:
        raise ValidationError({"amount": gettext("Mức lương cơ sở phải là số tiền dương, tính bằng đồng.")})
    row = BaseSalary.objects.filter(effective_from=effective_from).first() or BaseSalary(
        effective_from=effective_from, created_by=actor
    )
    row.amount, row.note = amount, note.strip()
    return save_with_history(
        row, actor=actor, note=gettext("Mức lương cơ sở %(amount)s đồng") % {"amount": vnd(amount)}
    )


@transaction.atomic
def upload_certificate_template(*, actor: User, upload) -> CertificateTemplate:
    """Store a Giấy khen template edited in Word. Raises ValidationError when the file
    is not a real .docx or lacks a placeholder. Side effects: one row, logged; the
    newest template is the one used."""
    require(rules.can_manage_settings(actor), gettext("Chỉ Văn phòng Sở thay mẫu Giấy khen."))
    if not upload.name.lower().endswith(".docx"):
        raise ValidationError({"file": gettext("Mẫu Giấy khen phải là tệp Word .docx.")})
    validate_evidence(upload)
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        absent = missing_placeholders(io.BytesIO(data))
    except ValueError:
        raise ValidationError(
            {
                "file": gettext("Word không mở được tệp «%(name)s». Hãy lưu lại mẫu bằng Word dưới dạng .docx.")
                % {"name": upload.name}
            }
        ) from None
    if absent:
        raise ValidationError(
            {
                "file": gettext(
                    "Mẫu thiếu các ô cần điền: %(list)s. Hãy giữ nguyên các ô này (kể cả dấu ngoặc nhọn) khi sửa mẫu."
                )
                % {"list": ", ".join(absent)}
            }
        )
    row = CertificateTemplate(original_name=upload.name[:255], uploaded_by=actor)
    row.file.save(upload.name, upload, save=False)
    row.save()
    log_file(row, actor=actor, action=ActivityLog.Action.CREATED)
    return row
