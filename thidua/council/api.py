"""REST endpoints of the council: meetings with their tally (counts only) and casting
a vote. The same services and refusals as the pages."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from thidua.api import fields
from thidua.council import services
from thidua.council.enums import Choice
from thidua.council.models import Ballot, Meeting
from thidua.council.tally import tallies, threshold_text
from thidua.proposals.api import ProposalDetailSerializer
from thidua.proposals.models import Proposal


class CouncilMeetingSerializer(serializers.ModelSerializer):
    members = serializers.IntegerField(source="member_count", read_only=True)
    present = serializers.IntegerField(source="present_count", read_only=True)
    threshold = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "date",
            "starts_at",
            "ends_at",
            "place",
            "year",
            "quorum_share",
            "pass_share",
            "pass_share_by_award",
            "secret_ballot_awards",
            "secret_ballot",
            "members",
            "present",
            "threshold",
            "minutes_number",
            "minutes_date",
        ]

    def get_threshold(self, obj) -> str:
        return threshold_text(obj, "")


class CouncilMeetingDetailSerializer(CouncilMeetingSerializer):
    items = serializers.SerializerMethodField()

    class Meta(CouncilMeetingSerializer.Meta):
        fields = [*CouncilMeetingSerializer.Meta.fields, "items"]

    def get_items(self, obj) -> list[dict]:
        """Counts only: who chose what is never part of the answer."""
        return [
            {
                "proposal": t.item.proposal_id,
                "award_code": t.item.proposal.award_code,
                "secret": t.item.secret,
                "agree": t.agree,
                "disagree": t.disagree,
                "abstain": t.abstain,
                "needed": t.needed,
                "quorum_met": t.quorum_met,
                "passed": t.passed,
                "threshold": t.threshold,
            }
            for t in tallies(obj)
        ]


@extend_schema_view(list=extend_schema(summary="Phiên họp Hội đồng Thi đua – Khen thưởng"))
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Meeting.objects.none()
        return (
            Meeting.objects.visible_to(self.request.user)
            .annotate(
                member_count=Count("members", distinct=True),
                present_count=Count("members", filter=Q(members__present=True), distinct=True),
            )
            .order_by("-date", "-id")
        )

    def get_serializer_class(self):
        return CouncilMeetingDetailSerializer if self.action == "retrieve" else CouncilMeetingSerializer


class CouncilBallotSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="item.meeting_id", read_only=True)
    proposal = serializers.IntegerField(source="item.proposal_id", read_only=True)

    class Meta:
        model = Ballot
        fields = ["id", "meeting", "proposal", "cast_at"]


class CouncilVoteSerializer(serializers.Serializer):
    meeting = fields.identifier()
    proposal = fields.identifier()
    choice = serializers.ChoiceField(choices=Choice.choices)


@extend_schema_view(list=extend_schema(summary="Các lượt biểu quyết của tôi (không gồm ý kiến)"))
class VoteViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Cast a vote; the list is the signed-in member's own ballots — that they voted,
    not how."""

    serializer_class = CouncilBallotSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Ballot.objects.none()
        return Ballot.objects.filter(member=self.request.user).select_related("item").order_by("-cast_at", "-id")

    @extend_schema(request=CouncilVoteSerializer, responses=CouncilBallotSerializer)
    def create(self, request, *args, **kwargs):
        body = CouncilVoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        meeting = Meeting.objects.visible_to(request.user).filter(pk=data["meeting"]).first()
        item = (
            meeting.items.select_related("proposal").filter(proposal_id=data["proposal"]).first() if meeting else None
        )
        if item is None:  # as the page: a meeting the account does not see, or not on its agenda
            raise NotFound(_("Không tìm thấy phiên họp hoặc đề nghị trong phiên họp."))
        proposal = item.proposal
        ballot = services.cast_vote(actor=request.user, meeting=meeting, proposal=proposal, choice=data["choice"])
        return Response(CouncilBallotSerializer(ballot).data, status=status.HTTP_201_CREATED)


class ProposalToCouncilSerializer(serializers.Serializer):
    meeting = serializers.IntegerField()


# `POST /proposals/{id}/to-council/`: the office puts an accepted proposal before a
# meeting. A move of the council on a proposal, so it lives here, registered under the
# proposals' path (council/api_urls.py): the council depends on proposals, never the
# reverse. It answers like the proposals' other moves: the proposal as it now is.
class ProposalCouncilViewSet(viewsets.GenericViewSet):
    serializer_class = ProposalDetailSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Proposal.objects.none()
        return Proposal.objects.visible_to(self.request.user).for_lists()

    @extend_schema(request=ProposalToCouncilSerializer)
    @action(detail=True, methods=["post"], url_path="to-council")
    def to_council(self, request, pk=None):
        body = ProposalToCouncilSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        meeting = Meeting.objects.visible_to(request.user).filter(pk=body.validated_data["meeting"]).first()
        if meeting is None:
            raise serializers.ValidationError({"meeting": [_("Không tìm thấy phiên họp.")]})
        proposal = self.get_object()
        services.send_to_council(actor=request.user, proposal=proposal, meeting=meeting)
        moved = self.get_queryset().get(pk=proposal.pk)
        return Response(ProposalDetailSerializer(moved, context=self.get_serializer_context()).data)
