"""REST endpoints for results: list, read, record (with evidence files), and the
workflow actions. The same services and rules as the pages; evidence is listed with the
address of the download page, which checks access on every download."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from thidua.api import schema
from thidua.api.parsers import SafeJSONParser
from thidua.core import params
from thidua.core.codes import State
from thidua.indicators.api import LocalDecimalField
from thidua.organization import rules as org_rules
from thidua.organization.models import Unit
from thidua.plans.models import ContentArea, Criterion, Plan
from thidua.results import rules, services
from thidua.results.models import Evidence, ResultEntry


class EvidenceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = ["id", "name", "size", "uploaded_at", "download_url"]

    def get_download_url(self, obj: Evidence) -> str:
        url = reverse("evidence_download", args=[obj.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ResultEntrySerializer(serializers.ModelSerializer):
    evidence = EvidenceSerializer(many=True, read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True, default=None)
    quantity = LocalDecimalField(read_only=True)

    class Meta:
        model = ResultEntry
        fields = [
            "id",
            "plan",
            "unit",
            "unit_name",
            "person",
            "person_name",
            "content_area",
            "criterion",
            "title",
            "description",
            "date",
            "quantity",
            "quantity_unit",
            "state",
            "state_label",
            "return_reason",
            "created_at",
            "evidence",
        ]
        read_only_fields = fields


class ResultCreateSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(),
        required=False,
        allow_null=True,
        help_text=_(
            "Để trống: kết quả của cá nhân người gọi. Ghi mã số đơn vị: kết quả của đơn vị (chỉ thủ trưởng đơn vị)."
        ),
    )
    content_area = serializers.PrimaryKeyRelatedField(queryset=ContentArea.objects.all())
    criterion = serializers.PrimaryKeyRelatedField(queryset=Criterion.objects.all(), required=False, allow_null=True)
    title = serializers.CharField(max_length=255)
    description = serializers.CharField()
    date = serializers.DateField()
    quantity = LocalDecimalField(required=False, allow_null=True)
    quantity_unit = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    files = serializers.ListField(child=serializers.FileField(), required=False, write_only=True)


class ResultReturnSerializer(serializers.Serializer):
    reason = serializers.CharField()


class ResultFilesSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField())


@extend_schema(
    parameters=[
        schema.identifier("unit"),
        schema.identifier("person"),
        schema.year(),
        schema.identifier("content_area"),
        OpenApiParameter("state", str, enum=State.values),
    ]
)
class ResultEntryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ResultEntrySerializer
    # A result comes with its evidence files. No FormParser: DRF's reads a form of any size or
    # number of fields, where Django's multipart parser holds to DATA_UPLOAD_MAX_*.
    parser_classes = [SafeJSONParser, MultiPartParser]

    def get_queryset(self):
        entries = ResultEntry.objects.visible_to(self.request.user).select_related("unit", "person")
        entries = entries.prefetch_related("evidence").order_by("-date", "-id")
        query = self.request.query_params
        filters = {
            "unit_id": params.identifier(query, "unit"),
            "person_id": params.identifier(query, "person"),
            "date__year": params.year(query),
            "content_area_id": params.identifier(query, "content_area"),
            "state": params.choice(query, "state", State.values),
        }
        return entries.filter(**{key: value for key, value in filters.items() if value is not None})

    def _respond(self, entry: ResultEntry, code=status.HTTP_200_OK) -> Response:
        entry = ResultEntry.objects.select_related("unit", "person").prefetch_related("evidence").get(pk=entry.pk)
        return Response(ResultEntrySerializer(entry, context=self.get_serializer_context()).data, status=code)

    @extend_schema(request=ResultCreateSerializer, responses={201: ResultEntrySerializer})
    def create(self, request):
        serializer = ResultCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        unit, person = self._owner(data.pop("unit", None))
        entry = services.record_result(
            actor=request.user,
            plan=Plan.objects.current_or_404(),
            unit=unit,
            person=person,
            files=data.pop("files", []),
            **data,
        )
        return self._respond(entry, status.HTTP_201_CREATED)

    def _owner(self, unit: Unit | None):
        user = self.request.user
        if unit is not None:
            if not rules.can_record_for_unit(user, unit):
                raise PermissionDenied(gettext("Chỉ thủ trưởng đơn vị ghi kết quả của đơn vị."))
            return unit, None
        person = org_rules.person_of(user)
        if person is None:
            raise serializers.ValidationError(
                {"unit": [gettext("Tài khoản chưa gắn với cán bộ nào: hãy chọn đơn vị mà bạn là thủ trưởng.")]}
            )
        return person.unit, person

    @extend_schema(request=None, responses={200: ResultEntrySerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        entry = self.get_object()
        if not rules.can_submit(request.user, entry):
            raise PermissionDenied(gettext("Chỉ người ghi kết quả được gửi kết quả này."))
        services.submit_result(actor=request.user, entry=entry)
        return self._respond(entry)

    def _confirmable(self, predicate) -> ResultEntry:
        """The entry, when the move's predicate (confirm or return) lets the account make
        it: asked before the body is read, as the page does."""
        entry = self.get_object()
        if not predicate(self.request.user, entry):
            raise PermissionDenied(
                gettext("Chỉ thủ trưởng đơn vị xác nhận hoặc trả lại kết quả của cán bộ trong đơn vị.")
            )
        return entry

    @extend_schema(request=None, responses={200: ResultEntrySerializer})
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        entry = self._confirmable(rules.can_confirm)
        services.confirm_result(actor=request.user, entry=entry)
        return self._respond(entry)

    @extend_schema(request=ResultReturnSerializer, responses={200: ResultEntrySerializer})
    @action(detail=True, methods=["post"], url_path="return")
    def return_entry(self, request, pk=None):
        entry = self._confirmable(rules.can_return)
        services.return_result(actor=request.user, entry=entry, reason=request.data.get("reason", ""))
        return self._respond(entry)

    @extend_schema(request={"multipart/form-data": ResultFilesSerializer}, responses={200: ResultEntrySerializer})
    @action(detail=True, methods=["post"], url_path="evidence", parser_classes=[MultiPartParser])
    def add_evidence(self, request, pk=None):
        entry = self.get_object()
        if not rules.can_edit(request.user, entry):
            raise PermissionDenied(gettext("Chỉ người ghi kết quả được thêm minh chứng."))
        services.add_evidence(actor=request.user, entry=entry, files=request.FILES.getlist("files"))
        return self._respond(entry)
