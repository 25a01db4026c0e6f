"""``{% panels "slot" %}`` and ``{% nav "menu" %}``: what other apps registered for a slot or a
menu of this page, rendered inside the page's own context (its context processors ran once)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from tenants.panels import nav_links, panels_of

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot: str) -> SafeString:
    request = context.get("request")
    html = []
    for panel in panels_of(slot):
        extra = panel.context(request, context)
        if extra is None:
            continue
        with context.push(extra):
            html.append(context.template.engine.get_template(panel.template).render(context))
    return mark_safe("".join(html))  # each part is a rendered (auto-escaping) template


@register.inclusion_tag("tenants/_nav.html", takes_context=True)
def nav(context, slot: str) -> dict:
    """The links apps put in a menu of the base page (``tenants.panels.register_nav_link``)."""
    return {**context.flatten(), "links": nav_links(slot, context.get("request"))}
