"""The masterplan's workflow: draft → submitted → approved or returned → published, and a
new revision; who may take which step, the log of every step and who is told. Submitting,
approving and publishing while checklist items fail needs an explicit acknowledgement and a
reason; both, and the failing items, are kept in the log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import gettext_noop, ngettext, override

from platform.audit import record
from programs import checklist, rules, selectors
from programs.models import Masterplan, MasterplanTransition
from programs.rules import Actor
from programs.services.comments import members_with_role, notify
from programs.services.common import changed, refuse_unless, save

S = Masterplan.Status
A = MasterplanTransition.Action
# action -> (statuses it starts from, status it leads to, who may)
TRANSITIONS = {
    A.SUBMIT: ((S.DRAFT,), S.SUBMITTED, rules.can_edit_masterplan),
    A.APPROVE: ((S.SUBMITTED,), S.APPROVED, rules.can_review),
    A.RETURN: ((S.SUBMITTED,), S.DRAFT, rules.can_review),
    A.PUBLISH: ((S.APPROVED,), S.PUBLISHED, rules.can_edit_masterplan),
    A.REOPEN: ((S.APPROVED, S.PUBLISHED), S.DRAFT, rules.can_edit_masterplan),
}
# the steps that show the failing checklist items and ask for a confirmation with a reason
GUARDED = (A.SUBMIT, A.APPROVE, A.PUBLISH)
REFUSALS = {
    A.SUBMIT: gettext_noop("Hanya admin daerah yang dapat mengajukan masterplan."),
    A.APPROVE: gettext_noop("Hanya Dewan Smart City yang dapat menyetujui masterplan."),
    A.RETURN: gettext_noop("Hanya Dewan Smart City yang dapat mengembalikan masterplan."),
    A.PUBLISH: gettext_noop("Hanya admin daerah yang dapat menerbitkan masterplan."),
    A.REOPEN: gettext_noop("Hanya admin daerah yang dapat membuka revisi baru."),
}


def allowed_actions(*, actor: Actor, masterplan: Masterplan) -> list[str]:
    return [a for a, (sources, _to, may) in TRANSITIONS.items() if masterplan.status in sources and may(actor)]


@transaction.atomic
def transition_masterplan(
    *, actor: Actor, action: str, reason: str = "", acknowledge_failing: bool = False
) -> Masterplan:
    """Move the masterplan along its workflow; every step is logged with who, when and why.
    A guarded step (``GUARDED``) with checklist items failing goes ahead only with
    ``acknowledge_failing`` and a ``reason``; the failing items are logged with it."""
    if action not in TRANSITIONS:
        raise ValidationError({"action": _("Tindakan tidak dikenal.")})
    sources, target, may = TRANSITIONS[action]
    refuse_unless(may(actor), _(REFUSALS[action]))
    masterplan = Masterplan.objects.select_for_update().get(pk=selectors.masterplan().pk)
    if masterplan.status not in sources:
        raise ValidationError(
            _("Masterplan berstatus %(status)s; tindakan ini tidak berlaku.")
            % {"status": masterplan.get_status_display().lower()}
        )
    reason = reason.strip()
    if action == A.RETURN and not reason:
        raise ValidationError({"reason": _("Tuliskan alasan pengembalian agar tim dapat memperbaikinya.")})
    failing = _failing_items(action=action, acknowledged=acknowledge_failing, reason=reason)
    log = MasterplanTransition(
        action=action,
        from_status=masterplan.status,
        to_status=target,
        reason=reason,
        failed_items=failing,
        by=actor.user,
    )
    if action == A.REOPEN:
        masterplan.revision += 1
    masterplan.status = target
    masterplan.updated_at = timezone.now()
    save(masterplan, actor.user)
    log.revision = masterplan.revision
    log.save()
    if action == A.PUBLISH:
        record("published", actor=actor, target=format_lazy("{} {}", _lazy("Masterplan revisi"), masterplan.revision))
    _notify_transition(actor=actor, action=action, masterplan=masterplan, reason=reason)
    changed()
    return masterplan


def _failing_items(*, action: str, acknowledged: bool, reason: str) -> list[dict]:
    """The checklist items failing before ``action`` (label and gap in the site's language, as
    the log keeps them; ``MasterplanTransition.failed_items_shown`` reads them in the reader's),
    once the step is confirmed with a reason; refused otherwise."""
    if action not in GUARDED:
        return []
    with override(settings.LANGUAGE_CODE):
        items = [{"label": item.label, "gap": item.gap} for item in checklist.failing_before(action)]
    if not items:
        return []
    if not acknowledged:
        raise ValidationError(
            {
                "acknowledge_failing": ngettext(
                    "%(n)s butir daftar periksa belum terpenuhi. Centang konfirmasi untuk tetap melanjutkan.",
                    "%(n)s butir daftar periksa belum terpenuhi. Centang konfirmasi untuk tetap melanjutkan.",
                    len(items),
                )
                % {"n": len(items)}
            }
        )
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan melanjutkan walau butir daftar periksa belum terpenuhi.")})
    return items


def _notify_transition(*, actor: Actor, action: str, masterplan: Masterplan, reason: str) -> None:
    """Submitting tells the Dewan Smart City; approving or returning tells the region admins."""
    from tenants.models import Membership

    if action == A.SUBMIT:
        users, key = members_with_role(Membership.Role.COUNCIL), "masterplan.submitted"
    elif action in (A.APPROVE, A.RETURN):
        users = members_with_role(Membership.Role.REGION_ADMIN)
        key = "masterplan.approved" if action == A.APPROVE else "masterplan.returned"
    else:
        return
    notify(
        users=[u for u in users if u.pk != actor.user.pk],
        key=key,
        params={"rev": masterplan.revision},
        url="/masterplan/",
        body=reason,
    )
