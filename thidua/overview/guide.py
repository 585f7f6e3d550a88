"""The user guide (Hướng dẫn sử dụng): the year's tasks, one section each, with who does
it, the steps in the screens' own words and a screenshot of the page where it is done.

The screenshots are taken by the browser tests on the demo year
(`tests/browser/test_guide.py`) and saved under `static/guide/`, so they show the
screens as they are. The "?" link of every page opens the section of the task the page
belongs to (`section_for`)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Task:
    key: str  # the section's anchor and its screenshot's name
    title: str
    who: str
    steps: tuple
    # The pages that belong to this task: their paths start with one of these.
    paths: tuple

    @property
    def screenshot(self) -> str:
        return f"guide/{self.key}.png"


TASKS = (
    Task(
        "dang-ky-thi-dua",
        _("Đăng ký thi đua"),
        _("Thủ trưởng đơn vị; mỗi cán bộ ghi đăng ký của mình; Văn phòng Sở tiếp nhận"),
        (
            _("Khi đợt đăng ký mở, trang chủ báo «Đợt đăng ký thi đua năm … đang mở». Bấm vào dòng đó."),
            _("Chọn danh hiệu tập thể đơn vị đăng ký và ghi cam kết ở từng nội dung thi đua của Kế hoạch."),
            _("Cán bộ trong đơn vị tự ghi danh hiệu cá nhân đăng ký ở trang «Đăng ký của tôi»."),
            _("Bấm «Gửi đăng ký». Hệ thống hỏi lại vì sau khi gửi, đơn vị không sửa được nữa trừ khi bị trả lại."),
            _(
                "Văn phòng Sở mở «Tổng hợp đăng ký», đánh dấu các bản đã gửi và bấm «Tiếp nhận», hoặc «Trả "
                "lại» kèm lý do."
            ),
        ),
        ("/dang-ky-thi-dua/",),
    ),
    Task(
        "ket-qua-minh-chung",
        _("Ghi kết quả và minh chứng"),
        _("Cán bộ ghi; thủ trưởng đơn vị xác nhận"),
        (
            _("Mở Phong trào → Kết quả, minh chứng → «Ghi kết quả mới»."),
            _("Chọn nội dung thi đua, ghi ngày và mô tả kết quả, đính kèm tệp minh chứng (PDF, ảnh, Word, Excel)."),
            _("Bấm «Gửi» để thủ trưởng đơn vị xác nhận; kết quả bị trả lại hiện trên trang chủ kèm lý do."),
            _("Thủ trưởng đơn vị mở «Kết quả chờ xác nhận», đánh dấu các kết quả đúng và bấm «Xác nhận» một lần."),
        ),
        ("/ket-qua/",),
    ),
    Task(
        "tiep-nhan-bao-cao",
        _("Tiếp nhận báo cáo của đơn vị"),
        _("Văn phòng Sở"),
        (
            _("Trên trang chủ, bấm dòng «… báo cáo của đơn vị chờ Văn phòng Sở tiếp nhận»."),
            _("Bảng «Tình hình nộp báo cáo» mở sẵn các báo cáo đã gửi. Đọc từng báo cáo nếu cần."),
            _("Đánh dấu các báo cáo (ô ở đầu bảng chọn tất cả) rồi bấm «Tiếp nhận»."),
            _("Trang xác nhận liệt kê đúng các báo cáo sẽ được tiếp nhận; bấm «Tiếp nhận các báo cáo này»."),
            _("Đơn vị chưa gửi đúng hạn: bấm «Nhắc» ở dòng của đơn vị, hoặc nhắc tất cả ở trang kỳ báo cáo."),
        ),
        ("/bao-cao/tinh-hinh/", "/bao-cao/cua-don-vi/", "/bao-cao/don-vi/", "/bao-cao/lich/"),
    ),
    Task(
        "bao-cao-tong-hop",
        _("Lập và gửi báo cáo tổng hợp"),
        _("Văn phòng Sở lập, Giám đốc Sở ký"),
        (
            _("Mở Báo cáo → Kỳ báo cáo và báo cáo tổng hợp, chọn kỳ báo cáo năm."),
            _("Bấm «Lập báo cáo tổng hợp»: số liệu được tổng hợp từ báo cáo các đơn vị và số liệu chỉ tiêu."),
            _("Bấm «Xem trước (PDF)» để đọc văn bản, rồi cấp số văn bản và tải bản Word hoặc PDF để trình ký."),
            _("Ghi ngày gửi và nơi nhận. Hạn «trước ngày 15/12» nghĩa là gửi chậm nhất ngày 14/12."),
        ),
        ("/bao-cao/ky/", "/bao-cao/tong-hop/"),
    ),
    Task(
        "hop-hoi-dong",
        _("Chuẩn bị và họp Hội đồng Thi đua – Khen thưởng"),
        _("Văn phòng Sở chuẩn bị; thành viên Hội đồng biểu quyết"),
        (
            _("Văn phòng Sở mở Khen thưởng → Hội đồng Thi đua – Khen thưởng, tạo phiên họp, chọn thành viên dự họp."),
            _("Đưa các đề nghị đã tiếp nhận ra phiên họp; tải Giấy mời và phiếu bầu (nếu bỏ phiếu kín)."),
            _(
                "Thành viên mở phiên họp từ trang chủ. Ở «Biểu quyết cả danh sách», mỗi đề nghị chọn sẵn "
                "«Đồng ý»; chỉ đổi ở đề nghị có ý kiến khác rồi ghi một lần."
            ),
            _("Kết thúc phiên họp: Văn phòng Sở ghi giờ bắt đầu, kết thúc và ban hành biên bản."),
        ),
        ("/hoi-dong/",),
    ),
    Task(
        "ban-hanh-quyet-dinh",
        _("Phê duyệt và ban hành quyết định khen thưởng"),
        _("Giám đốc Sở"),
        (
            _("Trên trang chủ, bấm «… đề nghị Hội đồng đã thông qua chờ Giám đốc phê duyệt»."),
            _("Đánh dấu các đề nghị và bấm «Phê duyệt»; trang xác nhận nêu đề nghị nào chưa phê duyệt được và vì sao."),
            _(
                "Mở «Ban hành quyết định», chọn các đề nghị đã phê duyệt, ngày quyết định; bấm «Xem trước "
                "(PDF)» để đọc."
            ),
            _(
                "Bấm «Ban hành quyết định»: quyết định được cấp số trong sổ văn bản đi; tải Giấy khen để "
                "in, cả bản in lên phôi."
            ),
        ),
        ("/de-nghi-khen-thuong/", "/quyet-dinh-khen-thuong/", "/so-khen-thuong/"),
    ),
    Task(
        "cong-bo-dien-hinh",
        _("Công bố điển hình tiên tiến"),
        _("Văn phòng Sở"),
        (
            _("Mở Khen thưởng → Chọn nội dung công bố."),
            _(
                "Chọn điển hình tiên tiến, khen thưởng hoặc sáng kiến sẽ công bố; chỉ những gì được chọn "
                "mới hiện công khai."
            ),
            _("Xem trang tôn vinh công khai ở chân mỗi trang."),
        ),
        ("/ton-vinh/",),
    ),
)


def section_for(path: str) -> Task | None:
    """The task a page belongs to, by its path; None for a page of no task."""
    return next((task for task in TASKS if path.startswith(task.paths)), None)
