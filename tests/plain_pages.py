"""The main pages of a demo role: its home page, every page its navigation links to and
the pages those link to (depth 2), read as the signed-in account reads them. Shared by
the check of the office's words (`tests/overview/test_plain_words.py`) and the
accessibility check in the browser (`tests/browser/test_accessibility.py`)."""

import html
import re
from urllib.parse import urlsplit

# The roles outside the office: they read titles by name, never rule numbers.
NON_OFFICE = ["truongphong", "chuyenvien", "truongphong2", "hoidong", "giamdoc"]
ALL_ROLES = ["vanphong", *NON_OFFICE, "quantri"]

# Links that are no page to read: signing out, the language switch, downloads, the
# admin site and the API, and the public pages (read without an account).
SKIP = re.compile(
    r"^/(dang-xuat|i18n|admin|api|static|media|ton-vinh)|\.(docx|xlsx|zip|pdf|csv)$|/(tai|xuat|tai-ve|download)[-/]|docx|xlsx"
)
LINK = re.compile(r'<a\b[^>]*\bhref="(/[^"#]*)"')


def links(body: str) -> list[str]:
    found = []
    for href in LINK.findall(body):
        path = html.unescape(href)
        if not SKIP.search(urlsplit(path).path):
            found.append(path)
    return found


def crawl(get, *, depth: int = 2, limit: int = 120) -> dict[str, str]:
    """{path: body} of the HTML pages reached from the home page through `get(path)`
    (which answers (status, content type, body)), breadth first, at most `limit`."""
    seen, pages, frontier = {"/"}, {}, ["/"]
    for _level in range(depth + 1):
        following = []
        for path in frontier:
            if len(pages) >= limit:
                return pages
            status, content_type, body = get(path)
            if status != 200 or not content_type.startswith("text/html"):
                continue
            pages[path] = body
            for link in links(body):
                # One page per kind of link (e.g. one proposal of the list, not all 40).
                key = re.sub(r"\d+", "N", urlsplit(link).path)
                if key not in seen:
                    seen.add(key)
                    following.append(link)
        frontier = following
    return pages


def visible_text(body: str) -> str:
    """What a reader sees: no scripts, tags or attributes."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))
