"""REST endpoints for indicators (with their yearly targets and the department's
roll-up) and units' values (listed within the account's units; recorded by
create-or-update). The same services and rules as the pages."""

from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from thidua.api import schema
from thidua.core import params
from thidua.indicators import rules, services
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from thidua.indicators.numbers import QUANTUM, parse_decimal
from thidua.indicators.rollup import rollup
from thidua.organization.models import Unit
from thidua.plans.models import Plan


@extend_schema_field(OpenApiTypes.DECIMAL)
class LocalDecimalField(serializers.Field):
    """A number as a JSON number or as text; text may use a decimal comma ("12,5")."""

    def to_internal_value(self, data):
        return parse_decimal(data)  # its ValidationError is the field's error (DRF's own handling)

    def to_representation(self, value):
        return str(Decimal(value).quantize(QUANTUM))


class TargetSerializer(serializers.ModelSerializer):
    value = LocalDecimalField()

    class Meta:
        model = IndicatorTarget
        fields = ["year", "value"]


class IndicatorSerializer(serializers.ModelSerializer):
    targets = TargetSerializer(many=True, read_only=True)
    baseline_value = LocalDecimalField(allow_null=True)

    class Meta:
        model = Indicator
        fields = ["id", "plan", *services.DEFINITION_FIELDS, "targets"]


class CarriedSerializer(serializers.Serializer):
    """A unit that did not report for the figure's period: its latest earlier value."""

    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.CharField()
    value = LocalDecimalField()
    year = serializers.IntegerField()
    quarter = serializers.IntegerField()


class ProgressSerializer(serializers.Serializer):
    """The same figure as the indicator pages (`rollup.rollup`): its period, the units
    that reported out of those expected, the carried-forward values and the verdict."""

    indicator = serializers.IntegerField(source="indicator.pk")
    code = serializers.CharField(source="indicator.code")
    value = LocalDecimalField(allow_null=True)
    year = serializers.IntegerField(allow_null=True)
    quarter = serializers.IntegerField(allow_null=True)
    units = serializers.IntegerField()  # units that reported for the figure's quarter
    expected = serializers.IntegerField()  # units that have ever reported the indicator
    complete = serializers.BooleanField()
    carried = CarriedSerializer(source="figure.carried", many=True, default=list)
    target = LocalDecimalField(allow_null=True)
    target_source = serializers.CharField(source="indicator.target_source")
    target_source_text = serializers.CharField(source="source")
    is_illustrative = serializers.BooleanField(source="indicator.is_illustrative")
    fraction = serializers.FloatField(allow_null=True)
    reached = serializers.BooleanField()  # only on complete data
    status = serializers.CharField()


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    """Indicators of the current plan, each with its target per year."""

    serializer_class = IndicatorSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database reads
            return Indicator.objects.none()
        indicators = Indicator.objects.filter(plan=Plan.objects.current()).prefetch_related("targets")
        area = params.identifier(self.request.query_params, "content_area")
        return indicators.filter(content_area_id=area) if area else indicators

    @extend_schema(parameters=[schema.identifier("content_area")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[schema.year(required=True)], responses={200: ProgressSerializer(many=True)})
    @action(detail=False)
    def rollup(self, request):
        """The department's figure per indicator for a year, its target and progress."""
        plan, year = Plan.objects.current(), params.year(request.query_params)
        if error := services.year_error(plan, year):
            raise serializers.ValidationError({"year": [error]})
        return Response(ProgressSerializer(rollup(plan, year), many=True).data)


class IndicatorValueSerializer(serializers.ModelSerializer):
    value = LocalDecimalField()

    class Meta:
        model = IndicatorValue
        fields = ["id", "indicator", "unit", "year", "quarter", "value", "note", "recorded_at"]
        read_only_fields = ["recorded_at"]
        validators = []  # the same quarter entered again updates it, it is not refused


@extend_schema(parameters=[schema.identifier("indicator"), schema.identifier("unit"), schema.year(), schema.quarter()])
class IndicatorValueViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = IndicatorValueSerializer

    @staticmethod
    def service_field(name: str) -> str:
        """`record_value` refuses a value without naming the field (api/errors.py)."""
        return "value" if name == NON_FIELD_ERRORS else name

    def get_queryset(self):
        values = IndicatorValue.objects.visible_to(self.request.user).order_by("indicator", "unit", "year", "quarter")
        query = self.request.query_params
        filters = {
            "indicator_id": params.identifier(query, "indicator"),
            "unit_id": params.identifier(query, "unit"),
            "year": params.year(query),
            "quarter": params.quarter(query),
        }
        return values.filter(**{key: value for key, value in filters.items() if value is not None})

    @extend_schema(responses={200: IndicatorValueSerializer, 201: IndicatorValueSerializer})
    def create(self, request, *args, **kwargs):
        """Record a unit's value for a quarter; the same quarter again updates it (200)."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        self._check_access(data["unit"])
        row, outcome = services.record_value(actor=request.user, **data)
        code = status.HTTP_201_CREATED if outcome == "created" else status.HTTP_200_OK
        return Response(self.get_serializer(row).data, status=code)

    def _check_access(self, unit: Unit) -> None:
        if not rules.can_record_values(self.request.user, unit):
            raise PermissionDenied(gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở nhập số liệu của đơn vị này."))
