"""The comparison's picker: checkboxes with a stated limit, more than six refused with a form
error; the table names the period of every row's figures, also when they differ."""

import pytest

from assessments.framework.services import import_published_results
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX

COMPARE = "/assessments/compare/"


@pytest.fixture
def eight(versions):
    """Official results of eight regions: the first two also in 2021, the first one in 2024 too."""
    from tenants.models import Region

    codes = list(Region.objects.order_by("code").values_list("code", flat=True)[:8])
    rows = [f"{code},2022,2,{2 + i / 10:.2f}," for i, code in enumerate(codes)]
    rows += [f"{codes[0]},2021,2,2.10,", f"{codes[1]},2021,2,2.20,", f"{codes[0]},2024,2,3.10,"]
    content = "region_code,year,stage,overall,rank\n" + "\n".join(rows) + "\n"
    import_published_results(actor=SYSTEM, filename="x.csv", content=content.encode())
    return codes


def _compare(client, codes, **extra):
    return client.get(COMPARE, {"region": codes, **extra}, HTTP_HOST=APEX)


def test_the_picker_lists_the_regions_and_says_how_many_can_be_chosen(world, client_for, eight):
    page = client_for(world.users["ministry_analyst"]).get(COMPARE, HTTP_HOST=APEX)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Pilih hingga 6 daerah (paling sedikit 2)." in text and "0 dari 6 dipilih" in text
    assert text.count('type="checkbox" name="region"') == 8
    assert 'data-count-template="{n} dari {max} dipilih"' in text and 'data-max="6"' in text
    assert "framework/compare_picker.js" in text
    assert "data-picker-filter-box hidden" in text  # the filter appears with the script only


def test_more_than_six_regions_are_refused_with_a_form_error(world, client_for, eight):
    page = _compare(client_for(world.users["ministry_analyst"]), eight[:7])
    text = page.content.decode()
    assert page.status_code == 200
    assert page.context["form"].errors["region"] == ["Pilih paling banyak 6 daerah; 7 dipilih."]
    assert 'class="errorlist" id="pick-errors"' in text and "7 dari 6 dipilih" in text
    assert text.count("checked") == 7  # the choice is kept, to be narrowed down
    assert "<svg" not in text and 'id="comparison"' not in text
    export = _compare(client_for(world.users["ministry_analyst"]), eight[:7], format="csv")
    assert export["Content-Type"].startswith("text/html")  # no export of a refused choice


def test_six_regions_are_compared_and_an_unknown_one_is_refused(world, client_for, eight):
    client = client_for(world.users["ministry_analyst"])
    page = _compare(client, eight[:6])
    assert page.context["form"].is_valid() and len(page.context["latest"]) == 6
    assert "6 dari 6 dipilih" in page.content.decode()
    listed = [code for code, _label in page.context["form"].fields["region"].choices]
    assert set(listed[:6]) == set(eight[:6])  # the chosen ones first
    unknown = _compare(client, [eight[0], "99.99"])
    assert "99.99" in unknown.context["form"].errors["region"][0]
    assert "latest" not in unknown.context


def test_every_row_names_the_period_of_its_figures(world, client_for, eight):
    client = client_for(world.users["ministry_analyst"])
    text = _compare(client, eight[:3]).content.decode()
    names = dict(client.get(COMPARE, HTTP_HOST=APEX).context["form"].fields["region"].choices)
    first = names[eight[0]].rsplit(" (", 1)[0]
    assert f'<th scope="row">{first}<br><span class="period">2024 Tahap II</span></th>' in text
    assert text.count('<span class="period">2022 Tahap II</span>') == 2
    assert 'id="periods-differ"' in text  # 2024 for the first, 2022 for the others
    assert 'class="table-wrap table-sticky"' in text and "Geser tabel ke kanan" in text

    same = _compare(client, eight[1:3]).content.decode()
    assert same.count('<span class="period">2022 Tahap II</span>') == 2 and 'id="periods-differ"' not in same
