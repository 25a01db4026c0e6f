"""Apex URLs of the assessments app: frameworks, ranking, comparison (included at the root)."""

urlpatterns: list = []
