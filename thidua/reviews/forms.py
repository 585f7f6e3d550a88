from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import DATE_FORMATS, DateInput
from thidua.reviews.models import Review
from thidua.reviews.report_texts import TEXT_FIELDS


class ScheduleForm(forms.Form):
    review_date = forms.DateField(
        label=_("Ngày chốt số liệu"),
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={
            "required": _("Hãy chọn ngày chốt số liệu."),
            "invalid": _("Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm."),
        },
    )


class ReviewTextsForm(forms.ModelForm):
    """What the office writes in the review report; each part one paragraph a line."""

    class Meta:
        model = Review
        fields = list(TEXT_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in TEXT_FIELDS}
        help_texts = {
            "achievements": _("In ở đầu mục «Kết quả đạt được», trước các bảng số liệu. Mỗi đoạn một dòng."),
            "lessons": _(
                "Rút kinh nghiệm để triển khai giai đoạn sau: trang tổng kết hiển thị lại bài học của đợt sơ kết."
            ),
            "addressees": _("Để trống: UBND tỉnh."),
            "recipients": _("Để trống: Như trên; Giám đốc Sở; Các Phó Giám đốc Sở; Các phòng, đơn vị; Lưu: VT, VP."),
        }
