"""REST endpoints for registrations: the registrations the account may see, each with its
commitments and its people's rows, and the submit / accept / return actions. They call
the same rules and services as the pages."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from thidua.api import schema
from thidua.core import params
from thidua.core.codes import State
from thidua.registrations import rules, services
from thidua.registrations.models import PersonRegistration, UnitCommitment, UnitRegistration


class CommitmentSerializer(serializers.ModelSerializer):
    content_area = serializers.CharField(source="content_area.number")
    content_area_title = serializers.CharField(source="content_area.short_title")

    class Meta:
        model = UnitCommitment
        fields = ["content_area", "content_area_title", "text"]


class PersonRegistrationSerializer(serializers.ModelSerializer):
    person_code = serializers.CharField(source="person.code")
    full_name = serializers.CharField(source="person.full_name")
    title_label = serializers.CharField(source="get_title_display")

    class Meta:
        model = PersonRegistration
        fields = ["id", "person", "person_code", "full_name", "title", "title_label", "commitments"]


class UnitRegistrationSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.code")
    unit_code = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")
    title_label = serializers.CharField(source="get_title_display")
    state_label = serializers.CharField(source="get_state_display")
    submitted_by = serializers.CharField(source="submitted_by.username", default=None)
    commitments = CommitmentSerializer(many=True)
    people = PersonRegistrationSerializer(many=True)

    class Meta:
        model = UnitRegistration
        fields = [
            "id",
            "plan",
            "year",
            "unit",
            "unit_code",
            "unit_name",
            "title",
            "title_label",
            "state",
            "state_label",
            "submitted_at",
            "submitted_by",
            "is_late",
            "return_reason",
            "reviewed_at",
            "commitments",
            "people",
        ]


class RegistrationReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, trim_whitespace=True)


class RegistrationConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()


SUBMIT_REFUSED = gettext_lazy("Chỉ thủ trưởng đơn vị gửi được bản đăng ký của đơn vị.")
REVIEW_REFUSED = gettext_lazy("Chỉ Văn phòng Sở tiếp nhận hoặc trả lại bản đăng ký.")
ACTION_RESPONSES = {200: UnitRegistrationSerializer, 409: RegistrationConflictSerializer}


@extend_schema_view(
    list=extend_schema(
        parameters=[
            schema.year(description="Năm của kế hoạch"),
            OpenApiParameter(
                "state", str, enum=State.values, description="Trạng thái: draft, submitted, returned, accepted"
            ),
        ]
    )
)
class UnitRegistrationViewSet(viewsets.ReadOnlyModelViewSet):
    """Registrations of the units the account may see; another unit's answers 404.
    People's rows are those the account may read: all of them for the unit head and the
    office, one's own for staff."""

    serializer_class = UnitRegistrationSerializer

    def get_queryset(self):
        user = self.request.user
        qs = (
            UnitRegistration.objects.visible_to(user)
            .select_related("plan", "unit", "submitted_by")
            .prefetch_related(
                Prefetch("commitments", queryset=UnitCommitment.objects.select_related("content_area")),
                Prefetch("people", queryset=PersonRegistration.objects.visible_to(user).select_related("person")),
            )
        )
        query = self.request.query_params
        if (year := params.year(query)) is not None:
            qs = qs.filter(year=year)
        state = params.choice(query, "state", State.values)
        return qs.filter(state=state) if state else qs

    def _respond(self, registration) -> Response:
        fresh = self.get_queryset().get(pk=registration.pk)
        return Response(self.get_serializer(fresh).data)

    @extend_schema(request=None, responses=ACTION_RESPONSES)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """The unit head submits the unit's registration with its people's rows."""
        registration = self._allowed(rules.can_submit, SUBMIT_REFUSED)
        return self._respond(services.submit_registration(registration=registration, actor=request.user))

    @extend_schema(request=None, responses=ACTION_RESPONSES)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        registration = self._allowed(rules.can_accept, REVIEW_REFUSED)
        return self._respond(services.accept_registration(registration=registration, actor=request.user))

    @extend_schema(request=RegistrationReturnSerializer, responses=ACTION_RESPONSES)
    @action(detail=True, methods=["post"], url_path="return")
    def return_for_changes(self, request, pk=None):
        registration = self._allowed(rules.can_return, REVIEW_REFUSED)
        body = RegistrationReturnSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            services.return_registration(
                registration=registration, reason=body.validated_data["reason"], actor=request.user
            )
        )

    def _allowed(self, predicate, refusal) -> UnitRegistration:
        """The registration, when the move's predicate lets the account make it: asked
        before the body is read, as the page does."""
        registration = self.get_object()
        if not predicate(self.request.user, registration):
            raise PermissionDenied(str(refusal))
        return registration
