"""``{% panels "slot" %}``: render the panels other apps registered for a slot of this page."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from tenants.panels import nav_links, panels_of

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot: str) -> SafeString:
    request = context.get("request")
    page = context.flatten()
    html = []
    for panel in panels_of(slot):
        extra = panel.context(request, page)
        if extra is None:
            continue
        html.append(get_template(panel.template).render({**page, **extra}, request))
    return mark_safe("".join(html))  # each part is a rendered (auto-escaping) template


@register.inclusion_tag("tenants/_nav.html", takes_context=True)
def nav(context, slot: str) -> dict:
    """The links apps put in a menu of the base page (``tenants.panels.register_nav_link``)."""
    return {**context.flatten(), "links": nav_links(slot, context.get("request"))}
