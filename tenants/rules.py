"""Who may do what in the national layer, as named predicates."""


def can_view_registry(user) -> bool:
    return user.is_authenticated and user.is_active


def can_manage_cohorts(user) -> bool:
    return user.is_authenticated and user.is_ministry_admin
