from django.urls import path

from thidua.commendation.views import catalogue, eligibility, ratings, records

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
    path(
        "khen-thuong/<str:kind>/<id:pk>/da-nhan/them/", records.record_edit, {"page": "award"}, name="award_record_add"
    ),
    path(
        "khen-thuong/<str:kind>/<id:pk>/da-nhan/<id:record_pk>/sua/",
        records.record_edit,
        {"page": "award"},
        name="award_record_edit",
    ),
    path(
        "khen-thuong/ca-nhan/<id:pk>/ky-luat/them/", records.record_edit, {"page": "discipline"}, name="discipline_add"
    ),
    path(
        "khen-thuong/ca-nhan/<id:pk>/ky-luat/<id:record_pk>/sua/",
        records.record_edit,
        {"page": "discipline"},
        name="discipline_edit",
    ),
    path("khen-thuong/<str:kind>/<id:pk>/tam-dung/them/", records.record_edit, {"page": "hold"}, name="hold_add"),
    path(
        "khen-thuong/<str:kind>/<id:pk>/tam-dung/<id:record_pk>/sua/",
        records.record_edit,
        {"page": "hold"},
        name="hold_edit",
    ),
    path("khen-thuong/xet-dieu-kien/", eligibility.eligibility, name="eligibility"),
    path("khen-thuong/xet-dieu-kien/<str:kind>/<id:pk>/", eligibility.eligibility_subject, name="eligibility_subject"),
]
