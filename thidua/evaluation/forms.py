"""Forms of the scoring pages. They shape input (numbers with a decimal comma, one line
per criterion); the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import text_box
from thidua.evaluation.models import ScoringSheet, SheetItem
from thidua.evaluation.services import MAX_QUORUM, CouncilLine, SelfLine, key
from thidua.indicators.numbers import DecimalTextField, format_number


class SheetCreateForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Năm"),
        coerce=int,
        error_messages={"invalid_choice": _("Năm này đã có bảng chấm điểm hoặc nằm ngoài kế hoạch.")},
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]


class SheetPointsForm(forms.Form):
    """The most points of each criterion and the three thresholds of classification."""

    excellent_from = DecimalTextField(label=_("«Xuất sắc» từ (% tổng điểm)"))
    good_from = DecimalTextField(label=_("«Tốt» từ (% tổng điểm)"))
    pass_from = DecimalTextField(
        label=_("«Đạt» từ (% tổng điểm)"),
        help_text=_("Dưới ngưỡng «Đạt» là «Chưa đạt». Các ngưỡng do Văn phòng Sở đặt."),
    )
    quorum = forms.IntegerField(
        label=_("Số thành viên Hội đồng chấm tối thiểu để xếp hạng"),
        min_value=1,
        max_value=MAX_QUORUM,
        help_text=_(
            "Một đơn vị, cá nhân chỉ được xếp hạng, xếp loại khi đã có ít nhất chừng này thành viên Hội đồng "
            "chấm đủ các tiêu chí áp dụng với mình."
        ),
        error_messages={
            "required": _("Hãy nhập số thành viên Hội đồng chấm tối thiểu (từ 1 trở lên)."),
            "invalid": _("Số thành viên phải là số nguyên, ví dụ 2."),
            "min_value": _("Số thành viên Hội đồng chấm tối thiểu phải từ 1 trở lên."),
            "max_value": _("Số thành viên Hội đồng chấm tối thiểu không quá %(limit_value)s."),
        },
    )

    def __init__(self, *args, sheet: ScoringSheet, items: list[SheetItem], **kwargs):
        kwargs.setdefault(
            "initial", {name: getattr(sheet, name) for name in ("excellent_from", "good_from", "pass_from", "quorum")}
        )
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[key("points", item)] = DecimalTextField(
                label=item.criterion.short_title, initial=item.max_points
            )

    def lines(self):
        return [(item, self[key("points", item)]) for item in self.items]

    def points(self) -> dict:
        return {item.pk: self.cleaned_data[key("points", item)] for item in self.items}


def _result_label(entry) -> str:
    return f"{entry.date:%d/%m/%Y} — {entry.title}"


def _score_field(label, item: SheetItem, row) -> DecimalTextField:
    """A line's score, at most the item's points; `row` the stored one, if any."""
    return DecimalTextField(
        label=label,
        required=False,
        initial=row.score if row else None,
        help_text=_("Từ 0 đến %(max)s điểm.") % {"max": format_number(item.max_points)},
    )


def _remark_field(label, initial: str) -> forms.CharField:
    return text_box(label, rows=2, required=False, initial=initial)


class SelfAssessmentForm(forms.Form):
    """Per criterion: a score (empty: not assessed), a note and the results it rests on
    (the subject's recorded results of the year for that criterion, or with none); for
    a unit's task "theo phân công", "không áp dụng" and its reason instead of a score."""

    def __init__(
        self, *args, items: list[SheetItem], stored: dict, results: list, marked: dict, markable: bool, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            row = stored.get(item.pk)
            if markable and item.criterion.when_assigned:
                self._marking_fields(item, marked.get(item.pk))
            choices = [
                (entry.pk, _result_label(entry)) for entry in results if entry.criterion_id in (None, item.criterion_id)
            ]
            self.fields[key("score", item)] = _score_field(_("Điểm tự chấm"), item, row)
            self.fields[key("note", item)] = _remark_field(_("Giải trình"), row.note if row else "")
            self.fields[key("results", item)] = forms.TypedMultipleChoiceField(
                label=_("Kết quả làm căn cứ"),
                required=False,
                coerce=int,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                initial=[r.pk for r in row.results.all()] if row else [],
            )

    def _marking_fields(self, item: SheetItem, row) -> None:
        self.fields[key("not_applicable", item)] = forms.BooleanField(
            label=_("Không áp dụng (đơn vị không được giao nhiệm vụ này)"),
            required=False,
            initial=row is not None,
            widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        )
        self.fields[key("reason", item)] = _remark_field(_("Lý do không áp dụng"), row.reason if row else "")

    def _field(self, name: str, item: SheetItem):
        return self[key(name, item)] if key(name, item) in self.fields else None

    def blocks(self):
        return [
            {
                "item": item,
                "score": self[key("score", item)],
                "note": self[key("note", item)],
                "results": self[key("results", item)],
                "not_applicable": self._field("not_applicable", item),
                "reason": self._field("reason", item),
            }
            for item in self.items
        ]

    def lines(self) -> list[SelfLine]:
        data = self.cleaned_data
        return [
            SelfLine(
                item=item,
                score=data[key("score", item)],
                note=data[key("note", item)],
                results=tuple(data[key("results", item)]),
                not_applicable=bool(data.get(key("not_applicable", item))),
                reason=data.get(key("reason", item)) or "",
            )
            for item in self.items
        ]


class CouncilScoreForm(forms.Form):
    def __init__(self, *args, items: list[SheetItem], stored: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            row = stored.get(item.pk)
            self.fields[key("score", item)] = _score_field(_("Điểm của tôi"), item, row)
            self.fields[key("comment", item)] = _remark_field(_("Nhận xét"), row.comment if row else "")

    def blocks(self):
        return [
            {"item": item, "score": self[key("score", item)], "comment": self[key("comment", item)]}
            for item in self.items
        ]

    def lines(self) -> list[CouncilLine]:
        data = self.cleaned_data
        return [
            CouncilLine(item=item, score=data[key("score", item)], comment=data[key("comment", item)])
            for item in self.items
        ]
