"""Views shared by both hosts: the unknown-workspace page, errors, health."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from tenants.middleware import public_on_workspace_host


def unknown_workspace(request):
    """An unknown subdomain: a friendly page, 404, and no hint of which regions exist."""
    from platform.context_processors import national_url

    return render(
        request,
        "404.html",
        {"national_home_url": national_url("/"), "unknown_host": True},
        status=404,
    )


@never_cache
@public_on_workspace_host
def health(request):
    return HttpResponse("ok", content_type="text/plain")
