from django.urls import path

from thidua.overview import views

urlpatterns = [
    path("", views.home, name="home"),
    path("nhat-ky/", views.activity, name="activity"),
    path("tong-quan-phong-trao/", views.movement_overview, name="movement_overview"),
    path("ho-so-cua-toi/", views.my_record, name="my_record"),
    path("huong-dan/", views.user_guide, name="user_guide"),
    path("huong-dan/huong-dan-su-dung.docx", views.user_guide_docx, name="user_guide_docx"),
]
