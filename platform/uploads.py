"""What an uploaded file really is, read from its first bytes: the one sniffer of every upload.

A file's name and declared content type are the sender's claim; its first bytes are not.
Every upload (commitment scans, evidence files, Excel workbooks) is recognised here, by one
table of signatures. OOXML documents (XLSX, DOCX, PPTX) are ZIP containers: the sniffer says
``zip`` and the caller opens the container when it needs to know more.
"""

from dataclasses import dataclass

HEAD_BYTES = 16  # enough for every signature below


@dataclass(frozen=True)
class FileKind:
    name: str  # "pdf", "jpeg", "png", "zip"
    content_type: str
    extension: str  # the canonical one, without the dot


PDF = FileKind("pdf", "application/pdf", "pdf")
JPEG = FileKind("jpeg", "image/jpeg", "jpg")
PNG = FileKind("png", "image/png", "png")
ZIP = FileKind("zip", "application/zip", "zip")

SIGNATURES: tuple[tuple[bytes, FileKind], ...] = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"PK\x03\x04", ZIP),
)


def sniff(head: bytes) -> FileKind | None:
    """The kind of a file from its first bytes (at least ``HEAD_BYTES`` when it has them), else ``None``."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def sniff_upload(upload) -> FileKind | None:
    """The kind of an uploaded file (anything with ``seek`` and ``read``); leaves it at its start."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return sniff(head)
