"""The documents of a proposal's dossier made from the system's data, as Word files:
the Tờ trình of the unit and of the department."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext

from thidua.documents import word_or_pdf
from thidua.proposals import public_notice_docx, rules, summary_report_docx
from thidua.proposals.submission_docx import ADDRESSINGS, SubmissionDocx, addressings_for, filename
from thidua.proposals.views.common import visible_or_404


@login_required
def submission_docx(request, pk: int, level: str):
    proposal = visible_or_404(request.user, pk)
    addressing = ADDRESSINGS.get(level)
    if addressing is None or addressing not in addressings_for(proposal):
        raise Http404
    if not rules.can_download_submission(request.user, proposal, level):
        raise PermissionDenied(gettext("Tờ trình của Sở chỉ dành cho Văn phòng Sở và Lãnh đạo Sở."))
    return word_or_pdf.document(
        request, SubmissionDocx(proposal, addressing, request.user).render(), filename(proposal, addressing)
    )


@login_required
def public_notice_docx_view(request, year: int):
    """The notice of the year's proposed list, for the office and the director."""
    if not (rules.is_office(request.user) or rules.is_director(request.user)):
        raise PermissionDenied(gettext("Thông báo công khai danh sách do Văn phòng Sở lập."))
    proposals = list(public_notice_docx.listed(request.user, year))
    if not proposals:
        raise Http404(gettext("Năm %(year)s chưa có đề nghị nào đã được tiếp nhận.") % {"year": year})
    document = public_notice_docx.PublicNoticeDocx(proposals, year)
    return word_or_pdf.document(request, document.render(), public_notice_docx.filename(year))


@login_required
def summary_report_view(request, pk: int):
    """The short achievement report of a proposal under the simplified procedure."""
    proposal = visible_or_404(request.user, pk)
    if not proposal.simplified_case:
        raise Http404
    document = summary_report_docx.SummaryReportDocx(proposal)
    return word_or_pdf.document(request, document.render(), summary_report_docx.filename(proposal))
