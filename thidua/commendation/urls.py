from django.urls import path

from thidua.commendation.views import catalogue, eligibility, ratings, records


def _record_pages(subject: str, part: str, page: str, add: str, edit: str) -> list:
    """Adding and changing one kind of record (`page` of `records.record_edit`) of a
    person's or a unit's record."""
    base, extra = f"khen-thuong/{subject}/<id:pk>/{part}/", {"page": page}
    return [
        path(f"{base}them/", records.record_edit, extra, name=add),
        path(f"{base}<id:record_pk>/sua/", records.record_edit, extra, name=edit),
    ]


urlpatterns = [
    path("khen-thuong/danh-muc/", catalogue.award_catalogue, name="award_catalogue"),
    path("khen-thuong/danh-muc/<id:pk>/sua/", catalogue.award_type_edit, name="award_type_edit"),
    path("khen-thuong/quy-tac/", catalogue.eligibility_rules, name="eligibility_rules"),
    path("khen-thuong/quy-tac/<id:pk>/sua/", catalogue.eligibility_rule_edit, name="eligibility_rule_edit"),
    path("khen-thuong/xep-loai/", ratings.ratings, name="ratings"),
    path("khen-thuong/xep-loai/nhap-excel/", ratings.ratings_import, name="ratings_import"),
    path("khen-thuong/xep-loai/mau.xlsx", ratings.ratings_template, name="ratings_template"),
    path("khen-thuong/ca-nhan/<id:pk>/", records.person_record, name="person_record"),
    path("khen-thuong/don-vi/<id:pk>/", records.unit_record, name="unit_record"),
    *_record_pages("<str:kind>", "da-nhan", "award", "award_record_add", "award_record_edit"),
    *_record_pages("ca-nhan", "ky-luat", "discipline", "discipline_add", "discipline_edit"),
    *_record_pages("<str:kind>", "tam-dung", "hold", "hold_add", "hold_edit"),
    path("khen-thuong/xet-dieu-kien/", eligibility.eligibility, name="eligibility"),
    path("khen-thuong/xet-dieu-kien/<str:kind>/<id:pk>/", eligibility.eligibility_subject, name="eligibility_subject"),
]
