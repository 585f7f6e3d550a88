"""Changing the texts and legal bases: each change adds a version (never rewritten),
logged in the activity log."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.wording import rules
from thidua.wording.models import LegalBasis, Wording
from thidua.wording.registry import DocumentType

REFUSED = "Chỉ Văn phòng Sở sửa câu chữ và căn cứ của văn bản."


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().splitlines())


@transaction.atomic
def save_texts(*, actor, document: DocumentType, values: dict[str, str]) -> list[Wording]:
    """Store a new version of each text that differs from the one in force. A text
    typed identical to its default is stored as a return to the default."""
    require(rules.can_edit_wording(actor), gettext(REFUSED))
    in_force = document.in_force().raw
    errors, saved = {}, []
    for text in document.texts:
        if text.key not in values:
            continue
        value = _clean(values[text.key])
        if not value:
            errors[text.key] = gettext("Đoạn này không để trống; muốn dùng câu mặc định, bấm «Khôi phục mặc định».")
            continue
        try:
            text.check(value)
        except ValidationError as error:
            errors[text.key] = error.messages
            continue
        if value != in_force[text.key]:
            saved.append(Wording(document=document.key, key=text.key, text=value, is_default=value == text.default))
    if errors:
        raise ValidationError(errors)
    return [save_with_history(version, actor=actor) for version in saved]


def reset(*, actor, document: DocumentType, key: str) -> Wording | None:
    """Back to the default text; None when the default is already in force."""
    require(rules.can_edit_wording(actor), gettext(REFUSED))
    text = document.text(key)
    if key not in Wording.objects.in_force(document):
        return None
    return save_with_history(Wording(document=document.key, key=key, text=text.default, is_default=True), actor=actor)


def record_basis(*, actor, kind: str, number: str, signed_on: datetime.date, issuer: str, subject: str) -> LegalBasis:
    """A new version of a legal basis: the latest one is cited from now on."""
    require(rules.can_edit_wording(actor), gettext(REFUSED))
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": gettext("Ngày ban hành không được sau hôm nay.")})
    basis = LegalBasis(
        kind=kind,
        number=number.strip(),
        signed_on=signed_on,
        issuer=" ".join(issuer.split()),
        subject=" ".join(subject.split()).rstrip(";."),
    )
    basis.full_clean()
    return save_with_history(basis, actor=actor)
