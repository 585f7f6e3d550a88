"""The Django admin, only for a session that passed the second factor (or, in demo mode,
an administrator with no device). Its own sign-in form is replaced by the site's, so the
admin is reached through the same lockout, slow-down and second step as every page."""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from thidua.accounts import second_factor


class VerifiedAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and second_factor.satisfied(request)

    def login(self, request, extra_context=None):
        target = request.GET.get("next") or reverse("admin:index")
        if request.user.is_authenticated:
            if second_factor.satisfied(request):
                raise PermissionDenied  # signed in, but not an account of the admin
            name = "otp_verify" if second_factor.has_device(request.user) else "otp_enrol"
            return redirect(f"{reverse(name)}?{urlencode({'next': target})}")
        return redirect(f"{reverse('login')}?{urlencode({'next': target})}")
