"""The rows only the app writes are read-only in the admin, through one base class."""

from django.contrib import admin
from django.test import RequestFactory

from thidua.accounts.models import Lockout
from thidua.core.admin import ReadOnlyAdmin
from thidua.core.models import ActivityLog
from thidua.outgoing.models import IssuedNumber
from thidua.reviews.models import ReviewSnapshot


def test_the_app_s_own_records_cannot_be_added_changed_or_deleted_in_the_admin(db, org):
    request = RequestFactory().get("/quan-tri/")
    request.user = org.users.officer
    read_only = {model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, ReadOnlyAdmin)}
    assert {ActivityLog, IssuedNumber, ReviewSnapshot, Lockout} <= read_only
    for model in read_only:
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)
