"""The legal texts every document on commendation cites in its Căn cứ lines, written
once (docs/law.md, section 1). Each document's module builds its own Căn cứ list from
these at the top of the module, so its fixed texts stay in one place."""

LAW = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
DECREE_98 = (
    "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số "
    "điều của Luật Thi đua, khen thưởng"
)
DECREE_30 = "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư"


def basis(text: str, *, last: bool = False) -> str:
    """'Căn cứ …;' (or '…' ending with a comma for the last line before the body)."""
    return f"Căn cứ {text}{',' if last else ';'}"


def lower_first(text: str) -> str:
    """A title cited inside a sentence: its first letter lowered, the rest as stored."""
    text = " ".join(text.split())
    return text[:1].lower() + text[1:] if text else text
