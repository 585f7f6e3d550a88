"""The office's settings for decisions: the base salary by effective date (entered,
then confirmed against its text), the payment rule, and the Giấy khen certificate
template."""

import datetime
import io
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.history import save_with_history
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.uploads import validate_evidence
from thidua.organization.models import User
from thidua.proposals import rules
from thidua.proposals.certificate_docx import missing_placeholders
from thidua.proposals.models import BaseSalary, BlankLayout, CertificateTemplate, PaymentRule, Rounding
from thidua.proposals.money import vnd
from thidua.proposals.services.files import log_file


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


@transaction.atomic
def set_base_salary(
    *,
    actor: User,
    amount: Decimal,
    effective_from: datetime.date,
    basis: str = "",
    basis_date: datetime.date | None = None,
) -> BaseSalary:
    """Enter the base salary in force from a date with the text that set it, or correct
    the one of that date while it is unconfirmed. A confirmed figure is never changed.
    Side effects: one row saved, logged. The figure is used once confirmed."""
    require(rules.can_manage_settings(actor), gettext("Chỉ Văn phòng Sở nhập mức lương cơ sở."))
    if amount is None or amount <= 0:
        raise ValidationError({"amount": gettext("Mức lương cơ sở phải là số tiền dương, tính bằng đồng.")})
    row = BaseSalary.objects.select_for_update().filter(effective_from=effective_from).first()
    if row is not None and row.confirmed:
        raise ValidationError(
            {
                "effective_from": gettext(
                    "Mức lương cơ sở từ ngày %(date)s đã được xác nhận và không sửa được. Khi Nhà nước điều chỉnh, "
                    "hãy nhập mức mới với ngày áp dụng của văn bản mới."
                )
                % {"date": _day(effective_from)}
            }
        )
    row = row or BaseSalary(effective_from=effective_from, created_by=actor)
    row.amount, row.basis, row.basis_date = amount, basis.strip(), basis_date
    return save_with_history(
        row, actor=actor, note=gettext("Mức lương cơ sở %(amount)s đồng") % {"amount": vnd(amount)}
    )


@transaction.atomic
def confirm_base_salary(*, actor: User, salary: BaseSalary) -> BaseSalary:
    """The office confirms a figure against its text; from then on decisions of its
    dates use it. Refused without the text's number and date. Side effects: logged."""
    require(rules.can_manage_settings(actor), gettext("Chỉ Văn phòng Sở xác nhận mức lương cơ sở."))
    salary = BaseSalary.objects.select_for_update().get(pk=salary.pk)
    if salary.confirmed:
        return salary
    if not salary.basis or salary.basis_date is None:
        raise ValidationError(
            gettext(
                "Hãy ghi văn bản quy định (vd: Nghị định số 73/2024/NĐ-CP) và ngày ban hành của mức lương cơ sở từ "
                "ngày %(date)s trước khi xác nhận: quyết định khen thưởng trích dẫn văn bản này."
            )
            % {"date": _day(salary.effective_from)}
        )
    salary.confirmed_by, salary.confirmed_at = actor, timezone.now()
    return save_with_history(
        salary,
        actor=actor,
        note=gettext("Xác nhận mức lương cơ sở %(amount)s đồng từ ngày %(date)s theo %(basis)s")
        % {"amount": vnd(salary.amount), "date": _day(salary.effective_from), "basis": salary.citation},
    )


@transaction.atomic
def record_payment_rule(
    *,
    actor: User,
    effective_from: datetime.date,
    highest_only: bool,
    highest_only_basis: str,
    rounding: str,
    rounding_basis: str,
) -> PaymentRule:
    """Record how amounts are paid from a date, each rule with its source. A rule is
    never rewritten: a change is a new row from a later date. Side effects: logged."""
    require(rules.can_manage_settings(actor), gettext("Chỉ Văn phòng Sở ghi quy tắc chi tiền thưởng."))
    errors = {}
    if not (highest_only_basis or "").strip():
        errors["highest_only_basis"] = gettext("Hãy ghi căn cứ của nguyên tắc chi (văn bản, điều khoản).")
    if not (rounding_basis or "").strip():
        errors["rounding_basis"] = gettext("Hãy ghi căn cứ của cách làm tròn (văn bản, điều khoản).")
    if rounding not in Rounding.values:
        errors["rounding"] = gettext("Hãy chọn một cách làm tròn trong danh sách.")
    if PaymentRule.objects.filter(effective_from=effective_from).exists():
        errors["effective_from"] = gettext(
            "Đã có quy tắc áp dụng từ ngày %(date)s; quy tắc đã ghi không sửa được. Hãy chọn ngày áp dụng khác."
        ) % {"date": _day(effective_from)}
    if errors:
        raise ValidationError(errors)
    return save_with_history(
        PaymentRule(
            effective_from=effective_from,
            highest_only=highest_only,
            highest_only_basis=highest_only_basis.strip(),
            rounding=rounding,
            rounding_basis=rounding_basis.strip(),
            created_by=actor,
        ),
        actor=actor,
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


# The sizes a blank, a printer's shift and a text may take, in mm and pt.
BLANK_SIDES = (Decimal(50), Decimal(500))
PRINTER_SHIFT = Decimal(30)
TEXT_SIZES = (6, 40)


@transaction.atomic
def record_blank_layout(
    *,
    actor: User,
    width_mm: Decimal,
    height_mm: Decimal,
    offset_x_mm: Decimal,
    offset_y_mm: Decimal,
    spots: dict[str, tuple],
) -> BlankLayout:
    """Record where each text of a Giấy khen goes on the office's blanks, measured in
    mm from the blank's top-left corner, and the printer's shift. `spots` maps each
    text to (x, y, width, size in pt, bold); a width of 0 leaves a text the blank
    already prints. Raises ValidationError naming each value out of the blank. Side
    effects: one row, logged; the latest is used."""
    require(rules.can_manage_settings(actor), gettext("Chỉ Văn phòng Sở ghi cách in lên phôi Giấy khen."))
    errors = _blank_errors(width_mm, height_mm, offset_x_mm, offset_y_mm)
    if not errors:
        errors = _spot_errors(width_mm, height_mm, spots)
    if errors:
        raise ValidationError(errors)
    stored = {
        name: [float(x), float(y), float(w), float(size), bool(bold)] for name, (x, y, w, size, bold) in spots.items()
    }
    return save_with_history(
        BlankLayout(
            width_mm=width_mm,
            height_mm=height_mm,
            offset_x_mm=offset_x_mm,
            offset_y_mm=offset_y_mm,
            spots=stored,
            created_by=actor,
        ),
        actor=actor,
    )


def _blank_errors(width, height, offset_x, offset_y) -> dict[str, str]:
    low, high = BLANK_SIDES
    errors = {}
    for field, value in (("width_mm", width), ("height_mm", height)):
        if not low <= value <= high:
            errors[field] = gettext("Kích thước phôi phải từ %(low)s đến %(high)s mm.") % {"low": low, "high": high}
    for field, value in (("offset_x_mm", offset_x), ("offset_y_mm", offset_y)):
        if abs(value) > PRINTER_SHIFT:
            errors[field] = gettext(
                "Độ lệch của máy in quá %(shift)s mm: hãy in trang lưới lên giấy trắng, đặt lên phôi và đo lại."
            ) % {"shift": PRINTER_SHIFT}
    return errors


def _spot_errors(width, height, spots) -> dict[str, str]:
    errors = {}
    for name, (x, y, w, size, _bold) in spots.items():
        if x < 0 or y < 0 or w < 0:
            errors[f"{name}_x"] = gettext("Vị trí và bề rộng không được âm.")
        elif w and (x + w > width or y >= height):
            errors[f"{name}_x"] = gettext(
                "Dòng này vượt ra ngoài phôi %(width)s × %(height)s mm: hãy giảm vị trí hoặc bề rộng."
            ) % {"width": width, "height": height}
        elif not TEXT_SIZES[0] <= size <= TEXT_SIZES[1]:
            errors[f"{name}_size"] = gettext("Cỡ chữ phải từ %(low)s đến %(high)s.") % {
                "low": TEXT_SIZES[0],
                "high": TEXT_SIZES[1],
            }
    return errors
