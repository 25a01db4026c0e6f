"""Services of the national plan (re-exported here; callers import from this package)."""

from programs.scheduling.services.access import sync_plan_access, sync_region_access
from programs.scheduling.services.people import register_facilitator
from programs.scheduling.services.plans import (
    assigned_workshops,
    confirm_version,
    edit_workshop,
    open_plan,
    update_plan,
)
from programs.scheduling.services.registry import (
    add_holiday,
    add_unavailability,
    add_wish,
    delete_facilitator,
    delete_holiday,
    delete_unavailability,
    delete_wish,
    save_facilitator,
    seed_travel_times,
    set_travel_days,
)
from programs.scheduling.services.solving import (
    edit_warnings,
    instance_from_plan,
    run_solve,
    start_solve,
    warnings,
    workshop_warnings,
)
from programs.scheduling.services.versions import diff, record_version, snapshot

__all__ = [
    "add_holiday",
    "add_unavailability",
    "add_wish",
    "assigned_workshops",
    "confirm_version",
    "delete_facilitator",
    "delete_holiday",
    "delete_unavailability",
    "delete_wish",
    "diff",
    "edit_warnings",
    "edit_workshop",
    "instance_from_plan",
    "open_plan",
    "record_version",
    "register_facilitator",
    "run_solve",
    "save_facilitator",
    "seed_travel_times",
    "set_travel_days",
    "snapshot",
    "start_solve",
    "sync_plan_access",
    "sync_region_access",
    "update_plan",
    "warnings",
    "workshop_warnings",
]
