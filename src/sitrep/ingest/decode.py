"""Bytes to text: UTF-8 first, the encodings French Windows machines write next, binary refused.

Newlines are normalised ("\\r\\n" and a lone "\\r" become "\\n") before anything else looks at the
text, so every character offset sitrep reports (evidence spans) refers to the normalised text.
"""

from __future__ import annotations

import codecs
import re
from types import MappingProxyType

import charset_normalizer

from sitrep.errors import InputError

#: A byte-order mark settles the encoding. UTF-32-LE's mark begins with UTF-16-LE's, so it is tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_NAMES = MappingProxyType({"utf-32": "UTF-32", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"})

#: C0 controls other than \t \n \v \f \r, DEL, and the C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DECODED_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
#: Above this share of control characters the "text" is a binary file (random bytes have about 10%).
MAX_CONTROL_SHARE = 0.05
#: In Western European text a byte >= 0x80 is an accented letter between ASCII ones; in Arabic or
#: Cyrillic written in a single-byte code page whole words are such bytes. Above this share of high
#: bytes in runs of three or more, charset-normalizer picks the code page (or finds binary data).
MAX_WESTERN_RUN_SHARE = 0.5
_HIGH_BYTES = bytes(range(0x80, 0x100))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_FRIENDLY_NAMES = MappingProxyType({"cp1252": "Windows-1252", "latin_1": "ISO-8859-1 (Latin-1)"})

BINARY_MESSAGE = "binary file, not text"
_BINARY_HINT = " (sitrep reads UTF-8 or Windows-1252 text, JSON lines, and their .gz)"


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> str | None:
    """The Python codec named by the byte-order mark `data` starts with, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_error(source: str) -> InputError:
    return InputError(BINARY_MESSAGE + _BINARY_HINT, source=source)


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str | None]:
    """Decode one input's bytes; return the text (newlines normalised) and a warning or None.

    Raises InputError naming `source` when the bytes are binary or contradict their byte-order mark.
    An empty input decodes to "" (the caller decides that it is a problem).
    """
    encoding = bom_encoding(data)
    if encoding is not None:
        text, warning = _decode_with_bom(data, encoding, source=source), None
    elif b"\x00" in data:
        raise binary_error(source)
    else:
        text, warning = _decode_without_bom(data, source=source)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise binary_error(source)
    return normalise_newlines(text), warning


def control_share(text: str) -> float:
    """Share of characters that are control codes other than whitespace (C0, DEL, C1)."""
    if not text:
        return 0.0
    return (len(text) - len(_CONTROLS.sub("", text))) / len(text)


def _decode_with_bom(data: bytes, encoding: str, *, source: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = _BOM_NAMES[encoding]
        raise InputError(
            f"starts with a {name} byte-order mark but is not valid {name} ({exc.reason} at byte "
            f"{exc.start}); re-save it as UTF-8",
            source=source,
        ) from None
    # The "utf-16"/"utf-32" codecs drop the mark; "utf-8-sig" too. A second mark would be content.
    return text


def _decode_without_bom(data: bytes, *, source: str) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _decode_legacy(data, source=source)


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with stray bytes (e.g. files joined from two sources): keep it UTF-8.

    "Mostly" means at least as many valid non-ASCII characters as invalid sequences; a Windows-1252
    file has almost none of the former. Decoding such a file as Windows-1252 would garble every
    accented letter of its valid part.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(_DECODED_NON_ASCII.sub("", text))
    if good < bad:
        return None
    return text, f"not valid UTF-8: {bad} invalid byte sequence(s) replaced by U+FFFD"


def _decode_legacy(data: bytes, *, source: str) -> tuple[str, str]:
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(data))
    if high and in_runs / high > MAX_WESTERN_RUN_SHARE:
        return _decode_guessed(data, source=source)
    try:
        return data.decode("cp1252"), f"not UTF-8; decoded as {_FRIENDLY_NAMES['cp1252']}"
    except UnicodeDecodeError:
        # Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in cp1252; Latin-1 decodes any byte.
        return data.decode("latin_1"), f"not UTF-8; decoded as {_FRIENDLY_NAMES['latin_1']}"


def _decode_guessed(data: bytes, *, source: str) -> tuple[str, str]:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise binary_error(source)
    name = _FRIENDLY_NAMES.get(best.encoding, best.encoding)
    return str(best), f"not UTF-8; decoded as {name} (guessed)"
