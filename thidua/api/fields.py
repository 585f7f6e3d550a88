"""Integer fields of the API's bodies whose range is not the model's own (a serializer
field declared by hand drops the model column's bounds): without a maximum, a number
the column cannot hold reaches the database and fails there — OverflowError on SQLite,
"integer out of range" on PostgreSQL — as a 500 instead of a 400."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from thidua.core import params


def identifier(max_value: int = params.MAX_ID, **kwargs) -> serializers.IntegerField:
    """The id of an object: 1 to 2^63-1, or to what the column that keeps it holds."""
    return serializers.IntegerField(
        min_value=1,
        max_value=max_value,
        error_messages={
            "min_value": _("Mã số (id) phải là số nguyên dương."),
            "max_value": _("Mã số (id) quá lớn: không có đối tượng nào như vậy."),
        },
        **kwargs,
    )


def count(model, field_name: str, **kwargs) -> serializers.IntegerField:
    """A whole number of 0 or more stored in `model.field_name`, up to what its column holds."""
    return serializers.IntegerField(
        min_value=0,
        max_value=params.column_max(model, field_name),
        error_messages={
            "min_value": _("Giá trị không được âm. Để trống nếu chưa đo được."),
            "max_value": _("Giá trị quá lớn: tối đa {max_value}."),
        },
        **kwargs,
    )
