"""Tenant schema: the region's masterplan workspace.

So far it holds the region's Bimtek year (the four technical-guidance stages and their
dates), which the workspace home uses to say what comes next.
"""
