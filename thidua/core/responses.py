"""A refusal answered as JSON outside the API's own views (middleware, error handlers),
in the same shape as DRF's: `{"detail": …}`, with Vietnamese left readable."""

from django.http import JsonResponse


def json_detail(message, status: int) -> JsonResponse:
    return JsonResponse({"detail": str(message)}, status=status, json_dumps_params={"ensure_ascii": False})
