"""Kinds of reporting period, the sections of the report template, the unit report's
allowed moves, and the kinds and outcomes of reminders."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State
from thidua.core.workflow import sent_for_review


class PeriodKind(models.TextChoices):
    ANNUAL = "annual", _("Báo cáo năm")
    SIX_MONTHLY = "six_monthly", _("Báo cáo 6 tháng")
    AD_HOC = "ad_hoc", _("Báo cáo đột xuất")
    MID_TERM = "mid_term", _("Báo cáo sơ kết giai đoạn (2027)")
    FINAL = "final", _("Báo cáo tổng kết (2030)")


# The review periods fall in a fixed year of the plan (IV.1 of the plan).
FIXED_YEARS = {PeriodKind.MID_TERM: 2027, PeriodKind.FINAL: 2030}


class Section(models.TextChoices):
    """The report template: every unit report has these sections, in this order."""

    RESULTS = "results", _("Kết quả thực hiện theo từng nội dung thi đua")
    INDICATORS = "indicators", _("Số liệu các chỉ tiêu")
    INITIATIVES = "initiatives", _("Sáng kiến, giải pháp")
    EXAMPLES = "examples", _("Điển hình tiên tiến")
    DIFFICULTIES = "difficulties", _("Khó khăn, vướng mắc và đề xuất, kiến nghị")


DEFAULT_REQUIRED = [Section.RESULTS.value, Section.DIFFICULTIES.value]
TEXT_SECTIONS = [s for s in Section if s != Section.RESULTS]

REPORT_STATES = [State.DRAFT, State.SUBMITTED, State.RETURNED, State.ACCEPTED]
TRANSITIONS = sent_for_review()
# The unit may write only while the office does not have the report.
EDITABLE = {State.DRAFT, State.RETURNED}
# Not yet in the office's hands: these get reminders and can be overdue.
AWAITING = EDITABLE


class ReminderKind(models.TextChoices):
    BEFORE_7 = "before_7", _("Nhắc trước hạn 7 ngày")
    BEFORE_3 = "before_3", _("Nhắc trước hạn 3 ngày")
    BEFORE_1 = "before_1", _("Nhắc trước hạn 1 ngày")
    OVERDUE = "overdue", _("Nhắc khi quá hạn")
    MANUAL = "manual", _("Văn phòng Sở nhắc")


# Days before the due date at which each scheduled reminder goes out, nearest first.
BEFORE = [(1, ReminderKind.BEFORE_1), (3, ReminderKind.BEFORE_3), (7, ReminderKind.BEFORE_7)]


class Delivery(models.TextChoices):
    SENDING = "sending", _("Đang gửi thư")
    SENT = "sent", _("Đã gửi thư")
    FAILED = "failed", _("Gửi thư lỗi, sẽ gửi lại")
    IN_APP = "in_app", _("Chỉ thông báo trong hệ thống")


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    EDOC = "edoc", _("Văn bản điện tử (eDoc)")
    POST = "post", _("Bưu điện")
    HAND = "hand", _("Giao trực tiếp")
