"""The API's one answer to a service's refusal (`api/errors.exception_handler`): the
views let the refusals rise and the handler says them with a status code."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from thidua.api.errors import exception_handler
from thidua.core.workflow import AlreadyChanged, TransitionError


def _answer(exc, view=None):
    response = exception_handler(exc, {"view": view})
    return response.status_code, response.data


def test_a_move_the_state_forbids_is_409_with_the_reason():
    assert _answer(TransitionError("Không thể chuyển từ «Đã gửi» sang «Đã gửi».")) == (
        409,
        {"detail": "Không thể chuyển từ «Đã gửi» sang «Đã gửi»."},
    )
    assert _answer(AlreadyChanged("Hồ sơ đã được người khác chuyển."))[0] == 409


def test_a_refusal_naming_fields_is_400_by_field():
    status, body = _answer(ValidationError({"title": "Hãy nhập tiêu đề.", "year": ["Năm sai.", "Năm trùng."]}))
    assert (status, body) == (400, {"title": ["Hãy nhập tiêu đề."], "year": ["Năm sai.", "Năm trùng."]})


def test_a_refusal_naming_no_field_gives_one_sentence_and_the_list():
    status, body = _answer(ValidationError(["Còn thiếu: Tờ trình.", "Còn thiếu: Biên bản."]))
    assert (status, body) == (
        400,
        {
            "detail": "Còn thiếu: Tờ trình. Còn thiếu: Biên bản.",
            "non_field_errors": ["Còn thiếu: Tờ trình.", "Còn thiếu: Biên bản."],
        },
    )


def test_a_view_renames_the_services_fields():
    class View:
        @staticmethod
        def service_field(name):
            return "value" if name == NON_FIELD_ERRORS else name.removesuffix("_12")

    assert _answer(ValidationError("Không nhận giá trị âm."), View()) == (400, {"value": ["Không nhận giá trị âm."]})
    assert _answer(ValidationError({"score_12": "Quá điểm tối đa."}), View()) == (400, {"score": ["Quá điểm tối đa."]})


def test_permission_denied_is_403_with_its_message():
    assert _answer(PermissionDenied("Chỉ Văn phòng Sở.")) == (403, {"detail": "Chỉ Văn phòng Sở."})
    assert _answer(PermissionDenied())[0] == 403
