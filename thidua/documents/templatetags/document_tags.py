"""The links to a document's PDF, the same beside every Word download:
`{% pdf_link 'decision_docx' decision.pk %}` ("Tải PDF để ký số") and, on the page that
issues a numbered document, `{% pdf_preview 'consolidated_docx' period.pk %}` ("Xem trước
(PDF)", opened in a new tab)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from thidua.documents.word_or_pdf import pdf_url

register = template.Library()


@register.simple_tag
def pdf_link(url_name: str, *args, css: str = "ms-2 small", testid: str = "pdf"):
    return format_html(
        '<a class="{}" href="{}" data-testid="{}">{}</a>',
        css,
        pdf_url(reverse(url_name, args=args)),
        testid,
        gettext("Tải PDF để ký số"),
    )


@register.simple_tag
def pdf_preview(url_name: str, *args, css: str = "btn btn-outline-secondary", testid: str = "pdf-preview"):
    return format_html(
        '<a class="{}" href="{}" target="_blank" rel="noopener" data-testid="{}">{}</a>',
        css,
        pdf_url(reverse(url_name, args=args), preview=True),
        testid,
        gettext("Xem trước (PDF)"),
    )
