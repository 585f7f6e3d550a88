"""How the API answers a refusal. The same services back the pages and the API, and the
API says with a status code what the pages say with a message. Views call the services
and let their refusals rise; `exception_handler` (REST_FRAMEWORK's EXCEPTION_HANDLER)
answers them, always as JSON in Vietnamese:
- a move the state no longer allows (`TransitionError`, `AlreadyChanged`): 409 `detail`;
- Django's `ValidationError`: 400 `{field: [message]}`, or `detail` (one sentence) and
  `non_field_errors` (the list) when it names no field;
- Django's `PermissionDenied`: 403, `Http404`: 404 (DRF's own handling);
- a request it cannot read — a query parameter out of range, a body over the size
  limits, JSON nested too deep — 400 (413 for a body too large)."""

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
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
from thidua.core.responses import json_detail
from thidua.core.workflow import TransitionError


class StateConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Trạng thái hiện tại không cho phép thao tác này.")
    default_code = "state_conflict"


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("Dữ liệu gửi lên quá lớn.")
    default_code = "payload_too_large"


def validation_detail(error: DjangoValidationError, service_field=None) -> dict:
    """A service's ValidationError as the body of a 400: `{field: [message]}`, or, when
    it names no field, `detail` (one sentence, like every other refusal) and
    `non_field_errors` (the list, like a serializer's). A view whose fields are named
    otherwise than the service's declares `service_field(name)` (a refusal that names no
    field comes as NON_FIELD_ERRORS)."""
    rename = service_field or (lambda name: name)
    if hasattr(error, "error_dict"):
        return {rename(name): messages for name, messages in error.message_dict.items()}
    if (name := rename(NON_FIELD_ERRORS)) != NON_FIELD_ERRORS:
        return {name: error.messages}
    return {"detail": " ".join(error.messages), api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def as_api_exception(exc: BaseException, view=None) -> BaseException:
    """A service's refusal, Django's size-limit errors and an invalid query parameter
    as the API's refusals; anything else as it is."""
    if isinstance(exc, TransitionError):
        return StateConflict(str(exc))
    if isinstance(exc, DjangoValidationError):
        return serializers.ValidationError(validation_detail(exc, getattr(view, "service_field", None)))
    if isinstance(exc, InvalidParameter):
        return serializers.ValidationError({exc.name: [exc.message]})
    if isinstance(exc, SIZE_LIMITS):
        return (PayloadTooLarge if isinstance(exc, RequestDataTooBig) else ParseError)(limit_message(exc))
    return exc


def exception_handler(exc, context):
    """REST_FRAMEWORK's EXCEPTION_HANDLER: DRF's own, after `as_api_exception`."""
    return drf_exception_handler(as_api_exception(exc, context.get("view")), context)


def bad_request(exc: BaseException | None) -> JsonResponse:
    """The answer to a request refused before it reached an API view (Django's 400
    handler, for a path under /api/): JSON like every other answer of the API."""
    exc = as_api_exception(exc) if exc is not None else None
    if isinstance(exc, APIException):
        return json_detail(exc.detail, exc.status_code)
    return json_detail(gettext("Yêu cầu không hợp lệ."), status.HTTP_400_BAD_REQUEST)


def not_found() -> JsonResponse:
    """An address under /api/ that names no endpoint or no object (an id out of range)."""
    return json_detail(gettext("Không tìm thấy."), status.HTTP_404_NOT_FOUND)
