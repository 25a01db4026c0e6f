"""Workspace API of the masterplan (``/api/v1/`` on region hosts).

OPDs, programs with their indicators, funding and milestones (nested), risks of quick wins
(a sub-resource), the reference dimensions and funding sources, and the masterplan status
with its workflow. Reads: any member. Writes go through ``programs.services`` with the same
rules as the pages: ``HostAccessPermission`` checks the same capability as the page, and
a write fetches its object with the same fetch-for-action helper as the page
(``programs.access``), so an object the caller may not change is a 404, like a missing one
(an OPD editor and another OPD's program). A refused step that is not about reaching an
object (a workflow step the role may not take) stays 403 with the reason; validation errors
are 400 with field messages; a stale ``version`` is 409.

``serializers`` (input and output), ``filters`` (the program list's filters and queryset),
``views`` (the endpoints, routed by ``programs.api_urls``).
"""

from programs.api.filters import ProgramFilter, program_queryset
from programs.api.serializers import (
    BimtekStageSerializer,
    DimensionSerializer,
    FundingSerializer,
    FundingSourceSerializer,
    IndicatorSerializer,
    MasterplanSerializer,
    MilestoneSerializer,
    OpdSerializer,
    ProgramInputSerializer,
    ProgramSerializer,
    RiskSerializer,
    SubDimensionSerializer,
    TransitionInputSerializer,
    TransitionSerializer,
)
from programs.api.views import (
    BimtekStageListView,
    DimensionListView,
    FundingSourceListView,
    MasterplanTransitionListView,
    MasterplanView,
    OpdDetailView,
    OpdListView,
    ProgramDetailView,
    ProgramListView,
    RiskDetailView,
    RiskListView,
    actor_of,
)

__all__ = [
    "BimtekStageSerializer",
    "DimensionSerializer",
    "FundingSerializer",
    "FundingSourceSerializer",
    "IndicatorSerializer",
    "MasterplanSerializer",
    "MilestoneSerializer",
    "OpdSerializer",
    "ProgramInputSerializer",
    "ProgramSerializer",
    "RiskSerializer",
    "SubDimensionSerializer",
    "TransitionInputSerializer",
    "TransitionSerializer",
    "BimtekStageListView",
    "DimensionListView",
    "FundingSourceListView",
    "MasterplanTransitionListView",
    "MasterplanView",
    "OpdDetailView",
    "OpdListView",
    "ProgramDetailView",
    "ProgramFilter",
    "ProgramListView",
    "RiskDetailView",
    "RiskListView",
    "actor_of",
    "program_queryset",
]
