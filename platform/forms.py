"""Turning a service's ``ValidationError`` into what a page shows: written once, used by every view.

Services validate and raise ``ValidationError`` (a dict of field → messages, or plain
messages); a form view puts each message on its field, or on the form when the field is not
one of the form's; a view without a form shows the messages as flash messages.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError


def add_service_errors(form, exc: ValidationError) -> None:
    """Put the messages of ``exc`` on ``form``: on their field when the form has it, else on the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def flash_service_errors(request, exc: ValidationError, *, level: int = messages.ERROR) -> None:
    """Show every message of ``exc`` as a message of the next page (an error unless ``level`` says)."""
    for message in exc.messages:
        messages.add_message(request, level, message)
