import datetime

import factory

from thidua.organization.enums import Category, Gender, Role, UnitKind
from thidua.organization.models import Membership, Person, Unit, User

PASSWORD = "mat-khau-thu-nghiem-2026"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"U{n:03d}")
    name = factory.Sequence(lambda n: f"Phòng số {n}")
    kind = UnitKind.DIVISION


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    code = factory.Sequence(lambda n: f"P{n:04d}")
    full_name = factory.Sequence(lambda n: f"Trần Văn Số {n}")
    unit = factory.SubFactory(UnitFactory)
    category = Category.CONG_CHUC
    gender = Gender.MALE
    birth_date = datetime.date(1985, 5, 17)


def account(username: str, person: Person, *roles: tuple[str, Unit]) -> User:
    """An account linked to `person`, holding each (role, unit)."""
    user = UserFactory(username=username)
    person.user = user
    person.save(update_fields=["user"])
    for role, unit in roles:
        Membership.objects.create(user=user, role=role, unit=unit)
    return user


__all__ = ["PASSWORD", "Role", "UnitKind", "UnitFactory", "UserFactory", "PersonFactory", "account"]
