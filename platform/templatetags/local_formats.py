"""``{% load local_formats %}``: ``{{ value|number_text }}`` shows a number kept as text in
stored data (a profile's JSON, ``"2.73"``) the reader's way (``2,73``); numbers held as
numbers need nothing, templates localise them already."""

from django import template

from platform import formats

register = template.Library()


@register.filter
def number_text(value):
    return formats.number_text(value)
