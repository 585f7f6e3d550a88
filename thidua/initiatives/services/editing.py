"""Creating and editing initiatives: authors and their shares, tags, attachments, and
the checks the forms and the API share."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from thidua.core.codes import State
from thidua.core.history import record, save_with_history
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.uploads import evidence_problems
from thidua.core.workflow import TransitionError, locked
from thidua.initiatives import rules
from thidua.initiatives.enums import Tag
from thidua.initiatives.models import TAG_SEPARATOR, Attachment, Authorship, Initiative
from thidua.organization.models import Person, User
from thidua.plans.models import Plan

# What an initiative says about itself and its benefits; the form, the API and the
# library list it in this order.
DESCRIPTION_FIELDS = [
    "tags",
    "problem",
    "solution",
    "novelty",
    "applied_where",
    "applied_since",
    "hours_saved",
    "cost_saved",
    "paper_saved",
    "people_served",
]
DATA_FIELDS = ["title", "unit", "content_area", *DESCRIPTION_FIELDS]


class NotEditable(TransitionError):
    """An edit refused because the initiative has left draft / returned."""


@dataclass(frozen=True)
class AuthorShare:
    person: Person
    share: int


# --- checks shared by the forms and the API ------------------------------------------


def check_authors(authors: Sequence[AuthorShare]) -> None:
    """One or more authors, none twice, shares adding up to exactly 100."""
    if not authors:
        raise ValidationError(gettext("Cần ít nhất một tác giả, kèm tỷ lệ đóng góp."), code="no_author")
    seen: set[int] = set()
    for author in authors:
        if author.person.pk in seen:
            raise ValidationError(
                gettext(
                    "«%(name)s» có tên hai lần trong danh sách tác giả. Mỗi người chỉ ghi "
                    "một lần, với tổng tỷ lệ của mình."
                )
                % {"name": author.person.full_name},
                code="duplicate_author",
            )
        seen.add(author.person.pk)
        if not 1 <= author.share <= 100:
            raise ValidationError(
                gettext("Tỷ lệ đóng góp của «%(name)s» phải từ 1 đến 100%% (đã nhập %(share)s).")
                % {"name": author.person.full_name, "share": author.share},
                code="share_range",
            )
    total = sum(a.share for a in authors)
    if total != 100:
        raise ValidationError(
            gettext("Tổng tỷ lệ đóng góp của các tác giả phải đúng 100%% (hiện là %(total)s%%). Hãy sửa lại tỷ lệ.")
            % {"total": total},
            code="shares_total",
        )


def normalise_tags(tags: Iterable[str] | str) -> str:
    chosen = set(tags.split(TAG_SEPARATOR) if isinstance(tags, str) else tags)
    unknown = chosen - set(Tag.values) - {""}
    if unknown:
        raise ValidationError(
            {"tags": gettext("Lĩnh vực không hợp lệ: %(tags)s.") % {"tags": ", ".join(sorted(unknown))}}
        )
    return TAG_SEPARATOR.join(t for t in Tag.values if t in chosen)


def not_editable_message(initiative: Initiative) -> str:
    return gettext(
        "Sáng kiến đang ở trạng thái «%(state)s» nên không sửa được: chỉ sửa khi còn «%(draft)s» hoặc "
        "«%(returned)s». Nếu cần sửa, hãy đề nghị Văn phòng Sở trả lại."
    ) % {"state": initiative.get_state_display(), "draft": State.DRAFT.label, "returned": State.RETURNED.label}


def _check_files(files: Sequence) -> None:
    if problems := evidence_problems(files):
        raise ValidationError({"attachments": problems})


def _check_author_access(actor: User, authors: Sequence[AuthorShare], current: set[int]) -> None:
    visible = set(
        Person.objects.visible_to(actor).filter(pk__in=[a.person.pk for a in authors]).values_list("pk", flat=True)
    )
    for author in authors:
        if author.person.pk not in visible | current:
            raise ValidationError(
                gettext("Không tìm thấy cán bộ «%(name)s» trong phạm vi đơn vị của bạn.")
                % {"name": author.person.full_name},
                code="author_not_visible",
            )


def _check_data(actor: User, data: dict, *, unit_before: int | None, area_before: int | None) -> dict:
    data = {k: v for k, v in data.items() if k in DATA_FIELDS}
    if "tags" in data:
        data["tags"] = normalise_tags(data["tags"])
    unit = data.get("unit")
    require(
        unit is None or unit.pk == unit_before or rules.creatable_units(actor).filter(pk=unit.pk).exists(),
        gettext("Bạn không được lập sáng kiến cho đơn vị «%(unit)s».") % {"unit": unit},
    )
    area = data.get("content_area")
    if area is not None and area.pk != area_before:
        plan = Plan.objects.current()
        if plan is None or area.plan_id != plan.pk:
            raise ValidationError({"content_area": gettext("Hãy chọn một nội dung thi đua của kế hoạch hiện hành.")})
    return data


def required_text(text: str, message: str, *, field: str = "reason") -> str:
    """The text stripped, or a ValidationError on `field` when it is empty."""
    if not (text or "").strip():
        raise ValidationError({field: message})
    return text.strip()


# --- creating and editing ------------------------------------------------------------


@transaction.atomic
def create_initiative(*, actor: User, data: dict, authors: Sequence[AuthorShare], files: Sequence = ()) -> Initiative:
    """Create a draft. Side effects: the initiative, its authorship rows and attachment
    files are saved; the activity log gets the creation and the author list."""
    require(rules.can_create(actor), gettext("Tài khoản chưa thuộc đơn vị nào nên chưa lập được sáng kiến."))
    data = _check_data(actor, data, unit_before=None, area_before=None)
    check_authors(authors)
    _check_author_access(actor, authors, set())
    _check_files(files)
    initiative = save_with_history(Initiative(**data, created_by=actor), actor=actor)
    _set_authors(initiative, authors, actor)
    for upload in files:
        _store_attachment(initiative, upload, actor)
    return initiative


@transaction.atomic
def update_initiative(
    *,
    actor: User,
    initiative: Initiative,
    data: dict,
    authors: Sequence[AuthorShare] | None = None,
    files: Sequence = (),
) -> Initiative:
    """Change a draft or returned initiative. Side effects: the changed fields, authors
    and new attachments are saved and logged on the initiative. Refused with NotEditable
    once it has been submitted."""
    # Read the row again under a lock so that an edit cannot overwrite a state that
    # changed since the form was opened.
    fresh = locked(initiative)
    require(
        rules.can_change(actor, fresh), gettext("Chỉ tác giả, người lập và thủ trưởng đơn vị được sửa sáng kiến này.")
    )
    if not rules.is_editable(fresh):
        raise NotEditable(not_editable_message(fresh))
    data = _check_data(actor, data, unit_before=fresh.unit_id, area_before=fresh.content_area_id)
    current = set(fresh.authors.values_list("person_id", flat=True))
    if authors is not None:
        check_authors(authors)
        _check_author_access(actor, authors, current)
    _check_files(files)
    for name, value in data.items():
        setattr(fresh, name, value)
    save_with_history(fresh, actor=actor)
    if authors is not None:
        _set_authors(fresh, authors, actor)
    for upload in files:
        _store_attachment(fresh, upload, actor)
    return fresh


def _describe(rows: Iterable[tuple[str, int]]) -> str:
    return "; ".join(f"{name} {share}%" for name, share in rows)


def _set_authors(initiative: Initiative, authors: Sequence[AuthorShare], actor: User) -> None:
    """Replace the author list; the change is logged on the initiative as one entry."""
    before = _describe(initiative.authors.select_related("person").values_list("person__full_name", "share"))
    initiative.authors.all().delete()
    Authorship.objects.bulk_create(
        Authorship(initiative=initiative, person=a.person, share=a.share, order=i) for i, a in enumerate(authors)
    )
    after = _describe((a.person.full_name, a.share) for a in authors)
    if before != after:
        record(
            actor=actor, obj=initiative, action=ActivityLog.Action.CHANGED, changes={"tac_gia": [before or None, after]}
        )


def _store_attachment(initiative: Initiative, upload, actor: User) -> Attachment:
    attachment = Attachment.objects.create(
        initiative=initiative, file=upload, name=upload.name[:255], uploaded_by=actor
    )
    record(
        actor=actor,
        obj=initiative,
        action=ActivityLog.Action.CHANGED,
        changes={"tep_dinh_kem": [None, attachment.name]},
    )
    return attachment


@transaction.atomic
def add_attachment(*, actor: User, initiative: Initiative, upload) -> Attachment:
    """Attach one more file. Side effects: the file is stored and logged."""
    _require_change(actor, initiative)
    _check_files([upload])
    return _store_attachment(initiative, upload, actor)


@transaction.atomic
def remove_attachment(*, actor: User, attachment: Attachment) -> None:
    """Remove a file while the initiative is editable. Side effects: the row and the
    stored file are deleted; the removal is logged on the initiative."""
    initiative = attachment.initiative
    _require_change(actor, initiative)
    record(
        actor=actor,
        obj=initiative,
        action=ActivityLog.Action.CHANGED,
        changes={"tep_dinh_kem": [attachment.name, None]},
    )
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


def _require_change(actor: User, initiative: Initiative) -> None:
    require(
        rules.can_change(actor, initiative),
        gettext("Chỉ tác giả, người lập và thủ trưởng đơn vị được sửa sáng kiến này."),
    )
    if not rules.is_editable(initiative):
        raise NotEditable(not_editable_message(initiative))
