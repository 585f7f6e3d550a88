"""Folding Vietnamese text for search: "Nguyễn Văn Đạt" → "nguyen van dat"."""

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
