"""The fixed texts of the council's minutes, with their defaults; the office changes
them on "Câu chữ văn bản" (thidua/wording). The council's Quy chế is cited from the
legal bases the office records there."""

from thidua.wording.registry import DocumentType, Text, register

MINUTES = register(
    DocumentType(
        key="bien_ban_hoi_dong",
        name="Biên bản họp Hội đồng Thi đua – Khen thưởng",
        note=(
            "Quy chế hoạt động của Hội đồng được trích dẫn theo căn cứ ghi ở trang «Căn cứ»; giờ họp, thành phần "
            "và kết quả biểu quyết lấy từ phiên họp."
        ),
        texts=(
            Text(
                "trich_yeu",
                "Trích yếu",
                "Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm {nam}",
                fields=("nam",),
            ),
            Text(
                "ty_le",
                "Đoạn về số thành viên có mặt và tỷ lệ thông qua",
                "Số thành viên có mặt tối thiểu: {ty_le_co_mat} tổng số thành viên, tức {so_co_mat} người. Đề nghị "
                "được thông qua khi số phiếu đồng ý trên {ty_le_thong_qua} tổng số thành viên Hội đồng, trừ các "
                "danh hiệu có ngưỡng riêng ghi tại bảng dưới.",
                fields=("ty_le_co_mat", "so_co_mat", "ty_le_thong_qua"),
            ),
            Text(
                "ket_luan",
                "Kết luận",
                "Hội đồng thống nhất thông qua {so_thong_qua}/{so_de_nghi} đề nghị; Văn phòng Sở hoàn thiện hồ sơ, "
                "trình Giám đốc Sở quyết định hoặc trình cấp trên theo thẩm quyền.",
                fields=("so_thong_qua", "so_de_nghi"),
            ),
            Text(
                "ket_thuc",
                "Câu kết thúc",
                "Cuộc họp kết thúc vào hồi {gio_ket_thuc} cùng ngày. Biên bản được lập xong và thông qua tại cuộc họp.",
                fields=("gio_ket_thuc",),
            ),
            Text("ky_trai", "Chức danh ký bên trái", "THƯ KÝ"),
            Text("ky_phai", "Chức danh ký bên phải", "CHỦ TỌA"),
            Text("noi_nhan", "Nơi nhận", "Thành viên Hội đồng\nLưu: VT, VP", lines=True),
        ),
        sample={
            "nam": "2026",
            "ty_le_co_mat": "2/3",
            "so_co_mat": "05",
            "ty_le_thong_qua": "1/2",
            "so_thong_qua": "08",
            "so_de_nghi": "09",
            "gio_ket_thuc": "11 giờ 00",
        },
    )
)

INVITATION = register(
    DocumentType(
        key="giay_moi_hop_hoi_dong",
        name="Giấy mời họp Hội đồng Thi đua – Khen thưởng",
        note="Thành phần, giờ, ngày, địa điểm và số trường hợp lấy từ phiên họp.",
        texts=(
            Text(
                "trich_yeu",
                "Trích yếu",
                "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm {nam}",
                fields=("nam",),
            ),
            Text(
                "kinh_moi",
                "Lời mời",
                "{ten_so} trân trọng kính mời các thành viên Hội đồng Thi đua - Khen thưởng Sở dự phiên họp, cụ thể "
                "như sau:",
                fields=("ten_so",),
            ),
            Text(
                "noi_dung",
                "Nội dung phiên họp",
                "Xét, đề nghị khen thưởng năm {nam}: {so_truong_hop} trường hợp do Văn phòng Sở trình Hội đồng.",
                fields=("nam", "so_truong_hop"),
            ),
            Text(
                "de_nghi",
                "Đề nghị với thành viên",
                "Đề nghị các thành viên Hội đồng nghiên cứu hồ sơ trước phiên họp và tham dự đầy đủ, đúng thành phần. "
                "Văn phòng Sở chuẩn bị hồ sơ, tài liệu và địa điểm phiên họp.",
            ),
            Text("noi_nhan", "Nơi nhận", "Như thành phần mời\nLưu: VT, VP", lines=True),
        ),
        sample={"nam": "2026", "ten_so": "Sở Tư pháp tỉnh Tuyên Quang", "so_truong_hop": "09"},
    )
)
