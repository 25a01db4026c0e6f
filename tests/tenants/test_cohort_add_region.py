"""A ministry admin adds a region to an existing cohort from the cohort page: the region joins
and the cohort's provisioning starts; bad choices are form errors; others cannot."""

import pytest

from tenants.models import ProvisioningJob, Region
from tenants.services import create_cohort

APEX = "sc100.test"


def test_the_cohort_page_offers_only_regions_without_a_cohort(world, client_for):
    page = client_for(world.users["ministry_admin"]).get("/cohorts/2018/", HTTP_HOST=APEX)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'action="/cohorts/2018/regions/"' in html and 'list="free-regions"' in html
    assert '<option value="35.76 · Kota Mojokerto">' in html
    assert '<option value="35.74 · Kota Probolinggo">' not in html  # already in 2018


def test_adding_a_region_joins_it_and_starts_provisioning(world, client_for, django_capture_on_commit_callbacks):
    client = client_for(world.users["ministry_admin"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post("/cohorts/2018/regions/", {"region": "35.76 · Kota Mojokerto"}, HTTP_HOST=APEX)
    assert response.status_code == 302 and response["Location"] == "/cohorts/2018/"
    assert Region.objects.get(code="35.76").cohort.year == 2018
    job = ProvisioningJob.objects.get(cohort__year=2018)
    assert job.total == 3 and job.requested_by == world.users["ministry_admin"]
    assert len(callbacks) == 1  # the provisioning task, sent after commit
    page = client.get("/cohorts/2018/", HTTP_HOST=APEX).content.decode()
    assert "Kota Mojokerto ditambahkan ke angkatan 2018" in page and "Kota Mojokerto" in page


def test_a_typed_code_is_enough(world, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        response = client_for(world.users["ministry_admin"]).post(
            "/cohorts/2018/regions/", {"region": "35.76"}, HTTP_HOST=APEX
        )
    assert response.status_code == 302 and Region.objects.get(code="35.76").cohort.year == 2018


def test_a_region_added_while_a_run_is_under_way_is_added_with_a_warning(
    world, client_for, django_capture_on_commit_callbacks
):
    ProvisioningJob.objects.create(
        cohort=Region.objects.get(code="35.74").cohort, status=ProvisioningJob.Status.RUNNING, total=2
    )
    client = client_for(world.users["ministry_admin"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post("/cohorts/2018/regions/", {"region": "35.76"}, HTTP_HOST=APEX, follow=True)
    assert Region.objects.get(code="35.76").cohort.year == 2018
    assert ProvisioningJob.objects.count() == 1 and callbacks == []
    assert "jalankan “Siapkan ruang kerja” lagi" in response.content.decode()


@pytest.mark.parametrize(
    ("region", "text"),
    [
        ("35.74 · Kota Probolinggo", "sudah tergabung dalam angkatan 2018"),
        ("35.13", "sudah tergabung dalam angkatan 2024"),
        ("99.99", "tidak dikenal"),
        ("Kota Mojokerto", "Pilih kabupaten/kota dari daftar"),
        ("", "harus diisi"),
    ],
)
def test_bad_choices_are_form_errors_and_change_nothing(world, client_for, region, text):
    create_cohort(actor=world.users["ministry_admin"], year=2024, mou_date=None, region_codes=["35.13"])
    response = client_for(world.users["ministry_admin"]).post(
        "/cohorts/2018/regions/", {"region": region}, HTTP_HOST=APEX
    )
    assert response.status_code == 400
    errors = " ".join(response.context["add_form"].errors["region"])
    assert text in errors.lower() or text in errors
    assert not ProvisioningJob.objects.exists()
    assert Region.objects.get(code="35.76").cohort_id is None


@pytest.mark.parametrize("name", ["ministry_analyst", "admin_probolinggo", "facilitator_current"])
def test_only_cohort_managers_add_regions(world, client_for, name):
    client = client_for(world.users[name])
    assert client.post("/cohorts/2018/regions/", {"region": "35.76"}, HTTP_HOST=APEX).status_code == 404
    assert Region.objects.get(code="35.76").cohort_id is None
    page = client.get("/cohorts/2018/", HTTP_HOST=APEX)
    assert page.status_code == 404 or 'list="free-regions"' not in page.content.decode()
