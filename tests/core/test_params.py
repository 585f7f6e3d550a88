"""The one reader of numbers in query strings: ASCII digits only, each kind in its range,
and a message that names the parameter and says what to send."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import QueryDict

from thidua.core import params
from thidua.core.codes import State


def query(text: str) -> QueryDict:
    return QueryDict(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026", 2026),
        (" 7 ", 7),
        ("0", 0),
        ("9223372036854775807", 2**63 - 1),
        ("²", None),
        ("٣", None),
        ("-1", None),
        ("1.5", None),
        ("", None),
        ("12a", None),
        ("1" * 20, None),  # longer than any 64-bit id
    ],
)
def test_to_int_reads_ascii_digits_only(text, expected):
    assert params.to_int(text) == expected


def test_an_absent_or_empty_parameter_is_none():
    assert params.year(query("")) is None
    assert params.year(query("year=")) is None
    assert params.identifier(query("unit=5"), "period") is None


@pytest.mark.parametrize("value", ["0", "1999", "2101", "10000", "²", "abc", "-2026", "2026.0"])
def test_a_year_out_of_range_or_not_a_number_is_refused_with_its_name(value):
    with pytest.raises(params.InvalidParameter) as refused:
        params.year(query(f"year={value}"))
    assert refused.value.name == "year"
    assert refused.value.message == "Tham số year phải là một năm từ 2000 đến 2100."


def test_a_year_in_range_is_read():
    assert params.year(query("nam=2026"), "nam") == 2026
    assert params.year(query("year=2000")) == 2000
    assert params.year(query("year=2100")) == 2100


@pytest.mark.parametrize("value", ["0", "9223372036854775808", "99999999999999999999999", "²", "1e3"])
def test_an_id_must_fit_a_64_bit_column(value):
    with pytest.raises(params.InvalidParameter) as refused:
        params.identifier(query(f"unit={value}"), "unit")
    assert "Tham số unit phải là mã số (id)" in refused.value.message


def test_the_largest_id_is_read():
    assert params.identifier(query("period=9223372036854775807"), "period") == 2**63 - 1


def test_a_quarter_is_one_to_four():
    assert params.quarter(query("quarter=4")) == 4
    with pytest.raises(params.InvalidParameter, match="một quý, từ 1 đến 4"):
        params.quarter(query("quarter=5"))


def test_a_plain_integer_names_its_range():
    with pytest.raises(params.InvalidParameter, match="Tham số n phải là một số nguyên từ 1 đến 9."):
        params.integer(query("n=10"), "n", 1, 9)


def test_a_choice_lists_what_is_allowed():
    assert params.choice(query("state=draft"), "state", State.values) == "draft"
    with pytest.raises(params.InvalidParameter) as refused:
        params.choice(query("state=dra\x00ft"), "state", ["draft", "submitted"])
    assert refused.value.message == "Tham số state phải là một trong: draft, submitted."


def test_a_page_ignores_an_invalid_filter_and_says_so(rf):
    request = rf.get("/", {"nam": "²"})
    request.session = {}
    request._messages = FallbackStorage(request)
    assert params.for_page(request, params.year, "nam", 2026) == 2026
    assert [str(m) for m in get_messages(request)] == ["Tham số nam phải là một năm từ 2000 đến 2100."]
    assert params.for_page(rf.get("/", {"nam": "2027"}), params.year, "nam", 2026) == 2027


def test_text_to_search_has_no_nul_and_a_length():
    assert params.text(query("search=Nguy%E1%BB%85n"), "search") == "Nguyễn"
    assert params.text(query(""), "search") == ""
    for bad in ("a%00b", "x" * 201):
        with pytest.raises(params.InvalidParameter) as refused:
            params.text(query(f"search={bad}"), "search")
        assert refused.value.message == "Tham số search phải là văn bản tối đa 200 ký tự, không chứa ký tự NUL."


def test_the_message_is_translated_for_an_english_reader():
    from django.utils import translation

    with translation.override("en"), pytest.raises(params.InvalidParameter) as refused:
        params.year(query("year=²"))
    assert refused.value.message == "Parameter year must be a year from 2000 to 2100."


def test_a_day_is_a_real_date_written_yyyy_mm_dd():
    import datetime

    assert params.day(query("on=2026-12-31"), "on") == datetime.date(2026, 12, 31)
    assert params.day(query(""), "on") is None
    for bad in ("2026-02-30", "20261231", "2026-W01-1", "31/12/2026", "²026-01-01"):
        with pytest.raises(params.InvalidParameter) as refused:
            params.day(query(f"on={bad}"), "on")
        assert refused.value.message == "Tham số on phải là một ngày có thật, dạng YYYY-MM-DD."
