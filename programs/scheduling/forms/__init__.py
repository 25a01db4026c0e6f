"""Forms of the national plan, one module per part (registry, plans, workshops, workspace)."""
