"""Who may do what with the showcase.

- Ministry admins create a cohort's showcase, lay out and publish its agenda, and run the day.
- Ministry analysts read every showcase, published or not.
- Everyone, signed in or not, reads a published agenda and the profiles it links to.
"""


def can_manage_showcase(user) -> bool:
    return user.is_authenticated and user.is_ministry_admin


def can_view_showcase(user) -> bool:
    return user.is_authenticated and user.is_ministry_staff
