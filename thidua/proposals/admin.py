from django.contrib import admin

from thidua.core.admin import HistoryAdmin, ReadOnlyAdmin
from thidua.proposals.models import BaseSalary, CertificateTemplate, Decision, DossierFile, PaymentRule, Proposal


class DossierFileInline(admin.TabularInline):
    model = DossierFile
    extra = 0
    fields = ["document", "original_name", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(HistoryAdmin):
    list_display = ["__str__", "subject_unit", "category", "year", "kind", "state", "verdict"]
    list_filter = ["state", "category", "award_code", "year", "kind"]
    search_fields = ["person__full_name", "unit__name", "achievement_key"]
    list_select_related = ["person", "unit", "subject_unit"]
    inlines = [DossierFileInline]
    # The state, the verdict and the decision change only through the workflow.
    readonly_fields = [
        "state",
        "version",
        "verdict",
        "verdict_reasons",
        "verdict_at",
        "submitted_at",
        "decision",
        "award_record",
        "cash_multiple",
        "cash_basis",
        "cash_amount",
        "cash_paid",
        "forwarded_to",
        "forwarded_on",
        "return_reason",
        "rejection_reason",
        "decided_name",
        "decided_position",
        "decided_unit",
    ]


@admin.register(Decision)
class DecisionAdmin(HistoryAdmin):
    list_display = ["number_symbol", "date", "issuer", "year", "issued_here"]
    list_filter = ["issued_here", "year"]
    search_fields = ["number_symbol", "summary"]


# Entered and confirmed on the office's settings page only: a confirmed figure is never
# changed, so the admin shows them and nothing more.
@admin.register(BaseSalary)
class BaseSalaryAdmin(ReadOnlyAdmin):
    list_display = ["effective_from", "amount", "basis", "basis_date", "confirmed_at"]
    list_filter = []
    search_fields = ["basis"]
    list_select_related = []


@admin.register(PaymentRule)
class PaymentRuleAdmin(ReadOnlyAdmin):
    list_display = ["effective_from", "highest_only", "rounding", "created_at"]
    list_filter = []
    search_fields = []
    list_select_related = []


@admin.register(CertificateTemplate)
class CertificateTemplateAdmin(HistoryAdmin):
    list_display = ["original_name", "uploaded_by", "uploaded_at"]
