"""Panels: how a domain app shows a part of its own on a page of the core.

The core's pages (the workspace home, the region page of the national layer) name *slots*;
an app registers, in its ``AppConfig.ready``, a panel for a slot: a template and a context
function. The page renders every panel of the slot in order with ``{% panels "slot" %}``.
The core never imports an app to draw its part (``pretalx`` plugins answer a signal the
same way).

A context function gets the request and the page's own context and returns the panel's
context, or ``None`` when the panel has nothing to show (it is then left out).
"""

from collections.abc import Callable
from dataclasses import dataclass

# Slots of the core's pages.
WORKSPACE_HOME_FACTS = "workspace_home.facts"  # beside the region's card, in its grid
WORKSPACE_HOME = "workspace_home"  # below the grid, above the members
REGION_DETAIL = "region_detail"  # the region page of the national layer (ministry staff)
WORKSPACE_HEAD = "head.workspace"  # the <head> of every workspace page (an app's stylesheet)
NATIONAL_HOME = "national_home"  # the apex home (the registry), below "my workspaces"
NATIONAL_HEAD = "head.national"  # the <head> of every apex page (an app's stylesheet)
SLOTS = (WORKSPACE_HOME_FACTS, WORKSPACE_HOME, REGION_DETAIL, WORKSPACE_HEAD, NATIONAL_HOME, NATIONAL_HEAD)


@dataclass(frozen=True)
class Panel:
    slot: str
    template: str
    context: Callable[..., dict | None]
    order: int = 100


_registry: dict[str, list[Panel]] = {slot: [] for slot in SLOTS}


def register_panel(*, slot: str, template: str, context: Callable[..., dict | None], order: int = 100) -> Panel:
    """Show ``template`` in ``slot``, with the context ``context(request, page_context)`` returns."""
    if slot not in _registry:
        raise ValueError(f"unknown panel slot {slot!r}; slots: {', '.join(SLOTS)}")
    panel = Panel(slot=slot, template=template, context=context, order=order)
    if panel not in _registry[slot]:
        _registry[slot].append(panel)
        _registry[slot].sort(key=lambda p: p.order)
    return panel


def panels_of(slot: str) -> list[Panel]:
    return list(_registry[slot])


# --- navigation -------------------------------------------------------------------------------

NAV_WORKSPACE = "nav.workspace"  # the menu of a workspace host
NAV_NATIONAL = "nav.national"  # the menu of the national layer
NAV_SLOTS = (NAV_WORKSPACE, NAV_NATIONAL)


@dataclass(frozen=True)
class NavLink:
    label: str  # a lazy translation
    url_name: str = ""  # reversed on the page; or
    template: str = ""  # a template of its own (e.g. a link with a live count)
    order: int = 100
    visible: Callable[..., bool] | None = None  # visible(request); None: every signed-in user


_nav: dict[str, list[NavLink]] = {slot: [] for slot in NAV_SLOTS}


def register_nav_link(*, slot: str, label, url_name: str = "", template: str = "", order: int = 100, visible=None):
    """Put a link in a menu of the core's base page: by URL name, or a template of its own."""
    if slot not in _nav:
        raise ValueError(f"unknown menu {slot!r}; menus: {', '.join(NAV_SLOTS)}")
    if bool(url_name) == bool(template):
        raise ValueError("a menu link has a URL name or a template, not both")
    link = NavLink(label=label, url_name=url_name, template=template, order=order, visible=visible)
    if link not in _nav[slot]:
        _nav[slot].append(link)
        _nav[slot].sort(key=lambda item: item.order)
    return link


def nav_links(slot: str, request) -> list[NavLink]:
    return [link for link in _nav[slot] if link.visible is None or link.visible(request)]
