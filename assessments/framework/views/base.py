"""What every apex page of assessments shares: who is let in, and the version a URL names."""

from django.http import Http404

from assessments.framework.models import FrameworkVersion, Indicator
from assessments.framework.rules import can_manage_frameworks, can_view_national_assessments
from tenants.views_national import NationalView


class StaffView(NationalView):
    """Ministry staff (admins and analysts) read."""

    rule = staticmethod(can_view_national_assessments)


class AdminView(NationalView):
    """Ministry admins write."""

    rule = staticmethod(can_manage_frameworks)


def access_version(pk: int) -> FrameworkVersion:
    """The version, or 404."""
    try:
        return FrameworkVersion.objects.get(pk=pk)
    except FrameworkVersion.DoesNotExist:
        raise Http404() from None


def access_indicator(version: FrameworkVersion, pk: int | None) -> Indicator | None:
    """An indicator of ``version`` (``None`` when no ``pk`` is given), or 404."""
    if pk is None:
        return None
    try:
        return version.indicators.get(pk=pk)
    except Indicator.DoesNotExist:
        raise Http404() from None
