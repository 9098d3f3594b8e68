"""Pwned Passwords corpora for tests, in both of the downloader's layouts."""

from __future__ import annotations

import os
from pathlib import Path

from auditor.breach import sha1_hex


def random_hashes(count: int) -> list[str]:
    return [os.urandom(20).hex().upper() for _ in range(count)]


def write_sorted_file(
    path: Path, counts: dict[str, int], newline: str = "\r\n", final_newline: bool = True
) -> Path:
    lines = [f"{h}:{c}" for h, c in sorted(counts.items())]
    path.write_bytes((newline.join(lines) + (newline if final_newline else "")).encode())
    return path


def write_prefix_directory(
    path: Path, counts: dict[str, int], newline: str = "\r\n", also: tuple[str, ...] = ()
) -> Path:
    """The per-prefix layout; `also` lists hashes whose prefix files must exist (a complete
    download has all 16^5 of them) without holding those hashes."""
    path.mkdir(parents=True, exist_ok=True)
    by_prefix: dict[str, list[str]] = {value[:5]: [] for value in also}
    for value, count in sorted(counts.items()):
        by_prefix.setdefault(value[:5], []).append(f"{value[5:]}:{count}")
    for prefix, lines in by_prefix.items():
        text = newline.join(lines) + newline if lines else ""
        (path / f"{prefix}.txt").write_bytes(text.encode())
    return path


def corpus_with(passwords: dict[str, int], noise: int = 5000) -> dict[str, int]:
    """Random hashes plus the planted passwords, hash → count."""
    counts = {h: (i % 97) + 1 for i, h in enumerate(random_hashes(noise))}
    counts.update({sha1_hex(p): c for p, c in passwords.items()})
    return counts
