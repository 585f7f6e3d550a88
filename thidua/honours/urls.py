from django.urls import path

from thidua.honours.views import office, public

urlpatterns = [
    path("ton-vinh/", public.home, name="honours_home"),
    path("ton-vinh/dien-hinh/", public.examples, name="honours_examples"),
    path("ton-vinh/dien-hinh/<id:pk>/", public.example_detail, name="honours_example"),
    path("ton-vinh/dien-hinh/<id:pk>/anh/", public.example_photo, name="honours_example_photo"),
    path("ton-vinh/khen-thuong/", public.awards, name="honours_awards"),
    path("ton-vinh/khen-thuong/quyet-dinh/<id:pk>.pdf", public.signed_decision, name="honours_signed_decision"),
    path("ton-vinh/sang-kien/", public.initiatives, name="honours_initiatives"),
    path("ton-vinh/sang-kien/<id:pk>/", public.initiative_detail, name="honours_initiative"),
    path("ton-vinh/quan-ly/", office.manage, name="honours_manage"),
    path("ton-vinh/quan-ly/dien-hinh/them/", office.example_edit, name="honours_example_create"),
    path("ton-vinh/quan-ly/dien-hinh/<id:pk>/sua/", office.example_edit, name="honours_example_edit"),
    path("ton-vinh/quan-ly/dien-hinh/<id:pk>/cong-bo/", office.example_publish, name="honours_example_publish"),
    path("ton-vinh/quan-ly/khen-thuong/", office.manage_awards, name="honours_manage_awards"),
    path(
        "ton-vinh/quan-ly/khen-thuong/cong-bo-ca-nam/", office.awards_publish_year, name="honours_awards_publish_year"
    ),
    path("ton-vinh/quan-ly/khen-thuong/<id:pk>/cong-bo/", office.award_publish, name="honours_award_publish"),
    path("ton-vinh/quan-ly/sang-kien/", office.manage_initiatives, name="honours_manage_initiatives"),
    path("ton-vinh/quan-ly/sang-kien/<id:pk>/cong-bo/", office.initiative_publish, name="honours_initiative_publish"),
]
