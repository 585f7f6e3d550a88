"""The one JSON parser of the API (REST_FRAMEWORK's DEFAULT_PARSER_CLASSES). DRF's own
lets Python's recursion limit decide how deep a body may nest — 100,000 opening brackets
end in a RecursionError, a 500 — and reads any length of JSON, since Django checks
DATA_UPLOAD_MAX_MEMORY_SIZE only for forms. This one refuses both with a 400 (413 for
the size) that says what is wrong, in Vietnamese; and a NUL character in any text,
which PostgreSQL cannot store (DRF's text fields refuse it, its JSON fields do not)."""

import codecs
import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 64  # arrays and objects inside each other; the deepest body of the API has 3


def _refuse_constant(name: str):
    raise ValueError(name)  # NaN, Infinity: Python reads them, JSON has no such numbers


def problem(data, limit: int) -> str | None:
    """ "deep" when `data` nests arrays and objects more than `limit` deep (a flat list is
    1); "nul" when a text or a key holds a NUL character, which PostgreSQL cannot store
    (in a text column or in JSON); None when neither. A loop with its own stack, so no
    depth can exhaust Python's."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return "nul"
            continue
        if isinstance(value, dict):
            children = [*value, *value.values()]
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return "deep"
        stack.extend((child, depth + 1) for child in children)
    return None


class JSONRefused(ValueError):
    """A JSON text refused by `load_json`; the message says what to fix, in Vietnamese."""


def load_json(text: str):
    """The JSON value of `text`, read as the API reads a body: no NaN or Infinity, no
    deeper than MAX_DEPTH, no NUL character. Raises JSONRefused with the reason. Also
    used by the commands that take the API's JSON from a file (`check_eligibility`)."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError as error:  # only nesting recurses in the decoder
        raise JSONRefused(_too_deep()) from error
    except json.JSONDecodeError as error:
        raise JSONRefused(
            gettext(
                "Nội dung JSON không hợp lệ ở dòng %(line)s, cột %(column)s: hãy kiểm tra "
                "dấu ngoặc, dấu phẩy và dấu nháy kép."
            )
            % {"line": error.lineno, "column": error.colno}
        ) from error
    except ValueError as error:  # NaN or Infinity, which JSON does not have
        raise JSONRefused(gettext("Nội dung JSON không hợp lệ: NaN và Infinity không phải là số JSON.")) from error
    found = problem(data, MAX_DEPTH)
    if found == "deep":
        raise JSONRefused(_too_deep())
    if found == "nul":
        raise JSONRefused(gettext("Dữ liệu JSON chứa ký tự NUL (\\u0000), không lưu được: hãy bỏ ký tự này."))
    return data


def decode(raw: bytes, encoding: str) -> str:
    """`raw` as text; JSONRefused when it is not text in `encoding`."""
    try:
        return codecs.decode(raw, encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise JSONRefused(
            gettext("Nội dung gửi lên không phải văn bản %(encoding)s hợp lệ.") % {"encoding": encoding}
        ) from error


def _too_deep() -> str:
    return gettext("Dữ liệu JSON lồng nhau quá sâu: tối đa %(limit)s cấp mảng, đối tượng lồng trong nhau.") % {
        "limit": MAX_DEPTH
    }


class SafeJSONParser(JSONParser):
    """JSON with a size limit (DATA_UPLOAD_MAX_MEMORY_SIZE), a depth limit (MAX_DEPTH) and
    no NUL character."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise RequestDataTooBig  # answered by thidua/api/errors.py with the limit
        try:
            return load_json(decode(raw, encoding))
        except JSONRefused as error:
            raise ParseError(str(error)) from error
