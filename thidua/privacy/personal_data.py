"""Everything the system holds about one person (Nghị định 13/2023/NĐ-CP, the right of a
person to obtain their data), and its export as a .zip: `du-lieu.json` (UTF-8, indented),
the files they uploaded or that belong to their records, and `README.txt`.

`PARTS` is the map: one entry per kind of row, with the relations to Person or User it
covers. Every relation of every model to Person or User is either covered by a part or
listed in `LEFT_OUT` with the reason (a test walks all models and holds the two lists
to that), so a new model that points at a person cannot be forgotten silently.

The export is written row by row into a temporary file (querysets read in chunks, files
copied in blocks), so a person with years of records does not fill the memory. The zip's
text is Vietnamese whatever the language of the page, like the other documents."""

import datetime
import decimal
import json
import re
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from axes.models import AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation

from thidua.accounts.models import Lockout
from thidua.commendation.models import AwardRecord, DisciplineRecord, PendingFlag, YearlyRating
from thidua.core.models import ActivityLog
from thidua.council.models import Ballot, MeetingMember, Vote
from thidua.evaluation.models import CouncilScore, SelfAssessment
from thidua.honours.models import OutstandingExample
from thidua.initiatives.models import Attachment, Authorship, ConflictDeclaration, Initiative, Score
from thidua.inspections.models import FollowUpAction
from thidua.notifications.models import Notice
from thidua.organization.models import Membership, Person, User
from thidua.proposals.models import DossierFile, Proposal
from thidua.ratingmeetings.models import RatingVote
from thidua.registrations.models import PersonRegistration
from thidua.reports.models import Reminder, UnitReport
from thidua.results.models import Evidence, ResultEntry

DATA_NAME = "du-lieu.json"
README_NAME = "README.txt"
FILES_DIR = "tep"

# Account columns given out: never the password hash.
ACCOUNT_FIELDS = (
    "id",
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "last_login",
    "date_joined",
)
SECRET_COLUMNS = {"password"}
SIGN_IN_FIELDS = ("attempt_time", "ip_address", "user_agent", "path_info")


@dataclass(frozen=True)
class Part:
    """One kind of row held about a person."""

    key: str  # the section's name in du-lieu.json
    title: str  # what it holds, in README.txt
    rows: Callable[[Person, User | None], models.QuerySet]
    covers: tuple[str, ...] = ()  # relations to Person/User ("app.Model.field") this part exports
    fields: tuple[str, ...] | None = None  # columns given out; None: every column but `hidden`
    hidden: tuple[str, ...] = ()  # columns left out (other people's identity, secrets)
    named: tuple[str, ...] = ()  # foreign keys given with their name as well as their id
    file: Callable[[models.Model], tuple[str, str] | None] | None = None  # (stored name, file name)


def _none(model):
    return model.objects.none()


def _of_account(model, field: str):
    """Rows whose `field` is the person's account (none without an account)."""
    return lambda person, user: model.objects.filter(**{field: user}) if user else _none(model)


def _file(field: str, name: str):
    def stored(obj) -> tuple[str, str] | None:
        value = getattr(obj, field)
        stored_name = value.name if hasattr(value, "name") else value
        return (stored_name, getattr(obj, name) or stored_name) if stored_name else None

    return stored


def _results(person, user):
    return ResultEntry.objects.filter(person=person)


def _evidence(person, user):
    mine = Q(entry__person=person) | (Q(uploaded_by=user) if user else Q(pk__in=[]))
    return Evidence.objects.filter(mine)


def _initiatives(person, user):
    mine = Q(authors__person=person) | (Q(created_by=user) if user else Q(pk__in=[]))
    return Initiative.objects.filter(mine).distinct()


def _attachments(person, user):
    mine = Q(initiative__authors__person=person) | (Q(uploaded_by=user) if user else Q(pk__in=[]))
    return Attachment.objects.filter(mine).distinct()


def _log_about(person, user):
    """Rows of the activity log about the person's record or their account."""
    about = Q(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk))
    if user:
        about |= Q(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk))
    return ActivityLog.objects.filter(about)


def _sign_ins(model):
    return lambda person, user: model.objects.filter(username=user.username) if user else _none(model)


PARTS: tuple[Part, ...] = (
    Part(
        "ca_nhan",
        "Thông tin cán bộ: họ tên, mã, đơn vị, chức vụ, giới tính, ngày sinh, dân tộc, thư điện tử",
        lambda person, user: Person.objects.filter(pk=person.pk),
        named=("unit",),
    ),
    Part(
        "tai_khoan",
        "Tài khoản đăng nhập (không có mật khẩu)",
        lambda person, user: User.objects.filter(pk=user.pk) if user else _none(User),
        covers=("organization.Person.user",),
        fields=ACCOUNT_FIELDS,
    ),
    Part(
        "vai_tro",
        "Vai trò trong hệ thống (vai trò, đơn vị)",
        _of_account(Membership, "user"),
        covers=("organization.Membership.user",),
        named=("unit",),
    ),
    Part(
        "dang_nhap",
        "Các lần đăng nhập, đăng xuất (thời điểm, địa chỉ IP, trình duyệt)",
        _sign_ins(AccessLog),
        fields=(*SIGN_IN_FIELDS, "logout_time"),
    ),
    Part("dang_nhap_sai", "Các lần đăng nhập sai", _sign_ins(AccessFailureLog), fields=(*SIGN_IN_FIELDS, "locked_out")),
    Part(
        "khoa_dang_nhap",
        "Các lần tài khoản bị khóa đăng nhập (địa chỉ IP, khóa từ, khóa đến, mở khóa lúc)",
        _of_account(Lockout, "user"),
        covers=("accounts.Lockout.user",),
        fields=("ip_address", "level", "started_at", "until", "lifted_at"),
    ),
    Part(
        "dang_ky_thi_dua",
        "Đăng ký thi đua của cá nhân (danh hiệu, cam kết)",
        lambda person, user: PersonRegistration.objects.filter(person=person),
        covers=("registrations.PersonRegistration.person",),
    ),
    Part(
        "phieu_binh_xet",
        "Số phiếu bình xét của người này trong các cuộc họp bình xét của đơn vị",
        lambda person, user: RatingVote.objects.filter(person=person),
        covers=("ratingmeetings.RatingVote.person",),
        named=("meeting",),
    ),
    Part(
        "ket_qua",
        "Kết quả, thành tích của cá nhân",
        _results,
        covers=("results.ResultEntry.person",),
        named=("unit", "content_area", "criterion"),
    ),
    Part(
        "minh_chung",
        "Minh chứng của các kết quả trên và minh chứng do người này tải lên (tệp trong thư mục tep/)",
        _evidence,
        covers=("results.Evidence.uploaded_by",),
        file=_file("file", "original_name"),
    ),
    Part(
        "sang_kien",
        "Sáng kiến mà người này là tác giả hoặc người lập",
        _initiatives,
        covers=("initiatives.Initiative.created_by",),
        named=("unit", "content_area"),
    ),
    Part(
        "tac_gia_sang_kien",
        "Tỷ lệ đóng góp trong từng sáng kiến",
        lambda person, user: Authorship.objects.filter(person=person),
        covers=("initiatives.Authorship.person",),
        named=("initiative",),
    ),
    Part(
        "tep_sang_kien",
        "Tệp đính kèm của các sáng kiến trên và tệp do người này tải lên (thư mục tep/)",
        _attachments,
        covers=("initiatives.Attachment.uploaded_by",),
        file=_file("file", "name"),
    ),
    Part(
        "cham_diem_sang_kien",
        "Điểm người này đã chấm sáng kiến (thành viên Hội đồng)",
        _of_account(Score, "member"),
        covers=("initiatives.Score.member",),
        named=("initiative",),
    ),
    Part(
        "xung_dot_loi_ich",
        "Khai báo xung đột lợi ích khi chấm sáng kiến",
        _of_account(ConflictDeclaration, "member"),
        covers=("initiatives.ConflictDeclaration.member",),
        named=("initiative",),
    ),
    Part(
        "xep_loai",
        "Xếp loại chất lượng hằng năm",
        lambda person, user: YearlyRating.objects.filter(person=person),
        covers=("commendation.YearlyRating.person",),
        hidden=("unit",),
    ),
    Part(
        "khen_thuong",
        "Khen thưởng đã nhận (sổ khen thưởng)",
        lambda person, user: AwardRecord.objects.filter(person=person),
        covers=("commendation.AwardRecord.person",),
        hidden=("unit",),
        named=("award_type",),
    ),
    Part(
        "ky_luat",
        "Kỷ luật",
        lambda person, user: DisciplineRecord.objects.filter(person=person),
        covers=("commendation.DisciplineRecord.person",),
    ),
    Part(
        "tam_dung_xet",
        "Thời gian tạm dừng xét khen thưởng",
        lambda person, user: PendingFlag.objects.filter(person=person),
        covers=("commendation.PendingFlag.person",),
        hidden=("unit",),
    ),
    Part(
        "de_nghi_khen_thuong",
        "Đề nghị khen thưởng cho người này",
        lambda person, user: Proposal.objects.filter(person=person),
        covers=("proposals.Proposal.person",),
        hidden=("unit", "override_by", "created_by"),
        named=("subject_unit", "decision"),
    ),
    Part(
        "ho_so_de_nghi",
        "Tệp hồ sơ của các đề nghị trên (thư mục tep/)",
        lambda person, user: DossierFile.objects.filter(proposal__person=person),
        hidden=("uploaded_by",),
        file=_file("file", "original_name"),
    ),
    Part(
        "tu_cham_diem",
        "Điểm tự chấm theo tiêu chí",
        lambda person, user: SelfAssessment.objects.filter(person=person),
        covers=("evaluation.SelfAssessment.person",),
        hidden=("unit", "assessed_by"),
    ),
    # Which member gave which score is for the office and the director only: the
    # member's identity is left out of the scores given to the person.
    Part(
        "diem_hoi_dong_cham",
        "Điểm Hội đồng chấm cho người này (không ghi tên thành viên chấm)",
        lambda person, user: CouncilScore.objects.filter(person=person),
        covers=("evaluation.CouncilScore.person",),
        hidden=("unit", "member"),
    ),
    Part(
        "diem_da_cham",
        "Điểm người này đã chấm (thành viên Hội đồng)",
        _of_account(CouncilScore, "member"),
        covers=("evaluation.CouncilScore.member",),
        named=("unit", "person"),
    ),
    Part(
        "du_hop_hoi_dong",
        "Các phiên họp Hội đồng đã dự",
        _of_account(MeetingMember, "user"),
        covers=("council.MeetingMember.user",),
        named=("meeting",),
    ),
    Part(
        "luot_bieu_quyet",
        "Các lượt biểu quyết (chỉ việc đã biểu quyết; phiếu kín không ghi người bỏ phiếu)",
        _of_account(Ballot, "member"),
        covers=("council.Ballot.member",),
    ),
    Part(
        "phieu_cong_khai",
        "Ý kiến trong các lần biểu quyết công khai",
        _of_account(Vote, "member"),
        covers=("council.Vote.member",),
    ),
    Part(
        "viec_khac_phuc",
        "Việc khắc phục sau tự kiểm tra được giao cho người này",
        lambda person, user: FollowUpAction.objects.filter(owner=person),
        covers=("inspections.FollowUpAction.owner",),
        hidden=("done_by", "created_by"),
    ),
    Part(
        "bao_cao_phu_trach",
        "Báo cáo của đơn vị mà người này phụ trách",
        lambda person, user: UnitReport.objects.filter(owner=person),
        covers=("reports.UnitReport.owner",),
        hidden=("accepted_by",),
        named=("unit", "period"),
    ),
    Part(
        "nhac_viec",
        "Thư nhắc hạn báo cáo đã gửi cho người này",
        _of_account(Reminder, "recipient"),
        covers=("reports.Reminder.recipient",),
        hidden=("sent_by",),
    ),
    Part("thong_bao", "Thông báo trong hệ thống", _of_account(Notice, "user"), covers=("notifications.Notice.user",)),
    Part(
        "dien_hinh_tien_tien",
        "Bài viết điển hình tiên tiến về người này (ảnh trong thư mục tep/)",
        lambda person, user: OutstandingExample.objects.filter(person=person),
        covers=("honours.OutstandingExample.person",),
        hidden=("unit", "created_by"),
        file=_file("photo", "photo_name"),
    ),
    Part(
        "nhat_ky_ve_ca_nhan",
        "Nhật ký hoạt động về hồ sơ và tài khoản của người này: thay đổi, xuất dữ liệu, và ai đã xem thông tin cá nhân",
        _log_about,
        hidden=("content_type", "object_id", "request_id"),
        named=("actor",),
    ),
    # What someone else's record held is theirs, not this person's: of the person's own
    # actions only when, what and on which kind of record.
    Part(
        "nhat_ky_thao_tac",
        "Các thao tác người này đã thực hiện (thời điểm, hành động, loại dữ liệu, mã số)",
        _of_account(ActivityLog, "actor"),
        covers=("core.ActivityLog.actor",),
        fields=("at", "action", "content_type", "object_id"),
        named=("content_type",),
    ),
)

# Who did something to a unit's or someone else's record: the stamp is in the person's
# own actions (`nhat_ky_thao_tac`), the record itself belongs to the unit or to another person.
ACTOR_STAMP = "người thao tác trên hồ sơ của đơn vị hoặc của người khác; có trong nhat_ky_thao_tac"

LEFT_OUT: dict[str, str] = {
    "admin.LogEntry.user": "nhật ký trang quản trị; mọi thay đổi ở đó cũng ghi vào nhật ký hoạt động",
    "outgoing.IssuedNumber.issued_by": ACTOR_STAMP,
    "outgoing.SignedCopy.uploaded_by": ACTOR_STAMP,
    "wording.Wording.created_by": ACTOR_STAMP,
    "wording.LegalBasis.created_by": ACTOR_STAMP,
    "registrations.UnitRegistration.submitted_by": ACTOR_STAMP,
    "registrations.UnitRegistration.reviewed_by": ACTOR_STAMP,
    "results.ResultEntry.created_by": ACTOR_STAMP,
    "indicators.IndicatorValue.recorded_by": ACTOR_STAMP,
    "initiatives.Adoption.created_by": ACTOR_STAMP,
    "initiatives.HigherRecognition.recorded_by": ACTOR_STAMP,
    "initiatives.RecognitionRule.set_by": ACTOR_STAMP,
    "reports.ReportingPeriod.created_by": ACTOR_STAMP,
    "reports.UnitReport.accepted_by": ACTOR_STAMP,
    "reports.Submission.submitted_by": ACTOR_STAMP,
    "reports.Reminder.sent_by": ACTOR_STAMP,
    "reports.ConsolidatedReport.issued_by": ACTOR_STAMP,
    "reports.Dispatch.recorded_by": ACTOR_STAMP,
    "plans.PlanDispatch.recorded_by": ACTOR_STAMP,
    "difficulties.Difficulty.raised_by": ACTOR_STAMP,
    "difficulties.Difficulty.reviewed_by": ACTOR_STAMP,
    "difficulties.Difficulty.decided_by": ACTOR_STAMP,
    "difficulties.Difficulty.closed_by": ACTOR_STAMP,
    "inspections.InspectionPlan.created_by": ACTOR_STAMP,
    "inspections.Answer.answered_by": ACTOR_STAMP,
    "inspections.Finding.created_by": ACTOR_STAMP,
    "inspections.FollowUpAction.done_by": ACTOR_STAMP,
    "inspections.FollowUpAction.created_by": ACTOR_STAMP,
    "jobs.Job.created_by": ACTOR_STAMP,
    "proposals.Proposal.override_by": ACTOR_STAMP,
    "proposals.Proposal.created_by": ACTOR_STAMP,
    "proposals.DossierFile.uploaded_by": ACTOR_STAMP,
    "proposals.Decision.created_by": ACTOR_STAMP,
    "proposals.BaseSalary.created_by": ACTOR_STAMP,
    "proposals.BaseSalary.confirmed_by": ACTOR_STAMP,
    "proposals.PaymentRule.created_by": ACTOR_STAMP,
    "proposals.CertificateTemplate.uploaded_by": ACTOR_STAMP,
    "proposals.BlankLayout.created_by": ACTOR_STAMP,
    "proposals.ProposalRound.created_by": ACTOR_STAMP,
    "proposals.RoundFile.uploaded_by": ACTOR_STAMP,
    "council.Meeting.chair": ACTOR_STAMP,
    "ratingmeetings.RatingMeeting.chair": ACTOR_STAMP,
    "ratingmeetings.RatingMeeting.secretary": ACTOR_STAMP,
    "ratingmeetings.RatingMeeting.created_by": ACTOR_STAMP,
    "council.Meeting.secretary": ACTOR_STAMP,
    "council.Meeting.created_by": ACTOR_STAMP,
    "evaluation.ScoringSheet.created_by": ACTOR_STAMP,
    "evaluation.SelfAssessment.assessed_by": ACTOR_STAMP,
    "evaluation.NotApplicable.marked_by": ACTOR_STAMP,
    "honours.OutstandingExample.created_by": ACTOR_STAMP,
    "honours.Publication.changed_by": ACTOR_STAMP,
    "reviews.Review.frozen_by": ACTOR_STAMP,
    "reviews.Review.created_by": ACTOR_STAMP,
    "accounts.Lockout.lifted_by": ACTOR_STAMP,
    # Records of requests kept a day so a retried submission is not stored twice.
    "core.FormToken.user": "phiếu gửi biểu mẫu một lần, tự xóa sau 24 giờ",
    "api.IdempotencyKey.user": "khóa chống gửi trùng của API, tự xóa sau 24 giờ",
    # A device's secret key would let whoever reads the export pass the second factor.
    "otp_totp.TOTPDevice.user": "thiết bị xác thực hai bước (khóa bí mật không bao giờ được xuất)",
    "otp_static.StaticDevice.user": "mã dự phòng xác thực hai bước (không bao giờ được xuất)",
}


def covered_relations() -> set[str]:
    return {relation for part in PARTS for relation in part.covers}


# --- Writing the export ----------------------------------------------------------------------


def _plain(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return value


def _columns(part: Part, model) -> list[models.Field]:
    concrete = {f.name: f for f in model._meta.concrete_fields}
    if part.fields is not None:
        return [concrete[name] for name in part.fields]
    return [f for name, f in concrete.items() if name not in part.hidden]


def _value(obj, field: models.Field, named: tuple[str, ...]):
    if field.is_relation:
        if field.name in named:
            related = getattr(obj, field.name)
            return {"id": related.pk, "ten": str(related)} if related is not None else None
        return _plain(getattr(obj, field.attname))
    value = getattr(obj, field.attname)
    if field.choices and value not in (None, ""):
        return {"ma": value, "ten": str(dict(field.flatchoices).get(value, value))}
    return _plain(value)


def _safe_name(name: str) -> str:
    """A file name that stays inside its folder of the zip."""
    cleaned = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", name.rsplit("/", 1)[-1]).strip(" .")
    return cleaned[:150] or "tep"


class _Writer:
    """du-lieu.json written piece by piece into the zip, with the files to copy after it."""

    def __init__(self, stream):
        self.stream = stream
        self.files: list[tuple[str, str]] = []  # (stored name, name in the zip)

    def write(self, text: str) -> None:
        self.stream.write(text.encode("utf-8"))

    def value(self, value, indent: int) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + " " * indent)

    def part(self, part: Part, person: Person, user: User | None) -> int:
        qs = part.rows(person, user)
        columns = _columns(part, qs.model)
        named = tuple(name for name in part.named if name in {c.name for c in columns})
        qs = qs.select_related(*named).order_by("pk") if named else qs.order_by("pk")
        self.write(f'    "{part.key}": {{\n      "mo_ta": {self.value(part.title, 6)},\n      "ban_ghi": [')
        count = 0
        for obj in qs.iterator(chunk_size=500):
            row = {field.name: _value(obj, field, named) for field in columns}
            if isinstance(row.get("changes"), dict):  # a log row about the account: never a password hash
                row["changes"] = {k: v for k, v in row["changes"].items() if k not in SECRET_COLUMNS}
            if part.file is not None:
                self._add_file(part, obj, row)
            self.write(("," if count else "") + "\n        " + self.value(row, 8))
            count += 1
        self.write(("\n      ]" if count else "]") + "\n    }")
        return count

    def _add_file(self, part: Part, obj, row: dict) -> None:
        stored = part.file(obj)
        if stored is None:
            return
        stored_name, original = stored
        arcname = f"{FILES_DIR}/{part.key}/{obj.pk}-{_safe_name(original)}"
        row["tep_trong_goi"] = arcname
        self.files.append((stored_name, arcname))


def _copy_files(archive: zipfile.ZipFile, files: list[tuple[str, str]]) -> list[str]:
    """Copy each stored file into the zip in blocks; names of those no longer stored."""
    missing = []
    for stored_name, arcname in files:
        try:
            with default_storage.open(stored_name, "rb") as source, archive.open(arcname, "w") as target:
                shutil.copyfileobj(source, target, 1024 * 1024)
        except (FileNotFoundError, OSError):
            missing.append(arcname)
    return missing


def readme(person: Person, counts: dict[str, int], missing: list[str], at: datetime.datetime) -> str:
    lines = [
        "DỮ LIỆU CÁ NHÂN ĐANG LƯU TRONG HỆ THỐNG THI ĐUA, KHEN THƯỞNG",
        "",
        f"Người được xuất dữ liệu: {person.full_name} (mã số {person.pk} trong hệ thống)",
        f"Thời điểm xuất: {timezone.localtime(at):%d/%m/%Y %H:%M}",
        "Căn cứ: Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân.",
        "",
        "Gói gồm:",
        f"- {DATA_NAME}: toàn bộ dữ liệu về người này, mã hóa UTF-8, đọc được bằng mọi trình soạn thảo văn bản.",
        "  Mỗi phần có «mo_ta» (phần này chứa gì) và «ban_ghi» (các bản ghi). Giá trị có mã và tên được ghi",
        '  {"ma": …, "ten": …}; bản ghi liên quan được ghi {"id": …, "ten": …} hoặc chỉ mã số.',
        f"- {FILES_DIR}/: các tệp (minh chứng, tệp đính kèm sáng kiến, hồ sơ đề nghị, ảnh), mỗi tệp ghi ở",
        "  bản ghi tương ứng trong mục «tep_trong_goi».",
        f"- {README_NAME}: tệp này.",
        "",
        "Các phần (số bản ghi):",
    ]
    lines += [f"- {part.key} ({counts.get(part.key, 0)}): {part.title}" for part in PARTS]
    lines += [
        "",
        "Không có trong gói: mật khẩu (hệ thống chỉ lưu dạng mã hóa một chiều); nội dung hồ sơ của",
        "đơn vị hoặc của người khác mà người này đã thao tác (chỉ ghi thao tác trong nhat_ky_thao_tac);",
        "tên thành viên Hội đồng đã chấm điểm cho người này.",
    ]
    if missing:
        lines += ["", "Các tệp sau không còn trên máy chủ nên không có trong gói:"] + [f"- {name}" for name in missing]
    return "\r\n".join(lines) + "\r\n"


def write_export(person: Person, *, exported_by) -> IO[bytes]:
    """The .zip of everything held about `person`, in a temporary file (rewound)."""
    user = person.user
    at = timezone.now()
    target = tempfile.TemporaryFile()
    counts: dict[str, int] = {}
    with translation.override("vi"), zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(DATA_NAME, "w") as stream:
            writer = _Writer(stream)
            header = {
                "he_thong": "Thi Đua",
                "thoi_diem_xuat": _plain(at),
                "nguoi_xuat": getattr(exported_by, "username", ""),
                "ca_nhan": {"id": person.pk, "ho_va_ten": person.full_name},
            }
            writer.write("{\n" + ",\n".join(f'  "{k}": {writer.value(v, 2)}' for k, v in header.items()))
            writer.write(',\n  "cac_phan": {\n')
            for index, part in enumerate(PARTS):
                if index:
                    writer.write(",\n")
                counts[part.key] = writer.part(part, person, user)
            writer.write("\n  }\n}\n")
        missing = _copy_files(archive, writer.files)
        archive.writestr(README_NAME, readme(person, counts, missing, at))
    target.seek(0)
    return target


def export_filename(person: Person) -> str:
    return f"du-lieu-ca-nhan-{person.pk}.zip"
