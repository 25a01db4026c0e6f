"""Demo data of assessments for the local stack (called by ``seed_demo``); idempotent.

The two guideline versions, published results of past years for the demo regions (Kota
Probolinggo's 3.17 in 2019 and 2.73 in 2021 are real; the others are illustrative), and
one final 2022 cycle of Kota Probolinggo computed from scores, every demo workspace's
masterplan figures, and the 2021 ranking published to the regions.
"""

import io
from decimal import Decimal

from django.core.management import call_command
from django_tenants.utils import tenant_context

from assessments.framework.models import Indicator
from assessments.framework.services import import_published_results, publish_ranking, seed_standard_versions
from tenants.access import SYSTEM

HISTORY_CSV = """region_code,year,stage,overall,rank,component:baseline,component:output
35.74,2019,2,"3,17",12,"3,40","3,10"
35.74,2021,2,"2,73",41,"2,90","2,60"
35.75,2019,2,"2,95",20,"3,00","2,80"
35.75,2021,2,"3,05",30,"3,20","3,00"
35.13,2019,2,"2,41",38,,
35.13,2021,2,"2,88",35,,
33.72,2021,2,"3,31",18,,
51.71,2021,2,"3,48",9,,
"""

# Self and verified scores of the demo cycle, by component (same for every dimension).
DEMO_SCORES = {"baseline": "3.5", "output": "3", "outcome": "2.75", "impact": "2.5", "quick_win": "3.25"}


def seed_demo_assessments() -> None:
    from assessments.models import AssessmentCycle
    from assessments.snapshots import refresh_region_snapshot
    from tenants.models import Workspace

    versions = seed_standard_versions()
    import_published_results(actor=SYSTEM, filename="demo.csv", content=HISTORY_CSV.encode())
    workspace = Workspace.objects.filter(region_id="35.74").first()
    if workspace is None:
        return
    version = next(v for v in versions if v.code == "pedoman-2022")
    with tenant_context(workspace):
        if not AssessmentCycle.objects.filter(year=2022, stage=2).exists():
            _final_demo_cycle(version)
        refresh_region_snapshot()
    # Every demo workspace reports its masterplan to the national layer, and the ministry has
    # published the 2021 ranking, which the regions read in their workspaces.
    call_command("rebuild_snapshots", stdout=io.StringIO())
    publish_ranking(actor=SYSTEM, year=2021, stage=2)


def _final_demo_cycle(version) -> None:
    """Kota Probolinggo's 2022 Tahap II, self-assessed, verified and final (by the platform:
    no request, so no actor)."""
    from assessments import services

    cycle = services.start_cycle(actor=SYSTEM, framework_version=version, year=2022, stage=2)
    codes = dict(Indicator.objects.filter(version=version).values_list("pk", "component__code"))
    for response in cycle.responses.all():
        score = Decimal(DEMO_SCORES[codes[response.indicator_id]])
        services.save_self_assessment(
            actor=SYSTEM, response=response, score=score, evidence_text="Laporan kinerja OPD 2022", evidence_links=""
        )
    services.change_state(actor=SYSTEM, cycle=cycle, action="submit")
    for response in cycle.responses.all():
        services.save_verification(actor=SYSTEM, response=response, score=response.self_score, notes="")
    services.change_state(actor=SYSTEM, cycle=cycle, action="verify")
    services.change_state(actor=SYSTEM, cycle=cycle, action="finalize")
