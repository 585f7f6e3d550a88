"""How a Căn cứ line and a cited title are written. The texts themselves are the
office's (each app's `wording.py`, the legal bases of `wording.models`)."""


def basis(text: str, *, last: bool = False) -> str:
    """'Căn cứ …;' (or '…' ending with a comma for the last line before the body)."""
    return f"Căn cứ {text}{',' if last else ';'}"


def lower_first(text: str) -> str:
    """A title cited inside a sentence ("về triển khai …"): its first letter lowered, the
    rest as stored, unless the first word is an abbreviation in capitals ("UBND", "CSTĐ")."""
    text = " ".join(text.split())
    first = text.split(" ", 1)[0]
    if not first or (len(first) > 1 and first.isupper()):
        return text
    return first[0].lower() + text[1:]
