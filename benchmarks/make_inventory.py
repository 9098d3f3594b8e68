"""A realistic generated inventory for benchmarks: `python benchmarks/make_inventory.py N
[--seed S] [--out DIR] [--backend file|secretservice]`.

What an agency's inventory looks like: stores on Amazon (several regions), eBay, Shopify,
Walmart, Etsy and TikTok Shop, payment accounts, and client mailboxes that several stores sign
in through; about 30% of accounts reuse another's password exactly, about 15% follow the "same
base, new platform and year" habit, a few have very long passwords; 2FA is a mix of TOTP (with
stored seeds, some of them 80-bit), SMS (phones shared within a client), none and unknown.
The generator itself is tests/generated_inventory.py (the golden files use it too).

Writes DIR/store-audit.toml and stores the secrets in the chosen backend: `file` (the benchmark
JSON backend, DIR/secrets.json) or `secretservice` (the running Secret Service, via keyring).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.generated_inventory import generate  # noqa: E402

__all__ = ["generate", "main"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("bench-inventory"))
    parser.add_argument("--backend", choices=["file", "secretservice"], default="file")
    args = parser.parse_args()
    text, secrets = generate(args.count, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "store-audit.toml").write_text(text)
    if args.backend == "file":
        from file_keyring import write

        write(str(args.out / "secrets.json"), secrets)
        where = f"{args.out / 'secrets.json'} (PYTHON_KEYRING_BACKEND=file_keyring.JsonFileKeyring)"
    else:
        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        for (service, user), value in secrets.items():
            backend.set_password(service, user, value)
        where = "the Secret Service"
    print(
        f"{args.count} accounts in {args.out / 'store-audit.toml'}, "
        f"{len(secrets)} secrets in {where}"
    )


if __name__ == "__main__":
    main()
