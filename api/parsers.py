"""The API's request parsers: DRF's JSON, form and multipart parsers, refusing with a 400
what would otherwise fail deep inside a view or a query (a 500).

- JSON nested so deeply that the decoder runs out of stack (``"[" * 100000``) raises
  ``RecursionError``, which DRF's parser does not catch; it is a ``ParseError`` here, and so
  is anything nested deeper than ``MAX_DEPTH`` (no request of this API needs more, and later
  code that walks the data recursively must not meet what the decoder barely survived).
- A NUL character in any string or key of a body is refused with a 400 naming the field
  (``funding[0].source``): PostgreSQL text cannot hold NUL, so a value used in a lookup
  (a dimension code, an OPD acronym) would fail in the query. Serializer ``CharField``\\s
  refuse it already, lookups by slug do not; refusing it here covers every endpoint at once.
  The address (path and query string) is checked by ``platform.middleware``, before any view.
"""

import codecs

from django.utils.translation import gettext
from rest_framework import exceptions, parsers
from rest_framework.settings import api_settings
from rest_framework.utils import json

MAX_DEPTH = 64
MAX_REPORTED = 20


def _too_deep() -> exceptions.ParseError:
    return exceptions.ParseError(
        gettext("JSON bersarang terlalu dalam (lebih dari %(depth)d tingkat).") % {"depth": MAX_DEPTH}
    )


def _nul_free_key(key: str) -> str:
    return key.replace("\x00", "\\x00")


def refuse_nul_and_depth(data) -> None:
    """Raise a field-keyed ``ValidationError`` for strings holding NUL, ``ParseError`` for
    nesting deeper than ``MAX_DEPTH``. Iterative, so the walk itself cannot overflow."""
    found: list[str] = []
    pending = [("", data, 0)]
    while pending:
        path, value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise _too_deep()
        if isinstance(value, str):
            if "\x00" in value:
                found.append(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                key = str(key)
                child = f"{path}.{_nul_free_key(key)}" if path else _nul_free_key(key)
                if "\x00" in key:
                    found.append(child)
                pending.append((child, item, depth + 1))
        elif isinstance(value, list | tuple):
            pending.extend((f"{path}[{index}]", item, depth + 1) for index, item in enumerate(value))
    if found:
        message = gettext("Isian tidak boleh berisi karakter NUL.")
        keys = sorted(found)[:MAX_REPORTED]
        raise exceptions.ValidationError({key or api_settings.NON_FIELD_ERRORS_KEY: [message] for key in keys})


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        parse_constant = json.strict_constant if self.strict else None
        try:
            data = json.load(codecs.getreader(encoding)(stream), parse_constant=parse_constant)
        except RecursionError:
            raise _too_deep() from None
        except ValueError as exc:
            raise exceptions.ParseError(gettext("JSON tidak valid: %(error)s") % {"error": exc}) from None
        refuse_nul_and_depth(data)
        return data


def _fields(lists) -> dict:
    """A form's fields as the walk sees them: one value as itself, repeated values as a list."""
    return {key: values[0] if len(values) == 1 else values for key, values in lists}


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        refuse_nul_and_depth(_fields(data.lists()))
        return data


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        names = ((key, [upload.name or "" for upload in uploads]) for key, uploads in result.files.lists())
        refuse_nul_and_depth({**_fields(result.data.lists()), **_fields(names)})
        return result
