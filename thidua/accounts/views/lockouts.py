"""The office's page of sign-in lockouts: who is locked, from which address, since and
until when, with a button to lift each. The office sees the accounts of people in its
scope; a system administrator sees every lockout, including names that are no account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.accounts import lockout as lockouts_service
from thidua.accounts.lockout_notices import display_name
from thidua.accounts.models import Lockout
from thidua.organization import rules


def visible_lockouts(user):
    rows = Lockout.objects.select_related("user__person__unit", "lifted_by__person")
    scope = rules.unit_scope(user)
    if rules.covers_all(scope):
        return rows
    return rows.filter(Q(user__person__unit_id__in=scope))


@login_required
def lockouts(request):
    if not rules.can_manage_lockouts(request.user):
        raise PermissionDenied
    rows = visible_lockouts(request.user)
    active = [(row, display_name(row)) for row in rows.active()]
    recent = [(row, display_name(row)) for row in rows.exclude(pk__in=[r.pk for r, _ in active])[:20]]
    return render(request, "accounts/lockouts.html", {"active": active, "recent": recent})


@login_required
@require_POST
def lift(request, pk: int):
    if not rules.can_manage_lockouts(request.user):
        raise PermissionDenied
    lockout = get_object_or_404(Lockout, pk=pk)
    if not visible_lockouts(request.user).filter(pk=pk).exists():
        raise Http404  # another agency's account: as if it did not exist
    if lockout.is_active():
        lockouts_service.lift(lockout, actor=request.user)
        messages.success(
            request,
            gettext("Đã mở khóa đăng nhập cho %(who)s từ địa chỉ %(ip)s.")
            % {"who": display_name(lockout), "ip": lockout.ip_address or "?"},
        )
    else:
        messages.info(request, gettext("Lần khóa này đã hết, không cần mở khóa."))
    return redirect("lockouts")
