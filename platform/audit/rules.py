"""Who reads the audit log: ministry admins only (analysts see figures, not who did what)."""


def can_view_audit_log(user) -> bool:
    return user.is_authenticated and user.is_ministry_admin
