"""The register of awards and the office's settings for decisions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_button, run_form
from thidua.core.downloads import attachment
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.documents import on_blank, word_or_pdf
from thidua.proposals import certificate_blank, certificate_docx, money, register, rules, services
from thidua.proposals.forms import BaseSalaryForm, BlankLayoutForm, PaymentRuleForm, RegisterFilterForm, TemplateForm
from thidua.proposals.models import BaseSalary, BlankLayout, CertificateTemplate, PaymentRule
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
            "can_read_statistics": rules.can_read_statistics(request.user),
        },
    )


@login_required
def award_register_xlsx(request):
    _, records = _records(request)
    return attachment(register.workbook(register.with_amounts(records)), register.FILENAME)


def _require_settings(user) -> None:
    require(rules.can_manage_settings(user), gettext("Chỉ Văn phòng Sở thay đổi các thiết lập khen thưởng."))


def _settings_page(request, salary_form=None, template_form=None, rule_form=None, blank_form=None, status=200):
    today = timezone.localdate()
    return render(
        request,
        "proposals/settings.html",
        {
            "salary_form": salary_form or BaseSalaryForm(),
            "rule_form": rule_form or PaymentRuleForm(),
            "template_form": template_form or TemplateForm(),
            "salaries": BaseSalary.objects.select_related("created_by__person", "confirmed_by__person"),
            "salary_today": money.salary_in_force(today),
            "salary_problem": money.salary_problem(today),
            "rules": PaymentRule.objects.select_related("created_by__person"),
            "rule_problem": money.rule_problem(today),
            "template": CertificateTemplate.objects.first(),
            "placeholders": certificate_docx.PLACEHOLDERS,
            "blank_form": blank_form or BlankLayoutForm(blank=certificate_blank.in_force()),
            "blank_recorded": BlankLayout.objects.select_related("created_by__person").first(),
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
        gettext("Đã lưu mức lương cơ sở. Hãy đối chiếu văn bản rồi bấm «Xác nhận» để quyết định được dùng mức này."),
        redirect("commendation_settings"),
        add_errors,
    )
    return answer or _settings_page(request, salary_form=form, status=400)


@login_required
@require_POST
def base_salary_confirm(request, pk: int):
    _require_settings(request.user)
    salary = get_object_or_404(BaseSalary, pk=pk)
    return run_button(
        request,
        lambda: services.confirm_base_salary(actor=request.user, salary=salary),
        gettext("Đã xác nhận mức lương cơ sở %(amount)s đồng từ ngày %(date)s.")
        % {"amount": money.vnd(salary.amount), "date": salary.effective_from.strftime("%d/%m/%Y")},
        redirect("commendation_settings"),
    )


@login_required
@require_POST
def payment_rule_record(request):
    _require_settings(request.user)
    form = PaymentRuleForm(request.POST)
    answer = run_form(
        request,
        form,
        lambda data: services.record_payment_rule(actor=request.user, **data),
        gettext("Đã ghi quy tắc chi tiền thưởng."),
        redirect("commendation_settings"),
        add_errors,
    )
    return answer or _settings_page(request, rule_form=form, status=400)


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


@login_required
@require_POST
def blank_layout_record(request):
    _require_settings(request.user)
    form = BlankLayoutForm(request.POST)
    answer = run_form(
        request,
        form,
        lambda data: services.record_blank_layout(actor=request.user, **form.layout()),
        gettext("Đã lưu cách in lên phôi Giấy khen. Hãy in thử trang lưới lên giấy trắng và đặt lên phôi để kiểm tra."),
        redirect("commendation_settings"),
        add_errors,
    )
    return answer or _settings_page(request, blank_form=form, status=400)


@login_required
def blank_grid(request):
    """The calibration page: a grid in mm with each text's place, to print on plain
    paper and lay over a blank."""
    _require_settings(request.user)
    labels = {name: str(label) for name, label in certificate_blank.FIELDS}
    data = on_blank.grid(certificate_blank.in_force(), labels)
    return word_or_pdf.document(request, data, "luoi-can-chinh-phoi-giay-khen.docx")
