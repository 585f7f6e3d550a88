"""The office's rule for recognising an initiative on the council's scores: each change
adds a version (the latest is in force), logged."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.initiatives import rules
from thidua.initiatives.models import RecognitionRule
from thidua.initiatives.tally import TOTAL_MAX
from thidua.organization.models import User


def _check(numerator, denominator, min_average, basis: str, confirmed: bool) -> None:
    errors = {}
    if not isinstance(numerator, int) or numerator < 1:
        errors["quorum_numerator"] = gettext("Tử số của tỷ lệ thành viên phải chấm là số nguyên từ 1 trở lên.")
    if not isinstance(denominator, int) or denominator < 1:
        errors["quorum_denominator"] = gettext("Mẫu số của tỷ lệ thành viên phải chấm là số nguyên từ 1 trở lên.")
    elif isinstance(numerator, int) and numerator > denominator:
        errors["quorum_denominator"] = gettext(
            "Tỷ lệ %(numerator)s/%(denominator)s lớn hơn toàn bộ Hội đồng: tử số không được lớn hơn mẫu số."
        ) % {"numerator": numerator, "denominator": denominator}
    if min_average is None or not Decimal(0) <= Decimal(min_average) <= TOTAL_MAX:
        errors["min_average"] = gettext("Điểm trung bình tối thiểu phải từ 0 đến %(max)s (tổng ba tiêu chí).") % {
            "max": TOTAL_MAX
        }
    if confirmed and not basis:
        errors["basis"] = gettext(
            "Hãy ghi căn cứ (văn bản, điều khoản) của quy tắc trước khi đánh dấu Văn phòng đã đối chiếu văn bản, "
            "vd: Quy chế hoạt động của Hội đồng sáng kiến Sở, Điều 7."
        )
    if errors:
        raise ValidationError(errors)


def set_recognition_rule(
    *, actor: User, quorum_numerator: int, quorum_denominator: int, min_average, basis: str = "", confirmed: bool
) -> RecognitionRule:
    """Save the office's recognition rule. Side effects: a new version is added and
    logged; recognitions from now on follow it, those recorded before are not changed."""
    require(rules.can_set_recognition_rule(actor), gettext("Chỉ Văn phòng Sở đặt quy tắc công nhận sáng kiến."))
    basis = (basis or "").strip()
    _check(quorum_numerator, quorum_denominator, min_average, basis, confirmed)
    rule = RecognitionRule(
        quorum_numerator=quorum_numerator,
        quorum_denominator=quorum_denominator,
        min_average=Decimal(min_average),
        basis=basis[:300],
        confirmed=confirmed,
        set_by=actor,
    )
    return save_with_history(rule, actor=actor)
