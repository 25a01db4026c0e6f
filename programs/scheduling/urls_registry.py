"""URLs: filled by the part of the national plan that owns this file."""

urlpatterns = []
