"""National API of assessments (apex host, ministry staff only), one module per area:
``snapshots`` (region snapshots and the national ranking) and ``versions`` (framework versions
as JSON, the structure of their YAML file)."""
