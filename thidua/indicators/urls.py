from django.urls import path

from thidua.indicators import views

urlpatterns = [
    path("chi-tieu/", views.overview, name="indicators_overview"),
    path("chi-tieu/noi-dung/<id:pk>/", views.area_detail, name="indicators_area"),
    path("chi-tieu/them/", views.indicator_edit, name="indicator_create"),
    path("chi-tieu/<id:pk>/sua/", views.indicator_edit, name="indicator_edit"),
    path("chi-tieu/so-lieu/", views.values_home, name="indicator_values_home"),
    path("chi-tieu/so-lieu/don-vi/<id:pk>/", views.values_entry, name="indicator_values_entry"),
    path("chi-tieu/so-lieu/don-vi/<id:pk>/nhap-excel/", views.values_import, name="indicator_values_import"),
    path(
        "chi-tieu/so-lieu/don-vi/<id:pk>/mau-<year:year>.xlsx", views.values_template, name="indicator_values_template"
    ),
]
