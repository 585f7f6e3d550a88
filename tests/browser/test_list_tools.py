"""In a real browser: a list's selector applies as soon as it is changed (no button to
press), and the print button opens the print dialog (static/js/print.js)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_selectors_apply_on_change_and_the_list_prints(demo, page, sign_in):
    sign_in(page, "vanphong")
    page.goto("/dang-ky-thi-dua/")
    select = page.get_by_label("Năm", exact=True)
    shown = select.input_value()
    other = next(o.get_attribute("value") for o in select.locator("option").all() if o.get_attribute("value") != shown)
    with page.expect_navigation():
        select.select_option(other)
    assert f"nam={other}" in page.url and page.get_by_label("Năm", exact=True).input_value() == other
    page.goto("/hoi-dong/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_test_id("list-print").click()
    assert page.evaluate("window.printed") is True
    assert page.console_errors == []
