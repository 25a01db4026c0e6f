"""Workspace pages of the masterplan app, one module per area (``programs.urls`` maps them)."""
