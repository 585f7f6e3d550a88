"""The register of awards and the office's settings for decisions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_form
from thidua.core.downloads import attachment
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.proposals import certificate_docx, register, rules, services
from thidua.proposals.forms import BaseSalaryForm, RegisterFilterForm, TemplateForm
from thidua.proposals.models import BaseSalary, CertificateTemplate
from thidua.proposals.money import salary_on
from thidua.proposals.views.decisions import template_bytes


def _records(request):
    form = RegisterFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, register.filtered(register.visible_records(request.user), data)


@login_required
def award_register(request):
    form, records = _records(request)
    page = paginate(request, records)
    return render(
        request,
        "proposals/register.html",
        {
            "form": form,
            "page_obj": page,
            "rows": register.with_amounts(page.object_list),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def award_register_xlsx(request):
    _, records = _records(request)
    return attachment(register.workbook(register.with_amounts(records)), register.FILENAME)


def _require_settings(user) -> None:
    require(rules.can_manage_settings(user), gettext("Chỉ Văn phòng Sở thay đổi các thiết lập khen thưởng."))


def _settings_page(request, salary_form=None, template_form=None, status=200):
    return render(
        request,
        "proposals/settings.html",
        {
            "salary_form": salary_form or BaseSalaryForm(),
            "template_form": template_form or TemplateForm(),
            "salaries": BaseSalary.objects.all(),
            "current": salary_on(timezone.localdate()),
            "template": CertificateTemplate.objects.first(),
            "placeholders": certificate_docx.PLACEHOLDERS,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def commendation_settings(request):
    _require_settings(request.user)
    if request.method == "GET":
        return _settings_page(request)
    form = BaseSalaryForm(request.POST)
    answer = run_form(
        request,
        form,
        lambda data: services.set_base_salary(actor=request.user, **data),
        gettext("Đã lưu mức lương cơ sở."),
        redirect("commendation_settings"),
        add_errors,
    )
    return answer or _settings_page(request, salary_form=form, status=400)


@login_required
@require_POST
def certificate_template_upload(request):
    _require_settings(request.user)
    form = TemplateForm(request.POST, request.FILES)
    answer = run_form(
        request,
        form,
        lambda data: services.upload_certificate_template(actor=request.user, upload=data["file"]),
        gettext("Đã thay mẫu Giấy khen; các Giấy khen in từ nay dùng mẫu này."),
        redirect("commendation_settings"),
        add_errors,
    )
    return answer or _settings_page(request, template_form=form, status=400)


@login_required
def certificate_template(request):
    _require_settings(request.user)
    return attachment(template_bytes(), certificate_docx.FILENAME)
