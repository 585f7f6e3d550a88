"""The registrations of the demo year 2026: the office opens the window for May, every
demo unit registers its collective title and commitments under each content area, its
people register theirs, and the office accepts them all; one unit's registration is
first returned ("thiếu cam kết ở nội dung 5"), corrected and sent again. Idempotent: a
unit that already has a 2026 registration is left exactly as it is."""

import datetime

from django.db import transaction
from django.utils import timezone

from thidua.core.codes import EmulationTitle
from thidua.organization.enums import Role
from thidua.organization.models import Membership, Person, Unit, User
from thidua.registrations import services
from thidua.registrations.models import UnitRegistration

YEAR = 2026
OPENS, CLOSES = datetime.date(YEAR, 5, 1), datetime.date(YEAR, 5, 31)
UNIT_TITLES = {
    "VP": EmulationTitle.TTLDXS,
    "XDKT": EmulationTitle.TTLDTT,
    "PBGD": EmulationTitle.TTLDXS,
    "BTTP": EmulationTitle.TTLDTT,
    "TGPL": EmulationTitle.TTLDXS,
    "CC1": EmulationTitle.TTLDTT,
    "DGTS": EmulationTitle.TTLDTT,
}
RETURNED_UNIT = "PBGD"
RETURN_REASON = "thiếu cam kết ở nội dung 5"
CSTDCS_PEOPLE = {"VP-01", "XDKT-01", "PBGD-01", "PBGD-03", "TGPL-02", "CC1-01"}

COMMITMENTS = {
    "1": "Quán triệt đến 100% cán bộ, công chức, viên chức, người lao động của đơn vị vai trò của khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi “xanh-số”; đưa nội dung này vào sinh hoạt chuyên môn hằng quý.",
    "2": "Xử lý 100% hồ sơ công việc trên môi trường mạng; ký số 100% văn bản đi; cập nhật đầy đủ, kịp thời "
    "dữ liệu chuyên ngành vào hệ thống của Sở.",
    "3": "Có ít nhất một sáng kiến, giải pháp cải tiến được áp dụng tại đơn vị trong năm.",
    "4": "100% cán bộ của đơn vị hoàn thành chương trình “Bình dân học vụ số” trên VNeID; hướng dẫn người dân "
    "sử dụng dịch vụ công trực tuyến.",
    "5": "Giảm 20% giấy in và 10% điện năng tiêu thụ so với năm 2025; phân loại rác thải tại nguồn; không sử "
    "dụng đồ nhựa dùng một lần trong các cuộc họp.",
}
UNIT_EXTRA = {
    "PBGD": {"3": " Đưa việc cấp Phiếu lý lịch tư pháp lên môi trường số, tra cứu hồ sơ lý lịch tư pháp đã số hóa."},
    "TGPL": {"3": " Tổ chức trợ giúp pháp lý lưu động tại các xã vùng sâu, vùng xa, có hỗ trợ trực tuyến."},
    "CC1": {"5": " Giảm tối đa bản in trong hồ sơ công chứng, lưu trữ hồ sơ điện tử."},
}
VAGUE_AREA_5 = "Thực hiện theo kế hoạch của Sở."
PERSONAL = {
    EmulationTitle.LDTT: "Hoàn thành tốt nhiệm vụ được giao; hoàn thành “Bình dân học vụ số” trên VNeID; xử lý hồ "
    "sơ công việc trên môi trường mạng và ký số văn bản; tiết kiệm giấy in, điện năng.",
    EmulationTitle.CSTDCS: "Hoàn thành xuất sắc nhiệm vụ được giao; có ít nhất một sáng kiến được công nhận ở cấp "
    "cơ sở; hướng dẫn đồng nghiệp sử dụng các nền tảng số; hoàn thành “Bình dân học vụ số” "
    "trên VNeID.",
}


def _moment(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _in_window(window, offset: int) -> datetime.datetime:
    """A day `offset` days into the window, never past its end (the office may have moved it)."""
    return _moment(min(window.opens_on + datetime.timedelta(days=offset), window.closes_on))


def _head_account(unit: Unit) -> User | None:
    membership = Membership.objects.filter(unit=unit, role=Role.UNIT_HEAD).select_related("user").first()
    return membership.user if membership else None


def _commitments(plan, unit: Unit, *, vague_area_5: bool = False) -> dict[int, str]:
    texts = {}
    for area in plan.content_areas.all():
        text = COMMITMENTS.get(area.number, COMMITMENTS["1"]) + UNIT_EXTRA.get(unit.code, {}).get(area.number, "")
        texts[area.pk] = VAGUE_AREA_5 if vague_area_5 and area.number == "5" else text
    return texts


def _register_people(registration: UnitRegistration, head: User | None) -> int:
    people = list(Person.objects.filter(unit=registration.unit).select_related("user"))
    for person in people:
        title = EmulationTitle.CSTDCS if person.code in CSTDCS_PEOPLE else EmulationTitle.LDTT
        services.save_person_registration(
            registration=registration,
            person=person,
            title=title,
            commitments=PERSONAL[title],
            actor=person.user or head,
        )
    return len(people)


def _register_unit(plan, unit: Unit, window, office: User | None, offset: int) -> int:
    head = _head_account(unit)
    returned = unit.code == RETURNED_UNIT
    registration = services.open_registration(plan=plan, year=YEAR, unit=unit, actor=head)
    services.save_unit_registration(
        registration=registration,
        title=UNIT_TITLES[unit.code],
        actor=head,
        commitments=_commitments(plan, unit, vague_area_5=returned),
    )
    people = _register_people(registration, head)
    services.submit_registration(registration=registration, actor=head, at=_in_window(window, offset))
    if returned:
        services.return_registration(
            registration=registration, reason=RETURN_REASON, actor=office, at=_in_window(window, offset + 2)
        )
        services.save_unit_registration(
            registration=registration, title=UNIT_TITLES[unit.code], actor=head, commitments=_commitments(plan, unit)
        )
        services.submit_registration(registration=registration, actor=head, at=_in_window(window, offset + 8))
    services.accept_registration(
        registration=registration, actor=office, at=_moment(window.closes_on + datetime.timedelta(days=3))
    )
    return people


@transaction.atomic
def load(plan) -> str:
    office = User.objects.filter(username="vanphong").first()
    window = services.window_for(plan, YEAR) or services.set_window(
        plan=plan, year=YEAR, opens_on=OPENS, closes_on=CLOSES, actor=office
    )
    done = set(UnitRegistration.objects.filter(plan=plan, year=YEAR).values_list("unit__code", flat=True))
    units = Unit.objects.filter(code__in=UNIT_TITLES).exclude(code__in=done).order_by("order")
    added_units = added_people = 0
    for offset, unit in enumerate(units, start=4):
        added_people += _register_unit(plan, unit, window, office, offset)
        added_units += 1
    return f"Đăng ký thi đua năm {YEAR}: thêm {added_units} đơn vị và {added_people} cá nhân ({window})."
