"""REST endpoints of difficulties. They call the same services and rules as the pages:
the list holds what the account may see, another unit's item answers 404, a step the
role may not take 403, a step the state forbids 409, bad input 400."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from thidua.api import fields
from thidua.core import params
from thidua.core.codes import State
from thidua.difficulties import services
from thidua.difficulties.models import Difficulty
from thidua.organization.models import Unit
from thidua.plans.models import ContentArea, Plan


class DifficultySerializer(serializers.ModelSerializer):
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    next_step = serializers.CharField(read_only=True)
    days_open = serializers.SerializerMethodField()

    class Meta:
        model = Difficulty
        fields = [
            "id",
            "plan",
            "unit",
            "unit_name",
            "content_area",
            "title",
            "description",
            "proposal",
            "source_label",
            "unit_report_id",
            "state",
            "state_label",
            "next_step",
            "submitted_at",
            "accepted_at",
            "office_summary",
            "office_recommendation",
            "reviewed_at",
            "decision",
            "decided_by_name",
            "decided_on",
            "closed_on",
            "closing_note",
            "days_open",
        ]
        read_only_fields = fields

    def get_days_open(self, obj) -> int | None:
        return obj.days_open()


class RaiseSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    plan = serializers.PrimaryKeyRelatedField(queryset=Plan.objects.all(), required=False)
    content_area = serializers.PrimaryKeyRelatedField(
        queryset=ContentArea.objects.all(), required=False, allow_null=True
    )
    # Texts may arrive empty: the service answers with the same Vietnamese message as the page.
    title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    proposal = serializers.CharField(required=False, allow_blank=True, default="")
    source_label = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    unit_report_id = fields.identifier(
        required=False, allow_null=True, max_value=params.column_max(Difficulty, "unit_report_id")
    )
    submit = serializers.BooleanField(default=True, help_text="false: keep as a draft of the unit")


class ReviewSerializer(serializers.Serializer):
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    recommendation = serializers.CharField(required=False, allow_blank=True, default="")


class DecideSerializer(serializers.Serializer):
    decision = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False)


class CloseSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class DifficultyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Difficulties the account may see. Filters: `state`, `unit`, `open=1|0`."""

    serializer_class = DifficultySerializer

    def get_queryset(self):
        qs = Difficulty.objects.visible_to(self.request.user).select_related("unit").order_by("-created_at", "-id")
        query = self.request.query_params
        if state := params.choice(query, "state", State.values):
            qs = qs.filter(state=state)
        if unit := params.identifier(query, "unit"):
            qs = qs.filter(unit_id=unit)
        if query.get("open") in ("1", "0"):
            qs = qs.filter(closed_on__isnull=query["open"] == "1")
        return qs

    def _done(self, difficulty, code=status.HTTP_200_OK):
        difficulty = Difficulty.objects.select_related("unit").get(pk=difficulty.pk)
        return Response(DifficultySerializer(difficulty).data, status=code)

    @extend_schema(request=RaiseSerializer, responses={201: DifficultySerializer})
    def create(self, request, *args, **kwargs):
        data = self._input(RaiseSerializer)
        plan = data.pop("plan", None) or Plan.objects.current_or_404()
        difficulty = services.raise_difficulty(actor=request.user, plan=plan, **data)
        return self._done(difficulty, status.HTTP_201_CREATED)

    def _input(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _step(self, service, serializer_class=None):
        difficulty = self.get_object()
        data = self._input(serializer_class) if serializer_class else {}
        return self._done(service(actor=self.request.user, difficulty=difficulty, **data))

    @extend_schema(request=None, responses=DifficultySerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(services.submit_difficulty)

    @extend_schema(request=None, responses=DifficultySerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._step(services.accept_difficulty)

    @extend_schema(request=ReviewSerializer, responses=DifficultySerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._step(services.review_difficulty, ReviewSerializer)

    @extend_schema(request=DecideSerializer, responses=DifficultySerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        return self._step(services.decide_difficulty, DecideSerializer)

    @extend_schema(request=CloseSerializer, responses=DifficultySerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._step(services.close_difficulty, CloseSerializer)
