"""How the API answers a service's refusal: the same services back the pages and the
API, and the API says with a status code what the pages say with a message."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.settings import api_settings

from thidua.core.workflow import TransitionError


class StateConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Trạng thái hiện tại không cho phép thao tác này.")
    default_code = "state_conflict"


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
