"""REST endpoints of the evaluation: the sheets (the office creates a year's sheet and
sets its points), self-assessments and council scores (listed within what the account
sees; recorded by create-or-update, one criterion at a time) and the ranking of a year.
The same services and rules as the pages."""

import re

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from thidua.api import schema
from thidua.core import params
from thidua.evaluation import rules, services
from thidua.evaluation.models import CouncilScore, NotApplicable, ScoringSheet, SelfAssessment, SheetItem
from thidua.evaluation.ranking import ranking
from thidua.indicators.api import LocalDecimalField
from thidua.organization.models import Person, Unit
from thidua.plans.enums import SubjectKind
from thidua.plans.models import Plan
from thidua.results.models import ResultEntry

_LINE_SUFFIX = re.compile(r"_\d+$")


# The services key a line's errors `<field>_<item id>`; one line at a time here (or the
# sheet's lines by id), so the API answers with the plain field name (api/errors.py).
# A comment, not a docstring: the schema would show it as the endpoints' description.
class LineFields:
    @staticmethod
    def service_field(name: str) -> str:
        return _LINE_SUFFIX.sub("", name)


# --- Sheets --------------------------------------------------------------------------------
class SheetItemSerializer(serializers.ModelSerializer):
    criterion_number = serializers.CharField(source="criterion.number", read_only=True)
    criterion_title = serializers.CharField(source="criterion.short_title", read_only=True)
    subject_kind = serializers.CharField(source="criterion.subject_kind", read_only=True)
    person_kind = serializers.CharField(source="criterion.person_kind", read_only=True)
    when_assigned = serializers.BooleanField(source="criterion.when_assigned", read_only=True)
    max_points = LocalDecimalField()

    class Meta:
        model = SheetItem
        fields = [
            "id",
            "criterion",
            "criterion_number",
            "criterion_title",
            "subject_kind",
            "person_kind",
            "when_assigned",
            "max_points",
        ]
        read_only_fields = ["criterion"]


class ScoringSheetSerializer(serializers.ModelSerializer):
    items = SheetItemSerializer(many=True, read_only=True)
    excellent_from = LocalDecimalField(read_only=True)
    good_from = LocalDecimalField(read_only=True)
    pass_from = LocalDecimalField(read_only=True)

    class Meta:
        model = ScoringSheet
        fields = ["id", "plan", "year", "excellent_from", "good_from", "pass_from", "quorum", "items"]
        read_only_fields = ["plan", "quorum"]


class SheetPointsLineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    max_points = LocalDecimalField()


class SheetPointsSerializer(serializers.Serializer):
    items = SheetPointsLineSerializer(many=True, required=False)
    excellent_from = LocalDecimalField(required=False)
    good_from = LocalDecimalField(required=False)
    pass_from = LocalDecimalField(required=False)
    quorum = serializers.IntegerField(required=False, min_value=1, max_value=services.MAX_QUORUM)


class ScoringSheetViewSet(
    LineFields, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """The current plan's sheets with their points. The office creates a year's sheet
    (POST {"year": 2026}) and sets points and thresholds (PATCH)."""

    serializer_class = ScoringSheetSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database reads
            return ScoringSheet.objects.none()
        return ScoringSheet.objects.filter(plan=Plan.objects.current()).prefetch_related("items__criterion")

    def perform_create(self, serializer):
        serializer.instance = services.create_sheet(
            actor=self.request.user, plan=Plan.objects.current_or_404(), year=serializer.validated_data["year"]
        )

    @extend_schema(request=SheetPointsSerializer, responses={200: ScoringSheetSerializer})
    def partial_update(self, request, pk=None):
        sheet = self.get_object()
        data = SheetPointsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        points = {line["id"]: line["max_points"] for line in values.pop("items", [])}
        services.set_points(actor=request.user, sheet=sheet, points=points, **values)
        return Response(ScoringSheetSerializer(self.get_queryset().get(pk=sheet.pk)).data)


# --- Scores --------------------------------------------------------------------------------
class _ScoreSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="item.sheet.year")
    criterion = serializers.IntegerField(source="item.criterion_id")
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False, allow_null=True)
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.current(), required=False, allow_null=True)
    score = LocalDecimalField()

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        if bool(values.get("unit")) == bool(values.get("person")):
            raise serializers.ValidationError(
                {"unit": [gettext("Hãy ghi đúng một trong hai: đơn vị (unit) hoặc cá nhân (person).")]}
            )
        return values


class SelfAssessmentSerializer(_ScoreSerializer):
    results = serializers.PrimaryKeyRelatedField(many=True, queryset=ResultEntry.objects.all(), required=False)

    class Meta:
        model = SelfAssessment
        fields = ["id", "year", "criterion", "unit", "person", "score", "note", "results", "assessed_at"]
        read_only_fields = ["assessed_at"]


class CouncilScoreSerializer(_ScoreSerializer):
    member = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = CouncilScore
        fields = ["id", "year", "criterion", "unit", "person", "member", "score", "comment", "scored_at"]
        read_only_fields = ["scored_at"]


def _item(data: dict) -> SheetItem:
    found = (
        SheetItem.objects.select_related("sheet__plan", "criterion")
        .filter(
            sheet__plan=Plan.objects.current(),
            sheet__year=data["item"]["sheet"]["year"],
            criterion_id=data["item"]["criterion_id"],
        )
        .first()
    )
    if found is None:
        raise serializers.ValidationError({"criterion": [gettext("Bảng chấm điểm năm này không có tiêu chí đó.")]})
    return found


class _ScoreViewSet(LineFields, mixins.ListModelMixin, viewsets.GenericViewSet):
    model = SelfAssessment

    def _filtered(self, scores):
        query = self.request.query_params
        filters = {
            "item__sheet__year": params.year(query),
            "unit_id": params.identifier(query, "unit"),
            "person_id": params.identifier(query, "person"),
        }
        scores = scores.filter(item__sheet__plan=Plan.objects.current()).select_related("item__sheet")
        return scores.filter(**{k: v for k, v in filters.items() if v is not None}).order_by("item__sheet__year", "id")

    def create(self, request):
        """Create or change the score of one criterion; 201 when new, 200 when changed."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item = _item(data)
        subject = data.get("unit") or data.get("person")
        if not rules.can_see(request.user, subject):  # as the pages: a subject the account does not see
            raise NotFound
        existed = self._stored(item, subject).exists()
        self._save(item, subject, data)
        row = self.get_queryset().get(pk=self._stored(item, subject).get().pk)
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return Response(self.get_serializer(row).data, status=code)


@extend_schema(parameters=[schema.year(), schema.identifier("unit"), schema.identifier("person")])
class SelfAssessmentViewSet(_ScoreViewSet):
    serializer_class = SelfAssessmentSerializer

    def get_queryset(self):
        scores = SelfAssessment.objects.visible_to(self.request.user).prefetch_related("results")
        return self._filtered(scores.select_related("item__criterion"))

    def _stored(self, item, subject):
        return SelfAssessment.objects.for_subject(subject).filter(item=item)

    def _save(self, item, subject, data):
        line = services.SelfLine(
            item=item,
            score=data["score"],
            note=data.get("note", ""),
            results=tuple(r.pk for r in data.get("results", [])),
        )
        services.self_assess(actor=self.request.user, sheet=item.sheet, subject=subject, lines=[line])


@extend_schema(parameters=[schema.year(), schema.identifier("unit"), schema.identifier("person")])
class CouncilScoreViewSet(_ScoreViewSet):
    """Everyone's scores for the office and the director; a council member's own."""

    serializer_class = CouncilScoreSerializer

    def get_queryset(self):
        scores = CouncilScore.objects.visible_to(self.request.user).select_related("item__criterion")
        if not rules.can_see_member_scores(self.request.user):
            scores = scores.filter(member=self.request.user)
        return self._filtered(scores)

    def _stored(self, item, subject):
        return CouncilScore.objects.for_subject(subject).filter(item=item, member=self.request.user)

    def _save(self, item, subject, data):
        line = services.CouncilLine(item=item, score=data["score"], comment=data.get("comment", ""))
        services.council_score(actor=self.request.user, sheet=item.sheet, subject=subject, lines=[line])


class NotApplicableSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="item.sheet.year")
    criterion = serializers.IntegerField(source="item.criterion_id")
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    reason = serializers.CharField()

    class Meta:
        model = NotApplicable
        fields = ["id", "year", "criterion", "unit", "reason", "marked_at"]
        read_only_fields = ["marked_at"]


@extend_schema(parameters=[schema.year(), schema.identifier("unit")])
class NotApplicableViewSet(LineFields, mixins.ListModelMixin, viewsets.GenericViewSet):
    """A unit's collective criteria marked "không áp dụng" (a task "theo phân công" it
    was not given), with the reason. POST marks one, through the self-assessment's
    service (the unit's head or the office); saving a score for the criterion again
    removes the mark."""

    serializer_class = NotApplicableSerializer

    def get_queryset(self):
        marked = NotApplicable.objects.filter(item__sheet__plan=Plan.objects.current()).select_related("item__sheet")
        units = rules.unit_ids_seen(self.request.user)
        if units is not rules.EVERYTHING:
            marked = marked.filter(unit_id__in=units)
        query = self.request.query_params
        filters = {"item__sheet__year": params.year(query), "unit_id": params.identifier(query, "unit")}
        return marked.filter(**{k: v for k, v in filters.items() if v is not None}).order_by("item__sheet__year", "id")

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item, unit = _item(data), data["unit"]
        if not rules.can_see(request.user, unit):
            raise NotFound
        line = services.SelfLine(item=item, score=None, not_applicable=True, reason=data["reason"])
        services.self_assess(actor=request.user, sheet=item.sheet, subject=unit, lines=[line])
        row = self.get_queryset().get(item=item, unit=unit)
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)


# --- Ranking -------------------------------------------------------------------------------
class EvaluationRankingRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField(allow_null=True)
    subject_id = serializers.IntegerField(source="subject.pk")
    name = serializers.CharField(source="subject.__str__")
    person_kind = serializers.SerializerMethodField()
    max_total = LocalDecimalField()
    self_total = LocalDecimalField(allow_null=True)
    council_total = LocalDecimalField(allow_null=True)
    percent = LocalDecimalField(allow_null=True)
    classification = serializers.CharField(allow_null=True)
    classification_label = serializers.CharField()
    members = serializers.IntegerField()
    awaiting_quorum = serializers.BooleanField()
    missing_members = serializers.ListField(child=serializers.CharField(), source="missing")
    not_applicable = serializers.SerializerMethodField()

    def get_person_kind(self, row) -> str | None:
        return row.subject.kind if isinstance(row.subject, Person) else None

    def get_not_applicable(self, row) -> list[int]:
        """The criteria (ids) marked "không áp dụng" for the unit."""
        return [item.criterion_id for item in row.not_applicable]


@extend_schema(
    parameters=[schema.year(required=True), OpenApiParameter("kind", str, enum=SubjectKind.values)],
    responses={200: EvaluationRankingRowSerializer(many=True)},
)
class RankingViewSet(viewsets.ViewSet):
    """The ranked rows of a year's sheet that the account may see (collective by default)."""

    def list(self, request):
        kind = params.choice(request.query_params, "kind", SubjectKind.values) or SubjectKind.COLLECTIVE
        sheet = get_object_or_404(
            ScoringSheet.objects.select_related("plan"),
            plan=Plan.objects.current(),
            year=params.year(request.query_params) or 0,
        )
        rows = [row for row in ranking(sheet, kind).rows if rules.can_see(request.user, row.subject)]
        return Response(EvaluationRankingRowSerializer(rows, many=True).data)
