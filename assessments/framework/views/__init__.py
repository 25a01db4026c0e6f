"""Apex pages of assessments, one module per area: framework versions and their indicators,
published history, the national ranking and its publication, comparisons.

Ministry staff only (admins and analysts); anyone else signed in gets 404. Writes
(frameworks, history, publications) are for ministry admins. Pages read public tables only.
"""
