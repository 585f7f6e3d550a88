"""The fixed texts of the rating meetings' documents (each unit's minutes and the
year-end guidance to units), with their defaults; the office changes them on "Câu chữ
văn bản" (thidua/wording)."""

from thidua.wording.registry import DocumentType, Text, register

MINUTES = register(
    DocumentType(
        key="bien_ban_binh_xet",
        name="Biên bản họp bình xét thi đua, khen thưởng của đơn vị",
        note="Giờ, ngày, địa điểm, thành phần, số phiếu và kết luận riêng của đơn vị lấy từ cuộc họp đã ghi.",
        texts=(
            Text("trich_yeu", "Trích yếu", "Họp bình xét thi đua, khen thưởng năm {nam}", fields=("nam",)),
            Text(
                "mo_dau",
                "Đoạn mở đầu",
                "Thực hiện Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022, Nghị định số 98/2023/NĐ-CP ngày 31 "
                "tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen "
                "thưởng và {ke_hoach}; hồi {gio_bat_dau}, {ngay}, tại {dia_diem}, {don_vi} tổ chức họp bình xét thi "
                "đua, khen thưởng năm {nam}.",
                fields=("ke_hoach", "gio_bat_dau", "ngay", "dia_diem", "don_vi", "nam"),
            ),
            Text(
                "noi_dung",
                "Nội dung",
                "Cuộc họp đã nghe báo cáo thành tích của các cá nhân, thảo luận và biểu quyết bằng phiếu; kết quả "
                "bình xét như sau:",
            ),
            Text(
                "ket_luan",
                "Kết luận",
                "Cuộc họp thống nhất đề nghị cấp có thẩm quyền xem xét, công nhận danh hiệu thi đua, khen thưởng cho "
                "các cá nhân theo kết quả bình xét nêu trên.",
            ),
            Text(
                "ket_thuc",
                "Câu kết thúc",
                "Cuộc họp kết thúc hồi {gio_ket_thuc} cùng ngày. Biên bản đã được đọc lại cho những người dự họp cùng "
                "nghe và thống nhất thông qua.",
                fields=("gio_ket_thuc",),
            ),
            Text("ky_trai", "Chức danh ký bên trái", "Thư ký"),
            Text("ky_phai", "Chức danh ký bên phải", "Chủ trì"),
            Text("noi_nhan", "Nơi nhận", "Văn phòng Sở (để tổng hợp)\nLưu: đơn vị", lines=True),
        ),
        sample={
            "nam": "2026",
            "ke_hoach": "Kế hoạch số 05/KH-STP ngày 10/01/2026",
            "gio_bat_dau": "08 giờ 00 phút",
            "ngay": "ngày 05 tháng 12 năm 2026",
            "dia_diem": "Phòng họp đơn vị",
            "don_vi": "Phòng Hành chính tư pháp",
            "gio_ket_thuc": "10 giờ 30 phút",
        },
    )
)
