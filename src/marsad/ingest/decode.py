"""Bytes to text: UTF-8 (with or without BOM), UTF-16, Windows-1256, ISO-8859-6; junk is refused.

Refused with a reason (an InputError): too large (E103), empty (E101), binary (E102), undecodable
(E104), and mojibake (E107): Arabic that was already garbled by a wrong decoding before it reached
us (`Ø§Ù„` or `ط§ظ„` for `ال`), which no choice of codec here can repair honestly.
"""

from __future__ import annotations

import codecs

import regex

from marsad.errors import InputError

MAX_BYTES = 5_000_000  # an article (or a page) larger than this is refused, not read

_WORD = regex.compile(r"\p{L}+")
_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"\p{Latin}")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")  # not tab, newline, CR, FF, VT


def decode(data: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of `data`, or an InputError saying why it is not text.

    >>> decode("قصف".encode("cp1256"))
    'قصف'
    >>> decode(codecs.BOM_UTF8 + "قصف".encode())
    'قصف'
    """
    if len(data) > max_bytes:
        raise InputError("E103", f"too large: over the limit of {max_bytes:,} bytes for one article")
    if not data.strip():
        raise InputError("E101", "empty input")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[3:], "utf-8"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(data, "utf-16"))
    order = _utf16_order(data)
    if order:
        return _checked(_strict(data, order))
    if b"\x00" in data:
        raise InputError("E102", "binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _single_byte(data)
    return _checked(text)


def _checked(text: str) -> str:
    if _junk_share(text) > 0.1:
        raise InputError("E102", "binary data, not text (control characters)")
    codec = mojibake_codec(text)
    if codec:
        raise InputError("E107", f"mojibake: UTF-8 Arabic that was decoded as {codec} before it was saved")
    return text


def _single_byte(data: bytes) -> str:
    """Windows-1256, or ISO-8859-6 when 1256 gives words mixing Arabic and Latin letters."""
    text = data.decode("cp1256")  # every byte is defined in 1256: this cannot fail
    if _mixed_share(text) <= 0.05:
        return text
    try:
        iso = data.decode("iso-8859-6")
    except UnicodeDecodeError:
        iso = None
    if iso is not None and _mixed_share(iso) <= 0.05:
        return iso
    raise InputError("E104", "undecodable: neither UTF-8, UTF-16, Windows-1256 nor ISO-8859-6 gives "
                     "Arabic words (wrong encoding?)")


def mojibake_codec(text: str) -> str | None:
    """The codec that garbled `text`, when re-encoding a sample with it gives back Arabic UTF-8.

    >>> mojibake_codec("قتل".encode().decode("cp1256"))
    'cp1256'
    >>> mojibake_codec("قتل جندي") is None
    True
    """
    sample = "".join(_NON_ASCII.findall(text[:3000]))[:1000]
    if len(sample) < 6:
        return None
    for codec in ("cp1256", "latin-1", "cp1252"):
        try:
            fixed = sample.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != sample and len(_ARABIC.findall(fixed)) > len(fixed) / 2:
            return codec
    return None


def _mixed_share(text: str) -> float:
    """The share of words that mix Arabic and Latin letters (a wrong single-byte codec)."""
    words = [w for w in _WORD.findall(text[:20000]) if _ARABIC.search(w)]
    if not words:
        return 0.0
    mixed = sum(1 for w in words if _LATIN.search(w))
    return mixed / len(words)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("E104", f"undecodable as {encoding}: {exc.reason} at byte {exc.start}") from None


def _utf16_order(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of the first ones is NUL (Latin) or 0x06 (Arabic);
    odd positions high means little-endian."""
    head = data[:200]
    if len(head) < 4 or len(head) % 2:
        return None
    for hi, order in ((head[1::2], "utf-16-le"), (head[0::2], "utf-16-be")):
        if sum(b in (0, 6) for b in hi) / len(hi) > 0.9:
            return order
    return None


def _junk_share(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)
