"""The initiative's whole path in the plan's words (P5: "submitted, assessed, recognised,
replicated"): the council's assessment recognises only under the office's rule (how
many members have scored, the threshold); the department recognises at cơ sở, a wider
scope comes only from the province's or ministry's decision; every date follows the
initiative's own history; each unit that replicates it records since when, with what
result and evidence, and the counts show how many were replicated."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.initiatives.conftest import pdf, program_as_pdf
from thidua.core.codes import Scope, State
from thidua.core.models import ActivityLog
from thidua.initiatives import services, statistics
from thidua.initiatives.models import Adoption, HigherRecognition, Initiative, RecognitionRule

pytestmark = pytest.mark.django_db

API = "/api/v1"
OCTOBER_20 = datetime.date(2026, 10, 20)


def _messages(error: ValidationError) -> str:
    return " ".join(error.value.messages)


def _post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def _recognise(org, item, **extra):
    return services.recognise(
        actor=org.users.officer,
        initiative=item,
        **({"decision_number": "215/QĐ-STP", "decision_date": OCTOBER_20} | extra),
    )


def _rule(org, *, numerator=1, denominator=2, min_average="15", basis="", confirmed=False):
    return services.set_recognition_rule(
        actor=org.users.officer,
        quorum_numerator=numerator,
        quorum_denominator=denominator,
        min_average=Decimal(min_average),
        basis=basis,
        confirmed=confirmed,
    )


@pytest.fixture
def put_forward(org, make):
    """Recognised by the department at cơ sở on 20/10/2026 and put forward to the province."""
    item = make(State.RECOGNISED)
    return services.put_forward(actor=org.users.officer, initiative=item)


def _provincial(org, item, **extra):
    return services.record_higher_recognition(
        actor=org.users.officer,
        initiative=item,
        **(
            {
                "scope": Scope.TINH,
                "issuer": "Chủ tịch UBND tỉnh Tuyên Quang",
                "number": "1520/QĐ-UBND",
                "date": timezone.localdate(),
            }
            | extra
        ),
    )


# --- assessed: the council's scores against the office's rule ----------------------------


def test_recognition_waits_for_the_quorum_and_names_who_has_not_scored(org, make):
    _rule(org, numerator=1, denominator=1, basis="Quy chế Hội đồng sáng kiến, Điều 7", confirmed=True)
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    with pytest.raises(ValidationError) as error:
        _recognise(org, item)
    message = _messages(error)
    assert "cần ít nhất 2 phiếu" in message and "hiện có 1, còn thiếu 1" in message
    assert "Chưa chấm: Nguyễn Khánh Lâm" in message
    assert Initiative.objects.get(pk=item.pk).state == State.UNDER_REVIEW
    services.score(actor=org.users.director, initiative=item, novelty=8, effectiveness=8, applicability=8)
    assert _recognise(org, item).state == State.RECOGNISED


def test_a_single_score_does_not_recognise_when_the_rule_asks_for_more(org, make):
    """The default rule (half the members who may score, at least one) with two members."""
    item = make(State.UNDER_REVIEW)
    with pytest.raises(ValidationError) as error:
        _recognise(org, item)
    assert "còn thiếu 1" in _messages(error)


def test_recognition_is_refused_below_the_threshold(org, make):
    _rule(org, min_average="25")
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])  # 8 + 7 + 9 = 24
    with pytest.raises(ValidationError) as error:
        _recognise(org, item)
    assert "24/30, thấp hơn ngưỡng công nhận 25 điểm" in _messages(error)
    assert "Không công nhận" in _messages(error)


def test_the_rule_is_the_default_until_the_office_sets_it_and_confirming_needs_its_source(org):
    default = RecognitionRule.in_force()
    assert (default.pk, default.share, default.min_average, default.confirmed) == (None, "1/2", 15, False)
    with pytest.raises(ValidationError) as error:
        _rule(org, confirmed=True, basis="")
    assert "Hãy ghi căn cứ" in _messages(error)
    with pytest.raises(ValidationError) as error:
        _rule(org, numerator=3, denominator=2)
    assert "tử số không được lớn hơn mẫu số" in _messages(error)
    saved = _rule(org, numerator=2, denominator=3, basis="Quy chế Hội đồng sáng kiến, Điều 7", confirmed=True)
    assert RecognitionRule.in_force() == saved and saved.required(4) == 3
    assert ActivityLog.objects.for_object(saved).filter(actor=org.users.officer).exists()
    with pytest.raises(PermissionDenied):
        services.set_recognition_rule(
            actor=org.users.councillor,
            quorum_numerator=1,
            quorum_denominator=1,
            min_average=Decimal(0),
            basis="",
            confirmed=False,
        )


def test_the_office_sets_the_rule_on_its_page_and_others_may_not(org, client_for):
    url = reverse("initiative_recognition_rule")
    office = client_for(org.users.officer)
    page = office.get(url).content.decode()
    assert "Đây là quy tắc mặc định của hệ thống" in page
    refused = office.post(
        url, {"quorum_numerator": "2", "quorum_denominator": "3", "min_average": "17,5", "confirmed": "on"}
    )
    body = refused.content.decode()
    assert refused.status_code == 200 and "Hãy ghi căn cứ" in body and 'value="17,5"' in body
    assert not RecognitionRule.objects.exists()
    typed = {"quorum_numerator": "2", "quorum_denominator": "3", "min_average": "17,5", "basis": "Quy chế, Điều 7"}
    assert office.post(url, typed | {"confirmed": "on"}).status_code == 302
    rule = RecognitionRule.in_force()
    assert (rule.share, rule.min_average, rule.confirmed, rule.basis) == (
        "2/3",
        Decimal("17.5"),
        True,
        "Quy chế, Điều 7",
    )
    assert "Căn cứ: Quy chế, Điều 7" in office.get(url).content.decode()
    for persona in ("staff_a", "head_b", "councillor"):
        assert client_for(getattr(org.users, persona)).get(url).status_code == 403


def test_the_detail_page_shows_where_the_scores_stand(org, make, client_for):
    _rule(org, numerator=1, denominator=1)
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    body = client_for(org.users.officer).get(reverse("initiative_detail", args=[item.pk])).content.decode()
    assert "(2/2 phiếu)" in body and "Còn thiếu 1 phiếu." in body
    assert "Văn phòng chưa đối chiếu văn bản" in body


# --- recognised: the department at cơ sở, the province or ministry beyond -----------------


def test_the_office_recognises_at_co_so_only(org, make):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    with pytest.raises(ValidationError) as error:
        _recognise(org, item, scope=Scope.TINH)
    assert "chỉ ghi công nhận sáng kiến ở phạm vi cơ sở" in _messages(error)
    assert Initiative.objects.get(pk=item.pk).state == State.UNDER_REVIEW
    assert _recognise(org, item).scope == Scope.CO_SO


def test_the_recognise_form_cannot_set_scope_tinh(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    response = client_for(org.users.officer).post(
        reverse("initiative_recognise", args=[item.pk]),
        {"scope": "tinh", "decision_number": "215/QĐ-STP", "decision_date": "20/10/2026"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "chỉ ghi công nhận sáng kiến ở phạm vi cơ sở" in body
    assert 'value="215/QĐ-STP"' in body
    item.refresh_from_db()
    assert (item.state, item.scope) == (State.UNDER_REVIEW, "")


def test_the_api_cannot_set_scope_tinh(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    response = _post_json(
        client_for(org.users.officer),
        f"{API}/initiatives/{item.pk}/recognise/",
        {"scope": "tinh", "decision_number": "215/QĐ-STP", "decision_date": "2026-10-20"},
    )
    assert response.status_code == 400 and "phạm vi cơ sở" in response.json()["scope"][0]
    item.refresh_from_db()
    assert (item.state, item.scope) == (State.UNDER_REVIEW, "")


def test_the_api_recognises_at_co_so_when_no_scope_is_sent(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    response = _post_json(
        client_for(org.users.officer),
        f"{API}/initiatives/{item.pk}/recognise/",
        {"decision_number": "215/QĐ-STP", "decision_date": "2026-10-20"},
    )
    assert response.status_code == 200 and response.json()["scope"] == "co_so"


def test_scope_tinh_needs_the_provinces_decision_after_putting_forward(org, make):
    item = make(State.RECOGNISED)
    assert item.scope_decision() == ("215/QĐ-STP", OCTOBER_20)
    with pytest.raises(ValidationError) as error:
        _provincial(org, item)
    assert "Hãy ghi đề nghị cấp tỉnh trước" in _messages(error)
    assert Initiative.objects.get(pk=item.pk).scope == Scope.CO_SO and not HigherRecognition.objects.exists()


def test_the_provinces_decision_widens_the_scope_and_is_logged(org, put_forward):
    decision = _provincial(org, put_forward)
    item = Initiative.objects.get(pk=put_forward.pk)
    assert item.scope == Scope.TINH and item.state == State.RECOGNISED
    assert (decision.issuer, decision.number) == ("Chủ tịch UBND tỉnh Tuyên Quang", "1520/QĐ-UBND")
    change = ActivityLog.objects.for_object(item).filter(action="changed").latest("at")
    assert change.changes["scope"] == [Scope.CO_SO, Scope.TINH] and "1520/QĐ-UBND" in change.note
    with pytest.raises(ValidationError) as error:
        _provincial(org, item, number="1600/QĐ-UBND")
    assert "phạm vi rộng hơn" in _messages(error)
    assert item.scope_decision() == ("1520/QĐ-UBND", timezone.localdate())  # what the reports cite
    national = _provincial(org, item, scope=Scope.TOAN_QUOC, issuer="Bộ trưởng Bộ Tư pháp", number="88/QĐ-BTP")
    assert national.scope == Scope.TOAN_QUOC and Initiative.objects.get(pk=item.pk).scope == Scope.TOAN_QUOC


def test_the_provinces_decision_needs_issuer_number_and_date(org, put_forward):
    with pytest.raises(ValidationError) as error:
        _provincial(org, put_forward, issuer=" ", number="", date=None, scope="")
    assert set(error.value.message_dict) == {"scope", "issuer", "number", "date"}


def test_the_decision_page_form_takes_the_file_and_others_cannot_open_it(org, put_forward, client_for):
    office = client_for(org.users.officer)
    url = reverse("initiative_record_higher", args=[put_forward.pk])
    typed = {
        "scope": "tinh",
        "issuer": "Chủ tịch UBND tỉnh Tuyên Quang",
        "number": "1520/QĐ-UBND",
        "date": timezone.localdate().strftime("%d/%m/%Y"),
    }
    refused = office.post(url, typed | {"file": program_as_pdf("quyet-dinh.pdf")})
    assert refused.status_code == 200 and "1520/QĐ-UBND" in refused.content.decode()
    assert not HigherRecognition.objects.exists()
    assert office.post(url, typed | {"file": pdf("quyet-dinh.pdf")}).status_code == 302
    decision = HigherRecognition.objects.get()
    detail = office.get(reverse("initiative_detail", args=[put_forward.pk])).content.decode()
    assert "Được công nhận phạm vi tỉnh theo Quyết định số 1520/QĐ-UBND" in detail
    download = reverse("initiative_higher_recognition_file", args=[decision.pk])
    assert office.get(download).status_code == 200
    assert client_for(org.users.staff_a).get(download).status_code == 200
    assert client_for(org.users.head_b).get(download).status_code == 404


def test_only_the_office_records_the_provinces_decision(org, put_forward, client_for):
    url = reverse("initiative_record_higher", args=[put_forward.pk])
    typed = {"scope": "tinh", "issuer": "UBND tỉnh", "number": "1/QĐ-UBND", "date": f"{timezone.localdate():%d/%m/%Y}"}
    assert client_for(org.users.staff_a).post(url, typed).status_code == 403
    assert client_for(org.users.head_b).post(url, typed).status_code == 404
    assert Initiative.objects.get(pk=put_forward.pk).scope == Scope.CO_SO


def test_the_api_records_the_provinces_decision_only_after_putting_forward(org, make, client_for):
    item = make(State.RECOGNISED)
    office = client_for(org.users.officer)
    url = f"{API}/initiatives/{item.pk}/higher-recognition/"
    today = timezone.localdate().isoformat()
    body = {"scope": "tinh", "issuer": "Chủ tịch UBND tỉnh", "number": "1520/QĐ-UBND", "date": today}
    assert _post_json(office, url, body).status_code == 400
    _post_json(office, f"{API}/initiatives/{item.pk}/put-forward/", {})
    assert _post_json(client_for(org.users.staff_a), url, body).status_code == 403
    assert _post_json(client_for(org.users.head_b), url, body).status_code == 404
    done = _post_json(office, url, body)
    assert done.status_code == 200 and done.json()["scope"] == "tinh"
    assert done.json()["higher_recognitions"][0]["number"] == "1520/QĐ-UBND"


# --- dates checked against the initiative's own history ----------------------------------


def test_a_recognition_dated_before_the_submission_is_refused(org, make):
    item = make(State.SUBMITTED)
    Initiative.objects.filter(pk=item.pk).update(submitted_at=timezone.make_aware(datetime.datetime(2026, 12, 7, 9)))
    item = services.start_review(actor=org.users.officer, initiative=Initiative.objects.get(pk=item.pk))
    services.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=8, applicability=8)
    with pytest.raises(ValidationError) as error:
        _recognise(org, item)
    message = error.value.message_dict["decision_date"][0]
    assert "Ngày quyết định công nhận (20/10/2026) trước ngày sáng kiến được gửi (07/12/2026)" in message


def test_a_recognition_dated_in_the_future_is_refused(org, make):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        _recognise(org, item, decision_date=tomorrow)
    assert "ở sau hôm nay" in error.value.message_dict["decision_date"][0]


def test_the_provinces_decision_cannot_predate_the_departments_or_be_in_the_future(org, put_forward):
    with pytest.raises(ValidationError) as error:
        _provincial(org, put_forward, date=datetime.date(2026, 10, 1))
    assert "trước ngày Sở công nhận và đề nghị lên cấp tỉnh" in error.value.message_dict["date"][0]
    with pytest.raises(ValidationError) as error:
        _provincial(org, put_forward, date=timezone.localdate() + datetime.timedelta(days=3))
    assert "ở sau hôm nay" in error.value.message_dict["date"][0]


def test_a_replication_dated_before_the_submission_or_in_the_future_is_refused(org, make):
    item = make(State.RECOGNISED)
    for day, words in [
        (datetime.date(2026, 1, 5), "trước ngày sáng kiến được gửi"),
        (timezone.localdate() + datetime.timedelta(days=1), "ở sau hôm nay"),
    ]:
        with pytest.raises(ValidationError) as error:
            services.mark_applied(
                actor=org.users.head_b, initiative=item, unit=org.units.b, applied_on=day, result="Áp dụng"
            )
        assert words in error.value.message_dict["applied_on"][0]
    assert not Adoption.objects.exists()


# --- replicated: per adopting unit, with result and evidence; the counts ------------------


def test_a_unit_records_its_replication_with_result_and_evidence(org, make, client_for):
    item = make(State.RECOGNISED)
    client = client_for(org.users.head_b)
    url = reverse("library_apply", args=[item.pk])
    typed = {"unit": org.units.b.pk, "applied_on": "02/11/2026", "result": "Tra cứu 1.250 hồ sơ điện tử"}
    refused = client.post(url, typed | {"evidence": program_as_pdf("ket-qua.pdf")}).content.decode()
    assert "Tra cứu 1.250 hồ sơ điện tử" in refused and not Adoption.objects.exists()
    assert client.post(url, typed | {"evidence": pdf("ket-qua.pdf")}).status_code == 302
    adoption = Adoption.objects.get()
    assert (adoption.applied_on, adoption.result, adoption.evidence_name) == (
        datetime.date(2026, 11, 2),
        "Tra cứu 1.250 hồ sơ điện tử",
        "ket-qua.pdf",
    )
    assert ActivityLog.objects.for_object(adoption).filter(actor=org.users.head_b).exists()


def test_a_replication_needs_its_date_and_result(org, make, client_for):
    item = make(State.RECOGNISED)
    body = (
        client_for(org.users.head_b)
        .post(reverse("library_apply", args=[item.pk]), {"unit": org.units.b.pk, "applied_on": "", "result": " "})
        .content.decode()
    )
    assert "Hãy nhập ngày đơn vị bắt đầu áp dụng" in body and "Hãy ghi kết quả áp dụng" in body


def test_another_units_user_cannot_open_a_replications_evidence(org, make, client_for):
    """Unit B's initiative replicated by the office's unit: unit A's head sees neither."""
    item = make(State.RECOGNISED, unit=org.units.b, creator=org.users.head_b, authors=[(org.people.head_b, 100)])
    adoption = services.mark_applied(
        actor=org.users.councillor,  # staff of the office's unit
        initiative=item,
        unit=org.units.office,
        applied_on=datetime.date(2026, 11, 2),
        result="Áp dụng cho văn bản của Văn phòng.",
        evidence=pdf(),
    )
    url = reverse("adoption_evidence", args=[adoption.pk])
    for persona in ("councillor", "head_b", "officer"):
        assert client_for(getattr(org.users, persona)).get(url).status_code == 200
    assert client_for(org.users.head_a).get(url).status_code == 404
    library = client_for(org.users.head_a).get(reverse("library_detail", args=[item.pk])).content.decode()
    assert "Văn phòng" in library and "Áp dụng cho văn bản của Văn phòng." not in library
    listed = client_for(org.users.head_a).get(f"{API}/initiative-adoptions/").json()
    assert listed["count"] == 0 if isinstance(listed, dict) else listed == []


def test_the_counts_show_how_many_initiatives_were_replicated(org, make, client_for, plan):
    first = make(State.RECOGNISED, title="Số hóa hồ sơ")
    make(State.RECOGNISED, title="Họp không giấy tờ")
    for unit, actor in [(org.units.b, org.users.head_b), (org.units.office, org.users.councillor)]:
        services.mark_applied(
            actor=actor, initiative=first, unit=unit, applied_on=datetime.date(2026, 11, 2), result="Đã áp dụng."
        )
    assert statistics.replicated(Initiative.objects.library()) == 1
    assert statistics.replicated_by_unit(Initiative.objects.all()) == {org.units.a.pk: 1}
    library = client_for(org.users.staff_a).get(reverse("library")).content.decode()
    assert "1 sáng kiến đã được nhân rộng" in library and "2 đơn vị đã áp dụng" in library
    assert client_for(org.users.staff_a).get(f"{API}/initiative-library/").json()["replicated"] == 1


def test_the_movement_overview_counts_replicated_initiatives_per_unit(org, make, client_for, plan):
    from thidua.overview import movement

    item = make(State.RECOGNISED)
    services.mark_applied(
        actor=org.users.head_b, initiative=item, unit=org.units.b, applied_on=datetime.date(2026, 11, 2), result="Có."
    )
    rows = {row["unit"].pk: row for row in movement.build(org.users.officer, plan, 2026, None)["per_unit"]}
    assert (rows[org.units.a.pk]["initiatives"], rows[org.units.a.pk]["replicated"]) == (1, 1)
    assert rows[org.units.b.pk]["replicated"] == 0


def test_the_adoptions_api_list_runs_a_fixed_number_of_queries(org, make, client_for):
    client = client_for(org.users.officer)

    def add(title, unit, actor):
        item = make(State.RECOGNISED, title=title)
        services.mark_applied(
            actor=actor, initiative=item, unit=unit, applied_on=datetime.date(2026, 11, 2), result="Đã áp dụng."
        )

    add("Một", org.units.b, org.users.head_b)
    url = f"{API}/initiative-adoptions/"
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    add("Hai", org.units.b, org.users.head_b)
    add("Ba", org.units.office, org.users.councillor)
    with CaptureQueriesContext(connection) as second:
        assert client.get(url).json()["count"] == 3
    assert len(second.captured_queries) == len(first.captured_queries)
