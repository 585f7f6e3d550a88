from django.urls import path

from thidua.commendation.views import catalogue, eligibility, ratings, records

urlpatterns = [
    path("khen-thuong/danh-muc/", catalogue.award_catalogue, name="award_catalogue"),
    path("khen-thuong/danh-muc/<int:pk>/sua/", catalogue.award_type_edit, name="award_type_edit"),
    path("khen-thuong/quy-tac/", catalogue.eligibility_rules, name="eligibility_rules"),
    path("khen-thuong/quy-tac/<int:pk>/sua/", catalogue.eligibility_rule_edit, name="eligibility_rule_edit"),
    path("khen-thuong/xep-loai/", ratings.ratings, name="ratings"),
    path("khen-thuong/xep-loai/nhap-excel/", ratings.ratings_import, name="ratings_import"),
    path("khen-thuong/xep-loai/mau.xlsx", ratings.ratings_template, name="ratings_template"),
    path("khen-thuong/ca-nhan/<int:pk>/", records.person_record, name="person_record"),
    path("khen-thuong/don-vi/<int:pk>/", records.unit_record, name="unit_record"),
    path("khen-thuong/<str:kind>/<int:pk>/da-nhan/them/", records.award_record_edit, name="award_record_add"),
    path("khen-thuong/<str:kind>/<int:pk>/da-nhan/<int:record_pk>/sua/", records.award_record_edit,
         name="award_record_edit"),
    path("khen-thuong/ca-nhan/<int:pk>/ky-luat/them/", records.discipline_edit, name="discipline_add"),
    path("khen-thuong/ca-nhan/<int:pk>/ky-luat/<int:record_pk>/sua/", records.discipline_edit,
         name="discipline_edit"),
    path("khen-thuong/<str:kind>/<int:pk>/tam-dung/them/", records.hold_edit, name="hold_add"),
    path("khen-thuong/<str:kind>/<int:pk>/tam-dung/<int:record_pk>/sua/", records.hold_edit, name="hold_edit"),
    path("khen-thuong/xet-dieu-kien/", eligibility.eligibility, name="eligibility"),
    path("khen-thuong/xet-dieu-kien/<str:kind>/<int:pk>/", eligibility.eligibility_subject,
         name="eligibility_subject"),
]
