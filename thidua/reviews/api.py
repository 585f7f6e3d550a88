"""REST endpoints of the reviews: each review with its frozen figures (the department's
for everyone signed in, a unit's for those who may see the unit), and the baseline →
mid-term → final comparison. Read-only: setting the date and freezing are done on the
reviews page, through the same services."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from thidua.indicators.api import LocalDecimalField
from thidua.plans.models import Plan
from thidua.reviews import sections
from thidua.reviews.comparison import compare
from thidua.reviews.models import Review, ReviewSnapshot


class ReviewFigureSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text="indicator, results or initiatives")
    value = LocalDecimalField()

    class Meta:
        model = ReviewSnapshot
        fields = [
            "kind",
            "unit",
            "unit_name",
            "indicator",
            "content_area",
            "label",
            "unit_of_measure",
            "value",
            "period_year",
            "period_quarter",
        ]


class ReviewFiguresSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="phase.review_kind")
    year = serializers.IntegerField(source="phase.review_year")
    phase = serializers.CharField(source="phase.name")
    figures = ReviewFigureSerializer(source="snapshots", many=True)
    sections = serializers.SerializerMethodField(
        help_text="ranking, awards, initiatives, inspections, difficulties as frozen (null when the review was "
        "frozen without it); lines about a unit only for those who see the unit"
    )

    class Meta:
        model = Review
        fields = ["id", "kind", "year", "phase", "review_date", "frozen_at", "figures", "sections"]

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_sections(self, review) -> dict:
        return sections.visible(review, self.context["request"].user)


class ReviewStepSerializer(serializers.Serializer):
    value = LocalDecimalField(allow_null=True)
    change = LocalDecimalField(allow_null=True)
    better = serializers.BooleanField(
        allow_null=True, help_text="moved from the baseline the way that counts as better"
    )
    target = LocalDecimalField(allow_null=True, help_text="the department's target for the review's year")
    reached = serializers.BooleanField(allow_null=True, help_text="null without a figure or a target")
    verdict = serializers.CharField(help_text="the assessment in words, e.g. «Tăng so với năm gốc, chưa đạt chỉ tiêu»")


class ReviewComparisonLineSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(source="indicator.pk")
    code = serializers.CharField(source="indicator.code")
    name = serializers.CharField(source="indicator.name")
    direction = serializers.CharField(source="indicator.direction")
    baseline = LocalDecimalField(allow_null=True)
    baseline_year = serializers.IntegerField(source="indicator.baseline_year", allow_null=True)
    mid_term = ReviewStepSerializer()
    final = ReviewStepSerializer()


class ReviewViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReviewFiguresSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database reads
            return Review.objects.none()
        figures = ReviewSnapshot.objects.visible_to(self.request.user).order_by("kind", "unit_id", "id")
        return (
            Review.objects.filter(plan=Plan.objects.current())
            .select_related("phase")
            .prefetch_related(Prefetch("snapshots", queryset=figures))
        )

    @extend_schema(responses={200: ReviewComparisonLineSerializer(many=True)})
    @action(detail=False)
    def comparison(self, request):
        """Per indicator: the baseline, and the department's frozen mid-term and final
        figures with whether each moved the way the indicator counts as better."""
        return Response(ReviewComparisonLineSerializer(compare(Plan.objects.current()).indicators, many=True).data)
