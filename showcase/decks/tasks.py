"""Background jobs of the decks (thin: the job's id in, ``building.run_build`` does the work)."""

from celery import shared_task


@shared_task(name="showcase.decks.tasks.build_decks", acks_late=True)
def build_decks(build_id: int) -> dict:
    from showcase.decks.building import run_build

    build = run_build(build_id)
    return {"build": build_id, "status": build.status if build else "missing"}
