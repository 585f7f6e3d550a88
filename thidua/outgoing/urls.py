from django.urls import path

from thidua.outgoing import views

urlpatterns = [
    path("so-van-ban-di/", views.register, name="outgoing_register"),
    path("so-van-ban-di/ghi-so-ngoai/", views.record_outside, name="outgoing_record_outside"),
    path("so-van-ban-di/so-tiep-theo/", views.set_next, name="outgoing_set_next"),
    path("so-van-ban-di/<id:pk>/", views.line_detail, name="outgoing_line"),
    path("so-van-ban-di/<id:pk>/ban-da-ky/", views.upload_signed, name="outgoing_upload_signed"),
    path("so-van-ban-di/ban-da-ky/<id:pk>/", views.signed_file, name="outgoing_signed_file"),
]
