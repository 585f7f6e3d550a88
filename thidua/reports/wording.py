"""The fixed texts of the department's consolidated report, with their defaults; the
office changes them on "Câu chữ văn bản" (thidua/wording). Kính gửi and Nơi nhận are
copied into each report when it is consolidated, where the office may still change
them for that report alone."""

from thidua.wording.registry import DocumentType, Text, register

CONSOLIDATED = register(
    DocumentType(
        key="bao_cao_tong_hop",
        name="Báo cáo tổng hợp kết quả phong trào thi đua",
        note=(
            "Kính gửi (báo cáo năm thêm các nơi Kế hoạch giao báo cáo hằng năm) và Nơi nhận được chép vào từng "
            "báo cáo khi tổng hợp; "
            "nội dung và số liệu do Văn phòng viết và hệ thống tổng hợp."
        ),
        texts=(
            Text("kinh_gui", "Kính gửi (mặc định, mỗi dòng một nơi)", "UBND tỉnh", lines=True),
            Text(
                "noi_nhan",
                "Nơi nhận khác (mặc định, sau «Như trên»)",
                "Giám đốc Sở\nCác Phó Giám đốc Sở\nLưu: VT, VP",
                lines=True,
            ),
            Text(
                "mo_dau",
                "Đoạn mở đầu",
                "{co_quan} báo cáo kết quả {ky_bao_cao} thực hiện {ke_hoach} như sau:",
                fields=("co_quan", "ky_bao_cao", "ke_hoach"),
            ),
            Text("khong_co", "Câu khi một mục không có nội dung", "Không có."),
        ),
        sample={
            "co_quan": "Sở Tư pháp tỉnh Tuyên Quang",
            "ky_bao_cao": "năm 2026",
            "ke_hoach": "Kế hoạch số 05/KH-STP ngày 10/01/2026",
        },
    )
)
