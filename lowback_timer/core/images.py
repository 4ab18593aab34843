"""The content's pictures checked as files: a real SVG document inside assets/ (the loader
reports a picture that is not one where the content names it)."""

from __future__ import annotations

import functools
import stat

from lowback_timer.core.content import assets_dir

#: A picture larger than this is refused unread (the bundled ones are a few KB).
MAX_IMAGE_BYTES = 1024 * 1024
_SVG_ROOTS = ("svg", "{http://www.w3.org/2000/svg}svg")


def image_problem(image: str) -> str | None:
    """What is wrong with the picture `image` (a path relative to assets/), or None.

    The name alone proves nothing: after following links the file must still be inside
    assets/, be a regular file of sane size, and parse as an SVG document."""
    try:
        root = assets_dir().resolve()
        path = (root / image).resolve()
    except (OSError, RuntimeError):  # e.g. a loop of links
        return "not found in assets/"
    if not path.is_relative_to(root):
        return "leads outside assets/"
    try:
        info = path.stat()
    except OSError:
        return "not found in assets/"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file"
    if info.st_size > MAX_IMAGE_BYTES:
        return f"is larger than {MAX_IMAGE_BYTES} bytes (1 MiB)"
    if not _is_svg(str(path), info.st_mtime_ns, info.st_size):
        return "is not an SVG picture"
    return None


@functools.lru_cache(maxsize=256)
def _is_svg(path: str, mtime_ns: int, size: int) -> bool:
    """Whether the file parses as an XML document whose root is <svg>; cached per path and
    version (`mtime_ns`, `size`), so that loading the content again parses nothing."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_IMAGE_BYTES + 1)
        # Parsed as text, so that the XML declaration cannot switch to another encoding.
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if len(data) > MAX_IMAGE_BYTES or "<!DOCTYPE" in text or "<!ENTITY" in text:
        return False  # no DTD, so no entities to expand (or to fetch)
    import xml.etree.ElementTree as ET  # only when a picture is checked

    try:
        parser = ET.XMLParser()
        parser.feed(text)
        root = parser.close()
    except ET.ParseError:
        return False
    return root.tag in _SVG_ROOTS
