"""An item of the "needs attention" panels of the home pages: {"text", "url"}, `url` a
URL name without arguments, as the panel resolves it with {% url %}."""


def counted(n: int, text, url: str, **values) -> list[dict]:
    """One item when there are `n` things to act on, none when there are none. `text`
    is an `ngettext_lazy(singular, plural, "n")`, filled with `n` (and `values`)."""
    if not n:
        return []
    return [{"text": text % {"n": n, **values}, "url": url}]
