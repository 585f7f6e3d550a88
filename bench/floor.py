"""Minimal views returning, as plain JSON, the same rows as the pages they stand beside:
signed-in like the pages, one hand-written statement each (`bench/sql.py`), no
template, no form, no context processor. What a page costs above its floor is our own
code; the floor itself is the framework, the session and the database."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

from bench import sql
from thidua.core.text import fold


def rows(statement: str, params: dict) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        names = [c.name for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def patterns(text: str) -> dict:
    """{"w0": "%nguyen%", …}: one LIKE per typed word, as the page does, so that each can
    use the trigram index."""
    return {f"w{i}": f"%{word}%" for i, word in enumerate(fold(text).split())}


@login_required
def home(request):
    return JsonResponse(rows(sql.HOME, {"user": request.user.pk, "today": timezone.localdate()})[0])


@login_required
def people_search(request):
    words = patterns(request.GET.get("q", ""))
    found = rows(sql.people_search(list(words)), {"user": request.user.pk} | words)
    return JsonResponse({"count": found[0]["total"] if found else 0, "results": found})


@login_required
def status_board(request):
    found = rows(sql.STATUS_BOARD, {"user": request.user.pk})
    return JsonResponse({"count": found[0]["total"] if found else 0, "results": found})


@login_required
def proposals(request):
    found = rows(sql.PROPOSALS, {"user": request.user.pk})
    return JsonResponse({"counts": found[0]["counts"] if found else {}, "results": found})


@login_required
def register(request):
    found = rows(sql.REGISTER, {"user": request.user.pk})
    return JsonResponse({"count": found[0]["total"] if found else 0, "results": found})


def honours(request):
    return JsonResponse(rows(sql.HONOURS, {})[0]["page"])
