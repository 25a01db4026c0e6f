"""Writes of the public side: framework versions, published history, region snapshots and
ranks, ranking publications. One module per area; the names below are the public ones."""

from assessments.framework.services.editing import (
    delete_indicator,
    replace_version_content,
    save_indicator,
    update_version_settings,
)
from assessments.framework.services.history import (
    HistoryImportResult,
    import_published_results,
    parse_indonesian_decimal,
)
from assessments.framework.services.publications import publish_ranking, withdraw_ranking
from assessments.framework.services.ranks import imported_snapshot, recompute_ranks, write_imported_snapshots
from assessments.framework.services.standard import (
    STANDARD_LEVELS,
    seed_standard_versions,
    standard_version_data,
)
from assessments.framework.services.versions import (
    copy_as_new_version,
    create_version_from_data,
    ensure_editable,
    export_version,
    export_version_yaml,
    freeze_version,
    import_version_yaml,
    parse_decimal,
    read_version_data,
    set_component_weights,
    validate_weights,
)

__all__ = [
    "HistoryImportResult",
    "STANDARD_LEVELS",
    "copy_as_new_version",
    "create_version_from_data",
    "delete_indicator",
    "ensure_editable",
    "export_version",
    "export_version_yaml",
    "freeze_version",
    "import_published_results",
    "imported_snapshot",
    "import_version_yaml",
    "parse_decimal",
    "parse_indonesian_decimal",
    "publish_ranking",
    "read_version_data",
    "recompute_ranks",
    "replace_version_content",
    "save_indicator",
    "seed_standard_versions",
    "set_component_weights",
    "standard_version_data",
    "update_version_settings",
    "validate_weights",
    "withdraw_ranking",
    "write_imported_snapshots",
]
