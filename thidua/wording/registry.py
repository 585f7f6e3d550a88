"""The fixed texts of each official document, declared in code next to the document:
the Căn cứ lines, the closing article, Nơi nhận, signer lines, standard paragraphs. The
office may replace any of them in the app (`models.Wording`); the layout stays in code.

An app declares its documents in its own `wording.py` (found by `apps.ready`):

    DECISION = register(DocumentType(
        key="quyet_dinh_khen_thuong",
        name="Quyết định khen thưởng",
        texts=(
            Text("dieu_1", "Điều 1: câu mở đầu", "… có thành tích năm {nam}, gồm:", fields=("nam",)),
            Text("noi_nhan", "Nơi nhận", "Như Điều 3\\nLưu: VT, VP", lines=True),
        ),
        sample={"nam": "2026"},
    ))

and the document reads the texts in force with one query: `texts = DECISION.in_force()`,
then `texts.get("dieu_1", nam=2026)` or `texts.lines("noi_nhan")`."""

import string
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext


@dataclass(frozen=True)
class Text:
    key: str
    label: str
    default: str
    help: str = ""
    fields: tuple[str, ...] = ()  # the {placeholders} the document fills in
    lines: bool = False  # one item per line (Căn cứ, Nơi nhận)

    def check(self, text: str) -> None:
        """Refuse a placeholder the document does not fill, or a broken brace."""
        try:
            used = {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}
        except ValueError:
            raise ValidationError(gettext("Dấu ngoặc nhọn { } không khớp: mỗi chỗ điền viết như {nam}.")) from None
        unknown = sorted(used - set(self.fields))
        if unknown:
            allowed = ", ".join("{" + name + "}" for name in self.fields) or gettext("không có chỗ điền nào")
            raise ValidationError(
                gettext("Chỗ điền %(unknown)s không có trong văn bản này; dùng được: %(allowed)s.")
                % {"unknown": ", ".join("{" + name + "}" for name in unknown), "allowed": allowed}
            )


@dataclass(frozen=True)
class DocumentType:
    key: str
    name: str
    texts: tuple[Text, ...]
    sample: dict = field(default_factory=dict)  # values shown in the preview
    note: str = ""

    def text(self, key: str) -> Text:
        for text in self.texts:
            if text.key == key:
                return text
        raise KeyError(key)

    def in_force(self) -> "Texts":
        from thidua.wording.models import Wording

        return Texts(self, Wording.objects.in_force(self))


class Texts:
    """The texts of one document in force: the office's version, else the default."""

    def __init__(self, document: DocumentType, overrides: dict[str, str]) -> None:
        self.document = document
        self.raw = {t.key: overrides.get(t.key, t.default) for t in document.texts}

    def get(self, key: str, **values) -> str:
        text = self.raw[key]
        fields = self.document.text(key).fields
        return text.format_map({name: values.get(name, "") for name in fields}) if fields else text

    def lines(self, key: str, **values) -> list[str]:
        return [line.strip() for line in self.get(key, **values).splitlines() if line.strip()]


DOCUMENTS: dict[str, DocumentType] = {}


def register(document: DocumentType) -> DocumentType:
    for text in document.texts:
        text.check(text.default)
    DOCUMENTS[document.key] = document
    return document


def documents() -> list[DocumentType]:
    return sorted(DOCUMENTS.values(), key=lambda d: d.name)
