"""The facilitator registry's pages: the list (filters, workload, exports, a fixed number of
queries), creating an entry by e-mail (an account reused or created and invited), editing,
deleting (refused with the workshops listed), and who may do what."""

import io
from datetime import date

import pytest
from django.core import mail
from openpyxl import load_workbook

from platform.accounts.models import User
from programs.scheduling.models import Facilitator
from tests.scheduling import factories

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "sc100.test"}


@pytest.fixture
def admin(world, client_for):
    return client_for(world.users["ministry_admin"])


@pytest.fixture
def people(world):
    ani = factories.facilitator("ani@ugm.ac.id", full_name="Ani Wijaya", stages=(1, 2))
    budi = factories.facilitator("budi@ui.ac.id", province="31", full_name="Budi Santoso", stages=(3, 4))
    rina = factories.facilitator(
        "rina@kominfo.go.id", province="31", full_name="Rina Pejabat", kind=Facilitator.Kind.OFFICIAL
    )
    plan = factories.plan()
    w = {(x.region_id, x.stage): x for x in plan.workshops.all()}
    factories.place(w["35.74", 1], date(2018, 7, 2), ani)
    factories.place(w["35.74", 2], date(2018, 8, 6), ani)
    w["35.75", 1].co_facilitators.add(ani, budi)
    w["35.75", 1].ministry_rep = rina
    w["35.75", 1].save()
    return ani, budi, rina


def _form(**extra):
    data = {
        "email": "citra@itb.ac.id",
        "full_name": "Citra Lestari",
        "institution": "Institut Teknologi Bandung",
        "home_province": "32",
        "kind": "expert",
        "stages": ["1", "3"],
        "max_per_month": "3",
        "is_active": "on",
    }
    data.update(extra)
    return data


def test_the_list_shows_each_facilitator_with_their_workload(admin, people, django_assert_num_queries):
    # the tenant middleware (search path twice, the public tenant), the user; count, provinces, rows
    with django_assert_num_queries(7):
        response = admin.get("/fasilitator/", **HOST)
    assert response.status_code == 200
    rows = {f.user.email: f for f in response.context["page"]}
    assert rows["ani@ugm.ac.id"].workshop_count == 3  # leads two, assists one
    assert rows["budi@ui.ac.id"].workshop_count == 1
    assert rows["rina@kominfo.go.id"].workshop_count == 1
    html = response.content.decode()
    assert "Ani Wijaya" in html and "Universitas Gadjah Mada" in html and "I, II" in html


def test_the_list_query_count_does_not_grow_with_the_registry(admin, people, django_assert_num_queries):
    for n in range(15):
        factories.facilitator(f"extra{n}@ugm.ac.id")
    with django_assert_num_queries(7):
        assert admin.get("/fasilitator/", **HOST).status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=official", {"rina@kominfo.go.id"}),
        ("province=31", {"budi@ui.ac.id", "rina@kominfo.go.id"}),
        ("stage=3", {"budi@ui.ac.id"}),
        ("active=1&stage=1", {"ani@ugm.ac.id"}),
    ],
)
def test_filters(admin, people, query, expected):
    response = admin.get(f"/fasilitator/?{query}", **HOST)
    assert {f.user.email for f in response.context["page"]} == expected


def test_inactive_filter(admin, people):
    ani = people[0]
    ani.is_active = False
    ani.save()
    response = admin.get("/fasilitator/?active=0", **HOST)
    assert [f.user.email for f in response.context["page"]] == ["ani@ugm.ac.id"]


def test_csv_and_xlsx_exports_have_the_import_columns(admin, people):
    response = admin.get("/fasilitator/?format=csv&kind=expert", **HOST)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("email,nama,institusi,provinsi,jenis,tahap,maks_per_bulan,aktif")
    assert any(
        line.startswith('ani@ugm.ac.id,Ani Wijaya,Universitas Gadjah Mada,35,ahli,"I, II",4,ya') for line in lines
    )
    response = admin.get("/fasilitator/?format=xlsx", **HOST)
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4 and sheet["J1"].value == "jumlah_bimtek"


def test_admin_creates_a_facilitator_with_a_new_account_and_an_invitation(
    admin, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post("/fasilitator/baru/", _form(), **HOST)
    assert response.status_code == 302
    entry = Facilitator.objects.get(user__email="citra@itb.ac.id")
    assert (entry.user.full_name, entry.home_province_id, entry.stages, entry.max_per_month) == (
        "Citra Lestari",
        "32",
        [1, 3],
        3,
    )
    assert not entry.user.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["citra@itb.ac.id"]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_an_existing_account_is_reused(admin, world, django_capture_on_commit_callbacks):
    user = world.users["facilitator_current"]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post("/fasilitator/baru/", _form(email=user.email.upper(), full_name=""), **HOST)
    assert response.status_code == 302
    assert Facilitator.objects.get(user=user).institution == "Institut Teknologi Bandung"
    assert User.objects.filter(email__iexact=user.email).count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "bukan-email"}, "email"),
        ({"full_name": ""}, "full_name"),
        ({"institution": ""}, "institution"),
        ({"home_province": "99"}, "home_province"),
        ({"kind": "guru"}, "kind"),
        ({"stages": ["5"]}, "stages"),
        ({"max_per_month": "0"}, "max_per_month"),
        ({"max_per_month": "21"}, "max_per_month"),
    ],
)
def test_bad_input_is_a_400_with_the_field_error(admin, changes, field):
    response = admin.post("/fasilitator/baru/", _form(**changes), **HOST)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Facilitator.objects.filter(user__email="citra@itb.ac.id").exists()
    assert not User.objects.filter(email="citra@itb.ac.id").exists()


def test_registering_the_same_person_twice_is_refused_on_the_email(admin, people):
    response = admin.post("/fasilitator/baru/", _form(email="ani@ugm.ac.id"), **HOST)
    assert response.status_code == 400
    assert "sudah terdaftar" in response.context["form"].errors["email"][0]


def test_admin_edits_a_facilitator(admin, people):
    ani = people[0]
    page = admin.get(f"/fasilitator/{ani.pk}/ubah/", **HOST)
    assert page.status_code == 200 and page.context["form"].initial["stages"] == ["1", "2"]
    data = _form(email="ignored@example.id", full_name="Ani W.", stages=["4"], is_active="")
    response = admin.post(f"/fasilitator/{ani.pk}/ubah/", data, **HOST)
    assert response.status_code == 302
    ani.refresh_from_db()
    ani.user.refresh_from_db()
    assert (ani.user.email, ani.user.full_name, ani.stages, ani.is_active) == ("ani@ugm.ac.id", "Ani W.", [4], False)


def test_an_official_leads_no_stage(admin, people):
    rina = people[2]
    admin.post(f"/fasilitator/{rina.pk}/ubah/", _form(kind="official", stages=["1"]), **HOST)
    rina.refresh_from_db()
    assert rina.stages == []


def test_deleting_a_facilitator_on_workshops_is_refused_with_the_list(admin, people):
    ani = people[0]
    response = admin.post(f"/fasilitator/{ani.pk}/hapus/", **HOST, follow=True)
    assert response.status_code == 200
    text = " ".join(str(m) for m in response.context["messages"])
    assert "masih ditugaskan pada 3 Bimtek" in text and "Bimtek I Kota Probolinggo" in text
    assert Facilitator.objects.filter(pk=ani.pk).exists()


def test_deleting_a_free_facilitator(admin):
    free = factories.facilitator("bebas@ugm.ac.id")
    response = admin.post(f"/fasilitator/{free.pk}/hapus/", **HOST)
    assert response.status_code == 302 and not Facilitator.objects.filter(pk=free.pk).exists()


def test_unknown_facilitator_is_404(admin):
    assert admin.get("/fasilitator/999999/ubah/", **HOST).status_code == 404
    assert admin.post("/fasilitator/999999/hapus/", **HOST).status_code == 404


def test_the_analyst_reads_but_does_not_write(world, client_for, people):
    analyst = client_for(world.users["ministry_analyst"])
    ani = people[0]
    page = analyst.get("/fasilitator/", **HOST)
    assert page.status_code == 200 and "Tambah fasilitator" not in page.content.decode()
    assert analyst.get("/fasilitator/?format=csv", **HOST).status_code == 200
    for method, url in [
        ("get", "/fasilitator/baru/"),
        ("post", "/fasilitator/baru/"),
        ("get", f"/fasilitator/{ani.pk}/ubah/"),
        ("post", f"/fasilitator/{ani.pk}/ubah/"),
        ("post", f"/fasilitator/{ani.pk}/hapus/"),
        ("get", "/fasilitator/impor/"),
        ("get", "/fasilitator/impor/templat/"),
    ]:
        assert getattr(analyst, method)(url, **HOST).status_code == 404, url
    assert Facilitator.objects.filter(pk=ani.pk).exists()


@pytest.mark.parametrize("who", ["admin_probolinggo", "admin_pasuruan", "facilitator_current", "nobody"])
def test_outsiders_cannot_see_the_registry(world, client_for, people, who):
    factories.facilitator(world.users["facilitator_current"].email)  # a registered facilitator too
    client = client_for(world.users[who])
    ani = people[0]
    for method, url in [
        ("get", "/fasilitator/"),
        ("get", "/fasilitator/?format=csv"),
        ("get", "/fasilitator/baru/"),
        ("post", "/fasilitator/baru/"),
        ("get", f"/fasilitator/{ani.pk}/ubah/"),
        ("post", f"/fasilitator/{ani.pk}/hapus/"),
        ("get", "/fasilitator/impor/"),
        ("post", "/fasilitator/impor/"),
        ("get", "/fasilitator/impor/templat/"),
    ]:
        assert getattr(client, method)(url, **HOST).status_code == 404, (who, url)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/fasilitator/", **HOST)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
