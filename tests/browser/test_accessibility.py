"""WCAG 2.1 AA in the browser: axe-core (through axe-playwright-python) runs on every
main page of every demo role — the home page, every page the navigation and the home
page link to — and on the refusal and not-found pages; any serious or critical
violation fails, named with its page and the elements concerned."""

import pytest

from tests.plain_pages import ALL_ROLES, crawl

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAILING = {"serious", "critical"}
AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def axe():
    axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
    return axe_playwright.Axe()


def _violations(axe, page, path: str) -> list[str]:
    found = []
    for v in axe.run(page, options=AA).response["violations"]:
        if v.get("impact") in FAILING:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:5])
            found.append(f"{path}: {v['id']} ({v['impact']}) — {v['help']} — {targets}")
    return found


def _audit(axe, page, paths) -> list[str]:
    found = []
    for path in paths:
        page.goto(path)
        page.wait_for_load_state()
        found += _violations(axe, page, path)
    return found


@pytest.mark.parametrize("username", ALL_ROLES)
def test_every_main_page_of_a_role_has_no_serious_violation(demo, page, sign_in, axe, username):
    sign_in(page, username)

    def get(path):
        response = page.request.get(path)
        return response.status, response.headers.get("content-type", ""), response.text()

    paths = list(crawl(get, depth=1, limit=60))
    assert len(paths) > 10
    found = _audit(axe, page, paths)
    assert not found, "\n".join(found)


def test_the_sign_in_refusal_and_missing_pages_have_no_serious_violation(demo, page, sign_in, axe):
    found = _audit(axe, page, ["/dang-nhap/"])
    sign_in(page, "chuyenvien")
    found += _audit(axe, page, ["/nhat-ky/", "/khong-co-trang-nay/"])
    assert "Không có quyền thực hiện" in page.goto("/nhat-ky/").text()
    assert page.locator("main").count() == 1
    assert not found, "\n".join(found)
