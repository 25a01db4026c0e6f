"""Showcase decks (public schema): the ministry's one deck template, as data, and the jobs
that build a PPTX and a PDF deck per region from its submitted profile, or all of them at
once (a ZIP and one combined PDF in agenda order)."""
