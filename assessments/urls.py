"""Workspace URLs of the assessments app (included at the root of a workspace host)."""

urlpatterns: list = []
