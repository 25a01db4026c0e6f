"""The English catalogue is complete and compiled: every Indonesian UI string has its English."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

PO = Path(settings.BASE_DIR) / "platform" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries():
    text = PO.read_text(encoding="utf-8")
    return [block for block in text.split("\n\n") if 'msgid ""\nmsgstr ""\n"Project' not in block]


def test_no_string_is_left_untranslated_or_fuzzy():
    untranslated = [
        b for b in _entries() if re.search(r'^msgstr(\[\d\])? ""\n?$', b, re.M) and '\n"' not in b.split("msgstr", 1)[1]
    ]
    fuzzy = [b for b in _entries() if "#, fuzzy" in b]
    assert not untranslated, untranslated[:3]
    assert not fuzzy, fuzzy[:3]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_the_compiled_catalogue_matches_the_source(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == PO.with_suffix(".mo").read_bytes(), "run manage.py compilemessages"


def test_pages_of_the_masterplan_and_assessments_speak_english():
    with translation.override("en"):
        assert translation.gettext("Masterplan daerah") == "Regional masterplans"
        assert translation.gettext("Penilaian (monev)") != "Penilaian (monev)"
        assert translation.gettext("Simpan") == "Save"
