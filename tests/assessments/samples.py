"""URL parameter samples of the assessments app for the isolation walk (see tests/test_isolation.py).

Called with the Probolinggo schema active: a cycle with a response and an evidence file.
"""

from django.core.files.base import ContentFile

from tenants.access import SYSTEM


def samples(world, workspace) -> dict:
    from assessments import services
    from assessments.framework.services import seed_standard_versions
    from assessments.models import AssessmentCycle, Evidence

    version = seed_standard_versions()[1]
    cycle = AssessmentCycle.objects.filter(year=2030, stage=1).first() or services.start_cycle(
        framework_version=version, year=2030, stage=1, actor=SYSTEM
    )
    # A published national ranking (public tables) for the page every member may read.
    from assessments.framework.models import RankingPublication, RegionSnapshot

    RegionSnapshot.objects.get_or_create(
        region_id="35.74", year=2021, stage=2, defaults={"source": "imported", "overall": "2.73", "rank": 1}
    )
    RankingPublication.objects.get_or_create(year=2021, stage=2)
    response = cycle.responses.order_by("pk").first()
    evidence = response.files.first()
    if evidence is None:
        evidence = Evidence(response=response, name="bukti.pdf", content_type="application/pdf", size=9)
        evidence.file.save("bukti.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
        evidence.save()
    return {
        "cycle_pk": cycle.pk,
        "response_pk": response.pk,
        "evidence_pk": evidence.pk,
        "version_pk": version.pk,
        "period": "2021-2",
        "component": "baseline",
        "cycle_year": 2030,
        "cycle_stage": 1,
    }
