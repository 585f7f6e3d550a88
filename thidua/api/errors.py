"""How the API answers a refusal. The same services back the pages and the API, and the
API says with a status code what the pages say with a message: a service's refusal is
400, or 409 for a state conflict (`run`); a request it cannot read — a query parameter
out of range, a body over the size limits, JSON nested too deep — is 400 (413 for a body
too large), always as JSON with a Vietnamese `detail` or `{field: [message]}`
(`exception_handler`, set in REST_FRAMEWORK)."""

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from thidua.core.limits import SIZE_LIMITS, limit_message
from thidua.core.params import InvalidParameter
from thidua.core.workflow import TransitionError


class StateConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Trạng thái hiện tại không cho phép thao tác này.")
    default_code = "state_conflict"


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("Dữ liệu gửi lên quá lớn.")
    default_code = "payload_too_large"


def run(function, **kwargs):
    """Call a service and answer its refusals the API way: 400 with the reasons, 409
    when the state forbids it (PermissionDenied becomes 403 by itself)."""
    try:
        return function(**kwargs)
    except TransitionError as error:
        raise StateConflict(str(error)) from error
    except DjangoValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
        raise serializers.ValidationError(detail) from error


def as_api_exception(exc: BaseException) -> BaseException:
    """Django's size-limit errors and an invalid query parameter as the API's refusals;
    anything else as it is."""
    if isinstance(exc, InvalidParameter):
        return serializers.ValidationError({exc.name: [exc.message]})
    if isinstance(exc, SIZE_LIMITS):
        return (PayloadTooLarge if isinstance(exc, RequestDataTooBig) else ParseError)(limit_message(exc))
    return exc


def exception_handler(exc, context):
    """REST_FRAMEWORK's EXCEPTION_HANDLER: DRF's own, after `as_api_exception`."""
    return drf_exception_handler(as_api_exception(exc), context)


def bad_request(exc: BaseException | None) -> JsonResponse:
    """The answer to a request refused before it reached an API view (Django's 400
    handler, for a path under /api/): JSON like every other answer of the API."""
    exc = as_api_exception(exc) if exc is not None else None
    if isinstance(exc, APIException):
        return JsonResponse({"detail": str(exc.detail)}, status=exc.status_code)
    return JsonResponse({"detail": gettext("Yêu cầu không hợp lệ.")}, status=status.HTTP_400_BAD_REQUEST)


def not_found() -> JsonResponse:
    """An address under /api/ that names no endpoint or no object (an id out of range)."""
    return JsonResponse({"detail": gettext("Không tìm thấy.")}, status=status.HTTP_404_NOT_FOUND)
