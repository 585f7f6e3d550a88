"""The catalogue of titles and forms and the eligibility rules as first stored, taken
from `docs/law.md` (sections 4 and 5). `load_catalogue` adds the rows that are missing and
never changes a stored row, so the office's edits survive; it is run by the data
migration and by `thidua load_catalogue`."""

import datetime

from thidua.core.codes import CommendationForm, EmulationTitle

LAW_IN_FORCE = datetime.date(2024, 1, 1)  # Luật 06/2022/QH15 and NĐ 98/2023
LAW = "Luật Thi đua, khen thưởng 06/2022/QH15"
ND98 = "Nghị định 98/2023/NĐ-CP"
ALL_AWARDS = [*EmulationTitle.values, *CommendationForm.values]

# code, category, subject, route, cash multiple (NĐ 98 Art. 54; None = not found), article
CATALOGUE = [
    ("LDTT", "title", "individual", "director", "0.3", f"{LAW}, Điều 24; {ND98}, Điều 54"),
    ("CSTDCS", "title", "individual", "director", "1.0", f"{LAW}, Điều 23; {ND98}, Điều 54"),
    ("CSTD_TINH", "title", "individual", "province_chairman", "3.0", f"{LAW}, Điều 22; {ND98}, Điều 54"),
    ("CSTD_TQ", "title", "individual", "province_chairman", "4.5", f"{LAW}, Điều 21; {ND98}, Điều 54"),
    ("TTLDTT", "title", "collective", "director", "0.8", f"{LAW}, Điều 28; {ND98}, Điều 54"),
    ("TTLDXS", "title", "collective", "province_chairman", "1.5", f"{LAW}, Điều 27; {ND98}, Điều 54"),
    ("CO_TINH", "title", "collective", "province_chairman", "8.0", f"{LAW}, Điều 26; {ND98}, Điều 54"),
    ("CO_CP", "title", "collective", "province_chairman", "12.0", f"{LAW}, Điều 25; {ND98}, Điều 54"),
    ("GK", "form", "both", "director", None, f"{LAW}, Điều 75, Điều 80 khoản 1"),
    ("BK_TINH", "form", "both", "province_chairman", None, f"{LAW}, Điều 74"),
    ("BK_BO", "form", "both", "minister", None, f"{LAW}, Điều 74"),
    ("BK_TTG", "form", "both", "province_chairman", None, f"{LAW}, Điều 73"),
]
# The legal basis of each multiple above: Điều 54 of NĐ 98/2023 sets the titles' only. The
# forms' multiples were not found, so they start empty and the office enters them with
# their article, or marks the form "không kèm tiền thưởng" with the reason.
CASH_BASIS = {code: "Điều 54 Nghị định số 98/2023/NĐ-CP" for code, _, _, _, multiple, _ in CATALOGUE if multiple}
CATALOGUE_NOTE = {
    "GK": "Hệ số tiền thưởng của Giấy khen chưa có trong tài liệu tham chiếu: Văn phòng nhập hệ số kèm căn cứ, "
    "hoặc đánh dấu «không kèm tiền thưởng» kèm lý do.",
    "BK_TINH": "Hệ số tiền thưởng chưa có trong tài liệu tham chiếu: Văn phòng nhập khi có căn cứ.",
    "BK_BO": "Hệ số tiền thưởng chưa có trong tài liệu tham chiếu: Văn phòng nhập khi có căn cứ.",
    "BK_TTG": "Trình qua Chủ tịch UBND tỉnh để đề nghị Thủ tướng Chính phủ. Hệ số tiền thưởng chưa có "
    "trong tài liệu tham chiếu.",
    "CSTD_TQ": "Trình qua Chủ tịch UBND tỉnh để đề nghị Thủ tướng Chính phủ.",
    "CO_CP": "Trình qua Chủ tịch UBND tỉnh để đề nghị Chính phủ.",
}

_HISTORICAL_FLAG_CRITERIA = [
    "Hoàn thành vượt mức các chỉ tiêu, nhiệm vụ được giao trong năm (Luật 2003, tham khảo)",
    "Là tập thể tiêu biểu xuất sắc, được suy tôn trong khối, cụm thi đua (NĐ 91/2017, tham khảo)",
    "Nội bộ đoàn kết, tích cực thực hiện các phong trào thi đua",
]

# code, name, awards, article, confidence, parameters, note
RULES = [
    (
        "R1",
        "Lao động tiên tiến",
        ["LDTT"],
        f"{LAW}, Điều 24",
        "S",
        {"ratings": ["HTXSNV", "HTTNV"], "provincial_criteria": []},
        "Tiêu chí bổ sung theo quy định của tỉnh (nếu có) nhập vào «provincial_criteria»; mỗi tiêu chí "
        "được xem xét thủ công.",
    ),
    (
        "R2",
        "Chiến sĩ thi đua cơ sở",
        ["CSTDCS"],
        f"{LAW}, Điều 23",
        "S",
        {"excellent_rating": "HTXSNV", "initiative_min_scope": "co_so", "cap_share_of_ldtt": None},
        "Tỷ lệ tối đa CSTĐCS theo NĐ 98/2023, NĐ 152/2025: chưa tìm thấy (not found). Mức lịch sử "
        '≤15% số LĐTT (NĐ 91/2017); nhập vào «cap_share_of_ldtt» (vd. "0.15") nếu áp dụng, chỉ để cảnh báo.',
    ),
    (
        "R3",
        "Chiến sĩ thi đua cấp tỉnh",
        ["CSTD_TINH"],
        f"{LAW}, Điều 22",
        "V",
        {"prerequisite": "CSTDCS", "consecutive": 3, "initiative_min_scope": "tinh", "initiative_window_years": 3},
        "Việc dùng lại sáng kiến đã công nhận ở năm trước: chưa tìm thấy (not found); mặc định chỉ tính "
        "sáng kiến trong các năm của chuỗi liên tục.",
    ),
    (
        "R4",
        "Chiến sĩ thi đua toàn quốc",
        ["CSTD_TQ"],
        f"{LAW}, Điều 21",
        "S",
        {
            "prerequisite": "CSTD_TINH",
            "consecutive": 2,
            "period_years": 3,
            "initiative_min_scope": "toan_quoc",
            "initiative_window_years": 6,
        },
        "",
    ),
    (
        "R5",
        "Tập thể lao động xuất sắc",
        ["TTLDXS"],
        f"{LAW}, Điều 27 khoản 1",
        "V",
        {
            "unit_ratings": ["HTXSNV"],
            "member_ratings": ["HTXSNV", "HTTNV", "HTNV"],
            "ldtt_share_min": "0.70",
            "min_cstdcs_members": 1,
            "no_disciplined_member": False,
            "min_discipline": "canh_cao",
        },
        "Văn bản 2022 không có điều kiện «không có cá nhân bị kỷ luật»; giữ là quy định tùy chọn của tỉnh "
        "(«no_disciplined_member»).",
    ),
    (
        "R6",
        "Tập thể lao động tiên tiến",
        ["TTLDTT"],
        f"{LAW}, Điều 28 (văn bản 2022 chưa tìm thấy; mặc định theo Luật 2003, Điều 28)",
        "historical",
        {"unit_ratings": ["HTXSNV", "HTTNV"], "ldtt_share_above": "0.50", "min_discipline": "canh_cao"},
        "Văn bản 2022 của Điều 28 chưa tìm thấy. Các điều kiện mặc định là của Luật 2003; Văn phòng đối chiếu "
        "văn bản hiện hành rồi đánh dấu «đã đối chiếu».",
    ),
    (
        "R7",
        "Bằng khen cấp Bộ, tỉnh",
        ["BK_TINH", "BK_BO"],
        f"{LAW}, Điều 74 khoản 1 điểm d",
        "V",
        {
            "prerequisite": "CSTDCS",
            "consecutive": 2,
            "excellent_rating": "HTXSNV",
            "excellent_years": 2,
            "min_initiatives": 2,
            "initiative_min_scope": "co_so",
            "prior_forms": ["BK_TINH", "BK_BO"],
            "manual_alternatives": True,
        },
        "Điều 74 khoản 1 điểm a–c và tiêu chuẩn đối với tập thể (khoản 2): chưa tìm thấy (not found), "
        "xem xét thủ công.",
    ),
    (
        "R8",
        "Bằng khen của Thủ tướng Chính phủ",
        ["BK_TTG"],
        f"{LAW}, Điều 73 khoản 1 điểm b; {ND98}, Điều 30 khoản 9",
        "V",
        {
            "years": 5,
            "ratings": ["HTXSNV", "HTTNV"],
            "prerequisite": "CSTDCS",
            "min_prerequisite": 3,
            "prior_forms": ["BK_TINH", "BK_BO"],
        },
        "Tiêu chuẩn đối với tập thể: chưa tìm thấy (not found), xem xét thủ công.",
    ),
    (
        "R9",
        "Giấy khen",
        ["GK"],
        f"{LAW}, Điều 75 khoản 2",
        "V",
        {"criteria": ["Đạt tiêu chuẩn xét tặng Giấy khen theo quy định của UBND tỉnh Tuyên Quang"]},
        "Tiêu chuẩn do tỉnh quy định; Văn phòng nhập từng tiêu chuẩn vào «criteria». Điều 75 khoản 1: chưa tìm thấy.",
    ),
    (
        "R10",
        "Một thành tích không khen thưởng hai lần",
        ALL_AWARDS,
        f"{LAW}, Điều 5",
        "S",
        {"forms_share_year_achievement": True},
        "Mặc định: các hình thức khen thưởng theo công trạng của cùng một năm là cùng một thành tích.",
    ),
    (
        "R11",
        "Khen thưởng chuyên đề, đột xuất không làm căn cứ khen công trạng",
        [],
        f"{ND98}, Điều 4",
        "S",
        {"excluded_kinds": ["chuyen_de", "dot_xuat"]},
        "",
    ),
    (
        "R12",
        "Chưa khen thưởng khi đang xem xét kỷ luật, thanh tra, khiếu nại",
        ALL_AWARDS,
        f"{ND98}, Điều 4 (nguyên tắc 4)",
        "S",
        {},
        "",
    ),
    (
        "R13",
        "Thành phần hồ sơ đề nghị khen thưởng",
        [],
        f"{LAW}, Điều 84, Điều 85; {ND98}, Điều 40",
        "S",
        {
            "title_documents": ["to_trinh", "bao_cao_thanh_tich", "bien_ban_binh_xet"],
            "form_documents": ["to_trinh", "bao_cao_thanh_tich", "bien_ban_xet_khen_thuong"],
            "certificate_titles": ["CSTDCS", "CSTD_TINH", "CSTD_TQ"],
            "simplified_cases": [
                "political_task",
                "sudden_achievement",
                "head_discovered",
                "dedication_service_external",
                "state_secret",
            ],
            "simplified_documents": ["to_trinh", "bao_cao_tom_tat_thanh_tich"],
        },
        "",
    ),
    (
        "R14",
        "Hủy quyết định, thu hồi hiện vật và tiền thưởng",
        [],
        f"{LAW}, Điều 93 khoản 2 (số điều chưa xác nhận)",
        "V",
        {"triggers": ["fraud", "false_dossier", "unlawful_appraisal", "later_violation"]},
        "",
    ),
    (
        "R15",
        "Kỷ niệm chương «Vì sự nghiệp Tư pháp»",
        [],
        "Thông tư 14/2025/TT-BTP",
        "S",
        {"once_per_person": True, "min_service_years": None},
        "Số năm công tác tối thiểu: chưa tìm thấy (not found); nhập vào «min_service_years» khi có căn cứ.",
    ),
    (
        "R16",
        "Tiền thưởng = hệ số × mức lương cơ sở",
        [],
        f"{ND98}, Điều 54",
        "V",
        {},
        "Hệ số của từng danh hiệu, hình thức nằm trong danh mục.",
    ),
    (
        "R17",
        "Biểu quyết của Hội đồng Thi đua – Khen thưởng",
        [],
        "NĐ 98/2023, NĐ 152/2025 (tỷ lệ chưa tìm thấy)",
        "not_found",
        {
            "quorum_share": "2/3",
            "pass_share": "0.5",
            "pass_share_by_award": {"CSTD_TINH": "0.9", "CSTD_TQ": "0.9"},
            "secret_ballot_awards": ["CSTD_TINH", "CSTD_TQ"],
        },
        "Tỷ lệ phiếu theo NĐ 98/152: chưa tìm thấy. Mặc định: quá nửa tổng số thành viên; ≥90% tổng số thành viên, "
        "bỏ phiếu kín với CSTĐ tỉnh, toàn quốc (NĐ 91/2017, lịch sử); có mặt ≥2/3 (chỉ xác nhận "
        "cho Hội đồng Trung ương).",
    ),
    (
        "R18",
        "Thể thức văn bản",
        [],
        "Nghị định 30/2020/NĐ-CP, Phụ lục I; Điều 15",
        "V",
        {"number_pattern": r"^\d{2,}/[A-ZĐ]+(-[A-ZĐ0-9]+)*$"},
        "",
    ),
    (
        "R19",
        "Thẩm quyền quyết định, trình khen thưởng",
        [],
        f"{LAW}, Điều 80 khoản 1",
        "V",
        {},
        "Việc trình Chủ tịch UBND tỉnh với TTLĐXS, CSTĐ tỉnh, Cờ thi đua, Bằng khen tỉnh là suy ra từ Điều 80 "
        "khoản 1 [S]. Thẩm quyền của từng danh hiệu, hình thức nằm trong danh mục.",
    ),
    (
        "R20",
        "Cờ thi đua cấp Bộ, ngành, tỉnh",
        ["CO_TINH"],
        f"{LAW}, Điều 26 (văn bản 2022 chưa tìm thấy)",
        "not_found",
        {"criteria": _HISTORICAL_FLAG_CRITERIA},
        "Văn bản 2022 chưa tìm thấy; các tiêu chuẩn là quy định cũ để tham khảo, xem xét thủ công.",
    ),
    (
        "R21",
        "Cờ thi đua của Chính phủ",
        ["CO_CP"],
        f"{LAW}, Điều 25 (văn bản 2022 chưa tìm thấy)",
        "not_found",
        {"criteria": _HISTORICAL_FLAG_CRITERIA},
        "Văn bản 2022 chưa tìm thấy; các tiêu chuẩn là quy định cũ để tham khảo, xem xét thủ công.",
    ),
]


def load_catalogue(apps=None) -> dict[str, int]:
    """Add the missing first versions; returns how many rows of each were created.
    `apps` is the migration state when run from a migration."""
    award_model, rule_model = _models(apps)
    names = _names()
    created = {"awards": 0, "rules": 0}
    stored = set(award_model.objects.values_list("code", flat=True))
    for order, (code, category, subject, route, multiple, article) in enumerate(CATALOGUE, start=1):
        if code not in stored:
            award_model.objects.create(
                code=code,
                category=category,
                name=names[code],
                subject=subject,
                route=route,
                cash_multiple=multiple,
                article=article,
                order=order,
                effective_from=LAW_IN_FORCE,
                note=CATALOGUE_NOTE.get(code, ""),
                **_cash_basis(award_model, code),
            )
            created["awards"] += 1
    stored = set(rule_model.objects.values_list("code", flat=True))
    for order, (code, name, awards, article, confidence, parameters, note) in enumerate(RULES, start=1):
        if code not in stored:
            rule_model.objects.create(
                code=code,
                name=name,
                awards=awards,
                article=article,
                confidence=confidence,
                parameters=parameters,
                effective_from=LAW_IN_FORCE,
                note=note,
                order=order,
            )
            created["rules"] += 1
    return created


def _cash_basis(model, code: str) -> dict:
    """The migration that seeds the catalogue runs before the basis had its column."""
    names = {field.name for field in model._meta.get_fields()}
    return {"cash_basis": CASH_BASIS.get(code, "")} if "cash_basis" in names else {}


def fill_cash_basis(apps=None) -> int:
    """Give the stored first versions their multiple's basis where it is still empty."""
    award_model, _ = _models(apps)
    filled = 0
    for code, basis in CASH_BASIS.items():
        filled += award_model.objects.filter(
            code=code, effective_from=LAW_IN_FORCE, cash_basis="", cash_multiple__isnull=False
        ).update(cash_basis=basis)
    return filled


def _models(apps):
    if apps is None:
        from thidua.commendation.models import AwardType, EligibilityRule

        return AwardType, EligibilityRule
    return apps.get_model("commendation", "AwardType"), apps.get_model("commendation", "EligibilityRule")


def _names() -> dict[str, str]:
    from django.utils.translation import override

    with override("vi"):
        return {code: str(label) for code, label in [*EmulationTitle.choices, *CommendationForm.choices]}
