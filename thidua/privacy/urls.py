from django.urls import path

from thidua.privacy import views

urlpatterns = [
    path("can-bo/<id:pk>/du-lieu-ca-nhan.zip", views.personal_data_export, name="personal_data_export"),
    path("can-bo/<id:pk>/an-danh-hoa/", views.person_anonymise, name="person_anonymise"),
]
