"""The reviews part of the demo year. The demo year is 2026 and the mid-term review
(sơ kết) falls in 2027, so nothing is frozen and no review date is set: the reviews
page explains when the review falls and what will be frozen then."""

from django.utils.translation import gettext


def load(plan) -> str:
    return gettext("Sơ kết, tổng kết minh họa: kỳ sơ kết vào năm 2027, năm minh họa chưa chốt số liệu.")
