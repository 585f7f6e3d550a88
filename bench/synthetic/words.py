"""Words the generator builds names and texts from: Vietnamese names with their
diacritics, the agencies, divisions and public-service units of a province, places of
Tuyên Quang, and short texts for results, initiatives and reports.

The lists are written for the generator and weighted by repetition, so that common
surnames come up as often as they do in the province."""

from thidua.organization.enums import Category, UnitKind

MALE, FEMALE = "male", "female"

SURNAMES = (
    ["Nguyễn"] * 14
    + ["Trần"] * 5
    + ["Lê"] * 4
    + ["Phạm"] * 3
    + ["Hoàng"] * 4
    + ["Vũ"] * 2
    + ["Phan"] * 2
    + ["Đặng"] * 2
    + ["Bùi"] * 2
    + ["Đỗ"] * 2
    + ["Ngô", "Dương", "Hồ", "Đinh", "Trịnh", "Lương", "Tạ", "Chu", "Đào"]
    + ["Ma"] * 3
    + ["Hà"] * 3
    + ["Nông"] * 2
    + ["Triệu"] * 2
    + ["Lục", "Lý", "Quan", "Bàn", "Hầu", "Giàng", "Sùng", "Vàng", "Lò", "Mã", "Thào", "Lù"]
)
MIDDLE = {
    MALE: ["Văn"] * 6
    + [
        "Đức",
        "Quang",
        "Minh",
        "Hữu",
        "Tiến",
        "Xuân",
        "Công",
        "Mạnh",
        "Trọng",
        "Ngọc",
        "Đình",
        "Thế",
        "Huy",
        "Anh",
        "Bá",
        "Duy",
    ],
    FEMALE: ["Thị"] * 7
    + ["Thu", "Ngọc", "Thanh", "Thùy", "Hồng", "Mai", "Phương", "Bích", "Minh", "Diệu", "Kim", "Hải", "Khánh", "Lệ"],
}
GIVEN = {
    MALE: [
        "Đạt",
        "Hùng",
        "Dũng",
        "Tuấn",
        "Long",
        "Thắng",
        "Khải",
        "Sơn",
        "Bình",
        "Cường",
        "Định",
        "Phúc",
        "Hải",
        "Nam",
        "Quý",
        "Trường",
        "Toàn",
        "Hiếu",
        "Đức",
        "Lâm",
        "Kiên",
        "Thành",
        "Việt",
        "Hưng",
        "Tùng",
        "Vĩnh",
        "Khánh",
        "Lợi",
        "Chiến",
        "Thịnh",
        "Tâm",
        "Nghĩa",
        "Quyết",
        "Hoàng",
        "Đông",
        "Giang",
        "Mạnh",
        "Chính",
        "Sỹ",
        "Thuận",
        "Hậu",
        "Lực",
        "Vượng",
        "Tú",
        "Duy",
        "Phong",
        "Thái",
        "An",
        "Châu",
        "Pao",
    ],
    FEMALE: [
        "Hương",
        "Lan",
        "Hoa",
        "Mai",
        "Thảo",
        "Linh",
        "Yến",
        "Nga",
        "Trang",
        "Dung",
        "Hạnh",
        "Đào",
        "Hằng",
        "Huyền",
        "Thủy",
        "Nhung",
        "Loan",
        "Phượng",
        "Hiền",
        "Liên",
        "Ngân",
        "Tuyết",
        "Thơm",
        "Quỳnh",
        "Vân",
        "Hà",
        "Hòa",
        "Oanh",
        "Nhàn",
        "Xuân",
        "Thúy",
        "Lụa",
        "Duyên",
        "Giang",
        "Hậu",
        "Chi",
        "Ánh",
        "Nguyệt",
        "Diệp",
        "Uyên",
        "Thắm",
        "Huệ",
        "Lý",
        "Mỷ",
        "Sáu",
        "Dợ",
        "Mải",
        "Kiều",
    ],
}
ETHNICITIES = (
    ["Kinh"] * 9
    + ["Tày"] * 4
    + ["Dao"] * 2
    + ["H'Mông"] * 2
    + ["Nùng", "Sán Chay", "Giáy", "Lô Lô", "Pà Thẻn", "Cao Lan"]
)

# Communes and wards of Tuyên Quang, for the names of schools, health stations, branches.
PLACES = [
    "Minh Xuân",
    "Nông Tiến",
    "Ỷ La",
    "Hưng Thành",
    "An Tường",
    "Mỹ Lâm",
    "Na Hang",
    "Lâm Bình",
    "Chiêm Hóa",
    "Hàm Yên",
    "Yên Sơn",
    "Sơn Dương",
    "Đồng Văn",
    "Mèo Vạc",
    "Yên Minh",
    "Quản Bạ",
    "Bắc Mê",
    "Hoàng Su Phì",
    "Xín Mần",
    "Vị Xuyên",
    "Bắc Quang",
    "Quang Bình",
    "Thái Bình",
    "Kim Bình",
    "Tân Trào",
    "Hồng Thái",
    "Bình Xa",
    "Thượng Lâm",
    "Côn Lôn",
    "Yên Hoa",
    "Khâu Tinh",
    "Sơn Nam",
    "Hợp Thành",
    "Kháng Nhật",
    "Phù Lưu",
    "Tân Mỹ",
    "Minh Quang",
    "Trung Hà",
    "Lũng Cú",
    "Phó Bảng",
    "Sà Phìn",
    "Lũng Phìn",
    "Pải Lủng",
    "Sơn Vĩ",
    "Tam Sơn",
    "Lùng Tám",
    "Tùng Vài",
    "Minh Tân",
    "Thuận Hòa",
    "Đạo Đức",
    "Việt Lâm",
    "Tân Quang",
    "Vĩnh Tuy",
    "Đồng Yên",
    "Hùng An",
    "Xuân Giang",
    "Tiên Yên",
    "Yên Thành",
    "Hòa An",
    "Trung Sơn",
    "Đông Thọ",
    "Phúc Ứng",
    "Tuấn Lộ",
    "Lương Thiện",
    "Hồng Sơn",
    "Kiến Thiết",
    "Trung Hòa",
    "Tân Long",
    "Nhữ Khê",
    "Thái Sơn",
    "Bạch Xa",
    "Minh Sơn",
    "Phù Yên",
    "Bình An",
    "Hồng Quang",
    "Thượng Nông",
    "Sơn Thủy",
    "Lăng Can",
    "Thổ Bình",
    "Năng Khả",
    "Yên Lập",
    "Phúc Sơn",
    "Trung Thịnh",
    "Nấm Dẩn",
]

# (name, short name, weight): the weight says how many units and people it has.
AGENCIES = [
    ("Sở Giáo dục và Đào tạo", "SGDĐT", 14),
    ("Sở Y tế", "SYT", 8),
    ("Sở Nội vụ", "SNV", 2),
    ("Sở Tài chính", "STC", 2),
    ("Sở Công Thương", "SCT", 2),
    ("Sở Xây dựng", "SXD", 2),
    ("Sở Nông nghiệp và Môi trường", "SNNMT", 5),
    ("Sở Khoa học và Công nghệ", "SKHCN", 2),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", 3),
    ("Sở Dân tộc và Tôn giáo", "SDTTG", 1),
    ("Sở Ngoại vụ", "SNgV", 1),
    ("Thanh tra tỉnh", "TTT", 1),
    ("Văn phòng UBND tỉnh", "VPUBND", 2),
    ("Ban Quản lý các khu công nghiệp tỉnh", "BQLKCN", 1),
    ("Đài Phát thanh và Truyền hình tỉnh", "PTTH", 1),
    ("Trường Cao đẳng Tuyên Quang", "CĐTQ", 1),
    ("Trường Đại học Tân Trào", "ĐHTT", 2),
    ("Bảo hiểm xã hội tỉnh", "BHXH", 2),
    ("Công an tỉnh", "CAT", 5),
    ("Quỹ Đầu tư phát triển tỉnh", "QĐTPT", 1),
]
# The rest of the agencies are communes and wards (after the 2025 reform they sit
# directly under the province).
COMMUNE_WEIGHT = 1

DIVISIONS = [
    "Phòng Tổ chức cán bộ",
    "Phòng Kế hoạch – Tài chính",
    "Thanh tra",
    "Phòng Quản lý chuyên ngành",
    "Phòng Pháp chế",
    "Phòng Chuyển đổi số",
    "Phòng Kiểm tra, giám sát",
    "Phòng Hành chính – Tổng hợp",
    "Phòng Nghiệp vụ",
    "Phòng Quản lý chất lượng",
    "Phòng Hợp tác và Phát triển",
    "Phòng Thống kê",
]
COMMUNE_DIVISIONS = [
    "Phòng Kinh tế",
    "Phòng Văn hóa – Xã hội",
    "Trung tâm Phục vụ hành chính công",
    "Văn phòng HĐND và UBND",
]
PUBLIC_SERVICE = {
    "SGDĐT": [
        "Trường THPT {place}",
        "Trường THCS {place}",
        "Trường Tiểu học {place}",
        "Trường Mầm non {place}",
        "Trường Phổ thông dân tộc bán trú {place}",
        "Trung tâm Giáo dục thường xuyên {place}",
    ],
    "SYT": [
        "Trạm Y tế {place}",
        "Trung tâm Y tế {place}",
        "Bệnh viện Đa khoa khu vực {place}",
        "Phòng khám Đa khoa khu vực {place}",
    ],
    "SNNMT": [
        "Hạt Kiểm lâm {place}",
        "Trạm Khuyến nông {place}",
        "Ban Quản lý rừng phòng hộ {place}",
        "Chi cục Thủy lợi {place}",
    ],
    "CAT": ["Công an {place}", "Đội Cảnh sát giao thông {place}"],
    "VILLAGE": ["Trường Mầm non {place}", "Trường Tiểu học {place}", "Trạm Y tế {place}"],
}
OTHER_SERVICE = [
    "Trung tâm Thông tin và Dữ liệu",
    "Trung tâm Dịch vụ công",
    "Ban Quản lý dự án",
    "Trung tâm Tư vấn và Hỗ trợ",
    "Trung tâm Đào tạo, bồi dưỡng",
    "Trung tâm Kiểm định chất lượng",
]
HOSPITAL_WARDS = ["Khoa Khám bệnh", "Khoa Nội tổng hợp", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi", "Khoa Dược"]

CATEGORY_BY_KIND = {
    UnitKind.LEADERSHIP: [Category.CAN_BO] * 2 + [Category.CONG_CHUC],
    UnitKind.OFFICE: [Category.CONG_CHUC] * 4 + [Category.NGUOI_LAO_DONG],
    UnitKind.DIVISION: [Category.CONG_CHUC] * 5 + [Category.NGUOI_LAO_DONG],
    UnitKind.PUBLIC_SERVICE: [Category.VIEN_CHUC] * 5 + [Category.NGUOI_LAO_DONG],
    UnitKind.OTHER: [Category.VIEN_CHUC] * 3 + [Category.NGUOI_LAO_DONG],
}
POSITIONS = {
    UnitKind.LEADERSHIP: ("Giám đốc", "Phó Giám đốc", "Phó Giám đốc"),
    UnitKind.OFFICE: ("Chánh Văn phòng", "Phó Chánh Văn phòng", "Chuyên viên"),
    UnitKind.DIVISION: ("Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"),
    UnitKind.PUBLIC_SERVICE: ("Giám đốc", "Phó Giám đốc", "Viên chức"),
    UnitKind.OTHER: ("Trưởng khoa", "Phó Trưởng khoa", "Viên chức"),
}

# Short texts, by content area number of the plan (1–5).
RESULT_TITLES = {
    "1": [
        "Tổ chức hội nghị quán triệt Nghị quyết 57-NQ/TW",
        "Tuyên truyền chuyển đổi số trên trang thông tin",
        "Lớp bồi dưỡng kỹ năng số cho cán bộ",
        "Cuộc thi tìm hiểu về đổi mới sáng tạo",
    ],
    "2": [
        "Hồ sơ tiếp nhận trực tuyến toàn trình",
        "Văn bản đi được ký số",
        "Họp trực tuyến không giấy tờ",
        "Số hóa hồ sơ lưu trữ",
        "Kết nối cơ sở dữ liệu chuyên ngành",
    ],
    "3": [
        "Áp dụng quy trình mới rút ngắn thời gian giải quyết",
        "Cải tiến biểu mẫu điện tử",
        "Ứng dụng phần mềm quản lý công việc",
        "Sáng kiến cải tiến lề lối làm việc",
    ],
    "4": [
        "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
        "Cán bộ hoàn thành «Bình dân học vụ số»",
        "Hỗ trợ kích hoạt định danh điện tử mức 2",
        "Thanh toán không dùng tiền mặt",
    ],
    "5": [
        "Giảm giấy in trong hoạt động",
        "Tiết kiệm điện năng tại trụ sở",
        "Trồng cây xanh tại cơ quan",
        "Thu gom, phân loại rác thải tại nguồn",
    ],
}
QUANTITY_UNITS = ["hồ sơ", "văn bản", "lượt người", "cuộc", "trang", "kWh", "buổi", "cây"]
INITIATIVE_TITLES = [
    "Số hóa và tra cứu hồ sơ {thing}",
    "Trợ lý ảo hỏi đáp về {thing}",
    "Ký số toàn bộ {thing}",
    "Quy trình điện tử xử lý {thing}",
    "Bản đồ số quản lý {thing}",
    "Tiết kiệm chi phí trong {thing}",
    "Ứng dụng mã QR trong {thing}",
    "Họp không giấy tờ về {thing}",
    "Kho dữ liệu dùng chung về {thing}",
    "Phần mềm theo dõi {thing}",
]
INITIATIVE_THINGS = [
    "hồ sơ lý lịch tư pháp",
    "văn bản đi, đến",
    "học bạ điện tử",
    "hồ sơ bệnh án",
    "hồ sơ đất đai",
    "thủ tục hành chính",
    "tài sản công",
    "công tác thi đua",
    "kế hoạch giảng dạy",
    "quản lý rừng",
    "an toàn thực phẩm",
    "cấp phép xây dựng",
    "trợ giúp pháp lý",
    "thu ngân sách",
    "tiêm chủng",
    "quản lý học sinh bán trú",
    "hộ tịch",
    "đăng ký kinh doanh",
    "bảo hiểm xã hội",
    "di tích lịch sử",
]
DIFFICULTY_TITLES = [
    "Thiếu thiết bị ký số",
    "Đường truyền Internet chưa ổn định",
    "Phần mềm chuyên ngành chưa kết nối",
    "Thiếu kinh phí số hóa hồ sơ",
    "Thiếu cán bộ chuyên trách công nghệ thông tin",
    "Người dân vùng cao chưa quen dịch vụ công trực tuyến",
]
REPORT_SENTENCES = [
    "Đơn vị đã triển khai đầy đủ các nội dung thi đua theo kế hoạch.",
    "Tỷ lệ hồ sơ trực tuyến tăng so với cùng kỳ năm trước.",
    "Cán bộ, công chức, viên chức tích cực hưởng ứng phong trào.",
    "Một số chỉ tiêu chưa đạt do thiếu thiết bị và kinh phí.",
    "Đơn vị đề nghị Sở hỗ trợ tập huấn kỹ năng số cho người lao động.",
]
