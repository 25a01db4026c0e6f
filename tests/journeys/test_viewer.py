"""The viewer's journey: the workspace's pages read without a way to change them, and a
page that writes refused with a page in words."""

import pytest

pytestmark = pytest.mark.browser

READ = ["/", "/masterplan/", "/masterplan/buku-1/", "/masterplan/buku-2/", "/direktori/", "/assessments/"]


def test_viewer_reads_the_workspace_and_is_refused_a_write(journey):
    journey.sign_in("viewer_probolinggo@example.id", "kota-probolinggo")
    for path in READ:
        journey.visit(journey.workspace(path))
    journey.menu("Penilaian")
    journey.menu("Beranda")
    journey.visit(journey.workspace("/program/"))
    main = journey.page.locator("main")
    assert main.get_by_role("link", name="Tambah program").count() == 0
    assert main.get_by_role("link", name="Ubah").count() == 0

    # A page that writes: refused, and the refusal says so in words inside the site's frame.
    journey.visit(journey.workspace("/program/baru/"), status=404)
    assert "tidak memiliki akses" in main.inner_text()
    assert journey.page.get_by_role("link", name="Langsung ke isi").count() == 1
