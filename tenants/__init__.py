"""Public schema: provinces, regions, cohorts, workspaces (the tenants) with their domains,
memberships, and provisioning of workspaces from the migrated template schema."""
