"""Who defines indicators and who records a unit's values. Built on
`organization.rules`; pages, the Excel import and the API all ask these."""

from thidua.organization import rules
from thidua.organization.enums import Role, UnitKind

# Units that record results and figures themselves; the province, the agency as a
# whole and its leadership do not.
NOT_RECORDING = [UnitKind.PROVINCE, UnitKind.AGENCY, UnitKind.LEADERSHIP]


def can_define(user) -> bool:
    """Indicators and their targets are set by the department office."""
    return rules.is_admin(user) or rules.is_office(user)


def can_record_values(user, unit) -> bool:
    """A unit's head records its figures; the office may record or correct any unit's."""
    return (can_define(user) and rules.can_see_unit(user, unit)) or rules.heads_unit(user, unit)


def recording_units(user):
    """The units whose figures the account may record."""
    from thidua.organization.models import Unit

    if can_define(user):
        return Unit.objects.visible_to(user).exclude(kind__in=NOT_RECORDING)
    return Unit.objects.filter(pk__in=rules.units_with_role(user, Role.UNIT_HEAD))
