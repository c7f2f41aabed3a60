"""Content hashes used in file names and cache keys."""

import hashlib


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short_hash(data: bytes, length: int = 10) -> str:
    return sha256_hex(data)[:length]
