"""Checks that the office owns a document's fixed text: its edit shows in the
generated .docx, and a return to the default brings the default wording back."""

from tests.documents.content import text_of
from thidua.wording import services


def assert_office_owns(officer, document, key: str, edited: str, render) -> None:
    """`render()` returns the .docx bytes; `edited` is typed with no placeholder."""
    before = text_of(render())
    assert edited not in before
    services.save_texts(actor=officer, document=document, values={key: edited})
    after = text_of(render())
    assert edited in after, (document.key, key)
    services.reset(actor=officer, document=document, key=key)
    assert text_of(render()) == before
