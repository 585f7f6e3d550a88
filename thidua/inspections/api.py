"""REST endpoints of self-inspection: inspection plans and the units' checklists to read,
follow-up actions to list (`?overdue=1`) and mark done. The same rules and services as
the pages: lists hold what the account may see, another unit's row answers 404."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from thidua.api import schema
from thidua.core import params
from thidua.inspections import services
from thidua.inspections.models import (
    Answer,
    ChecklistItem,
    FollowUpAction,
    InspectionPlan,
    UnitChecklist,
)


class ItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChecklistItem
        fields = ["id", "order", "text", "content_area", "criterion"]


class InspectionPlanSerializer(serializers.ModelSerializer):
    items = ItemSerializer(many=True, read_only=True)
    units = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = InspectionPlan
        fields = ["id", "plan", "title", "year", "starts_on", "ends_on", "units", "items"]


class AnswerSerializer(serializers.ModelSerializer):
    result_label = serializers.CharField(source="get_result_display", read_only=True)
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = Answer
        fields = ["id", "item", "result", "result_label", "note", "has_evidence"]

    def get_has_evidence(self, obj) -> bool:
        return bool(obj.evidence)


class ActionSerializer(serializers.ModelSerializer):
    unit = serializers.IntegerField(source="checklist.unit_id", read_only=True)
    owner_name = serializers.CharField(source="owner.full_name", read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = FollowUpAction
        fields = [
            "id",
            "checklist",
            "unit",
            "finding",
            "text",
            "owner",
            "owner_name",
            "due_on",
            "done_on",
            "done_note",
            "overdue",
        ]

    def get_overdue(self, obj) -> bool:
        return obj.is_overdue(self.context.get("on"))


class ChecklistSerializer(serializers.ModelSerializer):
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = UnitChecklist
        fields = ["id", "inspection", "unit", "unit_name", "state", "state_label", "submitted_at", "returned_reason"]


class ChecklistDetailSerializer(ChecklistSerializer):
    answers = AnswerSerializer(many=True, read_only=True)
    findings = serializers.SerializerMethodField()
    actions = ActionSerializer(many=True, read_only=True)

    class Meta(ChecklistSerializer.Meta):
        fields = [*ChecklistSerializer.Meta.fields, "answers", "findings", "actions"]

    def get_findings(self, obj) -> list[dict]:
        return [{"id": f.pk, "text": f.text, "severity": f.severity} for f in obj.findings.all()]


class InspectionPlanViewSet(viewsets.ReadOnlyModelViewSet):
    """Inspection plans that inspect a unit the account may see."""

    serializer_class = InspectionPlanSerializer

    def get_queryset(self):
        return InspectionPlan.objects.visible_to(self.request.user).prefetch_related(
            Prefetch("items", queryset=ChecklistItem.objects.order_by("order", "id")), "units"
        )


class UnitChecklistViewSet(viewsets.ReadOnlyModelViewSet):
    """Units' checklists the account may see; the detail adds answers, findings and actions."""

    def get_serializer_class(self):
        return ChecklistDetailSerializer if self.action == "retrieve" else ChecklistSerializer

    def get_queryset(self):
        qs = UnitChecklist.objects.visible_to(self.request.user).select_related("unit")
        if self.action == "retrieve":
            qs = qs.prefetch_related(
                "answers",
                "findings",
                Prefetch("actions", queryset=FollowUpAction.objects.select_related("owner", "checklist")),
            )
        return qs


def _day(query) -> datetime.date:
    """The day to judge overdue by: ?on=, else today in Asia/Ho_Chi_Minh."""
    return params.day(query, "on") or timezone.localdate()


class DoneSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")
    on = serializers.DateField(required=False)


@extend_schema(
    parameters=[
        OpenApiParameter("overdue", bool, description="1: only actions overdue on `on`"),
        OpenApiParameter(
            "on", datetime.date, description="the day to judge overdue by (default today, Asia/Ho_Chi_Minh)"
        ),
        schema.identifier("unit"),
    ]
)
class FollowUpActionViewSet(viewsets.ReadOnlyModelViewSet):
    """Follow-up actions of the units the account may see."""

    serializer_class = ActionSerializer

    def get_serializer_context(self):
        return super().get_serializer_context() | {"on": _day(self.request.query_params)}

    def get_queryset(self):
        query = self.request.query_params
        qs = FollowUpAction.objects.visible_to(self.request.user).select_related("owner", "checklist")
        if query.get("overdue") in ("1", "true"):
            qs = qs.overdue(on=_day(query))
        if unit := params.identifier(query, "unit"):
            qs = qs.filter(checklist__unit_id=unit)
        return qs.order_by("due_on", "id")

    @extend_schema(request=DoneSerializer, responses=ActionSerializer)
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        serializer = DoneSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        done = services.complete_action(actor=request.user, action=self.get_object(), **serializer.validated_data)
        return Response(ActionSerializer(done, context=self.get_serializer_context()).data)
