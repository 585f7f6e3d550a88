"""The demo year's results (demo-story.md, May–November 2026): the civil-records work
of the PBGD division moving judicial-record certificates online, the legal-aid centre's
mobile legal aid in remote communes, the notary office cutting printed paper, and the
other units' work, each with a small generated PDF as evidence. Most person entries are
confirmed; one waits for the PBGD head. The auction centre records nothing after June,
so the office sees one unit with nothing this quarter.

Idempotent: an entry is keyed on its plan, unit, person and title; an existing entry is
left exactly as it is."""

import datetime
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext

from thidua.core.codes import State
from thidua.organization.enums import Role
from thidua.organization.models import Membership, Person, Unit
from thidua.plans.enums import SubjectKind
from thidua.plans.models import Plan
from thidua.results import services
from thidua.results.models import ResultEntry


@dataclass(frozen=True)
class DemoResult:
    unit: str
    person: str | None  # a person code, None for the unit's own result
    date: datetime.date
    area: str  # content area number
    criterion: str | None  # criterion number, of the kind that fits the entry
    title: str
    description: str
    quantity: str | None
    quantity_unit: str
    files: tuple[str, ...]
    state: str = State.CONFIRMED


D = datetime.date
RESULTS = [
    DemoResult(
        "PBGD",
        None,
        D(2026, 5, 20),
        "2",
        "4",
        "Tiếp nhận hồ sơ cấp Phiếu lý lịch tư pháp trực tuyến qua Cổng Dịch vụ công quốc gia",
        "Toàn bộ hồ sơ đề nghị cấp Phiếu lý lịch tư pháp được tiếp nhận trực tuyến; người dân không "
        "phải đến trụ sở nộp hồ sơ giấy.",
        "1240",
        "hồ sơ",
        ("Báo cáo tiếp nhận hồ sơ LLTP trực tuyến tháng 5-2026.pdf",),
    ),
    DemoResult(
        "PBGD",
        None,
        D(2026, 8, 14),
        "2",
        "4",
        "Trả Phiếu lý lịch tư pháp điện tử trên ứng dụng VNeID",
        "Phiếu lý lịch tư pháp điện tử được trả trên VNeID, có giá trị như bản giấy.",
        "860",
        "phiếu",
        ("Thống kê phiếu LLTP điện tử quý III.pdf", "Ảnh chụp màn hình VNeID.pdf"),
    ),
    DemoResult(
        "PBGD",
        None,
        D(2026, 10, 22),
        "4",
        "1",
        "Tập huấn kỹ năng số cho công chức tư pháp – hộ tịch cấp xã",
        "Hai lớp tập huấn về dịch vụ công trực tuyến và ký số cho công chức tư pháp – hộ tịch.",
        "135",
        "người",
        ("Danh sách học viên tập huấn kỹ năng số.pdf",),
    ),
    DemoResult(
        "PBGD",
        "PBGD-02",
        D(2026, 6, 18),
        "2",
        "1",
        "Số hóa hồ sơ lý lịch tư pháp lưu trữ giai đoạn 2015–2020",
        "Quét, nhập dữ liệu và đối chiếu hồ sơ lý lịch tư pháp lưu trữ để tra cứu trên máy.",
        "3200",
        "hồ sơ",
        ("Biên bản nghiệm thu số hóa hồ sơ LLTP.pdf",),
    ),
    DemoResult(
        "PBGD",
        "PBGD-02",
        D(2026, 11, 10),
        "4",
        "2",
        "Hướng dẫn người dân nộp hồ sơ lý lịch tư pháp trực tuyến tại Bộ phận một cửa",
        "Trực hướng dẫn tại Bộ phận một cửa, giúp người dân tự nộp hồ sơ trên điện thoại.",
        "210",
        "lượt",
        ("Sổ theo dõi hướng dẫn nộp hồ sơ trực tuyến.pdf",),
        State.SUBMITTED,
    ),
    DemoResult(
        "PBGD",
        "PBGD-03",
        D(2026, 9, 5),
        "1",
        "2",
        "Biên soạn bộ hỏi – đáp pháp luật về chuyển đổi số trên Cổng thông tin của Sở",
        "Sáu mươi câu hỏi – đáp ngắn về giao dịch điện tử, chữ ký số và bảo vệ dữ liệu cá nhân.",
        "60",
        "câu",
        ("Bộ hỏi đáp pháp luật về chuyển đổi số.pdf",),
    ),
    DemoResult(
        "TGPL",
        None,
        D(2026, 6, 25),
        "4",
        "1",
        "Trợ giúp pháp lý lưu động tại các xã vùng cao",
        "Ba đợt trợ giúp pháp lý lưu động tại xã vùng cao, kết hợp hướng dẫn kích hoạt tài khoản "
        "định danh điện tử VNeID.",
        "146",
        "người được trợ giúp",
        ("Báo cáo đợt trợ giúp pháp lý lưu động tháng 6.pdf",),
    ),
    DemoResult(
        "TGPL",
        None,
        D(2026, 9, 17),
        "4",
        "1",
        "Trợ giúp pháp lý lưu động cho đồng bào dân tộc thiểu số ở xã đặc biệt khó khăn",
        "Tư vấn pháp luật về đất đai, hôn nhân và gia đình bằng tiếng Tày, tiếng Dao qua người phiên dịch tại chỗ.",
        "97",
        "người được trợ giúp",
        ("Báo cáo trợ giúp pháp lý lưu động quý III.pdf",),
    ),
    DemoResult(
        "TGPL",
        None,
        D(2026, 10, 28),
        "2",
        "4",
        "Tư vấn pháp luật trực tuyến cho người dân xã vùng sâu",
        "Trợ giúp viên tư vấn qua cuộc gọi video với điểm cầu tại Ủy ban nhân dân xã.",
        "38",
        "vụ việc",
        ("Danh sách vụ việc tư vấn trực tuyến.pdf",),
    ),
    DemoResult(
        "TGPL",
        "TGPL-03",
        D(2026, 7, 9),
        "1",
        "2",
        "Thực hiện vụ việc trợ giúp pháp lý cho người dân tộc thiểu số",
        "Tham gia tố tụng và tư vấn cho người dân tộc thiểu số ở xã vùng cao.",
        "12",
        "vụ việc",
        ("Thống kê vụ việc trợ giúp pháp lý.pdf",),
    ),
    DemoResult(
        "CC1",
        None,
        D(2026, 5, 29),
        "5",
        "2",
        "Lưu trữ hồ sơ công chứng điện tử, giảm in giấy",
        "Bản nháp, bản đối chiếu và hồ sơ nội bộ được lưu điện tử; chỉ in văn bản công chứng phát hành.",
        "4500",
        "trang mỗi tháng",
        ("Phương án giảm in giấy tại Phòng Công chứng số 1.pdf",),
    ),
    DemoResult(
        "CC1",
        None,
        D(2026, 10, 15),
        "5",
        "2",
        "In hai mặt và soát xét văn bản trên màn hình",
        "Mặc định in hai mặt trên mọi máy in; dự thảo văn bản được soát xét trên màn hình.",
        "30",
        "%",
        ("Kết quả giảm giấy in quý III.pdf",),
    ),
    DemoResult(
        "CC1",
        "CC1-03",
        D(2026, 8, 20),
        "2",
        "1",
        "Ký số văn bản trao đổi với Văn phòng đăng ký đất đai",
        "Văn bản đề nghị và trả lời được ký số và gửi qua hệ thống quản lý văn bản.",
        None,
        "",
        ("Quy trình trao đổi văn bản ký số.pdf",),
    ),
    DemoResult(
        "XDKT",
        None,
        D(2026, 6, 10),
        "3",
        "3",
        "Rà soát văn bản quy phạm pháp luật của tỉnh về chuyển đổi số",
        "Rà soát, kiến nghị sửa đổi các văn bản không còn phù hợp với quy định về giao dịch điện tử.",
        "48",
        "văn bản",
        ("Báo cáo kết quả rà soát văn bản.pdf",),
    ),
    DemoResult(
        "XDKT",
        None,
        D(2026, 11, 5),
        "3",
        "5",
        "Thẩm định dự thảo chính sách hỗ trợ doanh nghiệp chuyển đổi số",
        "Góp ý, thẩm định dự thảo nghị quyết hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số.",
        "1",
        "dự thảo",
        ("Báo cáo thẩm định dự thảo nghị quyết.pdf",),
    ),
    DemoResult(
        "BTTP",
        None,
        D(2026, 7, 22),
        "2",
        "4",
        "Cập nhật cơ sở dữ liệu công chứng, chứng thực dùng chung của tỉnh",
        "Các tổ chức hành nghề công chứng cập nhật giao dịch vào cơ sở dữ liệu dùng chung.",
        "5200",
        "giao dịch",
        ("Báo cáo cập nhật cơ sở dữ liệu công chứng.pdf",),
    ),
    DemoResult(
        "BTTP",
        None,
        D(2026, 10, 8),
        "2",
        "1",
        "Hướng dẫn thực hiện thủ tục hành chính trực tuyến toàn trình về bổ trợ tư pháp",
        "Văn bản hướng dẫn và hội nghị trực tuyến với các tổ chức hành nghề.",
        None,
        "",
        ("Văn bản hướng dẫn thủ tục trực tuyến toàn trình.pdf",),
    ),
    DemoResult(
        "VP",
        None,
        D(2026, 6, 30),
        "2",
        "4",
        "Ký số 100% văn bản đi trên hệ thống quản lý văn bản và điều hành",
        "Mọi văn bản đi của Sở được ký số và phát hành điện tử.",
        "100",
        "%",
        ("Thống kê văn bản đi ký số 6 tháng.pdf",),
    ),
    DemoResult(
        "VP",
        None,
        D(2026, 11, 20),
        "5",
        "2",
        "Thay đèn chiếu sáng tiết kiệm điện tại trụ sở Sở",
        "Thay bóng đèn huỳnh quang bằng đèn LED ở hành lang và phòng làm việc.",
        "120",
        "bóng đèn",
        ("Biên bản nghiệm thu thay đèn LED.pdf",),
    ),
    DemoResult(
        "VP",
        "VP-02",
        D(2026, 9, 25),
        "5",
        "1",
        "Quy trình họp không giấy tờ cho cuộc họp giao ban",
        "Tài liệu họp gửi trước trên hệ thống; không in tài liệu cho cuộc họp giao ban hằng tuần.",
        None,
        "",
        ("Quy trình họp không giấy tờ.pdf",),
    ),
    DemoResult(
        "DGTS",
        None,
        D(2026, 5, 12),
        "2",
        "4",
        "Tổ chức cuộc đấu giá trực tuyến đầu tiên",
        "Đấu giá quyền sử dụng đất trên trang thông tin đấu giá trực tuyến.",
        "1",
        "cuộc đấu giá",
        ("Biên bản cuộc đấu giá trực tuyến.pdf",),
    ),
]


def _ascii(text: str) -> str:
    """PDF's standard fonts have no Vietnamese letters: the text without its marks."""
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.encode("ascii", "ignore").decode().replace("\\", "/").replace("(", "[").replace(")", "]")


def pdf_bytes(*lines: str) -> bytes:
    """A one-page PDF with a few lines of text, valid enough for any reader."""
    text = " ".join(f"({_ascii(line)}) '" for line in lines)
    stream = f"BT /F1 12 Tf 50 790 Td 18 TL {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    body, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(body)


def _head_account(unit: Unit):
    membership = Membership.objects.filter(unit=unit, role=Role.UNIT_HEAD).select_related("user").first()
    return membership.user if membership else None


def _create(plan: Plan, row: DemoResult, units: dict, people: dict) -> ResultEntry:
    unit, person = units[row.unit], people.get(row.person)
    kind = SubjectKind.INDIVIDUAL if person else SubjectKind.COLLECTIVE
    author = (person.user if person else None) or (None if person else _head_account(unit))
    files = [
        ContentFile(pdf_bytes(row.title, unit.name, row.date.strftime("%d/%m/%Y")), name=name) for name in row.files
    ]
    entry = services.record_result(
        actor=author,
        plan=plan,
        unit=unit,
        person=person,
        content_area=plan.content_areas.get(number=row.area),
        criterion=plan.criteria.filter(number=row.criterion, subject_kind=kind).first() if row.criterion else None,
        title=row.title,
        description=row.description,
        date=row.date,
        quantity=Decimal(row.quantity) if row.quantity else None,
        quantity_unit=row.quantity_unit,
        files=files,
    )
    services.submit_result(actor=author, entry=entry)
    if row.state == State.CONFIRMED and entry.state != State.CONFIRMED:
        services.confirm_result(actor=_head_account(unit), entry=entry)
    return entry


@transaction.atomic
def load(plan: Plan) -> str:
    units = Unit.objects.in_bulk({row.unit for row in RESULTS}, field_name="code")
    people = Person.objects.select_related("user").in_bulk(
        {row.person for row in RESULTS if row.person}, field_name="code"
    )
    if len(units) < len({row.unit for row in RESULTS}):
        return gettext("Kết quả minh họa: chưa có đơn vị minh họa, bỏ qua.")
    existing = set(ResultEntry.objects.filter(plan=plan).values_list("unit__code", "person__code", "title"))
    created = [
        _create(plan, row, units, people) for row in RESULTS if (row.unit, row.person, row.title) not in existing
    ]
    files = sum(len(row.files) for row in RESULTS if (row.unit, row.person, row.title) not in existing)
    return gettext("Kết quả minh họa: thêm %(entries)s kết quả, %(files)s tệp minh chứng.") % {
        "entries": len(created),
        "files": files,
    }
