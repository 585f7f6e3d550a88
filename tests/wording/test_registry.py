"""Each document's fixed texts: declared in code with their defaults, the office's
versions in force, placeholders checked."""

import pytest
from django.core.exceptions import ValidationError

from thidua.core.models import ActivityLog
from thidua.wording import services
from thidua.wording.models import Wording
from thidua.wording.registry import DOCUMENTS, Text

pytestmark = pytest.mark.django_db


def test_every_document_of_the_apps_is_registered_with_sound_defaults():
    assert {"quyet_dinh_khen_thuong", "bien_ban_hoi_dong", "giay_khen"} <= set(DOCUMENTS)
    for document in DOCUMENTS.values():
        keys = [t.key for t in document.texts]
        assert len(keys) == len(set(keys)), document.key
        for text in document.texts:
            text.check(text.default)
            assert text.default.strip() and text.label.strip()
            # The preview fills every placeholder from the document's sample.
            assert set(text.fields) <= set(document.sample), (document.key, text.key)


def test_a_placeholder_the_document_does_not_fill_is_refused_with_the_ones_it_does():
    text = Text("dieu_1", "Điều 1", "… năm {nam}", fields=("nam",))
    with pytest.raises(ValidationError) as error:
        text.check("… năm {nam_thanh_tich}")
    assert error.value.messages == ["Chỗ điền {nam_thanh_tich} không có trong văn bản này; dùng được: {nam}."]
    with pytest.raises(ValidationError) as error:
        text.check("… năm {nam")
    assert "không khớp" in error.value.messages[0]


def test_the_office_version_is_in_force_until_reset_and_every_version_is_kept(org):
    decision = DOCUMENTS["quyet_dinh_khen_thuong"]
    officer = org.users.officer
    assert decision.in_force().get("dieu_1", nam=2026).endswith("năm 2026, gồm:")
    services.save_texts(actor=officer, document=decision, values={"dieu_1": "Khen thưởng năm {nam} cho:"})
    services.save_texts(actor=officer, document=decision, values={"dieu_1": "Tặng thưởng năm {nam} cho:"})
    assert decision.in_force().get("dieu_1", nam=2026) == "Tặng thưởng năm 2026 cho:"
    assert services.reset(actor=officer, document=decision, key="dieu_1") is not None
    assert decision.in_force().get("dieu_1", nam=2026) == decision.text("dieu_1").default.format(nam=2026)
    assert services.reset(actor=officer, document=decision, key="dieu_1") is None  # already the default
    versions = list(Wording.objects.filter(document=decision.key).order_by("id").values_list("text", "is_default"))
    assert versions == [
        ("Khen thưởng năm {nam} cho:", False),
        ("Tặng thưởng năm {nam} cho:", False),
        (decision.text("dieu_1").default, True),
    ]
    logged = ActivityLog.objects.filter(content_type__model="wording", actor=officer)
    assert logged.count() == 3


def test_an_unchanged_text_adds_no_version_and_an_empty_one_is_refused(org):
    decision = DOCUMENTS["quyet_dinh_khen_thuong"]
    in_force = decision.in_force().raw
    assert services.save_texts(actor=org.users.officer, document=decision, values=in_force) == []
    with pytest.raises(ValidationError) as error:
        services.save_texts(actor=org.users.officer, document=decision, values={"hieu_luc": "  "})
    assert "không để trống" in error.value.message_dict["hieu_luc"][0]
    assert not Wording.objects.exists()


def test_only_the_office_changes_texts(org):
    from django.core.exceptions import PermissionDenied

    decision = DOCUMENTS["quyet_dinh_khen_thuong"]
    for user in (org.users.director, org.users.head_a, org.users.staff_a):
        with pytest.raises(PermissionDenied):
            services.save_texts(actor=user, document=decision, values={"hieu_luc": "Có hiệu lực."})
    assert not Wording.objects.exists()
