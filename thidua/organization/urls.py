from django.urls import path

from thidua.organization import views

urlpatterns = [
    path("to-chuc/", views.unit_tree, name="unit_tree"),
    path("can-bo/", views.people, name="people"),
    path("can-bo/<id:pk>/", views.person_detail, name="person_detail"),
    path("to-chuc/nhap-excel/", views.import_organization, name="import_organization"),
    path("to-chuc/nhap-excel/mau.xlsx", views.import_template, name="import_template"),
]
