"""The fixed texts of the review report (sơ kết, tổng kết), with their defaults; the
office changes them on "Câu chữ văn bản" (thidua/wording). A review's own Kính gửi and
Nơi nhận, written on the review's page, come before these defaults."""

from thidua.wording.registry import DocumentType, Text, register

REVIEW_REPORT = register(
    DocumentType(
        key="bao_cao_so_ket_tong_ket",
        name="Báo cáo sơ kết, tổng kết phong trào thi đua",
        note=(
            "Kính gửi và Nơi nhận Văn phòng ghi ở trang của đợt sơ kết, tổng kết được dùng thay các dòng mặc định này."
        ),
        texts=(
            Text("kinh_gui", "Kính gửi (mặc định, mỗi dòng một nơi)", "UBND tỉnh", lines=True),
            Text(
                "noi_nhan",
                "Nơi nhận (mặc định)",
                "Như trên\nGiám đốc Sở\nCác Phó Giám đốc Sở\nCác phòng, đơn vị thuộc Sở\nLưu: VT, VP",
                lines=True,
            ),
            Text(
                "mo_dau",
                "Đoạn mở đầu",
                "{co_quan} báo cáo kết quả {so_ket_tong_ket} thực hiện {ke_hoach} như sau (số liệu chốt ngày "
                "{ngay_chot}):",
                fields=("co_quan", "so_ket_tong_ket", "ke_hoach", "ngay_chot"),
            ),
            Text(
                "ket",
                "Câu kết",
                "Trên đây là báo cáo {so_ket_tong_ket} {giai_doan} thực hiện Kế hoạch của {co_quan}.",
                fields=("so_ket_tong_ket", "giai_doan", "co_quan"),
            ),
        ),
        sample={
            "co_quan": "Sở Tư pháp tỉnh Tuyên Quang",
            "so_ket_tong_ket": "sơ kết",
            "ke_hoach": "Kế hoạch số 05/KH-STP ngày 10/01/2026",
            "ngay_chot": "31/12/2027",
            "giai_doan": "giai đoạn 2026–2027",
        },
    )
)
