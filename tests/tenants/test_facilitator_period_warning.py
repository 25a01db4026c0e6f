"""Inviting a facilitator for a period that has already ended asks for confirmation first (a
warning, not a refusal), and every invitation e-mail names the period in Indonesian dates."""

from datetime import date, timedelta

from django.core import mail
from django.utils import timezone

from tenants.models import Membership

P = "kota-probolinggo.sc100.test"
ENDED = {"email": "f.lama@ugm.ac.id", "role": "facilitator", "valid_from": "2025-02-03", "valid_until": "2025-12-31"}


def test_an_ended_period_is_warned_about_and_nothing_is_saved_yet(world, client_for):
    ministry = client_for(world.users["ministry_admin"])
    response = ministry.post("/members/", ENDED, HTTP_HOST=P)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="period-warning"' in html and "sudah berakhir pada 31 Desember 2025" in html
    assert 'type="checkbox" name="acknowledge_ended_period"' in html
    assert 'value="f.lama@ugm.ac.id"' in html  # what was typed is kept
    assert not Membership.objects.filter(user__email="f.lama@ugm.ac.id").exists()
    assert mail.outbox == []


def test_a_confirmed_ended_period_is_invited_and_the_mail_says_so(world, client_for):
    ministry = client_for(world.users["ministry_admin"])
    response = ministry.post("/members/", {**ENDED, "acknowledge_ended_period": "on"}, HTTP_HOST=P)
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="f.lama@ugm.ac.id")
    assert membership.valid_until == date(2025, 12, 31)
    body = mail.outbox[0].body
    assert "Masa berlaku akses: 3 Februari 2025 sampai 31 Desember 2025." in body
    assert "sudah berakhir" in body


def test_a_current_period_needs_no_confirmation_and_the_mail_names_it(world, client_for):
    until = timezone.localdate() + timedelta(days=40)
    ministry = client_for(world.users["ministry_admin"])
    response = ministry.post(
        "/members/", {"email": "f.baru@ugm.ac.id", "role": "facilitator", "valid_until": until.isoformat()},
        HTTP_HOST=P,
    )  # fmt: skip
    assert response.status_code == 302
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]  # fmt: skip
    body = mail.outbox[0].body
    assert f"Masa berlaku akses: sampai {until.day} {months[until.month - 1]} {until.year}." in body
    assert "sudah berakhir" not in body


def test_other_roles_with_a_past_end_are_not_asked(world, client_for):
    response = client_for(world.users["admin_probolinggo"]).post(
        "/members/", {"email": "tamu@probolinggokota.go.id", "role": "viewer", "valid_until": "2025-01-31"},
        HTTP_HOST=P,
    )  # fmt: skip
    assert response.status_code == 302
