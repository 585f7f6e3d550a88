"""Units (a tree: province → agency → divisions and units), people, accounts and the
roles people hold in a unit."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.choices import ChoiceLabels
from thidua.core.db_functions import Fold
from thidua.core.fields import optional_link
from thidua.core.naming import named
from thidua.core.text import fold
from thidua.organization.enums import Category, Gender, PersonKind, Role, UnitKind
from thidua.organization.tree import UnitTree


class User(AbstractUser):
    """A sign-in account. What the account may see comes from its memberships."""

    # Set on the demo accounts, which share one published password: outside demo mode
    # their owner must choose a password of their own before anything else.
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)

    class Meta(named(_("tài khoản"))):
        pass

    def __str__(self) -> str:
        """The account as the office knows its owner (the change history names the
        object by this): the linked person's name, else the account's full name, the
        login name only for an account with neither."""
        try:
            return self.person.full_name
        except ObjectDoesNotExist:
            return self.get_full_name() or self.username


class UnitQuerySet(models.QuerySet):
    def subtree_ids(self, roots) -> set[int]:
        """Ids of `roots` and every unit under them, from one query (`tree.UnitTree`)."""
        return UnitTree().subtree(roots)

    def visible_to(self, user) -> "UnitQuerySet":
        from thidua.organization import rules

        return self.filter(rules.in_scope(rules.unit_scope(user), "id"))


class Unit(models.Model):
    code = models.CharField(_("mã đơn vị"), max_length=32, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices, default=UnitKind.DIVISION)
    parent = optional_link("self", _("đơn vị cấp trên"), on_delete=models.PROTECT, related_name="children")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    objects = UnitQuerySet.as_manager()

    class Meta(named(_("đơn vị"))):
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PersonQuerySet":
        from thidua.organization import rules

        scope = rules.unit_scope(user)
        if rules.covers_all(scope):
            return self
        own = rules.person_of(user)
        return self.filter(models.Q(unit_id__in=scope) | models.Q(pk=own.pk if own else None))

    def current(self) -> "PersonQuerySet":
        """People who may still be picked (as author, owner, subject…): not anonymised."""
        return self.filter(anonymised_at__isnull=True)

    def search(self, text: str) -> "PersonQuerySet":
        """Diacritic-insensitive: "nguyen van" finds "Nguyễn Văn", "d" finds "đ"."""
        words = fold(text).split()
        if not words:
            return self
        qs = self.annotate(_folded=Fold("full_name"))
        for word in words:
            qs = qs.filter(models.Q(_folded__contains=word) | models.Q(code__iexact=word))
        return qs


class Person(ChoiceLabels):
    code = models.CharField(_("mã cán bộ"), max_length=32, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=200)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="people", verbose_name=_("đơn vị"))
    category = models.CharField(_("đối tượng"), max_length=20, choices=Category.choices)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=50, blank=True, default="Kinh")
    email = models.EmailField(_("thư điện tử"), blank=True)
    user = optional_link(
        User, _("tài khoản"), on_delete=models.SET_NULL, field=models.OneToOneField, related_name="person"
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    # Set once, when the office anonymises someone who has left (`anonymisation.py`).
    anonymised_at = models.DateTimeField(_("thời điểm ẩn danh hóa"), null=True, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta(named(_("cán bộ"))):
        ordering = ["unit__order", "full_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def kind(self) -> PersonKind:
        """Cán bộ, công chức, viên chức or "Đối tượng khác": which individual criterion
        of the plan the person is scored on."""
        return PersonKind.of(self.category)


class Membership(models.Model):
    """A role held by an account in a unit: the office role in the department office,
    the head role in a division, and so on. Access is derived from these rows only."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("tài khoản"))
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("đơn vị"))

    class Meta(named(_("vai trò"))):
        constraints = [models.UniqueConstraint(fields=["user", "role", "unit"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class PersonOrUnit(models.Model):
    """Base of a row about either a person or a unit: exactly one is set, which the
    model's constraints say with `core.fields.one_subject`."""

    person = optional_link(Person, _("cá nhân"), on_delete=models.PROTECT, related_name="+")
    unit = optional_link(Unit, _("tập thể"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True

    @property
    def subject(self) -> Person | Unit:
        return self.person or self.unit
