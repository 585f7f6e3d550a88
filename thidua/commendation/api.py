"""REST endpoint of the eligibility engine: facts in, verdicts with every condition out.
The serializers describe the shape for the OpenAPI schema; the facts themselves are
checked by `eligibility.schema`, which names the path of every bad field."""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.views import APIView

from thidua.commendation import rules
from thidua.commendation.eligibility.facts import COLLECTIVE, INDIVIDUAL, SCOPES
from thidua.commendation.eligibility.interface import evaluate_facts
from thidua.commendation.enums import DisciplineForm, Route, Verdict
from thidua.commendation.models import AWARD_CODES
from thidua.core.codes import CommendationKind, QualityRating

CODES = [code for code, _ in AWARD_CODES]


# Code fields are described inline (inside allOf, so the schema generator does not lift
# them into named enum components): other apps name fields "scope" or "rating" with
# their own choice sets, and this interface uses one set of codes under three names.
def _codes(values, *, nullable: bool = False) -> dict:
    schema = {"allOf": [{"type": "string", "enum": list(values)}], "description": "Một trong: " + ", ".join(values)}
    return schema | ({"nullable": True} if nullable else {})


def _code_field(values, *, nullable: bool = False) -> type[serializers.CharField]:
    """A text field whose schema lists its codes (`_codes`)."""
    return extend_schema_field(_codes(values, nullable=nullable))(type("CodeField", (serializers.CharField,), {}))


AwardCodeField = _code_field(CODES)
KindField = _code_field(CommendationKind.values)
ScopeField = _code_field(SCOPES)
RatingField = _code_field(QualityRating.values)
MemberRatingField = _code_field(QualityRating.values, nullable=True)
DisciplineField = _code_field(DisciplineForm.values, nullable=True)
SubjectKindField = _code_field([INDIVIDUAL, COLLECTIVE])
VerdictField = _code_field(Verdict.values)
RouteField = _code_field(Route.values)


class AwardFactSerializer(serializers.Serializer):
    code = AwardCodeField()
    year = serializers.IntegerField(help_text="Năm của thành tích được khen.")
    kind = KindField(required=False, default="cong_trang")
    achievement = serializers.CharField(required=False, help_text="Mã thành tích (R10), nếu khác mặc định.")
    decision = serializers.CharField(required=False)


class InitiativeFactSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    scope = ScopeField()
    recognised = serializers.BooleanField()
    applied = serializers.BooleanField()


class ResearchFactSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    scope = ScopeField()
    accepted = serializers.BooleanField()
    applied = serializers.BooleanField()


class MemberFactSerializer(serializers.Serializer):
    rating = MemberRatingField(allow_null=True)
    awards = AwardFactSerializer(many=True, required=False, help_text="Danh hiệu của thành viên trong năm xét.")
    discipline = DisciplineField(allow_null=True, required=False)


class SubjectFactSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = SubjectKindField()
    name = serializers.CharField(required=False)
    ratings = serializers.DictField(
        child=RatingField(), required=False, help_text='Khóa là năm, ví dụ {"2026": "HTXSNV"}.'
    )
    awards = AwardFactSerializer(many=True, required=False)
    initiatives = InitiativeFactSerializer(many=True, required=False)
    research_projects = ResearchFactSerializer(many=True, required=False)
    participates_in_movement = serializers.BooleanField(allow_null=True, required=False)
    internal_unity = serializers.BooleanField(allow_null=True, required=False)
    pending_discipline = serializers.BooleanField(required=False, default=False)
    under_investigation = serializers.BooleanField(required=False, default=False)
    unresolved_complaint = serializers.BooleanField(required=False, default=False)
    members = MemberFactSerializer(many=True, required=False, help_text="Chỉ với tập thể: thành viên trong năm xét.")


class EvaluateRequestSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    awards = serializers.ListField(
        child=AwardCodeField(), required=False, help_text="Bỏ trống: mọi danh hiệu, hình thức hợp với đối tượng."
    )
    subjects = SubjectFactSerializer(many=True)


class ReasonSerializer(serializers.Serializer):
    rule = serializers.CharField()
    article = serializers.CharField()
    confidence = serializers.CharField()
    condition = serializers.CharField()
    passed = serializers.BooleanField(allow_null=True, help_text="null: cần người xem xét.")
    alternative = serializers.CharField(required=False, help_text="Các điều kiện cùng nhóm: chỉ cần một điều kiện đạt.")


class ResultSerializer(serializers.Serializer):
    subject = serializers.CharField()
    award = AwardCodeField()
    year = serializers.IntegerField()
    verdict = VerdictField()
    route = RouteField()
    summary = serializers.CharField()
    reasons = ReasonSerializer(many=True)


class EvaluateResponseSerializer(serializers.Serializer):
    results = ResultSerializer(many=True)


class FieldErrorSerializer(serializers.Serializer):
    path = serializers.CharField(help_text="Ví dụ: subjects[0].ratings.2026")
    message = serializers.CharField()


class ErrorsSerializer(serializers.Serializer):
    errors = FieldErrorSerializer(many=True)


class IsOffice(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return rules.can_use_engine(request.user)


EXAMPLE = {
    "year": 2026,
    "awards": ["LDTT", "CSTDCS"],
    "subjects": [
        {
            "id": "p1",
            "kind": "individual",
            "ratings": {"2026": "HTTNV"},
            "initiatives": [{"year": 2026, "scope": "co_so", "recognised": True, "applied": True}],
            "participates_in_movement": True,
            "pending_discipline": False,
        }
    ],
}


class EvaluateView(APIView):
    permission_classes = [permissions.IsAuthenticated, IsOffice]

    @extend_schema(
        operation_id="eligibility_evaluate",
        summary="Xét điều kiện khen thưởng từ dữ kiện",
        description="Cho mỗi đối tượng và mỗi danh hiệu, hình thức: eligible, not_eligible hoặc needs_review, kèm "
        "từng điều kiện đạt hay không và căn cứ. Dữ kiện sai: 400 với đường dẫn từng trường.",
        request=EvaluateRequestSerializer,
        responses={200: EvaluateResponseSerializer, 400: ErrorsSerializer},
        examples=[OpenApiExample("Một cá nhân", value=EXAMPLE, request_only=True)],
    )
    def post(self, request):
        try:
            data = request.data
        except ParseError as error:  # unreadable JSON, said in this endpoint's own error format
            return Response(
                {"errors": [{"path": "", "message": str(error.detail)}]}, status=status.HTTP_400_BAD_REQUEST
            )
        ok, body = evaluate_facts(data)
        return Response(body, status=status.HTTP_200_OK if ok else status.HTTP_400_BAD_REQUEST)
