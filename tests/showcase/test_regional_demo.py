"""The demo of the regions' preparation: at the 2018 showcase some regions submitted, the
others did not; a second run changes nothing."""

from showcase.profiles.models import Submission
from showcase.regional.demo import seed_regional_showcase_demo
from tests.showcase.samples_regional import showcase


def test_nothing_without_the_2018_showcase(world):
    assert seed_regional_showcase_demo() == []


def test_some_regions_submit_and_a_second_run_changes_nothing(world):
    event = showcase(slug="demo-2018", codes=("35.74", "35.75", "35.13"))
    assert sorted(seed_regional_showcase_demo()) == ["35.74", "35.75"]
    rows = {s.region_id: s for s in Submission.objects.filter(showcase=event)}
    assert set(rows) == {"35.74", "35.75"}
    assert rows["35.74"].logo and "logo" in rows["35.75"].missing
    assert seed_regional_showcase_demo() == []
    assert Submission.objects.filter(showcase=event).count() == 2
