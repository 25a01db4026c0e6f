"""The framework version's settings read numbers the Indonesian way in text boxes (issue 13,
item 6): "0,00" in a browser's number box showed empty and blocked saving."""

import re
from decimal import Decimal

from tests.assessments.conftest import APEX

FIELDS = {"name": "Pedoman 2027", "year": "2027", "decimals": "2", "rounding": "half_up", "description": ""}


def _input(page: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)


def test_the_scale_is_typed_in_text_boxes_and_shown_with_a_decimal_comma(admin, draft):
    page = admin.get(f"/frameworks/{draft.pk}/settings/", HTTP_HOST=APEX).content.decode()
    for name in ("scale_min", "scale_max"):
        box = _input(page, name)
        assert 'type="text"' in box and 'inputmode="decimal"' in box and 'type="number"' not in box


def test_a_form_shown_again_with_0_00_keeps_it_and_saves(admin, draft):
    url = f"/frameworks/{draft.pk}/settings/"
    refused = admin.post(url, FIELDS | {"scale_min": "0,00", "scale_max": "4,5", "name": ""}, HTTP_HOST=APEX)
    assert refused.status_code == 400  # the missing name: the form comes back with its errors
    page = refused.content.decode()
    shown = {n: re.search(r'value="([^"]*)"', _input(page, n)).group(1) for n in ("scale_min", "scale_max")}
    assert shown == {"scale_min": "0", "scale_max": "4,50"}  # not empty: the zero is kept
    saved = admin.post(url, FIELDS | shown, HTTP_HOST=APEX)
    assert saved.status_code == 302
    draft.refresh_from_db()
    assert (draft.scale_min, draft.scale_max) == (Decimal("0"), Decimal("4.5"))
