"""The upload limit (``SAMENSPEL_MAX_UPLOAD_MB``), kept before a byte is stored.

A form can only look at a file's size once Django has received it, and Django
writes a large upload to a temporary file first: a 2 GB "response file" would
fill the disk before any form refused it. :class:`UploadLimit` is the first
upload handler (settings ``FILE_UPLOAD_HANDLERS``): when a request's body is
larger than the limit (plus room for the form's other fields), it keeps
nothing of the file and hands the form an empty stand-in whose size is the
body's, so the form refuses it with its usual message, in the page the user
was on. Everything below the limit goes to Django's own handlers unchanged.
A proxy in front (``client_max_body_size`` in nginx) can stop such a request
even earlier; docs/WEB.md says so.
"""

from __future__ import annotations

import io
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers

from samenspel.web.alliances.texts import pick

ROOM_FOR_FIELDS = 1024 * 1024  # multipart headers and the form's other fields


def limit_bytes() -> int:
    return int(settings.SAMENSPEL_MAX_UPLOAD_MB) * 1024 * 1024


def within_limit(upload: Any) -> Any:
    """A form's ``clean_<file>``: refuse a file above the limit before it is read."""
    limit = settings.SAMENSPEL_MAX_UPLOAD_MB
    if upload.size > limit_bytes():
        size = upload.size / 1048576
        raise forms.ValidationError(pick(
            f"Dit bestand is {size:.0f} MB; het maximum is {limit} MB. Splits het, bijvoorbeeld per ronde.",
            f"This file is {size:.0f} MB; the limit is {limit} MB. Split it, for example per round."))
    return upload


class UploadLimit(FileUploadHandler):
    """Keep no part of a file whose request is larger than the upload limit (see the module)."""

    body_size = 0
    refusing = False

    def handle_raw_input(self, input_data: Any, META: Any, content_length: int, boundary: Any,
                         encoding: str | None = None) -> None:
        self.body_size = content_length

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.refusing = self.body_size > limit_bytes() + ROOM_FOR_FIELDS
        if self.refusing:
            raise StopFutureHandlers()  # no other handler sees this file: nothing in memory or on disk

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        return None if self.refusing else raw_data

    def file_complete(self, file_size: int) -> InMemoryUploadedFile | None:
        if not self.refusing:
            return None  # Django's own handlers give the file
        return InMemoryUploadedFile(io.BytesIO(b""), self.field_name, self.file_name, self.content_type,
                                    self.body_size, self.charset, self.content_type_extra)
