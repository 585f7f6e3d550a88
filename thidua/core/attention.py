"""An item of a home page's work queue: {"text", "href", "due"}. Each app's
`attention.attention_items(user, today)` says what this account can act on now, one
query per kind of item; the home ranks them by deadline (`overview.homes`)."""

import datetime

from django.urls import reverse


def counted(
    n: int, text, url: str, *, query: str = "", args=(), due: datetime.date | None = None, **values
) -> list[dict]:
    """One item when there are `n` things to act on, none when there are none. `text`
    is an `ngettext_lazy(singular, plural, "n")`, filled with `n` (and `values`); the
    link is the URL named `url` (with `args`) and `query`, which opens the list already
    filtered to these things; `due` the nearest deadline among them."""
    if not n:
        return []
    return [{"text": text % {"n": n, **values}, "href": reverse(url, args=args) + query, "due": due}]
