"""Services of the showcase: creating one for a cohort (its regions present, one main stage by
default), the event's rules, stages and presenters, rebuilding the agenda, moving slots (times
follow), versions and publication, the changes since publication and the builder's warnings."""

from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from showcase import review, selectors, services
from showcase.models import AgendaVersion, Slot
from tenants.access import SYSTEM
from tests.showcase import factories


def presentations(version):
    return list(version.slots.filter(kind=Slot.Kind.PRESENTATION).order_by("stage__position", "position"))


def test_a_showcase_starts_with_the_cohorts_regions_and_one_main_stage(world):
    showcase = factories.showcase(stages=())
    assert [p.region_id for p in selectors.presenters_of(showcase)] == ["35.74", "35.75"]
    assert [s.name for s in selectors.stages_of(showcase)] == ["Panggung Utama"]
    assert showcase.created_by is None  # made by the platform


def test_only_ministry_admins_create_and_edit(world):
    with pytest.raises(PermissionDenied):
        services.create_showcase(actor=world.users["ministry_analyst"], cohort=None, **factories.SETTINGS)
    showcase = factories.showcase()
    for who in ("ministry_analyst", "admin_probolinggo", "nobody"):
        with pytest.raises(PermissionDenied):
            services.rebuild_agenda(actor=world.users[who], showcase=showcase)
    with pytest.raises(PermissionDenied):
        services.update_showcase(actor=None, showcase=showcase, name="x")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": date(2018, 11, 1)}, "ends_on"),
        ({"day_ends_at": time(7, 0)}, "day_ends_at"),
        ({"slug": "kelola"}, "slug"),
        ({"presentation_minutes": 0}, "presentation_minutes"),
        ({"grouping": "alfabet"}, "grouping"),
        ({"ends_on": date(2018, 12, 30)}, "ends_on"),
    ],
)
def test_bad_settings_are_refused_on_their_field(world, changes, field):
    showcase = factories.showcase()
    with pytest.raises(ValidationError) as caught:
        services.update_showcase(actor=SYSTEM, showcase=showcase, **changes)
    assert field in caught.value.message_dict


def test_the_address_is_unique(world):
    factories.showcase()
    with pytest.raises(ValidationError) as caught:
        factories.showcase(name="Lain")
    assert "slug" in caught.value.message_dict


def test_stages_and_presenters_are_edited(world):
    showcase = factories.showcase()
    stage = services.add_stage(actor=SYSTEM, showcase=showcase, name="Ruang Garuda")
    with pytest.raises(ValidationError):
        services.add_stage(actor=SYSTEM, showcase=showcase, name="ruang garuda")
    services.rename_stage(actor=SYSTEM, stage=stage, name="Ruang Merak")
    assert [s.name for s in selectors.stages_of(showcase)] == ["Panggung Utama", "Ruang Merak"]
    services.add_presenter(actor=SYSTEM, showcase=showcase, region_code="51.71")
    with pytest.raises(ValidationError):
        services.add_presenter(actor=SYSTEM, showcase=showcase, region_code="51.71")
    with pytest.raises(ValidationError):
        services.add_presenter(actor=SYSTEM, showcase=showcase, region_code="99.99")
    services.remove_presenter(actor=SYSTEM, showcase=showcase, region_code="35.75")
    assert [p.region_id for p in selectors.presenters_of(showcase)] == ["35.74", "51.71"]
    services.remove_stage(actor=SYSTEM, stage=stage)
    with pytest.raises(ValidationError):  # the last stage stays
        services.remove_stage(actor=SYSTEM, stage=showcase.stages.get())


def test_rebuild_lays_out_every_presenter_once_in_the_draft(world):
    showcase = factories.showcase(stages=("A", "B"), extra_regions=("51.71", "12.71", "73.71"))
    version = services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    assert version.number == 1 and version.published_at is None
    regions = [s.region_id for s in presentations(version)]
    assert sorted(regions) == ["12.71", "35.74", "35.75", "51.71", "73.71"]
    assert set(version.slots.values_list("stage__name", flat=True)) == {"A", "B"}
    again = services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    assert again.pk == version.pk and AgendaVersion.objects.filter(showcase=showcase).count() == 1
    state = review.builder_state(showcase)
    assert not [w for w in state["warnings"] if w.kind in ("no_slot", "twice", "late")]


def test_moving_a_slot_swaps_it_and_recomputes_the_times(world):
    showcase = factories.showcase(break_every=0)
    version = services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    first, second = presentations(version)
    moved = services.move_slot(actor=SYSTEM, showcase=showcase, slot_id=first.pk, direction="down")
    assert moved.pk == first.pk
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.position > second.position and first.starts_at > second.starts_at
    assert second.starts_at < first.starts_at and first.starts_at == second.ends_at


def test_moving_a_slot_to_another_stage(world):
    showcase = factories.showcase(stages=("A", "B"), grouping="cohort", break_every=0)
    version = services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    stage_b = showcase.stages.get(name="B")
    slot = next(s for s in presentations(version) if s.stage.name == "A")
    moved = services.move_slot(actor=SYSTEM, showcase=showcase, slot_id=slot.pk, stage=stage_b, position=0)
    assert moved.stage == stage_b and moved.position == 0
    for stage in showcase.stages.all():
        positions = list(version.slots.filter(stage=stage).order_by("position").values_list("position", flat=True))
        assert positions == list(range(len(positions)))


def test_a_move_of_another_showcases_slot_is_refused(world):
    showcase = factories.showcase()
    other = factories.showcase(slug="lain", name="Lain")
    services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    foreign = services.rebuild_agenda(actor=SYSTEM, showcase=other).slots.first()
    with pytest.raises(ValidationError):
        services.move_slot(actor=SYSTEM, showcase=showcase, slot_id=foreign.pk, direction="up")


def test_publish_then_a_change_starts_the_next_version_and_lists_what_changed(world):
    showcase = factories.showcase(break_every=0)
    v1 = services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    with pytest.raises(ValidationError):
        services.publish_version(actor=SYSTEM, showcase=showcase, number=2)
    services.publish_version(actor=SYSTEM, showcase=showcase, number=1)
    with pytest.raises(ValidationError):
        services.publish_version(actor=SYSTEM, showcase=showcase, number=1)
    assert review.builder_state(showcase)["changed"] is False
    first = presentations(v1)[0]
    moved = services.move_slot(actor=SYSTEM, showcase=showcase, slot_id=first.pk, direction="down")
    assert moved.version.number == 2 and moved.pk != first.pk
    first.refresh_from_db()
    assert first.version_id == v1.pk and first.position == presentations(v1)[0].position  # v1 frozen
    state = review.builder_state(showcase)
    assert state["changed"] and state["published"].number == 1 and state["draft"].number == 2
    assert any(line.startswith("Dipindah: Kota Probolinggo") for line in state["changes"])
    services.remove_presenter(actor=SYSTEM, showcase=showcase, region_code="35.75")
    services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    changes = review.builder_state(showcase)["changes"]
    assert any(line.startswith("Dihapus: Kota Pasuruan") for line in changes)


def test_warnings_name_late_slots_missing_and_doubled_regions_and_registered_readiness(world):
    showcase = factories.showcase(day_ends_at=time(8, 40), ends_on=date(2018, 11, 27), break_every=0)
    version = services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    services.add_presenter(actor=SYSTEM, showcase=showcase, region_code="51.71")
    slot = presentations(version)[0]
    Slot.objects.create(
        version=version, stage=slot.stage, kind="presentation", region_id=slot.region_id, starts_at=slot.starts_at,
        minutes=10, position=99,
    )  # fmt: skip

    def no_deck(showcase):
        """Deck belum dibuat"""
        return {"35.74": ["deck belum dibuat"]}

    entry = selectors.register_readiness(no_deck)
    try:
        state = review.builder_state(showcase)
    finally:
        selectors._readiness.remove(entry)
    kinds = {w.kind for w in state["warnings"]}
    assert {"late", "no_slot", "twice", "not_ready"} <= kinds
    messages = " ".join(w.message for w in state["warnings"])
    assert "Kota Denpasar belum punya slot" in messages and "deck belum dibuat" in messages
    assert entry in state["checks"]


def test_featured_dimensions_from_a_registered_source_group_the_agenda(world):
    showcase = factories.showcase(grouping="dimension")

    def source(showcase):
        return {"35.75": "governance"}

    selectors.register_featured_dimensions(source)
    try:
        version = services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    finally:
        selectors._dimension_sources.remove(source)
    sessions = list(version.slots.filter(kind="session").order_by("position").values_list("title", flat=True))
    assert len(sessions) == 2 and sessions[-1] == "Belum ada dimensi quick win"
    assert presentations(version)[0].region_id == "35.75"
