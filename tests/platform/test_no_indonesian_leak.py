"""English mode without Indonesian leaks: notifications are made through the real services (a
mention in a comment, the Dewan returning the masterplan), then every page of the walk (the
accessibility walk's pages: every workspace page as the region admin who got them, every
apex page as a ministry admin) is rendered with English chosen. A page fails when it shows
the stored Indonesian text of a notification or a word that appears only untranslated."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from programs import services
from programs.models import Masterplan, Notification
from tests.platform.test_bad_input_walk import APEX, APEX_PAGES, WORKSPACE_PAGES, P, page_samples  # noqa: F401
from tests.programs import factories as f
from tests.test_isolation import concrete

# Words of the interface that appear only when a text is left untranslated; not words of the
# sample data, which stays as written in both languages (names of regions, OPDs and programs,
# the framework's level descriptors such as "Belum ada").
LEAK_WORDS = (
    "Tahap",
    "berkas",
    "Menunggu",
    "Dimensi",
    "Simpan",
    "Kembali",
    "diajukan",
    "dikembalikan",
    "menyebut Anda",
    "Notifikasi",
    "Beranda",
)


class VisibleText(HTMLParser):
    """The text a reader sees (scripts and styles left out) and the attributes read aloud or
    shown (title, aria-label, placeholder, alt)."""

    SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [value for name, value in attrs if name in self.SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return re.sub(r"\s+", " ", " ".join(parser.parts))


def leaks(text: str, stored: list[str]) -> list[str]:
    found = [f"stored notification text {s!r}" for s in stored if s in text]
    for word in LEAK_WORDS:
        for match in re.finditer(rf"\b{re.escape(word)}\b", text):
            found.append(f"{word!r} in …{text[max(0, match.start() - 60) : match.end() + 60]}…")
    return found


@pytest.fixture
def notified(world) -> list[str]:
    """Kota Probolinggo's region admin is mentioned in a comment and told the masterplan was
    returned; the stored (Indonesian) texts of both notifications."""
    connection.set_tenant(world.probolinggo)
    try:
        with translation.override("en"):  # what the sender's language was does not matter
            services.add_comment(
                actor=f.actor(world, "facilitator_current"),
                section="swot",
                body="Mohon dilengkapi @admin_probolinggo@example.id",
            )
            Masterplan.objects.update(status=Masterplan.Status.SUBMITTED)
            services.transition_masterplan(actor=f.actor(world, "council_probolinggo"), action="return", reason="x")
        stored = list(
            Notification.objects.filter(user_id=world.users["admin_probolinggo"].pk).values_list("message", flat=True)
        )
    finally:
        connection.set_schema_to_public()
    assert len(stored) == 2
    return stored


def english_page(client, host: str, url: str) -> str | None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url, HTTP_HOST=host)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return None
    return VisibleText.of(response.content.decode())


def test_the_notifications_page_in_english_shows_no_stored_indonesian_text(world, client_for, notified):
    text = english_page(client_for(world.users["admin_probolinggo"]), P, "/notifikasi/")
    assert leaks(text, notified) == []
    assert "mentioned you in a comment on SWOT" in text
    assert "Masterplan revision 1 returned by the Dewan Smart City" in text


@pytest.mark.parametrize("route", WORKSPACE_PAGES)
def test_every_workspace_page_in_english_leaks_no_indonesian(world, client_for, page_samples, notified, route):  # noqa: F811
    url = concrete(route, page_samples)
    text = english_page(client_for(world.users["admin_probolinggo"]), P, url)
    assert leaks(text or "", notified) == []


@pytest.mark.parametrize("route", APEX_PAGES)
def test_every_apex_page_in_english_leaks_no_indonesian(world, client_for, page_samples, route):  # noqa: F811
    url = concrete(route, page_samples)
    text = english_page(client_for(world.users["ministry_admin"]), APEX, url)
    assert leaks(text or "", []) == []


def test_the_check_finds_what_it_looks_for():
    """The counterpart: a stored text and an untranslated word are found, hidden script is not."""
    html = "<p>Ada 2 berkas</p><script>var Tahap = 1;</script><a title='Simpan'>x</a><p>Mira menyebut Anda</p>"
    text = VisibleText.of(html)
    assert [found.split(" ")[0] for found in leaks(text, ["Mira menyebut Anda"])] == [
        "stored",
        "'berkas'",
        "'Simpan'",
        "'menyebut",
    ]


def test_period_labels_follow_the_language():
    from assessments.framework.selectors import Period

    with translation.override("id"):
        assert Period(2022, 2).label == "2022 Tahap II"
    with translation.override("en"):
        assert (Period(2022, 1).label, Period(2022, 2).label) == ("2022 Stage I", "2022 Stage II")


# --- texts the catalogue cannot see ---------------------------------------------------------

GETTEXT_CALLS = {"_", "gettext", "gettext_lazy", "_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}
PRODUCT_APPS = ("api", "assessments", "platform", "programs", "showcase", "tenants")


def gettext_inside_fstrings(source: str) -> list[int]:
    """Lines where a gettext call sits inside an f-string: the catalogue's extractor
    (xgettext) does not look inside f-strings, so such a text is never translated."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and getattr(inner.func, "id", None) in GETTEXT_CALLS:
                    found.append(inner.lineno)
    return found


def test_no_gettext_call_inside_an_fstring():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = [
        f"{path.relative_to(root)}:{line}"
        for app in PRODUCT_APPS
        for path in sorted((root / app).rglob("*.py"))
        if "migrations" not in path.parts
        for line in gettext_inside_fstrings(path.read_text())
    ]
    assert found == []


def test_the_fstring_check_finds_a_hidden_call():
    assert gettext_inside_fstrings("x = f'{_(\"Dampak\")} {n}'\ny = _('Dampak')\n") == [1]
