"""Who may do what with assessments, as named predicates over ``request.access`` or a user."""

# A state change and the capability of ``tenants.selectors.WorkspaceAccess`` it needs.
ACTION_CAPABILITY = {
    "submit": "can_self_assess",
    "return": "can_verify",
    "verify": "can_verify",
    "finalize": "can_verify",
    "reopen": "can_reopen_assessment",
}


def can_change_state(access, action: str) -> bool:
    capability = ACTION_CAPABILITY.get(action)
    return bool(capability and getattr(access, capability))


def can_view_national_assessments(user) -> bool:
    """Rankings, comparisons and snapshots: ministry staff (admins and analysts) only."""
    return user.is_authenticated and user.is_ministry_staff


def can_manage_frameworks(user) -> bool:
    return user.is_authenticated and user.is_ministry_admin
