"""Writes inside a workspace (run with the workspace's schema active), one module per area.

Every write to the masterplan goes through here, whoever calls it (a page, the API, an
import, a task): one transaction, the rules of ``programs.rules`` checked, the masterplan's
status checked (content is read-only outside draft), the optimistic lock checked where an
object carries a ``version``, the change kept in history, and the national snapshot asked
to refresh.

- ``bimtek``: the four Bimtek stages (seeded at provisioning), their dates, the reminders.
- ``content``: Buku I/II texts, readiness, SWOT, strategy and action plan.
- ``directory``: OPDs, the Dewan Smart City and Tim Pelaksana, OPD editors' OPDs.
- ``programs``: saving, deleting and restoring a program, its saved versions.
- ``risks``: the risk register of quick wins.
- ``workflow``: the masterplan's status steps.
- ``comments``: comments, mentions and notifications.
- ``workspace``: a new workspace's first content (the national taxonomy, the masterplan row,
  the Bimtek stages).

The names below are the public ones; callers import them from ``programs.services``.
"""

from programs.services.bimtek import (
    DEFAULT_STAGE_MONTHS,
    REMINDER_DAYS_AHEAD,
    STAGE_TITLES,
    send_bimtek_reminders,
    update_bimtek_stage,
)
from programs.services.comments import (
    add_comment,
    mark_notifications_read,
    mentioned_users,
    notify,
    resolve_comment,
)
from programs.services.common import StaleContentError, StaleVersionError
from programs.services.content import (
    STRATEGY_FIELDS,
    update_masterplan_text,
    update_readiness,
    update_strategy,
    update_swot,
)
from programs.services.directory import assign_opd_editor, delete_opd, delete_person, save_opd, save_person
from programs.services.programs import (
    PROGRAM_FIELDS,
    delete_program,
    indicator_snapshot,
    program_data_from_snapshot,
    program_snapshot,
    restore_program_revision,
    save_program,
    validate_program_data,
)
from programs.services.risks import RISK_FIELDS, delete_risk, save_risk
from programs.services.workflow import REFUSALS, TRANSITIONS, allowed_actions, transition_masterplan
from programs.services.workspace import copy_national_taxonomy, seed_workspace

__all__ = [
    "DEFAULT_STAGE_MONTHS",
    "PROGRAM_FIELDS",
    "REFUSALS",
    "REMINDER_DAYS_AHEAD",
    "RISK_FIELDS",
    "STAGE_TITLES",
    "TRANSITIONS",
    "STRATEGY_FIELDS",
    "StaleContentError",
    "StaleVersionError",
    "add_comment",
    "copy_national_taxonomy",
    "allowed_actions",
    "assign_opd_editor",
    "delete_opd",
    "delete_person",
    "delete_program",
    "delete_risk",
    "indicator_snapshot",
    "mark_notifications_read",
    "mentioned_users",
    "notify",
    "program_data_from_snapshot",
    "program_snapshot",
    "resolve_comment",
    "restore_program_revision",
    "save_opd",
    "save_person",
    "save_program",
    "save_risk",
    "seed_workspace",
    "send_bimtek_reminders",
    "transition_masterplan",
    "update_bimtek_stage",
    "update_masterplan_text",
    "update_readiness",
    "update_strategy",
    "update_swot",
    "validate_program_data",
]
