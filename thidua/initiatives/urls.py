from django.urls import path

from thidua.initiatives.views import council, library, pages

urlpatterns = [
    path("sang-kien/", pages.initiative_list, name="initiative_list"),
    path("sang-kien/van-phong/", pages.initiative_office, name="initiative_office"),
    path("sang-kien/them/", pages.initiative_create, name="initiative_create"),
    path("sang-kien/<id:pk>/", pages.initiative_detail, name="initiative_detail"),
    path("sang-kien/<id:pk>/sua/", pages.initiative_edit, name="initiative_edit"),
    path("sang-kien/<id:pk>/gui/", pages.initiative_submit, name="initiative_submit"),
    path("sang-kien/<id:pk>/xem-xet/", pages.initiative_start_review, name="initiative_start_review"),
    path("sang-kien/<id:pk>/cong-nhan/", pages.initiative_recognise, name="initiative_recognise"),
    path("sang-kien/<id:pk>/khong-cong-nhan/", pages.initiative_not_recognise, name="initiative_not_recognise"),
    path("sang-kien/<id:pk>/tra-lai/", pages.initiative_return, name="initiative_return"),
    path("sang-kien/<id:pk>/de-nghi-cap-tinh/", pages.initiative_put_forward, name="initiative_put_forward"),
    path(
        "sang-kien/<id:pk>/quyet-dinh-cong-nhan.docx",
        pages.recognition_decision_docx,
        name="initiative_recognition_docx",
    ),
    path(
        "sang-kien/<id:pk>/giay-chung-nhan.docx", pages.initiative_certificate_docx, name="initiative_certificate_docx"
    ),
    path("sang-kien/<id:pk>/quyet-dinh-cap-tren/", pages.initiative_record_higher, name="initiative_record_higher"),
    path(
        "sang-kien/quyet-dinh-cap-tren/<id:pk>/tep/",
        pages.higher_recognition_file,
        name="initiative_higher_recognition_file",
    ),
    path("sang-kien/quy-tac-cong-nhan/", pages.recognition_rule, name="initiative_recognition_rule"),
    path("sang-kien/tep/<id:pk>/", pages.attachment_download, name="initiative_attachment"),
    path("sang-kien/tep/<id:pk>/xoa/", pages.attachment_delete, name="initiative_attachment_delete"),
    path("hoi-dong/cham-sang-kien/", council.council_queue, name="council_queue"),
    path("sang-kien/<id:pk>/cham-diem/", council.initiative_score, name="initiative_score"),
    path("sang-kien/<id:pk>/xung-dot-loi-ich/", council.declare_conflict, name="initiative_conflict"),
    path("thu-vien-sang-kien/", library.library, name="library"),
    path("thu-vien-sang-kien/<id:pk>/", library.library_detail, name="library_detail"),
    path("thu-vien-sang-kien/<id:pk>/ap-dung/", library.library_apply, name="library_apply"),
    path("thu-vien-sang-kien/ap-dung/<id:pk>/minh-chung/", library.adoption_evidence, name="adoption_evidence"),
]
