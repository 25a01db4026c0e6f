"""Both OpenAPI schemas are generated without a warning: two serializers sharing a component
name, or two operations sharing an id, give clients a wrong schema without failing anything
else."""

import pytest
from django.core.management import call_command


@pytest.mark.parametrize("urlconf", ["api.urls_national_schema", "api.urls_workspace_schema"])
def test_the_schema_is_generated_without_warnings(urlconf, tmp_path):
    call_command("spectacular", "--urlconf", urlconf, "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").stat().st_size > 1000
