"""Who sees a region's submitted showcase profile.

- Everyone, signed in or not, once the showcase has a published agenda version and the
  region has submitted (``is_public``).
- Ministry staff (admins and analysts) before that, as a preview.
"""


def can_preview_profiles(user) -> bool:
    return user.is_authenticated and user.is_ministry_staff
