from django.urls import path

from thidua.reviews import views

urlpatterns = [
    path("so-ket-tong-ket/", views.home, name="reviews_home"),
    path("so-ket-tong-ket/so-sanh/", views.comparison, name="reviews_comparison"),
    path("so-ket-tong-ket/giai-doan/<int:phase_pk>/ngay-chot/", views.schedule, name="review_schedule"),
    path("so-ket-tong-ket/<int:pk>/", views.detail, name="review_detail"),
    path("so-ket-tong-ket/<int:pk>/chot-so-lieu/", views.freeze, name="review_freeze"),
    path("so-ket-tong-ket/<int:pk>/don-vi/<int:unit_pk>/", views.unit_detail, name="review_unit"),
    path("so-ket-tong-ket/<int:pk>/bao-cao.docx", views.report_docx, name="review_report_docx"),
]
