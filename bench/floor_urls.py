"""The project's URLs and, under /_floor/, the minimal JSON views the pages are
compared with. Loaded only by `bench/settings.py`."""

from django.urls import path

from bench import floor
from thidua.urls import urlpatterns as project_urls

urlpatterns = [
    path("_floor/home/", floor.home, name="floor_home"),
    path("_floor/people/", floor.people_search, name="floor_people"),
    path("_floor/board/", floor.status_board, name="floor_board"),
    path("_floor/proposals/", floor.proposals, name="floor_proposals"),
    path("_floor/register/", floor.register, name="floor_register"),
    path("_floor/honours/", floor.honours, name="floor_honours"),
    *project_urls,
]
