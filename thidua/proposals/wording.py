"""The fixed texts of the proposals' documents (the reward decision and the Giấy khen),
with their defaults; the office changes them on "Câu chữ văn bản" (thidua/wording)."""

from thidua.wording.registry import DocumentType, Text, register

# The Căn cứ lines of the Law and its decree, the same in every document that cites them.
LAW_AND_DECREE = Text(
    "can_cu",
    "Căn cứ luật, nghị định",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi "
    "hành một số điều của Luật Thi đua, khen thưởng;",
    lines=True,
)

# The closing of every decision of the department: its effect, who carries it out, and
# where it goes.
DECISION_CLOSING = (
    Text("hieu_luc", "Câu hiệu lực", "Quyết định này có hiệu lực kể từ ngày ký."),
    Text(
        "dieu_3",
        "Điều 3: trách nhiệm thi hành",
        "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các tập thể, cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này.",
    ),
    Text("noi_nhan", "Nơi nhận", "Như Điều 3\nLưu: VT, VP", lines=True),
)

DECISION = register(
    DocumentType(
        key="quyet_dinh_khen_thuong",
        name="Quyết định khen thưởng",
        note=(
            "Căn cứ chức năng, nhiệm vụ của Sở và Quy định của UBND tỉnh về thi đua, khen thưởng được ghi ở "
            "trang «Căn cứ»; căn cứ Kế hoạch và biên bản họp Hội đồng lấy từ dữ liệu của hệ thống."
        ),
        texts=(
            LAW_AND_DECREE,
            Text("de_nghi", "Dòng «Theo đề nghị của»", "Theo đề nghị của Chánh Văn phòng Sở."),
            Text(
                "dieu_1",
                "Điều 1: câu mở đầu",
                "Tặng danh hiệu thi đua, hình thức khen thưởng cho các tập thể, cá nhân đã có thành tích năm {nam}, "
                "gồm:",
                fields=("nam",),
            ),
            *DECISION_CLOSING,
        ),
        sample={"nam": "2026"},
    )
)

CERTIFICATE = register(
    DocumentType(
        key="giay_khen",
        name="Giấy khen của Giám đốc Sở",
        note=(
            "Bố cục Giấy khen là tệp mẫu Word của Văn phòng (trang «Sổ khen thưởng»); người ký lấy từ quyết "
            "định khen thưởng."
        ),
        texts=(
            Text(
                "thanh_tich",
                "Thành tích (khen thưởng thường xuyên)",
                "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {nam}.",
                fields=("nam",),
            ),
            Text(
                "thanh_tich_dot_xuat",
                "Thành tích (khen thưởng đột xuất)",
                "Đã có thành tích xuất sắc đột xuất năm {nam}.",
                fields=("nam",),
            ),
            Text(
                "thanh_tich_chuyen_de",
                "Thành tích (khen thưởng theo chuyên đề)",
                "Đã có thành tích xuất sắc trong phong trào thi đua, giai đoạn đến năm {nam}.",
                fields=("nam",),
            ),
        ),
        sample={"nam": "2026"},
    )
)

_REQUEST = (
    "{don_vi_trinh} kính trình {noi_trinh} xem xét, tặng danh hiệu thi đua, hình thức khen thưởng cho {so_luong} "
    "đã có thành tích xuất sắc "
)
SUBMISSION = register(
    DocumentType(
        key="to_trinh_khen_thuong",
        name="Tờ trình đề nghị khen thưởng",
        note=(
            "Một Tờ trình, ba nơi trình: đơn vị trình Giám đốc Sở, Sở trình Chủ tịch UBND tỉnh (qua Sở Nội vụ), Sở "
            "trình Bộ trưởng Bộ Tư pháp. Căn cứ Kế hoạch và biên bản họp Hội đồng, danh sách và người ký lấy từ dữ "
            "liệu của hệ thống."
        ),
        texts=(
            Text("trich_yeu", "Trích yếu", "Về việc đề nghị khen thưởng thành tích năm {nam}", fields=("nam",)),
            Text("kinh_gui_don_vi", "Kính gửi (đơn vị trình Sở)", "Giám đốc {ten_so}", fields=("ten_so",)),
            Text(
                "kinh_gui_tinh",
                "Kính gửi (Sở trình tỉnh)",
                "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang (qua Sở Nội vụ)",
            ),
            Text("noi_trinh_tinh", "Nơi trình gọi trong câu (Sở trình tỉnh)", "Chủ tịch Ủy ban nhân dân tỉnh"),
            Text(
                "kinh_gui_bo",
                "Kính gửi (Sở trình Bộ)",
                "Bộ trưởng Bộ Tư pháp (qua Vụ Thi đua - Khen thưởng, Bộ Tư pháp)",
            ),
            Text("noi_trinh_bo", "Nơi trình gọi trong câu (Sở trình Bộ)", "Bộ trưởng Bộ Tư pháp"),
            LAW_AND_DECREE,
            Text(
                "de_nghi_cong_trang",
                "Đề nghị (khen thưởng thường xuyên)",
                _REQUEST + "trong thực hiện nhiệm vụ năm {nam}, cụ thể như sau:",
                fields=("don_vi_trinh", "noi_trinh", "so_luong", "nam"),
            ),
            Text(
                "de_nghi_chuyen_de",
                "Đề nghị (khen thưởng theo chuyên đề)",
                _REQUEST + "trong phong trào thi đua, giai đoạn đến năm {nam}, cụ thể như sau:",
                fields=("don_vi_trinh", "noi_trinh", "so_luong", "nam"),
            ),
            Text(
                "de_nghi_dot_xuat",
                "Đề nghị (khen thưởng đột xuất)",
                _REQUEST + "đột xuất năm {nam}, cụ thể như sau:",
                fields=("don_vi_trinh", "noi_trinh", "so_luong", "nam"),
            ),
            Text(
                "kem_theo",
                "Hồ sơ kèm theo",
                "Kèm theo Tờ trình này là báo cáo thành tích của từng tập thể, cá nhân và các thành phần hồ sơ theo "
                "quy định tại Điều 84 Luật Thi đua, khen thưởng.",
            ),
            Text(
                "ket",
                "Câu kết",
                "{don_vi_trinh} kính trình {noi_trinh} xem xét, quyết định.",
                fields=("don_vi_trinh", "noi_trinh"),
            ),
            Text("ky_so", "Chức danh ký của Sở (khi Kế hoạch chưa ghi)", "Giám đốc"),
            Text("ky_don_vi", "Chức danh ký của đơn vị (khi người ký chưa ghi chức vụ)", "Thủ trưởng đơn vị"),
            Text("noi_nhan_don_vi", "Nơi nhận (đơn vị trình Sở)", "Như trên\nLưu: VT", lines=True),
            Text("noi_nhan_tinh", "Nơi nhận (Sở trình tỉnh)", "Như trên\nSở Nội vụ\nLưu: VT, VP", lines=True),
            Text(
                "noi_nhan_bo",
                "Nơi nhận (Sở trình Bộ)",
                "Như trên\nVụ Thi đua - Khen thưởng, Bộ Tư pháp\nLưu: VT, VP",
                lines=True,
            ),
        ),
        sample={
            "nam": "2026",
            "ten_so": "Sở Tư pháp tỉnh Tuyên Quang",
            "don_vi_trinh": "Sở Tư pháp tỉnh Tuyên Quang",
            "noi_trinh": "Chủ tịch Ủy ban nhân dân tỉnh",
            "so_luong": "02 cá nhân và 01 tập thể",
        },
    )
)

DECISION_LIST = register(
    DocumentType(
        key="danh_sach_kem_quyet_dinh",
        name="Danh sách kèm theo Quyết định khen thưởng",
        note="Một danh sách cho mỗi danh hiệu, hình thức; tên, chức vụ, đơn vị lấy từ quyết định đã ban hành.",
        texts=(
            Text(
                "kem_theo",
                "Dòng «Kèm theo Quyết định»",
                "Kèm theo Quyết định số {so} ngày {ngay} của Giám đốc {ten_so}",
                fields=("so", "ngay", "ten_so"),
            ),
            Text(
                "trich_yeu_danh_hieu",
                "Trích yếu (danh hiệu thi đua)",
                "{doi_tuong} được tặng danh hiệu {danh_hieu} năm {nam}",
                fields=("doi_tuong", "danh_hieu", "nam"),
            ),
            Text(
                "trich_yeu_hinh_thuc",
                "Trích yếu (hình thức khen thưởng)",
                "{doi_tuong} được tặng {danh_hieu} (thành tích năm {nam})",
                fields=("doi_tuong", "danh_hieu", "nam"),
            ),
        ),
        sample={
            "so": "05/QĐ-STP",
            "ngay": "15/01/2027",
            "ten_so": "Sở Tư pháp tỉnh Tuyên Quang",
            "doi_tuong": "Tập thể, cá nhân",
            "danh_hieu": "Giấy khen của Giám đốc Sở",
            "nam": "2026",
        },
    )
)

AWARD_CERTIFICATE = register(
    DocumentType(
        key="giay_chung_nhan",
        name="Giấy chứng nhận CSTĐCS, TTLĐXS và Giấy khen tập thể",
        note="Tên, chức vụ, đơn vị và người ký lấy từ quyết định khen thưởng; bố cục trang do hệ thống dựng.",
        texts=(
            Text(
                "thanh_tich_danh_hieu",
                "Thành tích (danh hiệu thi đua)",
                "Đạt danh hiệu {danh_hieu} năm {nam}",
                fields=("danh_hieu", "nam"),
            ),
            Text(
                "thanh_tich",
                "Thành tích (khen thưởng thường xuyên)",
                "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {nam}",
                fields=("nam",),
            ),
            Text(
                "thanh_tich_chuyen_de",
                "Thành tích (khen thưởng theo chuyên đề)",
                "Đã có thành tích xuất sắc trong phong trào thi đua, giai đoạn đến năm {nam}",
                fields=("nam",),
            ),
            Text(
                "thanh_tich_dot_xuat",
                "Thành tích (khen thưởng đột xuất)",
                "Đã có thành tích xuất sắc đột xuất năm {nam}",
                fields=("nam",),
            ),
            Text("quyet_dinh", "Dòng quyết định", "Quyết định số {so} ngày {ngay}", fields=("so", "ngay")),
        ),
        sample={"danh_hieu": "Chiến sĩ thi đua cơ sở", "nam": "2026", "so": "05/QĐ-STP", "ngay": "15/01/2027"},
    )
)

PUBLIC_NOTICE = register(
    DocumentType(
        key="thong_bao_cong_khai",
        name="Thông báo công khai danh sách đề nghị khen thưởng",
        note="Danh sách tập thể, cá nhân và người ký lấy từ dữ liệu của hệ thống.",
        texts=(
            Text(
                "trich_yeu",
                "Trích yếu",
                "Công khai danh sách tập thể, cá nhân được đề nghị khen thưởng năm {nam}",
                fields=("nam",),
            ),
            Text(
                "mo_dau",
                "Đoạn mở đầu",
                "Thực hiện Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 98/2023/NĐ-CP ngày 31 "
                "tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen "
                "thưởng, {ten_so} thông báo công khai danh sách {so_luong} được các phòng, đơn vị đề nghị khen "
                "thưởng năm {nam}, trước khi Hội đồng Thi đua - Khen thưởng Sở xét, cụ thể như sau:",
                fields=("ten_so", "so_luong", "nam"),
            ),
            Text(
                "y_kien",
                "Thời hạn và nơi nhận ý kiến",
                "Trong thời hạn 05 ngày làm việc kể từ ngày ký Thông báo này, cá nhân, tập thể có ý kiến về danh "
                "sách trên gửi về Văn phòng Sở bằng văn bản hoặc trực tiếp để tổng hợp, báo cáo Hội đồng Thi đua - "
                "Khen thưởng Sở.",
            ),
            Text(
                "noi_nhan",
                "Nơi nhận",
                "Các phòng, đơn vị thuộc Sở\nTrang thông tin điện tử của Sở\nLưu: VT, VP",
                lines=True,
            ),
        ),
        sample={"nam": "2026", "ten_so": "Sở Tư pháp tỉnh Tuyên Quang", "so_luong": "01 tập thể và 02 cá nhân"},
    )
)

SUMMARY_REPORT = register(
    DocumentType(
        key="bao_cao_tom_tat",
        name="Báo cáo tóm tắt thành tích (thủ tục đơn giản)",
        note="Thành tích là lời của người, tập thể được đề nghị; xếp loại và sáng kiến lấy từ dữ liệu của hệ thống.",
        texts=(
            Text(
                "truong_hop",
                "Trường hợp khen thưởng theo thủ tục đơn giản",
                "Trường hợp khen thưởng theo thủ tục đơn giản: {truong_hop} (Điều 85 Luật Thi đua, khen thưởng).",
                fields=("truong_hop",),
            ),
            Text("xep_loai", "Dòng xếp loại", "Xếp loại chất lượng năm {nam}: {xep_loai}.", fields=("nam", "xep_loai")),
            Text(
                "sang_kien",
                "Dòng sáng kiến được công nhận",
                "Sáng kiến «{ten}» được công nhận theo Quyết định số {so} ngày {ngay}.",
                fields=("ten", "so", "ngay"),
            ),
            Text("ky_ca_nhan", "Chức danh ký (cá nhân báo cáo)", "NGƯỜI BÁO CÁO"),
            Text("xac_nhan_ca_nhan", "Chức danh xác nhận (cá nhân)", "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"),
            Text("ky_tap_the", "Chức danh ký (tập thể báo cáo)", "THỦ TRƯỞNG ĐƠN VỊ"),
            Text("xac_nhan_tap_the", "Chức danh xác nhận (tập thể)", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"),
        ),
        sample={
            "truong_hop": "thành tích xuất sắc đột xuất",
            "nam": "2026",
            "xep_loai": "Hoàn thành xuất sắc nhiệm vụ",
            "ten": "Số hóa hồ sơ chứng thực",
            "so": "12/QĐ-STP",
            "ngay": "20/11/2026",
        },
    )
)

ACHIEVEMENT_REPORT = register(
    DocumentType(
        key="bao_cao_thanh_tich",
        name="Báo cáo thành tích",
        note=(
            "Nội dung báo cáo là lời của người, tập thể được đề nghị; các chỉ tiêu Điều 27 và tên người ký lấy từ "
            "dữ liệu của hệ thống."
        ),
        texts=(
            Text("ky_ca_nhan", "Chức danh ký (cá nhân báo cáo)", "NGƯỜI BÁO CÁO THÀNH TÍCH"),
            Text("xac_nhan_ca_nhan", "Chức danh xác nhận (cá nhân)", "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"),
            Text("ky_tap_the", "Chức danh ký (tập thể báo cáo)", "THỦ TRƯỞNG ĐƠN VỊ"),
            Text("xac_nhan_tap_the", "Chức danh xác nhận (tập thể)", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"),
            Text(
                "chi_tieu_dieu_27",
                "Tiêu đề các chỉ tiêu Điều 27 (Tập thể lao động xuất sắc)",
                "3. Các chỉ tiêu xét danh hiệu Tập thể lao động xuất sắc năm {nam}",
                fields=("nam",),
            ),
        ),
        sample={"nam": "2026"},
    )
)

REVOCATION = register(
    DocumentType(
        key="quyet_dinh_huy_bo_khen_thuong",
        name="Quyết định hủy bỏ khen thưởng",
        note=(
            "Căn cứ chức năng, nhiệm vụ của Sở được ghi ở trang «Căn cứ»; số, ngày của quyết định bị hủy bỏ, "
            "danh sách và lý do lấy từ dữ liệu của hệ thống."
        ),
        texts=(
            LAW_AND_DECREE,
            Text(
                "can_cu_huy_bo",
                "Căn cứ hủy bỏ quyết định khen thưởng",
                "Căn cứ khoản 2 Điều 93 Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 về hủy bỏ quyết định "
                "khen thưởng;",
                help="Văn phòng Sở đối chiếu số điều, khoản với văn bản luật trước khi ban hành.",
                lines=True,
            ),
            Text("de_nghi", "Dòng «Theo đề nghị của»", "Theo đề nghị của Chánh Văn phòng Sở."),
            Text(
                "thu_hoi",
                "Điều 2: thu hồi hiện vật, tiền thưởng",
                "Các tập thể, cá nhân có tên tại Điều 1 nộp lại hiện vật khen thưởng và tiền thưởng đã nhận theo quy "
                "định.",
            ),
            *DECISION_CLOSING,
        ),
    )
)
