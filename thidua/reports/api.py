"""REST endpoints: reporting periods, the unit reports an account may see (with the
submit, return and accept actions) and the status board. The same services and rules
as the pages: another unit's report answers 404, a move the workflow refuses 409."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from thidua.api import schema
from thidua.core import params
from thidua.core.codes import State
from thidua.reports import rules, services
from thidua.reports.models import ReportingPeriod, UnitReport


class PeriodSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = ReportingPeriod
        fields = [
            "id",
            "plan",
            "kind",
            "kind_label",
            "year",
            "title",
            "due_date",
            "office_due_date",
            "required_sections",
        ]
        read_only_fields = fields


class StatusSerializer(serializers.ModelSerializer):
    """One line of the status board."""

    period_title = serializers.CharField(source="period.title", read_only=True)
    due_date = serializers.DateField(source="period.due_date", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    owner_name = serializers.CharField(source="owner.full_name", read_only=True, default=None)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    is_overdue = serializers.SerializerMethodField()

    class Meta:
        model = UnitReport
        fields = [
            "id",
            "period",
            "period_title",
            "due_date",
            "unit",
            "unit_name",
            "owner",
            "owner_name",
            "state",
            "state_label",
            "submitted_at",
            "last_submitted_at",
            "is_late",
            "is_overdue",
        ]
        read_only_fields = fields

    def get_is_overdue(self, obj: UnitReport) -> bool:
        return obj.is_overdue()


class UnitReportSerializer(StatusSerializer):
    class Meta(StatusSerializer.Meta):
        fields = StatusSerializer.Meta.fields + ["content", "return_reason", "accepted_at"]
        read_only_fields = fields


class SubmitSerializer(serializers.Serializer):
    content = serializers.JSONField(required=False, help_text="Nội dung mới (tùy chọn); để trống để gửi bản đã lưu.")


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField()


class PeriodViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = PeriodSerializer

    def get_queryset(self):
        return ReportingPeriod.objects.visible_to(self.request.user).order_by("-due_date", "-id")


@extend_schema(parameters=[schema.identifier("period"), OpenApiParameter("state", str, enum=State.values)])
class UnitReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = UnitReportSerializer

    def get_queryset(self):
        reports = UnitReport.objects.visible_to(self.request.user).select_related("period", "unit", "owner")
        query = self.request.query_params
        if period := params.identifier(query, "period"):
            reports = reports.filter(period_id=period)
        if state := params.choice(query, "state", State.values):
            reports = reports.filter(state=state)
        return reports.order_by("period__due_date", "unit__order", "id")

    def _act(self, do) -> Response:
        report = self.get_object()
        do(report)
        report.refresh_from_db()
        return Response(self.get_serializer(report).data)

    @extend_schema(request=SubmitSerializer, responses=UnitReportSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        data = SubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        content = data.validated_data.get("content")
        return self._act(lambda r: services.submit_report(report=r, actor=request.user, content=content))

    @extend_schema(request=ReturnSerializer, responses=UnitReportSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        data = ReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._act(
            lambda r: services.return_report(report=r, actor=request.user, reason=data.validated_data["reason"])
        )

    @extend_schema(request=None, responses=UnitReportSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._act(lambda r: services.accept_report(report=r, actor=request.user))


@extend_schema(parameters=[schema.identifier("period"), OpenApiParameter("overdue", bool)])
class StatusBoardViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Every unit report in the account's scope with its state, due date, late and
    overdue flags: who is late at a glance."""

    serializer_class = StatusSerializer

    def get_queryset(self):
        if not rules.can_see_board(self.request.user):
            raise PermissionDenied("Trang này dành cho Văn phòng Sở, lãnh đạo Sở và thủ trưởng đơn vị.")
        rows = UnitReport.objects.visible_to(self.request.user).for_board()
        if period := params.identifier(self.request.query_params, "period"):
            rows = rows.filter(period_id=period)
        if self.request.query_params.get("overdue") in ("1", "true"):
            rows = rows.overdue()
        return rows
