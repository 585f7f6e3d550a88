"""The fixed texts of the proposals' documents (the reward decision and the Giấy khen),
with their defaults; the office changes them on "Câu chữ văn bản" (thidua/wording)."""

from thidua.wording.registry import DocumentType, Text, register

DECISION = register(
    DocumentType(
        key="quyet_dinh_khen_thuong",
        name="Quyết định khen thưởng",
        note=(
            "Căn cứ chức năng, nhiệm vụ của Sở và Quy định của UBND tỉnh về thi đua, khen thưởng được ghi ở "
            "trang «Căn cứ»; căn cứ Kế hoạch và biên bản họp Hội đồng lấy từ dữ liệu của hệ thống."
        ),
        texts=(
            Text(
                "can_cu",
                "Căn cứ luật, nghị định",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
                "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi "
                "hành một số điều của Luật Thi đua, khen thưởng;",
                lines=True,
            ),
            Text("de_nghi", "Dòng «Theo đề nghị của»", "Theo đề nghị của Chánh Văn phòng Sở."),
            Text(
                "dieu_1",
                "Điều 1: câu mở đầu",
                "Tặng danh hiệu thi đua, hình thức khen thưởng cho các tập thể, cá nhân đã có thành tích năm {nam}, "
                "gồm:",
                fields=("nam",),
            ),
            Text("hieu_luc", "Câu hiệu lực", "Quyết định này có hiệu lực kể từ ngày ký."),
            Text(
                "dieu_3",
                "Điều 3: trách nhiệm thi hành",
                "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các tập thể, cá nhân có tên tại Điều 1 "
                "chịu trách nhiệm thi hành Quyết định này.",
            ),
            Text("noi_nhan", "Nơi nhận", "Như Điều 3\nLưu: VT, VP", lines=True),
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
