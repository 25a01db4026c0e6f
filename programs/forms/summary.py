"""The error summary at the top of a page with several forms (GOV.UK's pattern): every
problem of the page once, each linked to the field it is about, so a person who pressed
"Simpan" sees at once what to fix and reaches each field with one click."""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    target: str  # the id of the element the link leads to; "" for a problem of the whole form
    label: str
    message: str


def _field_target(bound_field) -> str:
    return bound_field.id_for_label or bound_field.auto_id or ""


def _form_problems(form, *, prefix: str = "") -> list[Problem]:
    problems = [Problem("", prefix, str(message)) for message in form.non_field_errors()]
    for name, messages in form.errors.items():
        if name == "__all__" or name not in form.fields:
            continue
        bound = form[name]
        label = capfirst(str(bound.label))
        problems += [
            Problem(_field_target(bound), f"{prefix} – {label}" if prefix else label, str(m)) for m in messages
        ]
    return problems


def error_summary(form, *formsets) -> list[Problem]:
    """The problems of ``form`` and of each ``(title, anchor, formset)``, in page order."""
    problems = _form_problems(form)
    for title, anchor, formset in formsets:
        problems += [Problem(anchor, str(title), str(message)) for message in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            if row.errors:
                prefix = _("%(title)s, baris %(number)s") % {"title": title, "number": number}
                problems += _form_problems(row, prefix=prefix)
    return problems
