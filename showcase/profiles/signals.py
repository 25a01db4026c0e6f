"""Signals of the public profiles.

``submission_changed`` is sent after commit whenever a region's ``Submission`` is created or
changes (``revision`` grew), with ``submission`` and ``created``: the deck builder connects
to it to rebuild that region's deck.
"""

from django.dispatch import Signal

submission_changed = Signal()
