"""Folding Vietnamese text for search: "Nguyễn Văn Đạt" → "nguyen van dat"."""

import re
import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, drop diacritics and turn đ into d, so a search typed without
    accents (as many people type on a phone) finds the accented name."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


_KEY = re.compile(r"^[a-z_]+:\d{4}:[a-z0-9-]+$")


def achievement_key_from(words: str, *, kind: str, year) -> str:
    """The key of an achievement named in words ("Cứu nạn trong lũ tháng 9/2026", the
    kind "dot_xuat", 2026 → "dot_xuat:2026:cuu-nan-trong-lu-thang-9-2026"): the office
    types what the achievement was, never a key; a key already made is kept as it is."""
    words = (words or "").strip()
    if not words or _KEY.match(words):
        return words
    slug = re.sub(r"[^a-z0-9]+", "-", fold(words)).strip("-")
    return f"{kind}:{year}:{slug}"[:100].rstrip("-")
