"""What a file is, from its first bytes (magic numbers), and whether we accept it.

The type comes from the content, never from the name or the client's Content-Type header. A
name whose extension names another type is refused too, so an HTML page called `photo.png`
cannot reach a browser that trusts the extension.
"""

from __future__ import annotations

import codecs
import unicodedata

import filetype

# Bytes read before deciding; what `filetype` itself looks at.
SNIFF_BYTES = 8192
TEXT = "text/plain"

# The accepted types and the extensions a file of that type may carry (harmless aliases).
ALLOWED = {
    "image/jpeg": ("jpg", "jpeg", "jpe", "jfif"),
    "image/png": ("png",),
    "image/gif": ("gif",),
    "image/webp": ("webp",),
    "image/heic": ("heic", "heif"),
    "image/heif": ("heif", "heic"),
    "image/avif": ("avif",),
    "video/mp4": ("mp4", "m4v"),
    "video/quicktime": ("mov", "qt"),
    "video/webm": ("webm",),
    "application/pdf": ("pdf",),
    "application/msword": ("doc",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx",),
    "application/vnd.ms-excel": ("xls",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx",),
    "application/vnd.ms-powerpoint": ("ppt",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("pptx",),
    "application/vnd.oasis.opendocument.text": ("odt",),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods",),
    "application/vnd.oasis.opendocument.presentation": ("odp",),
    TEXT: ("txt", "text", "csv", "tsv", "log", "md"),
}
# Shown inline (previews, the video player): what browsers render without running anything.
INLINE = frozenset(
    {
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "image/avif",
        "video/mp4",
        "video/webm",
        "video/quicktime",
    }
)
# HEIF brands `filetype` does not name (iPhone photos, image sequences): ISO-BMFF `ftyp` brands.
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis"}
_HEIF_BRANDS = {b"mif1", b"msf1"}
# Text that a browser (or an old one sniffing) might run: refused even as text/plain.
_MARKUP_STARTS = (
    "<!doctype",
    "<html",
    "<head",
    "<body",
    "<script",
    "<svg",
    "<?xml",
    "<iframe",
    "<!--",
    "<?php",
)
_MARKUP_ANYWHERE = ("<script", "<html", "<svg", "<iframe", "javascript:")
_TEXT_CONTROLS_ALLOWED = {"\t", "\n", "\r", "\f"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_DOCUMENTS = {
    ext: mime
    for mime, exts in ALLOWED.items()
    if "openxmlformats" in mime or "opendocument" in mime
    for ext in exts
}
_OLE_DOCUMENTS = {
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
}


def accept_attribute() -> str:
    """The extensions and types for an `<input type=file accept=...>`."""
    extensions = [f".{ext}" for exts in ALLOWED.values() for ext in exts]
    return ",".join([*dict.fromkeys(extensions), "image/*", "video/*"])


def _iso_bmff_heif(head: bytes) -> str | None:
    if len(head) < 16 or head[4:8] != b"ftyp":
        return None
    box_end = min(int.from_bytes(head[0:4], "big"), len(head))
    brands = {head[8:12]} | {head[i : i + 4] for i in range(16, box_end - 3, 4)}
    if brands & _HEIC_BRANDS:
        return "image/heic"
    if head[8:12] in _HEIF_BRANDS:
        return "image/heif"
    return None


def _is_plain_text(head: bytes, complete: bool) -> bool:
    """UTF-8 without NULs or other control characters, and not markup. A multi-byte character
    cut off by the end of `head` is fine when the file goes on."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        return False
    if any(unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS_ALLOWED for ch in text):
        return False
    start = text.lstrip("\ufeff \t\r\n\f").lower()
    if start.startswith(_MARKUP_STARTS):
        return False
    return not any(marker in start[:1024] for marker in _MARKUP_ANYWHERE)


def _office_container(head: bytes, filename: str) -> str | None:
    """An office document whose container the bytes prove (ZIP for OOXML/ODF, OLE2 for the
    97-2003 formats) but whose kind sits beyond what `filetype` reads (entries in another
    order, other writers): the name's extension picks the kind within that container."""
    ext = extension(filename)
    containers = _ZIP_DOCUMENTS if head.startswith(_ZIP_MAGIC) else None
    if head.startswith(_OLE_MAGIC):
        containers = _OLE_DOCUMENTS
    return containers.get(ext) if containers and ext else None


def detect(head: bytes, *, complete: bool, filename: str = "") -> str | None:
    """The accepted MIME type of a file starting with `head` (`complete`: that is all of it),
    or None when it is not one we accept."""
    kind = filetype.guess(head) if head else None
    mime = kind.mime if kind is not None else _iso_bmff_heif(head)
    if mime in (None, "application/zip", "application/x-ole-storage"):
        mime = _office_container(head, filename) or mime
    if mime is not None:
        return mime if mime in ALLOWED else None
    return TEXT if _is_plain_text(head, complete) else None


def extension(filename: str) -> str | None:
    """The extension a name claims (lower case), or None when it has none: `v1.2` or a dot
    file names no type."""
    stem, dot, ext = filename.rpartition(".")
    if not (dot and stem and ext.isascii() and ext.isalnum()) or ext.isdigit() or len(ext) > 10:
        return None
    return ext.lower()


def name_matches(filename: str, mime: str) -> bool:
    """Whether the name's extension (if any) is one the detected type may carry."""
    ext = extension(filename)
    return ext is None or ext in ALLOWED[mime]


def is_inline(mime: str) -> bool:
    return mime in INLINE
