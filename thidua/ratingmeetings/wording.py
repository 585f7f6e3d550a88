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

GUIDANCE = register(
    DocumentType(
        key="huong_dan_binh_xet",
        name="Hướng dẫn bình xét thi đua, khen thưởng cuối năm",
        note=(
            "Danh hiệu, hình thức khen thưởng và thành phần hồ sơ lấy từ danh mục và quy tắc R13 đang áp dụng; hạn "
            "gửi hồ sơ do Văn phòng chọn khi tải văn bản. Mỗi dòng của «Mục đích, yêu cầu» và «Trình tự» là một "
            "đoạn."
        ),
        texts=(
            Text("trich_yeu", "Trích yếu", "Bình xét thi đua, khen thưởng năm {nam}", fields=("nam",)),
            Text(
                "mo_dau",
                "Đoạn mở đầu",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Căn cứ Nghị định số 98/2023/NĐ-CP ngày "
                "31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen "
                "thưởng; Căn cứ {ke_hoach}; {ten_so} hướng dẫn các phòng, đơn vị thuộc Sở tổ chức bình xét thi đua, "
                "khen thưởng năm {nam} như sau:",
                fields=("ke_hoach", "ten_so", "nam"),
            ),
            Text(
                "muc_dich",
                "I. Mục đích, yêu cầu",
                "Đánh giá đúng kết quả thực hiện nhiệm vụ và phong trào thi đua năm {nam} của từng tập thể, cá nhân; "
                "lựa chọn những tập thể, cá nhân tiêu biểu để đề nghị khen thưởng.\n"
                "Việc bình xét bảo đảm chính xác, công khai, công bằng, kịp thời; đúng đối tượng, tiêu chuẩn, thủ "
                "tục, hồ sơ theo quy định của Luật Thi đua, khen thưởng và Nghị định số 98/2023/NĐ-CP.",
                fields=("nam",),
                lines=True,
            ),
            Text(
                "trinh_tu",
                "III. Trình tự bình xét (mỗi dòng một bước)",
                "Mỗi phòng, đơn vị tổ chức họp bình xét với toàn thể cán bộ, công chức, viên chức, người lao động; "
                "cuộc họp có biên bản ghi thời gian, địa điểm, chủ trì, thư ký, tổng số người của đơn vị, số người "
                "dự họp và số phiếu đồng ý, không đồng ý của từng người đối với từng danh hiệu, hình thức đề nghị.\n"
                "Căn cứ kết quả bình xét, thủ trưởng phòng, đơn vị lập tờ trình, danh sách đề nghị và báo cáo thành "
                "tích của từng tập thể, cá nhân.\n"
                "Văn phòng Sở tiếp nhận, kiểm tra hồ sơ, thông báo công khai danh sách đề nghị và trình Hội đồng Thi "
                "đua - Khen thưởng Sở xét trước khi trình Giám đốc Sở quyết định hoặc trình cấp trên khen thưởng.",
                lines=True,
            ),
            Text(
                "thoi_han",
                "IV. Thời hạn gửi hồ sơ",
                "Các phòng, đơn vị gửi hồ sơ đề nghị về Văn phòng Sở trước ngày {han}.",
                fields=("han",),
            ),
            Text(
                "ket",
                "Câu kết",
                "Trong quá trình thực hiện, nếu có vướng mắc, các phòng, đơn vị phản ánh về Văn phòng Sở để được "
                "hướng dẫn.",
            ),
            Text("noi_nhan", "Nơi nhận", "Các phòng, đơn vị thuộc Sở\nLưu: VT, VP", lines=True),
        ),
        sample={
            "nam": "2026",
            "ke_hoach": "Kế hoạch số 05/KH-STP ngày 10/01/2026",
            "ten_so": "Sở Tư pháp tỉnh Tuyên Quang",
            "han": "15/12/2026",
        },
    )
)
