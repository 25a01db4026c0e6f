"""Background jobs of the tenancy layer (thin: load ids, call a service)."""

import logging

from celery import shared_task
from django.db.models import F
from django.utils import timezone

from tenants import services
from tenants.models import ProvisioningJob, Region

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True)
def provision_cohort_job(self, job_id: int) -> dict:
    """Provision every region of a job's cohort, updating the job's progress as it goes."""
    job = ProvisioningJob.objects.select_related("cohort").get(pk=job_id)
    regions = list(Region.objects.filter(cohort=job.cohort).order_by("code"))
    ProvisioningJob.objects.filter(pk=job_id).update(status=ProvisioningJob.Status.RUNNING, total=len(regions), done=0)

    def progress(region, result):
        ProvisioningJob.objects.filter(pk=job_id).update(done=F("done") + 1)

    try:
        results = services.provision_regions(regions=regions, on_progress=progress)
    except Exception as exc:  # recorded where the admin sees it, then re-raised for the worker log
        ProvisioningJob.objects.filter(pk=job_id).update(
            status=ProvisioningJob.Status.FAILED, error=str(exc), finished_at=timezone.now()
        )
        logger.exception("provisioning job %s failed", job_id)
        raise
    ProvisioningJob.objects.filter(pk=job_id).update(status=ProvisioningJob.Status.DONE, finished_at=timezone.now())
    return {"created": sum(r.created for r in results), "total": len(results)}
