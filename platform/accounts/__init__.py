"""Global accounts: one login (e-mail + password) for every host, plus national roles.

Roles inside a region live on memberships (``tenants.Membership``); this app only knows who
a person is and whether they are ministry staff.
"""
