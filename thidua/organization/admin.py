from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from thidua.core.admin import HistoryAdmin
from thidua.organization.models import Membership, Person, Unit, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    # An administrator can require a new password at the next sign-in (outside demo mode).
    fieldsets = [*BaseUserAdmin.fieldsets, (None, {"fields": ["must_change_password"]})]
    list_display = [*BaseUserAdmin.list_display, "must_change_password"]


@admin.register(Unit)
class UnitAdmin(HistoryAdmin):
    list_display = ["name", "code", "kind", "parent", "order"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "code"]
    list_select_related = ["parent"]


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["full_name", "code", "unit", "category", "position"]
    list_filter = ["category", "gender", "is_demo"]
    search_fields = ["full_name", "code"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "user"]


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["user", "role", "unit"]
    list_filter = ["role"]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]
