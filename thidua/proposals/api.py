"""REST endpoints for proposals (with their moves) and the register of awards. They read
through the same `visible_to` querysets and change data through the same services as
the pages, so access, checks and the activity log are the same."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from thidua.api import schema
from thidua.commendation.eligibility.order import summary
from thidua.commendation.models import AwardRecord
from thidua.core import params
from thidua.core.codes import CommendationKind
from thidua.core.permissions import require
from thidua.organization.models import Person, Unit
from thidua.proposals import dossier, money, register, rules, services, statistics, verdicts
from thidua.proposals.forms import SIMPLIFIED_CHOICES
from thidua.proposals.models import BaseSalary, Decision, Proposal


class ProposalDecisionSerializer(serializers.ModelSerializer):
    base_salary = serializers.SerializerMethodField()
    base_salary_basis = serializers.SerializerMethodField()
    highest_only = serializers.BooleanField(source="payment_rule.highest_only", read_only=True, allow_null=True)
    rounding = serializers.CharField(source="payment_rule.rounding", read_only=True, allow_null=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "number_symbol",
            "date",
            "issuer",
            "issued_here",
            "base_salary",
            "base_salary_basis",
            "highest_only",
            "rounding",
        ]

    def get_base_salary(self, obj) -> int | None:
        return int(obj.base_salary) if obj.base_salary is not None else None

    def get_base_salary_basis(self, obj) -> str:
        """The Government's text the base salary was confirmed against."""
        return obj.salary.citation if obj.salary_id else ""


class ProposalSerializer(serializers.ModelSerializer):
    subject_name = serializers.CharField(read_only=True)
    subject_unit_name = serializers.CharField(source="subject_unit.name", read_only=True)
    award_name = serializers.CharField(source="get_award_code_display", read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    decision = ProposalDecisionSerializer(read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "person",
            "unit",
            "subject_name",
            "subject_unit",
            "subject_unit_name",
            "award_code",
            "award_name",
            "category",
            "year",
            "kind",
            "achievement_key",
            "simplified_case",
            "verdict",
            "override_reason",
            "state",
            "state_label",
            "submitted_at",
            "return_reason",
            "rejection_reason",
            "forwarded_to",
            "forwarded_on",
            "decision",
            "cash_multiple",
            "cash_basis",
            "cash_amount",
            "cash_paid",
        ]
        read_only_fields = fields


class ProposalDetailSerializer(ProposalSerializer):
    missing_documents = serializers.SerializerMethodField()

    class Meta(ProposalSerializer.Meta):
        fields = [*ProposalSerializer.Meta.fields, "report_text", "verdict_reasons", "missing_documents"]
        read_only_fields = fields

    def get_missing_documents(self, obj) -> list[str]:
        return dossier.missing(obj)


class ProposalCreateSerializer(serializers.Serializer):
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.current(), required=False, allow_null=True)
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False, allow_null=True)
    award_code = serializers.CharField()
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    kind = serializers.ChoiceField(choices=CommendationKind.choices, default="cong_trang")
    simplified_case = serializers.ChoiceField(choices=SIMPLIFIED_CHOICES, required=False, allow_blank=True)
    achievement_key = serializers.CharField(required=False, allow_blank=True, max_length=100)
    report_text = serializers.CharField(required=False, allow_blank=True)

    def validate(self, data):
        if bool(data.get("person")) == bool(data.get("unit")):
            raise serializers.ValidationError(_("Hãy chọn một cá nhân hoặc một tập thể (chỉ một)."))
        return data


class ProposalReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True)


class ProposalAcceptSerializer(serializers.Serializer):
    override_reason = serializers.CharField(required=False, allow_blank=True)


class ProposalForwardSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class ProposalDecideSerializer(serializers.Serializer):
    date = serializers.DateField()
    summary = serializers.CharField(required=False, allow_blank=True, max_length=300)
    number_symbol = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=64,
        help_text=_("Chỉ với đề nghị đã trình cấp trên: số quyết định của cấp trên."),
    )
    issuer = serializers.CharField(required=False, allow_blank=True, max_length=200)


class OrderedAwardSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    route = serializers.CharField()
    after = serializers.ListField(child=serializers.CharField(), help_text=_("Các danh hiệu phải có quyết định trước."))


class DecisionStepSerializer(serializers.Serializer):
    step = serializers.IntegerField()
    text = serializers.CharField()
    awards = OrderedAwardSerializer(many=True)


class DecisionOrderSerializer(serializers.Serializer):
    year = serializers.IntegerField(allow_null=True)
    text = serializers.CharField(help_text=_("Một dòng: «Thứ tự quyết định: 1. …; 2. …»; rỗng khi không có đề nghị."))
    steps = DecisionStepSerializer(many=True)


@extend_schema_view(list=extend_schema(summary="Đề nghị khen thưởng người dùng được xem"))
class ProposalViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = ProposalSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Proposal.objects.none()
        return Proposal.objects.visible_to(self.request.user).for_lists()

    def get_serializer_class(self):
        if self.action == "create":
            return ProposalCreateSerializer
        return ProposalDetailSerializer if self.action != "list" else ProposalSerializer

    def create(self, request, *args, **kwargs):
        body = ProposalCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        proposal = services.create_proposal(
            actor=request.user,
            subject=data.get("person") or data.get("unit"),
            award_code=data["award_code"],
            year=data["year"],
            kind=data["kind"],
            simplified_case=data.get("simplified_case", ""),
            achievement_text=data.get("achievement_key", ""),
            report_text=data.get("report_text"),
        )
        return Response(self._out(proposal), status=status.HTTP_201_CREATED)

    def _out(self, proposal) -> dict:
        return ProposalDetailSerializer(
            self.get_queryset().get(pk=proposal.pk), context=self.get_serializer_context()
        ).data

    def _act(self, function, **kwargs):
        proposal = self.get_object()
        function(actor=self.request.user, proposal=proposal, **kwargs)
        return Response(self._out(proposal))

    def _body(self, serializer_class) -> dict:
        body = serializer_class(data=self.request.data)
        body.is_valid(raise_exception=True)
        return body.validated_data

    @extend_schema(
        summary="Thứ tự quyết định các đề nghị của một năm",
        description="Danh hiệu cấp dưới được quyết định trước: mỗi bước gồm các danh hiệu, hình thức được đề nghị "
        "trong năm mà bước trước là điều kiện của chúng. Bỏ trống year: năm gần nhất có đề nghị.",
        parameters=[schema.year()],
        responses=DecisionOrderSerializer,
    )
    @action(detail=False, methods=["get"], url_path="decision-order", url_name="decision-order")
    def decision_order(self, request):
        year, steps = verdicts.decision_order(
            Proposal.objects.visible_to(request.user), params.year(request.query_params)
        )
        return Response(
            {"year": year, "text": summary(steps) if steps else "", "steps": [step.as_dict() for step in steps]}
        )

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._act(services.submit)

    @extend_schema(request=ProposalAcceptSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._act(
            services.accept, override_reason=self._body(ProposalAcceptSerializer).get("override_reason", "")
        )

    @extend_schema(request=ProposalReasonSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_proposal(self, request, pk=None):
        return self._act(services.return_proposal, reason=self._body(ProposalReasonSerializer).get("reason", ""))

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._act(services.approve)

    @extend_schema(request=ProposalReasonSerializer, summary="Hủy tiếp nhận (Văn phòng Sở, trước Hội đồng)")
    @action(detail=True, methods=["post"], url_path="undo-acceptance", url_name="undo-acceptance")
    def undo_acceptance(self, request, pk=None):
        return self._act(services.undo_acceptance, reason=self._body(ProposalReasonSerializer).get("reason", ""))

    @extend_schema(request=ProposalReasonSerializer, summary="Hủy phê duyệt (Giám đốc Sở, trước quyết định)")
    @action(detail=True, methods=["post"], url_path="undo-approval", url_name="undo-approval")
    def undo_approval(self, request, pk=None):
        return self._act(services.undo_approval, reason=self._body(ProposalReasonSerializer).get("reason", ""))

    @extend_schema(request=ProposalForwardSerializer)
    @action(detail=True, methods=["post"])
    def forward(self, request, pk=None):
        return self._act(services.forward, note=self._body(ProposalForwardSerializer).get("note", ""))

    @extend_schema(request=ProposalReasonSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._act(services.reject, reason=self._body(ProposalReasonSerializer).get("reason", ""))

    @extend_schema(request=ProposalDecideSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """An approved proposal: the director's decision for it alone; a forwarded one:
        the decision of the upper level, with its number and issuer."""
        proposal = self.get_object()
        data = self._body(ProposalDecideSerializer)
        if proposal.state == "forwarded":
            services.record_external_decision(
                actor=request.user,
                proposal=proposal,
                date=data["date"],
                number_symbol=data.get("number_symbol", ""),
                issuer=data.get("issuer", ""),
            )
        else:
            services.issue_decision(
                actor=request.user, proposals=[proposal], date=data["date"], summary=data.get("summary", "")
            )
        return Response(self._out(proposal))


class AwardRegisterSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person = serializers.IntegerField(source="person_id", allow_null=True)
    unit = serializers.IntegerField(source="unit_id", allow_null=True)
    name = serializers.SerializerMethodField()
    unit_name = serializers.SerializerMethodField()
    award_code = serializers.CharField(source="award_type.code")
    award_name = serializers.CharField(source="award_type.name")
    category = serializers.CharField(source="award_type.category")
    year = serializers.IntegerField()
    kind = serializers.CharField()
    decision_number = serializers.CharField()
    decision_date = serializers.DateField(allow_null=True)
    issuer = serializers.CharField()
    before_system = serializers.BooleanField()
    cash_amount = serializers.SerializerMethodField()
    # A revoked award stays in the register with the decision that revoked it (Law Art. 93).
    revoked_number = serializers.CharField()
    revoked_date = serializers.DateField(allow_null=True)

    def get_name(self, obj) -> str:
        return obj.recipient  # the name as awarded, kept when the person is anonymised

    def get_unit_name(self, obj) -> str:
        return obj.person.unit.name if obj.person_id else obj.unit.name

    def get_cash_amount(self, obj) -> int | None:
        amount = money.record_amount(obj, self.context["salaries"])
        return int(amount) if amount is not None else None


REGISTER_PARAMETERS = [
    OpenApiParameter("search", str, description="Tìm không phân biệt dấu theo tên, hoặc số quyết định"),
    schema.year(),
    OpenApiParameter("award", str),
    OpenApiParameter("subject", str, enum=["ca-nhan", "tap-the"]),
]


@extend_schema_view(list=extend_schema(summary="Sổ khen thưởng", parameters=REGISTER_PARAMETERS))
class RegisterViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = AwardRegisterSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AwardRecord.objects.none()
        query = self.request.query_params
        data = {
            "q": params.text(query, "search"),
            "year": params.year(query),
            "award": params.text(query, "award"),
            "subject": params.choice(query, "subject", ["ca-nhan", "tap-the"]),
        }
        return register.filtered(register.visible_records(self.request.user), data)

    def get_serializer_context(self):
        return super().get_serializer_context() | {"salaries": list(BaseSalary.objects.all())}


class StatisticsColumnSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class StatisticsRowSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    unit = serializers.CharField(allow_null=True, help_text="Tên đơn vị; null ở dòng cộng của năm")
    counts = serializers.ListField(child=serializers.IntegerField(), help_text="Theo thứ tự của columns")
    awards = serializers.IntegerField()
    cash = serializers.SerializerMethodField(help_text="Tiền thưởng (đồng) của các khen thưởng đã có số tiền")
    unpriced = serializers.IntegerField(help_text="Số khen thưởng chưa có số tiền")
    people_awarded = serializers.IntegerField()
    staff = serializers.IntegerField(help_text="Số cán bộ hiện nay")
    share = serializers.DecimalField(
        max_digits=6, decimal_places=1, allow_null=True, help_text="Số cán bộ được khen / số cán bộ hiện nay (%)"
    )

    def get_cash(self, row) -> int | None:
        return int(row.cash_known) if row.cash_known is not None else None


class AwardStatisticsSerializer(serializers.Serializer):
    columns = StatisticsColumnSerializer(many=True)
    rows = serializers.SerializerMethodField()

    def get_rows(self, data) -> list[dict]:
        return StatisticsRowSerializer(list(data.lines()), many=True).data


@extend_schema(
    summary="Thống kê khen thưởng qua các năm",
    parameters=[
        schema.year("from_year"),
        schema.year("to_year"),
        schema.identifier("unit"),
        OpenApiParameter("award", str, enum=statistics.CODES),
    ],
    responses={200: AwardStatisticsSerializer},
)
class AwardStatisticsViewSet(viewsets.ViewSet):
    """The statistics of the page /thong-ke/khen-thuong/, from the same function."""

    def list(self, request):
        user = request.user
        require(
            rules.can_read_statistics(user),
            gettext("Thống kê khen thưởng dành cho Văn phòng Sở, Giám đốc và thủ trưởng đơn vị."),
        )
        data = statistics.table(user, statistics.read_filters(user, request.query_params))
        return Response(AwardStatisticsSerializer(data).data)
