"""API keys for writes: generated at random, stored only as salted scrypt hashes.

A hash looks like ``scrypt:16384:8:1:<salt hex>:<digest hex>``; put it in the settings
(``api_key_hashes`` in the TOML file, or ``POLYBIUS_API_KEY_HASHES`` comma-separated, or
``polybius serve --api-key-hash``).  The key itself is shown once, by ``polybius api-key``,
and never written anywhere by Polybius.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading

_N, _R, _P = 2**14, 8, 1
_DKLEN = 32
PREFIX = "scrypt"


class KeyFormatError(ValueError):
    pass


class KeyCheckBusy(RuntimeError):
    pass


def new_key() -> str:
    """A fresh random API key (256 bits, URL-safe)."""
    return "pbk_" + secrets.token_urlsafe(32)


def hash_key(key: str, *, salt: bytes | None = None, n: int = _N, r: int = _R, p: int = _P) -> str:
    if not key:
        raise ValueError("an API key cannot be empty")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(key.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_DKLEN, maxmem=64 * 1024 * 1024)
    return f"{PREFIX}:{n}:{r}:{p}:{salt.hex()}:{digest.hex()}"


def parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.strip().split(":")
    if len(parts) != 6 or parts[0] != PREFIX:
        raise KeyFormatError(f"not an API key hash (expected {PREFIX}:N:r:p:salt:digest): {stored[:20]!r}...")
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        raise KeyFormatError("malformed API key hash") from None
    if n < 2**10 or n & (n - 1) or not (1 <= r <= 32) or not (1 <= p <= 16) or len(salt) < 8 or len(digest) < 16:
        raise KeyFormatError("API key hash parameters out of range")
    return n, r, p, salt, digest


def verify_key(key: str, stored: str) -> bool:
    n, r, p, salt, digest = parse_hash(stored)
    got = hashlib.scrypt(key.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(digest), maxmem=64 * 1024 * 1024)
    return hmac.compare_digest(got, digest)


class KeyChecker:
    """Checks presented keys against the configured hashes.

    scrypt is slow on purpose; a key that passed once is remembered for the life of the
    process as a keyed HMAC (in memory only), so a client posting many documents pays
    the cost once."""

    def __init__(self, hashes: list[str] | tuple[str, ...]):
        self.hashes = [h.strip() for h in hashes if h and h.strip()]
        for h in self.hashes:
            parse_hash(h)  # fail at start-up, not at the first request
        self._pepper = secrets.token_bytes(32)
        self._good: set[bytes] = set()
        self._lock = threading.Lock()
        # scrypt costs ~16 MiB and tens of ms: at most two checks at a time, so a flood of wrong
        # keys cannot take every core and all memory; the rest are told to retry.
        self._slots = threading.BoundedSemaphore(2)

    @property
    def enabled(self) -> bool:
        return bool(self.hashes)

    def check(self, key: str | None) -> bool:
        if not key or not self.hashes or len(key) > 512:
            return False
        tag = hmac.new(self._pepper, key.encode("utf-8"), hashlib.sha256).digest()
        with self._lock:
            if tag in self._good:
                return True
        if not self._slots.acquire(timeout=5):
            raise KeyCheckBusy("too many API key checks at once; retry")
        try:
            ok = any(verify_key(key, h) for h in self.hashes)
        finally:
            self._slots.release()
        if ok:
            with self._lock:
                if len(self._good) < 1024:
                    self._good.add(tag)
        return ok
