"""What every apex page of assessments shares: who is let in, and the version a URL names."""

from django.shortcuts import get_object_or_404

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
    return get_object_or_404(FrameworkVersion, pk=pk)


def access_indicator(version: FrameworkVersion, pk: int | None) -> Indicator | None:
    """An indicator of ``version`` (``None`` when no ``pk`` is given), or 404."""
    return None if pk is None else get_object_or_404(Indicator, pk=pk, version=version)
