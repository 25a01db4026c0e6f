"""Who may read the masterplans of every region: ministry staff (admins and analysts)."""


def can_view_national_masterplans(user) -> bool:
    return user.is_authenticated and user.is_ministry_staff
