from django.urls import path

from thidua.difficulties import views

urlpatterns = [
    path("kho-khan/", views.difficulty_list, name="difficulty_list"),
    path("kho-khan/cho-van-phong/", views.office_queue, name="difficulty_office_queue"),
    path("kho-khan/cho-quyet-dinh/", views.director_queue, name="difficulty_director_queue"),
    path("kho-khan/tao-moi/", views.difficulty_create, name="difficulty_create"),
    path("kho-khan/<id:pk>/", views.difficulty_detail, name="difficulty_detail"),
    path("kho-khan/<id:pk>/sua/", views.difficulty_edit, name="difficulty_edit"),
    path("kho-khan/<id:pk>/gui/", views.difficulty_submit, name="difficulty_submit"),
    path("kho-khan/<id:pk>/tiep-nhan/", views.difficulty_accept, name="difficulty_accept"),
    path("kho-khan/<id:pk>/trinh-giam-doc/", views.difficulty_review, name="difficulty_review"),
    path("kho-khan/<id:pk>/quyet-dinh/", views.difficulty_decide, name="difficulty_decide"),
    path("kho-khan/<id:pk>/dong/", views.difficulty_close, name="difficulty_close"),
]
