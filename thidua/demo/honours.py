"""The honours page of the demo year (demo-story.md, December 2026 – January 2027): the
office writes up and publishes three outstanding examples — the legal-aid centre's
mobile legal aid in remote communes, the notary office's paperless work, and the
civil servant who digitised the judicial-record archive — publishes the recognised
initiatives to be replicated, and the awards decided for 2025.

Idempotent: an example is keyed on its title; an initiative or an award that already
has a publication row (published, or taken off by the office since) is left as it is."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.honours import services
from thidua.honours.models import OutstandingExample
from thidua.initiatives.models import Initiative
from thidua.organization.models import Person, Unit, User

AWARDS_YEAR = 2025


@dataclass(frozen=True)
class DemoExample:
    unit: str | None
    person: str | None
    title: str
    text: str
    year: int = 2026


EXAMPLES = [
    DemoExample(
        "TGPL",
        None,
        "Trợ giúp pháp lý lưu động đến tận các xã vùng cao",
        "Năm 2026, Trung tâm Trợ giúp pháp lý nhà nước tổ chức nhiều đợt trợ giúp pháp lý lưu động tại "
        "các xã vùng cao, đặc biệt khó khăn, tư vấn cho hàng trăm người dân về đất đai, hôn nhân và gia "
        "đình bằng tiếng Tày, tiếng Dao qua người phiên dịch tại chỗ.\n\nMỗi đợt đều kết hợp hướng dẫn "
        "người dân kích hoạt tài khoản định danh điện tử VNeID và tra cứu thông tin pháp luật trên điện "
        "thoại, góp phần đưa Phong trào «Bình dân học vụ số» về tận thôn bản.",
    ),
    DemoExample(
        "CC1",
        None,
        "Phòng Công chứng số 1: công chứng ít giấy, nhanh hơn",
        "Phòng Công chứng số 1 chuyển sang lưu trữ hồ sơ công chứng điện tử, ký số văn bản và trao đổi "
        "tài liệu với người yêu cầu công chứng qua thư điện tử, giảm mạnh số trang giấy in mỗi tháng."
        "\n\nCách làm được Văn phòng Sở giới thiệu để các đơn vị khác tham khảo, áp dụng.",
    ),
    DemoExample(
        None,
        "PBGD-02",
        "Số hóa hồ sơ lý lịch tư pháp lưu trữ",
        "Chủ trì quét, nhập dữ liệu và đối chiếu hàng nghìn hồ sơ lý lịch tư pháp lưu trữ, giúp việc tra "
        "cứu, cấp Phiếu lý lịch tư pháp nhanh hơn và kết nối với tiếp nhận hồ sơ trực tuyến.",
    ),
]


def _examples(office: User) -> int:
    existing = set(OutstandingExample.objects.values_list("title", flat=True))
    units = Unit.objects.in_bulk([e.unit for e in EXAMPLES if e.unit], field_name="code")
    people = Person.objects.in_bulk([e.person for e in EXAMPLES if e.person], field_name="code")
    created = 0
    for row in EXAMPLES:
        subject = {"unit": units.get(row.unit)} if row.unit else {"person": people.get(row.person)}
        if row.title in existing or None in subject.values():
            continue
        example = services.save_example(
            actor=office, example=OutstandingExample(year=row.year, title=row.title, text=row.text, **subject)
        )
        services.publish_example(actor=office, example=example)
        created += 1
    return created


def _initiatives(office: User) -> int:
    fresh = Initiative.objects.filter(state=State.RECOGNISED, publication__isnull=True)
    return len([services.publish_initiative(actor=office, initiative=item) for item in fresh])


def _awards(office: User) -> int:
    fresh = (
        AwardRecord.objects.filter(year=AWARDS_YEAR, publication__isnull=True)
        .exclude(decision_number="")
        .exclude(decision_date__isnull=True)
        .select_related("award_type")
    )
    return len([services.publish_award(actor=office, award=award) for award in fresh])


@transaction.atomic
def load(plan) -> str:
    office = User.objects.filter(username="vanphong").first()
    if office is None:
        return gettext("Trang tôn vinh minh họa: chưa có tài khoản Văn phòng Sở minh họa, bỏ qua.")
    examples, initiatives, awards = _examples(office), _initiatives(office), _awards(office)
    return gettext(
        "Trang tôn vinh minh họa: công bố %(examples)s điển hình mới, %(initiatives)s sáng kiến, "
        "%(awards)s khen thưởng năm %(year)s."
    ) % {"examples": examples, "initiatives": initiatives, "awards": awards, "year": AWARDS_YEAR}
