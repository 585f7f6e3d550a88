"""REST endpoints for people: the list (what colleagues see: name, position, unit,
category, e-mail) and one person, with the personal detail (gender, birth date,
ethnicity) only for whom `rules.can_see_personal_detail` allows — that read is logged,
as on the person's page."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response

from thidua.api import schema
from thidua.core import params
from thidua.organization import reads, rules
from thidua.organization.models import Person


class PersonSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    # A plain code here: the label comes with it, and the schema keeps one "category"
    # enum (the award catalogue's).
    category = serializers.CharField(read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    is_anonymised = serializers.BooleanField(read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "code",
            "full_name",
            "position",
            "unit",
            "unit_name",
            "category",
            "category_label",
            "email",
            "is_anonymised",
        ]
        read_only_fields = fields


class PersonalDetailSerializer(serializers.ModelSerializer):
    gender_label = serializers.CharField(source="get_gender_display", read_only=True)

    class Meta:
        model = Person
        fields = ["gender", "gender_label", "birth_date", "ethnicity"]
        read_only_fields = fields


class PersonDetailSerializer(PersonSerializer):
    personal_detail = serializers.SerializerMethodField(
        help_text=_("Giới tính, ngày sinh, dân tộc: null khi tài khoản gọi không được xem (Nghị định 13/2023).")
    )

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "personal_detail"]
        read_only_fields = fields

    @extend_schema_field(PersonalDetailSerializer(allow_null=True))
    def get_personal_detail(self, obj: Person):
        return PersonalDetailSerializer(obj).data if self.context.get("personal") else None


@extend_schema(parameters=[schema.identifier("unit"), OpenApiParameter("q", str)])
class PersonViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = PersonSerializer

    def get_queryset(self):
        user = self.request.user
        people = Person.objects.visible_to(user).select_related("unit").order_by("unit__order", "full_name", "id")
        if not rules.can_manage_personal_data(user):
            people = people.current()
        unit = params.identifier(self.request.query_params, "unit")
        if unit:
            people = people.filter(unit_id=unit)
        return people.search(params.text(self.request.query_params, "q"))

    @extend_schema(responses=PersonDetailSerializer)
    def retrieve(self, request, pk=None):
        person = get_object_or_404(Person.objects.visible_to(request.user).select_related("unit"), pk=pk)
        personal = reads.show_detail(request.user, person, via=request.path)
        return Response(PersonDetailSerializer(person, context={"personal": personal}).data)
