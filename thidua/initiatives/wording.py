"""The fixed texts of the initiatives' documents (the decision recognising initiatives
and each initiative's certificate), with their defaults; the office changes them on
"Câu chữ văn bản" (thidua/wording)."""

from thidua.wording.registry import DocumentType, Text, register

RECOGNITION = register(
    DocumentType(
        key="quyet_dinh_cong_nhan_sang_kien",
        name="Quyết định công nhận sáng kiến",
        note=(
            "Căn cứ chức năng, nhiệm vụ của Sở và Quy định của UBND tỉnh được ghi ở trang «Căn cứ»; căn cứ Kế hoạch, "
            "số, ngày quyết định và danh sách sáng kiến lấy từ dữ liệu của hệ thống."
        ),
        texts=(
            Text("trich_yeu", "Trích yếu", "Về việc công nhận sáng kiến năm {nam}", fields=("nam",)),
            Text(
                "can_cu",
                "Căn cứ luật, nghị định, thông tư",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
                "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng "
                "kiến;\n"
                "Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ trưởng Bộ Khoa học và Công nghệ "
                "hướng dẫn thi hành một số quy định của Điều lệ Sáng kiến;",
                lines=True,
            ),
            Text("de_nghi", "Dòng «Theo đề nghị của»", "Theo đề nghị của Chánh Văn phòng Sở."),
            Text(
                "dieu_1",
                "Điều 1",
                "Công nhận {so_sang_kien} sáng kiến năm {nam} của các tập thể, cá nhân thuộc {ten_so}, gồm:",
                fields=("so_sang_kien", "nam", "ten_so"),
            ),
            Text(
                "dieu_2",
                "Điều 2: quyền lợi của tác giả",
                "Tác giả sáng kiến được hưởng các quyền lợi theo quy định của pháp luật về sáng kiến và thi đua, khen "
                "thưởng; sáng kiến được đưa vào thư viện sáng kiến của Sở để các phòng, đơn vị nghiên cứu, áp dụng.",
            ),
            Text("hieu_luc", "Điều 3: câu hiệu lực", "Quyết định này có hiệu lực kể từ ngày ký."),
            Text(
                "dieu_4",
                "Điều 4: trách nhiệm thi hành",
                "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các tác giả có tên tại Điều 1 chịu trách "
                "nhiệm thi hành Quyết định này.",
            ),
            Text("noi_nhan", "Nơi nhận", "Như Điều 4\nLưu: VT, VP", lines=True),
        ),
        sample={"nam": "2026", "so_sang_kien": "03", "ten_so": "Sở Tư pháp tỉnh Tuyên Quang"},
    )
)

CERTIFICATE = register(
    DocumentType(
        key="giay_chung_nhan_sang_kien",
        name="Giấy chứng nhận sáng kiến",
        note="Tên sáng kiến, tác giả, đơn vị, phạm vi ảnh hưởng và quyết định công nhận lấy từ sáng kiến.",
        texts=(
            Text("trich_yeu", "Trích yếu", "Sáng kiến"),
            Text("chung_nhan", "Câu chứng nhận", "Giám đốc {ten_so} chứng nhận:", fields=("ten_so",)),
            Text(
                "cong_nhan",
                "Câu về quyết định công nhận",
                "Đã được công nhận là sáng kiến theo Quyết định số {so} ngày {ngay} của Giám đốc {ten_so}.",
                fields=("so", "ngay", "ten_so"),
            ),
            Text("noi_nhan", "Nơi nhận", "Tác giả sáng kiến\nLưu: VT, VP", lines=True),
        ),
        sample={"ten_so": "Sở Tư pháp tỉnh Tuyên Quang", "so": "15/QĐ-STP", "ngay": "20/11/2026"},
    )
)
