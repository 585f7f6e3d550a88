"""The account's own notices: the list, opening one (marks it read and follows its
link) and marking all read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core.pagination import paginate
from thidua.notifications import services
from thidua.notifications.models import Notice


@login_required
def notice_list(request):
    notices = Notice.objects.for_user(request.user)
    return render(request, "notifications/notice_list.html", {"page_obj": paginate(request, notices)})


@login_required
@require_POST
def notice_open(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk, user=request.user)  # another's notice: 404
    services.mark_read(notice=notice, actor=request.user)
    safe = url_has_allowed_host_and_scheme(notice.link, allowed_hosts={request.get_host()})
    return redirect(notice.link if notice.link and safe else "notices")


@login_required
@require_POST
def notices_read_all(request):
    count = services.mark_all_read(actor=request.user)
    messages.success(request, gettext("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("notices")
