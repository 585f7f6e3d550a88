"""The public honours as read-only endpoints, open without signing in: published
outstanding examples, published awards and published recognised initiatives. Of a
person only the name, position, unit and achievement are given, as on the pages."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from thidua.api import schema
from thidua.core import params
from thidua.honours.models import OutstandingExample, public_awards, public_initiatives


class PublicPersonSerializer(serializers.Serializer):
    name = serializers.CharField(source="full_name")
    position = serializers.CharField()
    unit = serializers.CharField(source="unit.name")


def _subject(obj) -> dict:
    if obj.person_id:
        return {"kind": "individual", **PublicPersonSerializer(obj.person).data}
    return {"kind": "collective", "name": obj.unit.name, "position": "", "unit": obj.unit.name}


class PublicExampleSerializer(serializers.ModelSerializer):
    subject = serializers.SerializerMethodField()
    photo_url = serializers.SerializerMethodField()

    class Meta:
        model = OutstandingExample
        fields = ["id", "year", "title", "text", "subject", "photo_url", "published_at"]

    def get_subject(self, obj) -> dict:
        return _subject(obj)

    def get_photo_url(self, obj) -> str | None:
        return reverse("honours_example_photo", args=[obj.pk]) if obj.photo else None


class PublicAwardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    code = serializers.CharField(source="award_type.code")
    category = serializers.CharField(source="award_type.category")
    award = serializers.CharField(source="award_type.name")
    kind = serializers.CharField()
    decision_number = serializers.CharField()
    decision_date = serializers.DateField()
    subject = serializers.SerializerMethodField()

    def get_subject(self, obj) -> dict:
        return _subject(obj)


class PublicInitiativeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    unit = serializers.CharField(source="unit.name")
    scope = serializers.CharField()
    decision_number = serializers.CharField()
    decision_date = serializers.DateField()
    problem = serializers.CharField()
    solution = serializers.CharField()
    authors = serializers.SerializerMethodField()

    def get_authors(self, obj) -> list[dict]:
        return [PublicPersonSerializer(a.person).data for a in obj.authors.all()]


class _Public(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]


class PublicExampleViewSet(_Public):
    serializer_class = PublicExampleSerializer

    def get_queryset(self):
        return OutstandingExample.objects.published().for_lists()


@extend_schema(parameters=[schema.year()])
class PublicAwardViewSet(_Public):
    serializer_class = PublicAwardSerializer

    def get_queryset(self):
        awards = public_awards().order_by("-year", "award_type__order", "id")
        year = params.year(self.request.query_params)
        return awards.filter(year=year) if year else awards


class PublicInitiativeViewSet(_Public):
    serializer_class = PublicInitiativeSerializer

    def get_queryset(self):
        return public_initiatives()
