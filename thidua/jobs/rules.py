from thidua.organization import rules


def sees_every_job(user) -> bool:
    """The office runs the department's jobs; anyone else sees the jobs they started."""
    return rules.is_admin(user) or rules.is_office(user)
