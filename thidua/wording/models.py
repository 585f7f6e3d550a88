"""The office's versions of the documents' fixed texts, and the legal bases every
decision cites (the issuer's functions decision, the province's regulation on thi đua,
khen thưởng, the council's Quy chế). Rows are only added, never changed: the latest
row is in force and the earlier ones are the history."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acting_user
from thidua.core.naming import named


class WordingQuerySet(models.QuerySet):
    def in_force(self, document) -> dict[str, str]:
        """{text key: the office's text} for the texts the office has changed and not
        reset; one query."""
        found: dict[str, str] = {}
        seen: set[str] = set()
        for key, text, is_default in (
            self.filter(document=document.key).order_by("-id").values_list("key", "text", "is_default")
        ):
            if key not in seen:
                seen.add(key)
                if not is_default:
                    found[key] = text
        return found


class Wording(models.Model):
    """One version of one text of one document type."""

    document = models.CharField(_("loại văn bản"), max_length=64)
    key = models.CharField(_("đoạn văn"), max_length=64)
    text = models.TextField(_("nội dung"), blank=True)
    is_default = models.BooleanField(_("khôi phục mặc định"), default=False)
    created_by = acting_user(_("người sửa"))
    created_at = models.DateTimeField(_("thời điểm sửa"), auto_now_add=True)

    objects = WordingQuerySet.as_manager()

    class Meta(named(_("câu chữ văn bản"))):
        ordering = ["-id"]
        indexes = [models.Index(fields=["document", "key"], name="wording_document_key")]

    def __str__(self) -> str:
        return f"{self.document}.{self.key}"


class BasisKind(models.TextChoices):
    FUNCTIONS = "functions", _("Quyết định quy định chức năng, nhiệm vụ, quyền hạn của Sở")
    PROVINCE = "province", _("Quy định của UBND tỉnh về công tác thi đua, khen thưởng")
    COUNCIL = "council", _("Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng")


class LegalBasisQuerySet(models.QuerySet):
    def in_force(self) -> dict[str, "LegalBasis"]:
        """{kind: the latest basis recorded}; one query."""
        found: dict[str, LegalBasis] = {}
        for basis in self.order_by("-id"):
            found.setdefault(basis.kind, basis)
        return found


class LegalBasis(models.Model):
    """A decision cited in the Căn cứ lines, by number and date: "Căn cứ Quyết định số
    {number} ngày … của {issuer} {subject};"."""

    kind = models.CharField(_("căn cứ"), max_length=16, choices=BasisKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=64)
    signed_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan, người ban hành"), max_length=200)
    subject = models.CharField(_("trích yếu"), max_length=500)
    created_by = acting_user(_("người ghi"))
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    objects = LegalBasisQuerySet.as_manager()

    class Meta(named(_("căn cứ pháp lý"))):
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.number}"

    def line(self) -> str:
        from thidua.documents.nd30 import date_words

        return f"Căn cứ Quyết định số {self.number} {date_words(self.signed_on)} của {self.issuer} {self.subject};"


def cited_bases(*kinds: str) -> list[str]:
    """The Căn cứ lines of the bases recorded among `kinds`, in that order (a basis not
    recorded yet is left out, and the office's pages say it is missing)."""
    recorded = LegalBasis.objects.in_force()
    return [recorded[kind].line() for kind in kinds if kind in recorded]
