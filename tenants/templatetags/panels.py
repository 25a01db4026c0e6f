"""``{% panels "slot" %}`` and ``{% nav "menu" %}``: what other apps registered for a slot or a
menu of this page, rendered inside the page's own context (its context processors ran once)."""

from django import template
from django.urls import reverse
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
    """The links apps put in a menu of the base page (``tenants.panels.register_nav_link``), the
    current page's marked: the link named by the request's URL name, else the one whose path is
    the longest prefix of the request's path (the home link only on the home page itself)."""
    request = context.get("request")
    links = [{"link": x, "href": reverse(x.url_name) if x.url_name else ""} for x in nav_links(slot, request)]
    match = getattr(request, "resolver_match", None)
    current = next((item for item in links if match and item["link"].url_name == match.view_name), None)
    if current is None and request is not None:
        prefixes = [item for item in links if item["href"] not in ("", "/") and request.path.startswith(item["href"])]
        current = max(prefixes, key=lambda item: len(item["href"]), default=None)
    for item in links:
        item["current"] = item is current
    return {**context.flatten(), "links": links}
