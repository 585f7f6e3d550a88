"""Every change to the catalogue, the rules and the records goes through one function
here; each checks, saves through the activity log and says what it changed."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext

from thidua.commendation.eligibility.rules import achievement_key
from thidua.commendation.enums import AwardSubject
from thidua.commendation.models import (
    AwardRecord,
    AwardType,
    DisciplineRecord,
    EligibilityRule,
    PendingFlag,
    YearlyRating,
)
from thidua.core.codes import CommendationKind
from thidua.core.history import save_with_history
from thidua.organization.models import Person, Unit, User

Subject = Person | Unit


# --- Catalogue and rules: versioned by effective date -------------------------------------
@transaction.atomic
def save_version(*, actor: User, edited: AwardType | EligibilityRule) -> AwardType | EligibilityRule:
    """Save an edited catalogue row or rule. With the same effective date it corrects
    that version; with another date it adds a new version and the stored one keeps its
    values and dates. Side effects: one row saved or created, logged.
    Raises ValidationError when another version already starts on that date."""
    model = type(edited)
    stored = model.objects.get(pk=edited.pk)
    if edited.effective_from == stored.effective_from:
        return save_with_history(edited, actor=actor)
    if model.objects.filter(code=stored.code, effective_from=edited.effective_from).exists():
        raise ValidationError(
            {
                "effective_from": gettext(
                    "Đã có phiên bản của %(code)s hiệu lực từ ngày %(date)s. Hãy mở phiên bản đó để sửa, hoặc chọn "
                    "ngày khác."
                )
                % {"code": stored.code, "date": edited.effective_from.strftime("%d/%m/%Y")}
            }
        )
    edited.pk = None
    edited._state.adding = True
    return save_with_history(
        edited,
        actor=actor,
        note=gettext("Phiên bản mới, thay phiên bản từ %(date)s")
        % {"date": stored.effective_from.strftime("%d/%m/%Y")},
    )


# --- Ratings -------------------------------------------------------------------------------
def _subject_field(subject: Subject) -> dict:
    return {"person": subject} if isinstance(subject, Person) else {"unit": subject}


@transaction.atomic
def set_rating(
    *,
    actor: User | None,
    subject: Subject,
    year: int,
    rating: str,
    participates_in_movement: bool | None = None,
    internal_unity: bool | None = None,
    note: str = "",
    log_note: str = "",
) -> YearlyRating:
    """Create or change the one rating of `subject` for `year`. Side effects: one row
    saved and logged (with `log_note`) when something changed; internal unity is kept
    for units only."""
    row = YearlyRating.objects.for_subject(subject).filter(year=year).first() or YearlyRating(
        year=year, **_subject_field(subject)
    )
    row.rating, row.participates_in_movement, row.note = rating, participates_in_movement, note
    row.internal_unity = internal_unity if isinstance(subject, Unit) else None
    return save_with_history(row, actor=actor, note=log_note)


# --- Awards received ---------------------------------------------------------------------
def version_for(code: str, year: int, decision_date: datetime.date | None = None) -> AwardType:
    """The catalogue version in force on the decision date (or at the end of the
    achievement year); for an award older than the catalogue, its first version."""
    on = decision_date or datetime.date(year, 12, 31)
    found = AwardType.objects.filter(code=code).in_force(on)
    return found[0] if found else AwardType.objects.filter(code=code).order_by("effective_from").first()


def check_subject(award_type: AwardType, subject: Subject, field: str = "code") -> None:
    """An award for individuals is refused to a collective and the other way round; the
    message goes on `field`, the form's box for the award."""
    wanted = AwardSubject.INDIVIDUAL if isinstance(subject, Person) else AwardSubject.COLLECTIVE
    if award_type.subject not in (wanted, AwardSubject.BOTH):
        raise ValidationError(
            {
                field: gettext("«%(name)s» không dành cho %(kind)s.")
                % {"name": award_type.name, "kind": AwardSubject(wanted).label.lower()}
            }
        )


def _earlier(subject: Subject, key: str, exclude: int | None) -> AwardRecord | None:
    return (
        AwardRecord.objects.for_subject(subject)
        .filter(achievement_key=key)
        .exclude(pk=exclude)
        .select_related("award_type")
        .first()
    )


def duplicate_message(earlier: AwardRecord) -> str:
    return gettext(
        "Thành tích này đã được khen thưởng: %(award)s năm %(year)s, quyết định số %(decision)s (mã thành tích "
        "«%(key)s»). Một thành tích chỉ được khen thưởng một lần; nếu đây là thành tích khác, hãy ghi mã thành "
        "tích riêng."
    ) % {
        "award": earlier.award_type.name,
        "year": earlier.year,
        "decision": earlier.decision_text(),
        "key": earlier.achievement_key,
    }


def revoke_award(*, actor: User | None, award: AwardRecord, number: str, date: datetime.date, reason: str) -> None:
    """Mark an award revoked by the decision `number` of `date` (Law Art. 93). The row
    stays in the register, struck, and no longer counts; the change is logged with the
    reason."""
    award.revoked_number = number
    award.revoked_date = date
    save_with_history(award, actor=actor, note=reason)


@transaction.atomic
def record_award(
    *,
    actor: User | None,
    subject: Subject,
    code: str,
    year: int,
    kind: str = CommendationKind.CONG_TRANG,
    decision_number: str = "",
    decision_date: datetime.date | None = None,
    issuer: str = "",
    before_system: bool = False,
    achievement_key_text: str = "",
    note: str = "",
    record: AwardRecord | None = None,
) -> AwardRecord:
    """Record (or correct) a title or form received. Side effects: one row saved and
    logged. Raises ValidationError when the award does not suit the subject, or when the
    same achievement is already rewarded (R10), naming the earlier decision."""
    if record is not None and record.is_revoked:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: gettext(
                    "Khen thưởng này đã bị hủy bỏ theo Quyết định số %(number)s: sổ khen thưởng giữ nguyên, không sửa."
                )
                % {"number": record.revoked_number}
            }
        )
    if record is None and isinstance(subject, Person) and subject.is_anonymised:
        raise ValidationError(
            {NON_FIELD_ERRORS: gettext("Người này đã được ẩn danh hóa: không ghi thêm khen thưởng mới.")}
        )
    award_type = version_for(code, year, decision_date)
    check_subject(award_type, subject)
    key = achievement_key_text.strip() or achievement_key(code, year, kind)
    earlier = _earlier(subject, key, record.pk if record else None)
    if earlier is not None:
        raise ValidationError({"achievement_key": duplicate_message(earlier)})
    row = record or AwardRecord(**_subject_field(subject))
    if isinstance(subject, Person) and not row.recipient_name:
        row.recipient_name = subject.full_name  # the name as awarded, kept by the register
    values = {
        "award_type": award_type,
        "year": year,
        "kind": kind,
        "decision_number": decision_number.strip(),
        "decision_date": decision_date,
        "issuer": issuer.strip(),
        "before_system": before_system,
        "achievement_key": key,
        "note": note,
    }
    for name, value in values.items():
        setattr(row, name, value)
    try:
        with transaction.atomic():
            return save_with_history(row, actor=actor)
    except IntegrityError:  # the same achievement saved at the same moment by someone else
        raise ValidationError({"achievement_key": duplicate_message(_earlier(subject, key, row.pk))}) from None


# --- Discipline and holds ------------------------------------------------------------------
@transaction.atomic
def record_discipline(
    *,
    actor: User | None,
    person: Person,
    form: str,
    date: datetime.date,
    text: str,
    decision_number: str = "",
    record: DisciplineRecord | None = None,
) -> DisciplineRecord:
    """Side effects: one row saved and logged."""
    row = record or DisciplineRecord(person=person)
    row.form, row.date, row.text, row.decision_number = form, date, text.strip(), decision_number.strip()
    return save_with_history(row, actor=actor)


@transaction.atomic
def save_hold(
    *,
    actor: User | None,
    subject: Subject,
    kind: str,
    from_date: datetime.date,
    to_date: datetime.date | None = None,
    note: str = "",
    flag: PendingFlag | None = None,
) -> PendingFlag:
    """Start, change or end (with `to_date`) a hold on commendation (R12). Side
    effects: one row saved and logged. Raises ValidationError when it ends before it starts."""
    if to_date is not None and to_date < from_date:
        raise ValidationError(
            {
                "to_date": gettext("Ngày kết thúc (%(to)s) trước ngày bắt đầu (%(start)s).")
                % {"to": to_date.strftime("%d/%m/%Y"), "start": from_date.strftime("%d/%m/%Y")}
            }
        )
    row = flag or PendingFlag(**_subject_field(subject))
    row.kind, row.from_date, row.to_date, row.note = kind, from_date, to_date, note
    return save_with_history(row, actor=actor)


def subject_of(obj: models.Model) -> Subject:
    return obj.person if obj.person_id else obj.unit
