"""The showcase's admin pages: who gets what (ministry admins edit, analysts read, everyone else
404, anonymous to sign-in), creating a showcase with field errors on bad input, the builder with
its warnings, moving a slot with the naik/turun buttons and to another stage (and as JSON for
the drag-and-drop script), publishing after a confirmation, and the list's query count."""

import pytest

from showcase import services
from showcase.models import Showcase, Slot
from tenants.access import SYSTEM
from tests.showcase import factories

H = "sc100.test"


def get(client, url, **extra):
    return client.get(url, HTTP_HOST=H, **extra)


def post(client, url, data=None, **extra):
    return client.post(url, data or {}, HTTP_HOST=H, **extra)


def form_data(**changes) -> dict:
    data = {
        "cohort": "",
        "name": "Showcase 2018",
        "slug": "2018",
        "venue": "Balai Kartini",
        "time_zone": "Asia/Jakarta",
        "starts_on": "2018-11-27",
        "ends_on": "2018-11-27",
        "day_starts_at": "08:00",
        "day_ends_at": "16:00",
        "submission_deadline": "2018-11-16T23:59",
        "max_quick_wins": 3,
        "presentation_minutes": 7,
        "question_minutes": 3,
        "opening_minutes": 30,
        "closing_minutes": 30,
        "break_minutes": 15,
        "break_every": 6,
        "grouping": "island",
        "draw_seed": 0,
        "stage_names": "Balai Kartini\nRuang Garuda",
    }
    data.update(changes)
    return data


@pytest.fixture
def built(world):
    showcase = factories.showcase(stages=("Utama", "Garuda"), break_every=0)
    services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    return showcase


def urls(showcase) -> dict[str, str]:
    k = f"/showcase/kelola/{showcase.slug}/"
    slot = Slot.objects.filter(version__showcase=showcase).first()
    stage = showcase.stages.first()
    return {
        "builder": k,
        "edit": k + "ubah/",
        "stage-add": k + "panggung/",
        "stage": k + f"panggung/{stage.pk}/",
        "presenters": k + "daerah/",
        "rebuild": k + "susun/",
        "move": k + f"slot/{slot.pk}/geser/",
        "publish": k + "terbitkan/",
    }


READ = {"builder"}


@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "head_probolinggo", "nobody"])
def test_outsiders_get_404_on_every_admin_page(world, client_for, built, who):
    client = client_for(world.users[who])
    for url in ["/showcase/kelola/", "/showcase/kelola/baru/", *urls(built).values()]:
        assert get(client, url).status_code == 404, url
        assert post(client, url, {"direction": "up", "name": "x", "region": "51.71"}).status_code == 404, url
    assert Slot.objects.filter(version__showcase=built).count() == len(built.versions.get().slots.all())


def test_anonymous_is_sent_to_sign_in(world, client, built):
    for url in ["/showcase/kelola/", *urls(built).values()]:
        response = get(client, url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_analyst_reads_but_changes_nothing(world, client_for, built):
    analyst = client_for(world.users["ministry_analyst"])
    page = get(analyst, "/showcase/kelola/")
    assert page.status_code == 200 and built.name in page.content.decode()
    assert "/showcase/kelola/baru/" not in page.content.decode()
    builder = get(analyst, urls(built)["builder"]).content.decode()
    assert "Kota Probolinggo" in builder and "Susun ulang" not in builder and "data-move-url" not in builder
    for name, url in urls(built).items():
        if name not in READ:
            assert post(analyst, url, {"direction": "down"}).status_code == 404, url
            if name != "builder":
                assert get(analyst, url).status_code in (404, 405), url


def test_an_admin_creates_a_showcase_and_bad_input_gets_field_errors(world, client_for):
    from tenants.models import Cohort

    admin = client_for(world.users["ministry_admin"])
    cohort = Cohort.objects.get(year=2018)
    bad = post(admin, "/showcase/kelola/baru/", form_data(cohort=cohort.pk, ends_on="2018-11-01", slug="kelola"))
    assert bad.status_code == 400
    assert "Tanggal selesai sebelum tanggal mulai." in bad.content.decode()
    assert "dipakai halaman lain" in bad.content.decode()
    assert not Showcase.objects.exists()
    response = post(admin, "/showcase/kelola/baru/", form_data(cohort=cohort.pk))
    assert response.status_code == 302 and response["Location"] == "/showcase/kelola/2018/"
    showcase = Showcase.objects.get(slug="2018")
    assert [s.name for s in showcase.stages.all()] == ["Balai Kartini", "Ruang Garuda"]
    assert showcase.presenters.count() == 2
    edit = post(admin, "/showcase/kelola/2018/ubah/", form_data(name="Showcase Baru", day_ends_at="07:00"))
    assert edit.status_code == 400 and "Jam selesai harus setelah jam mulai." in edit.content.decode()


def test_the_builder_moves_slots_with_buttons_and_to_another_stage(world, client_for, built):
    admin = client_for(world.users["ministry_admin"])
    page = get(admin, urls(built)["builder"]).content.decode()
    assert "naik" in page and "turun" in page and "Susun ulang" in page and "showcase/builder.js" in page
    version = built.versions.get()
    slots = list(version.slots.filter(stage__name="Utama").order_by("position"))
    target = slots[1]
    response = post(admin, f"/showcase/kelola/{built.slug}/slot/{target.pk}/geser/", {"direction": "up"})
    assert response.status_code == 302 and response["Location"].endswith(f"#slot-{target.pk}")
    target.refresh_from_db()
    assert target.position == 0
    garuda = built.stages.get(name="Garuda")
    answer = post(
        admin,
        f"/showcase/kelola/{built.slug}/slot/{target.pk}/geser/",
        {"stage": garuda.pk, "position": 1},
        HTTP_ACCEPT="application/json",
    )
    assert answer.status_code == 200 and answer.json() == {"slot": target.pk, "stage": garuda.pk, "position": 1}
    bad = post(admin, f"/showcase/kelola/{built.slug}/slot/{target.pk}/geser/", {}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and bad.json()["errors"]


def test_publishing_asks_first_then_the_builder_says_what_changed(world, client_for, built):
    admin = client_for(world.users["ministry_admin"])
    publish = urls(built)["publish"]
    page = get(admin, publish).content.decode()
    assert "Ya, terbitkan" in page
    assert post(admin, publish, {"number": 1}).status_code == 302
    assert built.versions.get().published_at is None  # no confirm, nothing published
    post(admin, publish, {"number": 1, "confirm": "1"})
    assert built.versions.get().published_at is not None
    slot = Slot.objects.filter(version__showcase=built, kind="presentation").first()
    post(admin, f"/showcase/kelola/{built.slug}/slot/{slot.pk}/geser/", {"direction": "down"})
    builder = get(admin, urls(built)["builder"]).content.decode()
    assert "berubah sejak diterbitkan" in builder and "Dipindah:" in builder
    assert "data-showcase=" in builder  # the embed snippet, now that something is public


def test_stages_and_presenters_from_the_builder(world, client_for, built):
    admin = client_for(world.users["ministry_admin"])
    k = f"/showcase/kelola/{built.slug}/"
    post(admin, k + "panggung/", {"name": "Ruang Merak"})
    assert built.stages.filter(name="Ruang Merak").exists()
    post(admin, k + "daerah/", {"region": "51.71", "action": "add"})
    assert built.presenters.filter(region_id="51.71").exists()
    page = get(admin, k).content.decode()
    assert "Kota Denpasar belum punya slot paparan." in page
    response = post(admin, k + "daerah/", {"region": "99.99", "action": "add"}, follow=True)
    assert "Kode wilayah 99.99 tidak dikenal." in response.content.decode()


def test_the_list_takes_a_constant_number_of_queries(world, client_for, django_assert_max_num_queries):
    for i in range(3):
        factories.showcase(slug=f"uji-{i}", name=f"Uji {i}")
    admin = client_for(world.users["ministry_admin"])
    get(admin, "/showcase/kelola/")
    with django_assert_max_num_queries(12):
        assert get(admin, "/showcase/kelola/").status_code == 200
