"""Additions to the OpenAPI schema that no single view declares: the ranges of the
query parameters that `core/params.py` reads (so a client knows before sending what
will be refused with a 400), and the Idempotency-Key header that every POST under
/api/v1/ accepts (`idempotency.py`)."""

from drf_spectacular.utils import OpenApiParameter

from thidua.api.idempotency import API_PREFIX, HEADER, REPLAYED_HEADER
from thidua.core import params


def _integer(name: str, low: int, high: int, **kwargs) -> OpenApiParameter:
    return OpenApiParameter(name, {"type": "integer", "minimum": low, "maximum": high}, **kwargs)


def year(name: str = "year", **kwargs) -> OpenApiParameter:
    return _integer(name, *params.YEARS, **kwargs)


def identifier(name: str, **kwargs) -> OpenApiParameter:
    return _integer(name, 1, params.MAX_ID, **kwargs)


def quarter(name: str = "quarter", **kwargs) -> OpenApiParameter:
    return _integer(name, *params.QUARTERS, **kwargs)


PARAMETER = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x20-\\x7E]+$"},
    "description": (
        "A key chosen by the client (1–255 printable ASCII characters), new for each new request. "
        "A retry with the same key, path and body within 24 hours gets the first answer again, "
        f"with `{REPLAYED_HEADER}: true`, and the request is not run again. The same key with another "
        "path or body answers 422; while the first request still runs, 409. Only 2xx and 400 answers "
        "are kept: after any other answer the key may be used again."
    ),
}
RESPONSES = {
    "409": "Idempotency-Key: the first request with this key is still running; retry shortly.",
    "422": "Idempotency-Key: the key was already used for another path or body.",
}


def idempotency_header(result, generator, request, public):
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS)."""
    result.setdefault("components", {}).setdefault("parameters", {})["IdempotencyKey"] = PARAMETER
    for path, operations in result.get("paths", {}).items():
        post = operations.get("post") if path.startswith(API_PREFIX) else None
        if post is None:
            continue
        post.setdefault("parameters", []).append({"$ref": "#/components/parameters/IdempotencyKey"})
        for code, description in RESPONSES.items():
            post.setdefault("responses", {}).setdefault(code, {"description": description})
    return result
