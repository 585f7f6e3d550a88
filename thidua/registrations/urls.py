from django.urls import path

from thidua.registrations.views import bulk, office, unit

urlpatterns = [
    path("dang-ky-thi-dua/", unit.registration_home, name="registrations"),
    path("dang-ky-thi-dua/cua-toi/", unit.my_registration, name="registration_mine"),
    path("dang-ky-thi-dua/don-vi/<id:unit_id>/", unit.unit_registration, name="registration_unit"),
    path("dang-ky-thi-dua/don-vi/<id:unit_id>/gui/", unit.submit, name="registration_submit"),
    path("dang-ky-thi-dua/ca-nhan/<id:person_id>/", unit.person_registration, name="registration_person"),
    path("dang-ky-thi-dua/tong-hop/", office.office_list, name="registration_office_list"),
    path("dang-ky-thi-dua/tong-hop/tai-ve.xlsx", office.office_export, name="registration_export"),
    path("dang-ky-thi-dua/tiep-nhan-nhieu/", bulk.accept_many, name="registrations_accept_many"),
    path("dang-ky-thi-dua/tra-lai-nhieu/", bulk.return_many, name="registrations_return_many"),
    path("dang-ky-thi-dua/dot-dang-ky/", office.window_edit, name="registration_window"),
    path("dang-ky-thi-dua/<id:pk>/tiep-nhan/", office.accept, name="registration_accept"),
    path("dang-ky-thi-dua/<id:pk>/tra-lai/", office.return_for_changes, name="registration_return"),
]
