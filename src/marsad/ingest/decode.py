"""Bytes to text: UTF-8 (with or without BOM), UTF-16, Windows-1256; junk is refused with a reason."""

from __future__ import annotations

import codecs

from marsad.errors import InputError

MAX_BYTES = 5_000_000  # an article larger than this is refused, not read


def decode(data: bytes) -> str:
    """The text of `data`, or an InputError saying why it is not text.

    >>> decode("قصف".encode("cp1256"))
    'قصف'
    """
    if len(data) > MAX_BYTES:
        raise InputError("E103", f"too large: {len(data):,} bytes (the limit is {MAX_BYTES:,})")
    if not data.strip():
        raise InputError("E101", "empty input")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if _looks_utf16(data):
        return _strict(data, "utf-16-le" if data[1] == 0 else "utf-16-be")
    if b"\x00" in data:
        raise InputError("E102", "binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _strict(data, "cp1256")
    if _junk_share(text) > 0.1:
        raise InputError("E102", "binary data, not text (control characters)")
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("E104", f"undecodable as {encoding}: {exc.reason} at byte {exc.start}") from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of the first ones is NUL (Latin) or 0x06 (Arabic)."""
    head = data[:200]
    if len(head) < 4 or len(head) % 2:
        return False
    evens, odds = head[0::2], head[1::2]
    for hi in (odds, evens):
        share = sum(b in (0, 6) for b in hi) / len(hi)
        if share > 0.9:
            return True
    return False


def _junk_share(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return bad / len(sample)
