"""REST endpoints for initiatives, the council's scores, the library and adoptions.
They read through the same `visible_to` querysets and change data through the same
`services` functions as the pages, so the rules and the activity log are the same."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from thidua.api import fields, schema
from thidua.api.parsers import SafeJSONParser
from thidua.core.codes import Scope
from thidua.initiatives import services, statistics
from thidua.initiatives.enums import Tag
from thidua.initiatives.forms import LibraryFilterForm
from thidua.initiatives.models import WIDER_SCOPES, Adoption, Authorship, HigherRecognition, Initiative, Score
from thidua.organization.models import Person, Unit
from thidua.plans.models import ContentArea


class TagsField(serializers.ListField):
    child = serializers.ChoiceField(choices=Tag.choices)

    def to_representation(self, data):
        return [t for t in (data.split(",") if isinstance(data, str) else data) if t]


class InitiativeAuthorSerializer(serializers.ModelSerializer):
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    name = serializers.CharField(source="person.full_name", read_only=True)
    unit_name = serializers.CharField(source="person.unit.name", read_only=True)
    share = serializers.IntegerField()

    class Meta:
        model = Authorship
        fields = ["person", "name", "unit_name", "share"]


def _benefit(name: str):
    return fields.count(Initiative, name, required=False, allow_null=True)


# Set by the workflow's moves (services), never by the author's data.
_WORKFLOW_FIELDS = [
    "state",
    "submitted_at",
    "return_reason",
    "rejection_reason",
    "scope",
    "decision_number",
    "decision_date",
    "put_forward",
    "put_forward_on",
]


class HigherRecognitionSerializer(serializers.ModelSerializer):
    scope_label = serializers.CharField(source="get_scope_display", read_only=True)
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = HigherRecognition
        fields = ["id", "scope", "scope_label", "issuer", "number", "date", "has_file"]

    def get_has_file(self, obj) -> bool:
        return bool(obj.file)


class InitiativeSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    content_area = serializers.PrimaryKeyRelatedField(queryset=ContentArea.objects.all())
    tags = TagsField(required=False)
    authors = InitiativeAuthorSerializer(many=True)
    hours_saved, cost_saved = _benefit("hours_saved"), _benefit("cost_saved")
    paper_saved, people_served = _benefit("paper_saved"), _benefit("people_served")
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    higher_recognitions = HigherRecognitionSerializer(many=True, read_only=True)

    class Meta:
        model = Initiative
        fields = ["id", *services.DATA_FIELDS, "authors", "state_label", *_WORKFLOW_FIELDS, "higher_recognitions"]
        read_only_fields = _WORKFLOW_FIELDS

    def _split(self, validated: dict):
        rows = validated.pop("authors", None)
        authors = None if rows is None else [services.AuthorShare(r["person"], r["share"]) for r in rows]
        return validated, authors

    def create(self, validated_data):
        data, authors = self._split(validated_data)
        return services.create_initiative(actor=self.context["request"].user, data=data, authors=authors or [])

    def update(self, instance, validated_data):
        data, authors = self._split(validated_data)
        return services.update_initiative(
            actor=self.context["request"].user, initiative=instance, data=data, authors=authors
        )


class InitiativeRecogniseSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=Scope.choices, required=False, allow_blank=True)
    decision_number = serializers.CharField(required=False, allow_blank=True)
    decision_date = serializers.DateField(required=False, allow_null=True)


class InitiativeHigherRecognitionSerializer(serializers.Serializer):
    """The province's or ministry's decision; the file, if any, as multipart."""

    scope = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in WIDER_SCOPES], required=False, allow_blank=True
    )
    issuer = serializers.CharField(required=False, allow_blank=True)
    number = serializers.CharField(required=False, allow_blank=True)
    date = serializers.DateField(required=False, allow_null=True)
    file = serializers.FileField(required=False, allow_null=True)


class InitiativeReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True)


@extend_schema_view(list=extend_schema(summary="Sáng kiến người dùng được xem"))
class InitiativeViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = InitiativeSerializer
    # The higher decision may come with its file. No FormParser: DRF's reads a form of any
    # size, where Django's multipart parser holds to DATA_UPLOAD_MAX_*.
    parser_classes = [SafeJSONParser, MultiPartParser]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Initiative.objects.none()
        return Initiative.objects.visible_to(self.request.user).for_lists()

    def _act(self, function, **kwargs):
        initiative = self.get_object()
        function(actor=self.request.user, initiative=initiative, **kwargs)
        return Response(self.get_serializer(self.get_queryset().get(pk=initiative.pk)).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._act(services.submit)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request, pk=None):
        return self._act(services.start_review)

    @extend_schema(request=InitiativeRecogniseSerializer)
    @action(detail=True, methods=["post"])
    def recognise(self, request, pk=None):
        body = InitiativeRecogniseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        return self._act(
            services.recognise,
            scope=data.get("scope") or Scope.CO_SO,  # the department recognises at cơ sở
            decision_number=data.get("decision_number", ""),
            decision_date=data.get("decision_date"),
        )

    def _with_reason(self, function):
        body = InitiativeReasonSerializer(data=self.request.data)
        body.is_valid(raise_exception=True)
        return self._act(function, reason=body.validated_data.get("reason", ""))

    @extend_schema(request=InitiativeReasonSerializer)
    @action(detail=True, methods=["post"], url_path="not-recognise")
    def not_recognise(self, request, pk=None):
        return self._with_reason(services.not_recognise)

    @extend_schema(request=InitiativeReasonSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_for_changes(self, request, pk=None):
        return self._with_reason(services.return_for_changes)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], url_path="put-forward")
    def put_forward(self, request, pk=None):
        return self._act(services.put_forward)

    @extend_schema(
        request={
            "application/json": InitiativeHigherRecognitionSerializer,
            "multipart/form-data": InitiativeHigherRecognitionSerializer,
        }
    )
    @action(detail=True, methods=["post"], url_path="higher-recognition")
    def higher_recognition(self, request, pk=None):
        """The province's or ministry's decision: the only way to a scope beyond cơ sở."""
        body = InitiativeHigherRecognitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        return self._act(
            services.record_higher_recognition,
            scope=data.get("scope", ""),
            issuer=data.get("issuer", ""),
            number=data.get("number", ""),
            date=data.get("date"),
            file=data.get("file"),
        )


def _criterion():
    # The range is checked by the service, whose message names the criterion.
    return serializers.IntegerField(error_messages={"invalid": _("Điểm phải là số nguyên từ 0 đến 10.")})


class InitiativeScoreSerializer(serializers.ModelSerializer):
    initiative = serializers.PrimaryKeyRelatedField(queryset=Initiative.objects.all())
    novelty, effectiveness, applicability = _criterion(), _criterion(), _criterion()
    total = serializers.IntegerField(read_only=True)

    class Meta:
        model = Score
        fields = ["id", "initiative", "novelty", "effectiveness", "applicability", "comment", "total", "scored_at"]
        read_only_fields = ["scored_at"]
        validators = []  # a second score by the same member updates the first (service)

    def validate_initiative(self, initiative):
        if not Initiative.objects.visible_to(self.context["request"].user).filter(pk=initiative.pk).exists():
            raise serializers.ValidationError(_("Không tìm thấy sáng kiến."))
        return initiative

    def save(self, **kwargs):
        data = dict(self.validated_data)
        initiative = data.pop("initiative", None) or self.instance.initiative
        current = {n: getattr(self.instance, n) for n in [*services.CRITERIA, "comment"]} if self.instance else {}
        self.instance = services.score(actor=self.context["request"].user, initiative=initiative, **(current | data))
        return self.instance


class ScoreViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The signed-in council member's own scores; creating a second one for the same
    initiative updates the first."""

    serializer_class = InitiativeScoreSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Score.objects.none()
        return Score.objects.filter(member=self.request.user).order_by("-scored_at", "-id")


class InitiativeLibrarySerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    content_area_title = serializers.CharField(source="content_area.short_title", read_only=True)
    tags = TagsField(read_only=True)
    authors = InitiativeAuthorSerializer(many=True, read_only=True)
    adopted_by = serializers.SerializerMethodField()
    higher_recognitions = HigherRecognitionSerializer(many=True, read_only=True)

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title",
            "unit_name",
            "content_area",
            "content_area_title",
            *services.DESCRIPTION_FIELDS,
            "authors",
            "scope",
            "decision_number",
            "decision_date",
            "put_forward",
            "higher_recognitions",
            "adopted_by",
        ]

    def get_adopted_by(self, obj) -> list[str]:
        return [a.unit.name for a in obj.adoptions.all()]


LIBRARY_PARAMETERS = [
    OpenApiParameter("search", str, description="Tìm không phân biệt dấu theo tên, vấn đề, giải pháp"),
    schema.identifier("content_area", description="Mã (id) nội dung thi đua"),
    OpenApiParameter("tag", str, enum=Tag.values),
    OpenApiParameter("scope", str, enum=Scope.values),
]


@extend_schema_view(list=extend_schema(summary="Thư viện sáng kiến đã được công nhận", parameters=LIBRARY_PARAMETERS))
class LibraryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InitiativeLibrarySerializer

    def get_queryset(self):
        qs = Initiative.objects.library().prefetch_related("adoptions__unit")
        if self.action != "list":
            return qs
        query = self.request.query_params  # checked by the page's own filter form
        form = LibraryFilterForm(
            {
                "q": query.get("search", ""),
                "content_area": query.get("content_area", ""),
                "tag": query.get("tag", ""),
                "scope": query.get("scope", ""),
            }
        )
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        return form.apply(qs).annotate(adoption_count=Count("adoptions"))

    def list(self, request, *args, **kwargs):
        """The page of initiatives, with how many of all those found were replicated."""
        response = super().list(request, *args, **kwargs)
        if isinstance(response.data, dict):
            response.data["replicated"] = statistics.replicated(self.get_queryset())
        return response


class InitiativeAdoptionSerializer(serializers.ModelSerializer):
    initiative = serializers.PrimaryKeyRelatedField(queryset=Initiative.objects.recognised())
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    applied_on = serializers.DateField(required=False, allow_null=True)
    result = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.FileField(required=False, allow_null=True, write_only=True)
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = Adoption
        fields = ["id", "initiative", "unit", "applied_on", "result", "evidence", "has_evidence", "created_at"]
        read_only_fields = ["created_at"]
        validators = []  # one mark per unit is checked by the service, with its own message

    def get_has_evidence(self, obj) -> bool:
        return bool(obj.evidence)

    def create(self, validated_data):
        data = {"applied_on": None, "result": ""} | validated_data
        return services.mark_applied(actor=self.context["request"].user, **data)


class AdoptionViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Replications: those of the account's units and of the initiatives it sees."""

    serializer_class = InitiativeAdoptionSerializer
    parser_classes = [SafeJSONParser, MultiPartParser]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Adoption.objects.none()
        return Adoption.objects.visible_to(self.request.user).order_by("-applied_on", "-id")
