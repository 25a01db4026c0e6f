"""The workspace API on a region host: same gate as the pages, clear 400s, token auth."""

from django.core import mail
from rest_framework.authtoken.models import Token

from tenants.models import Membership

P = "kota-probolinggo.sc100.test"


def test_member_reads_workspace_members_and_stages(world, client_for):
    client = client_for(world.users["viewer_probolinggo"])
    assert client.get("/api/v1/workspace/", HTTP_HOST=P).json()["region"]["code"] == "35.74"
    members = client.get("/api/v1/members/", HTTP_HOST=P).json()
    assert members["count"] == 7
    assert {m["email"] for m in members["results"]} >= {"admin_probolinggo@example.id", "viewer_probolinggo@example.id"}
    stages = client.get("/api/v1/bimtek-stages/", HTTP_HOST=P).json()
    assert [s["number"] for s in stages] == [1, 2, 3, 4]


def test_token_auth_passes_the_same_gate(world, client):
    token = Token.objects.create(user=world.users["admin_pasuruan"])
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    assert client.get("/api/v1/workspace/", HTTP_HOST="kota-pasuruan.sc100.test", **auth).status_code == 200
    assert client.get("/api/v1/workspace/", HTTP_HOST=P, **auth).status_code == 404
    assert client.get("/api/v1/members/", HTTP_HOST=P, **auth).status_code == 404


def test_region_admin_invites_through_the_api(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(
        "/api/v1/members/",
        {"email": "sekda@probolinggokota.go.id", "role": "council"},
        content_type="application/json",
        HTTP_HOST=P,
    )
    assert response.status_code == 201, response.content
    assert response.json()["role"] == "council"
    assert Membership.objects.filter(user__email="sekda@probolinggokota.go.id", workspace=world.probolinggo).exists()
    assert len(mail.outbox) == 1


def test_api_invitation_errors_are_400_with_field_messages(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    bad_email = client.post(
        "/api/v1/members/", {"email": "bukan-email", "role": "viewer"}, content_type="application/json", HTTP_HOST=P
    )
    assert bad_email.status_code == 400 and "email" in bad_email.json()
    existing = client.post(
        "/api/v1/members/",
        {"email": "viewer_probolinggo@example.id", "role": "viewer"},
        content_type="application/json",
        HTTP_HOST=P,
    )
    assert existing.status_code == 400
    assert "sudah menjadi anggota" in existing.json()["email"][0]
    facilitator = client.post(
        "/api/v1/members/",
        {"email": "f@ugm.ac.id", "role": "facilitator"},
        content_type="application/json",
        HTTP_HOST=P,
    )
    assert facilitator.status_code == 400 and "kementerian" in facilitator.json()["role"][0]
    garbage = client.post("/api/v1/members/", "{not json", content_type="application/json", HTTP_HOST=P)
    assert garbage.status_code == 400
    assert mail.outbox == []


def test_viewers_cannot_write_through_the_api(world, client_for):
    """Refused like on the page: 404, the same answer as for a missing page."""
    client = client_for(world.users["viewer_probolinggo"])
    response = client.post(
        "/api/v1/members/", {"email": "x@y.id", "role": "viewer"}, content_type="application/json", HTTP_HOST=P
    )
    assert response.status_code == 404
    target = Membership.objects.get(user=world.users["editor_probolinggo"])
    assert client.delete(f"/api/v1/members/{target.pk}/", HTTP_HOST=P).status_code == 404
    assert Membership.objects.filter(pk=target.pk).exists()
    assert Membership.objects.filter(pk=target.pk).exists()


def test_region_admin_removes_through_the_api(world, client_for):
    target = Membership.objects.get(user=world.users["editor_probolinggo"])
    response = client_for(world.users["admin_probolinggo"]).delete(f"/api/v1/members/{target.pk}/", HTTP_HOST=P)
    assert response.status_code == 204
    assert not Membership.objects.filter(pk=target.pk).exists()


def test_a_member_id_of_another_workspace_is_404(world, client_for):
    other = Membership.objects.get(user=world.users["admin_pasuruan"])
    client = client_for(world.users["admin_probolinggo"])
    assert client.get(f"/api/v1/members/{other.pk}/", HTTP_HOST=P).status_code == 404
    assert client.delete(f"/api/v1/members/{other.pk}/", HTTP_HOST=P).status_code == 404


def test_member_list_uses_constant_queries(world, client_for, django_assert_max_num_queries):
    client = client_for(world.users["admin_probolinggo"])
    client.get("/api/v1/members/", HTTP_HOST=P)
    with django_assert_max_num_queries(6):
        client.get("/api/v1/members/", HTTP_HOST=P)


def test_openapi_schemas_describe_both_apis(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    workspace = client.get("/api/v1/schema/?format=json", HTTP_HOST=P).json()
    assert "/api/v1/members/" in workspace["paths"] and "/api/v1/regions/" not in workspace["paths"]
    national = client.get("/api/v1/schema/?format=json", HTTP_HOST="sc100.test").json()
    assert "/api/v1/regions/" in national["paths"] and "/api/v1/members/" not in national["paths"]
    params = {p["name"] for p in national["paths"]["/api/v1/regions/"]["get"]["parameters"]}
    assert {"province", "kind", "cohort", "participating", "page"} <= params
