"""The REST API (``/api/v1/``): national resources on the apex host, the workspace's own
resources on region hosts, documented by OpenAPI (drf-spectacular)."""
