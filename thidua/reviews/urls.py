from django.urls import path

from thidua.reviews import views

urlpatterns = [
    path("so-ket-tong-ket/", views.home, name="reviews_home"),
    path("so-ket-tong-ket/so-sanh/", views.comparison, name="reviews_comparison"),
    path("so-ket-tong-ket/giai-doan/<id:phase_pk>/ngay-chot/", views.schedule, name="review_schedule"),
    path("so-ket-tong-ket/<id:pk>/", views.detail, name="review_detail"),
    path("so-ket-tong-ket/<id:pk>/noi-dung-bao-cao/", views.texts, name="review_texts"),
    path("so-ket-tong-ket/<id:pk>/chot-so-lieu/", views.freeze, name="review_freeze"),
    path("so-ket-tong-ket/<id:pk>/don-vi/<id:unit_pk>/", views.unit_detail, name="review_unit"),
    path("so-ket-tong-ket/<id:pk>/bao-cao.docx", views.report_docx, name="review_report_docx"),
]
