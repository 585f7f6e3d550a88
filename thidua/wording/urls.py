from django.urls import path

from thidua.wording import views

urlpatterns = [
    path("cau-chu-van-ban/", views.document_list, name="wording_list"),
    path("cau-chu-van-ban/can-cu/", views.bases, name="wording_bases"),
    path("cau-chu-van-ban/can-cu/<slug:kind>/", views.bases, name="wording_basis"),
    path("cau-chu-van-ban/<slug:key>/", views.document_edit, name="wording_edit"),
    path("cau-chu-van-ban/<slug:key>/lich-su/", views.document_history, name="wording_history"),
    path("cau-chu-van-ban/<slug:key>/<slug:text_key>/khoi-phuc/", views.text_reset, name="wording_reset"),
]
