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

_LAW_AND_DECREE = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số "
    "điều của Luật Thi đua, khen thưởng;"
)

ESTABLISHMENT = register(
    DocumentType(
        key="quyet_dinh_thanh_lap_hoi_dong",
        name="Quyết định thành lập Hội đồng Thi đua – Khen thưởng",
        note=(
            "Căn cứ chức năng, nhiệm vụ của Sở và Quy định của UBND tỉnh được ghi ở trang «Căn cứ»; căn cứ Kế hoạch "
            "và danh sách thành viên lấy từ dữ liệu của hệ thống."
        ),
        texts=(
            Text(
                "trich_yeu",
                "Trích yếu",
                "Về việc thành lập Hội đồng Thi đua - Khen thưởng {ten_so}",
                fields=("ten_so",),
            ),
            Text("can_cu", "Căn cứ luật, nghị định", _LAW_AND_DECREE, lines=True),
            Text("de_nghi", "Dòng «Theo đề nghị của»", "Theo đề nghị của Chánh Văn phòng Sở."),
            Text(
                "dieu_1",
                "Điều 1",
                "Thành lập Hội đồng Thi đua - Khen thưởng {ten_so} gồm các ông, bà có tên sau:",
                fields=("ten_so",),
            ),
            Text(
                "dieu_2",
                "Điều 2: nhiệm vụ của Hội đồng",
                "Hội đồng có nhiệm vụ tham mưu cho Giám đốc Sở về công tác thi đua, khen thưởng; xét, đề nghị Giám "
                "đốc Sở quyết định khen thưởng theo thẩm quyền hoặc trình cấp trên khen thưởng. Hội đồng làm việc "
                "theo Quy chế tổ chức và hoạt động ban hành kèm theo Quyết định này. Văn phòng Sở là bộ phận thường "
                "trực của Hội đồng.",
            ),
            Text("hieu_luc", "Điều 3: câu hiệu lực", "Quyết định này có hiệu lực kể từ ngày ký."),
            Text(
                "dieu_4",
                "Điều 4: trách nhiệm thi hành",
                "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các ông, bà có tên tại Điều 1 chịu trách "
                "nhiệm thi hành Quyết định này.",
            ),
            Text("noi_nhan", "Nơi nhận", "Như Điều 4\nSở Nội vụ\nLưu: VT, VP", lines=True),
        ),
        sample={"ten_so": "Sở Tư pháp tỉnh Tuyên Quang"},
    )
)

COUNCIL_RULES = register(
    DocumentType(
        key="quy_che_hoi_dong",
        name="Quy chế tổ chức và hoạt động của Hội đồng Thi đua – Khen thưởng",
        note=(
            "Tên chương, tên điều và bố cục do hệ thống dựng; tỷ lệ có mặt, tỷ lệ thông qua và các danh hiệu bỏ "
            "phiếu kín lấy từ thiết lập R17 Văn phòng đã xác nhận."
        ),
        texts=(
            Text(
                "trich_yeu",
                "Trích yếu",
                "Tổ chức và hoạt động của Hội đồng Thi đua - Khen thưởng {ten_so}",
                fields=("ten_so",),
            ),
            Text(
                "dieu_1",
                "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
                "Quy chế này quy định về tổ chức, nhiệm vụ, quyền hạn và hoạt động của Hội đồng Thi đua - Khen "
                "thưởng {ten_so}; áp dụng đối với các thành viên Hội đồng và các phòng, đơn vị thuộc Sở.",
                fields=("ten_so",),
            ),
            Text(
                "dieu_2",
                "Điều 2. Nguyên tắc làm việc",
                "Hội đồng làm việc theo chế độ tập thể, biểu quyết theo đa số; bảo đảm công khai, công bằng, chính "
                "xác, kịp thời theo quy định của Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số "
                "98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của "
                "Luật Thi đua, khen thưởng.",
            ),
            Text(
                "dieu_3",
                "Điều 3. Nhiệm vụ, quyền hạn của Hội đồng",
                "Tham mưu cho Giám đốc Sở phát động, tổ chức các phong trào thi đua; định kỳ đánh giá kết quả phong "
                "trào; xét, đề nghị Giám đốc Sở khen thưởng theo thẩm quyền hoặc trình cấp trên khen thưởng.",
            ),
            Text(
                "dieu_4",
                "Điều 4. Nhiệm vụ của các thành viên",
                "Chủ tịch Hội đồng lãnh đạo, điều hành hoạt động của Hội đồng và chủ trì các phiên họp. Phó Chủ tịch "
                "Hội đồng giúp Chủ tịch điều hành và chủ trì phiên họp khi được Chủ tịch ủy quyền. Ủy viên tham gia "
                "đầy đủ các phiên họp, nghiên cứu hồ sơ và biểu quyết. Thư ký Hội đồng chuẩn bị hồ sơ, ghi biên bản "
                "các phiên họp và kiểm phiếu.",
            ),
            Text(
                "dieu_5",
                "Điều 5. Phiên họp",
                "Hội đồng họp định kỳ mỗi năm một lần để xét khen thưởng cuối năm và họp khi cần theo triệu tập của "
                "Chủ tịch Hội đồng. Phiên họp được tiến hành khi có mặt ít nhất {ty_le_co_mat} tổng số thành viên "
                "Hội đồng.",
                fields=("ty_le_co_mat",),
            ),
            Text(
                "dieu_6",
                "Điều 6. Biểu quyết",
                "Đề nghị khen thưởng được thông qua khi có số phiếu đồng ý trên {ty_le_thong_qua} tổng số thành viên "
                "Hội đồng.",
                fields=("ty_le_thong_qua",),
            ),
            Text(
                "nguong_rieng",
                "Điều 6: câu về danh hiệu có ngưỡng riêng",
                "Đối với danh hiệu {danh_hieu}, cần có ít nhất {ty_le} tổng số thành viên Hội đồng đồng ý.",
                fields=("danh_hieu", "ty_le"),
            ),
            Text(
                "phieu_kin",
                "Điều 6: câu về bỏ phiếu kín",
                "Hội đồng bỏ phiếu kín khi xét danh hiệu {danh_hieu}.",
                fields=("danh_hieu",),
            ),
            Text(
                "dieu_7",
                "Điều 7. Tổ chức thực hiện",
                "Văn phòng Sở là bộ phận thường trực của Hội đồng, có trách nhiệm theo dõi, đôn đốc thực hiện Quy chế "
                "này. Trong quá trình thực hiện, nếu có vướng mắc, các thành viên phản ánh về Văn phòng Sở để tổng "
                "hợp, báo cáo Giám đốc Sở xem xét, sửa đổi, bổ sung cho phù hợp.",
            ),
        ),
        sample={
            "ten_so": "Sở Tư pháp tỉnh Tuyên Quang",
            "ty_le_co_mat": "2/3",
            "ty_le_thong_qua": "1/2",
            "danh_hieu": "Chiến sĩ thi đua cơ sở",
            "ty_le": "2/3",
        },
    )
)

SECRET_BALLOT = register(
    DocumentType(
        key="phieu_bau_kin",
        name="Phiếu bầu kín và Biên bản kiểm phiếu",
        note="Các trường hợp bỏ phiếu kín, số phiếu và kết quả lấy từ phiên họp; không ghi ai bầu thế nào.",
        texts=(
            Text(
                "huong_dan",
                "Phiếu bầu: hướng dẫn đánh dấu",
                "Thành viên Hội đồng đánh dấu (X) vào một ô tương ứng với ý kiến của mình đối với từng trường hợp. "
                "Phiếu đánh dấu nhiều hơn một ô hoặc không đánh dấu ô nào ở một trường hợp thì không tính ở trường "
                "hợp đó.",
            ),
            Text(
                "trich_yeu_kiem_phieu",
                "Biên bản kiểm phiếu: trích yếu",
                "Kiểm phiếu bầu kín xét khen thưởng năm {nam}",
                fields=("nam",),
            ),
            Text(
                "mo_dau",
                "Biên bản kiểm phiếu: đoạn mở đầu",
                "Thực hiện Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 98/2023/NĐ-CP ngày 31 "
                "tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen "
                "thưởng; {ngay}, tại {dia_diem}, Hội đồng Thi đua - Khen thưởng {ten_so} tiến hành kiểm phiếu bầu "
                "kín xét khen thưởng năm {nam}.",
                fields=("ngay", "dia_diem", "ten_so", "nam"),
            ),
            Text(
                "ket_thuc",
                "Biên bản kiểm phiếu: câu kết thúc",
                "Việc kiểm phiếu kết thúc cùng ngày. Biên bản được lập thành hai bản, lưu cùng hồ sơ phiên họp và đã "
                "được công bố tại phiên họp.",
            ),
            Text("ky_trai", "Chức danh ký bên trái (người kiểm phiếu)", "Thư ký"),
            Text("ky_phai", "Chức danh ký bên phải", "Chủ tọa"),
            Text("noi_nhan", "Nơi nhận", "Thành viên Hội đồng\nLưu: VT, VP", lines=True),
        ),
        sample={
            "nam": "2026",
            "ngay": "ngày 08 tháng 01 năm 2027",
            "dia_diem": "Phòng họp tầng 2",
            "ten_so": "Sở Tư pháp tỉnh Tuyên Quang",
        },
    )
)
