from django.urls import path

from thidua.plans import views

urlpatterns = [
    path("ke-hoach/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/tai-ve.docx", views.plan_docx, name="plan_docx"),
    path("ke-hoach/tao-moi/", views.plan_edit, name="plan_create"),
    path("ke-hoach/phong-trao/tao-moi/", views.movement_create, name="movement_create"),
    path("ke-hoach/<slug:code>/", views.plan_detail, name="plan_detail_code"),
    path("ke-hoach/<slug:code>/tai-ve.docx", views.plan_docx, name="plan_docx_code"),
    path("ke-hoach/<slug:code>/sua/", views.plan_edit, name="plan_edit"),
    path("ke-hoach/<slug:code>/so-va-ngay/", views.plan_number, name="plan_number"),
    path("ke-hoach/<slug:code>/giai-doan/", views.phases_edit, name="phases_edit"),
    path("ke-hoach/<slug:code>/gui-va-dang-tai/", views.plan_dispatches, name="plan_dispatches"),
    path("ke-hoach/<slug:code>/<slug:part>/them/", views.part_edit, name="part_add"),
    path("ke-hoach/<slug:code>/<slug:part>/<id:pk>/", views.part_edit, name="part_edit"),
]
