"""The schema's description of the query parameters that `core/params.py` reads, with
the same ranges, so a client knows before sending what will be refused with a 400."""

from drf_spectacular.utils import OpenApiParameter

from thidua.core import params


def _integer(name: str, low: int, high: int, **kwargs) -> OpenApiParameter:
    return OpenApiParameter(name, {"type": "integer", "minimum": low, "maximum": high}, **kwargs)


def year(name: str = "year", **kwargs) -> OpenApiParameter:
    return _integer(name, *params.YEARS, **kwargs)


def identifier(name: str, **kwargs) -> OpenApiParameter:
    return _integer(name, 1, params.MAX_ID, **kwargs)


def quarter(name: str = "quarter", **kwargs) -> OpenApiParameter:
    return _integer(name, *params.QUARTERS, **kwargs)
