"""No secret leaves the process: canary passwords and seeds are planted in the keyring, then every
command, format and error path runs, and stdout, stderr, written files and exception messages are
searched for the canaries, their SHA-1/SHA-256/MD5 hex, base64, reversed forms and fragments."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from auditor.demo import DEMO_BACKUP_CODES, DEMO_PASSWORDS, DEMO_SEEDS
from auditor.errors import ExitCode
from auditor.report import FORMATS
from tests.canaries import find_leaks, leak_forms, random_core, random_seed
from tests.conftest import UseBackend, invoke
from tests.keyrings import MemoryKeyring

INVENTORY = """\
version = 1
[seller]
name = "Acme Canary Goods"
[[accounts]]
id = "box"
platform = "gmail"
login = "owner@gmail.com"
mfa = "none"
[[accounts]]
id = "shop"
platform = "shopify"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "amazon"
platform = "amazon"
login = "amz@acme.test"
mfa = "totp"
security_questions = true
login_users = ["owner", "agency"]
[[accounts]]
id = "ebay"
platform = "ebay"
login = "ebay@acme.test"
mfa = "totp"
security_questions = true
login_users = ["owner", "va"]
[[accounts]]
id = "etsy"
platform = "etsy"
login = "etsy@acme.test"
mfa = "totp"
[[accounts]]
id = "long"
platform = "walmart"
login = "long@acme.test"
mfa = "sms"
[[people]]
id = "owner"
role = "owner"
[[people]]
id = "va"
role = "virtual-assistant"
[[people]]
id = "agency"
role = "agency"
left = 2020-01-01
"""


class Canaries:
    """Random secrets planted in a keyring, and the forms of each that must never appear."""

    def __init__(self) -> None:
        reused, similar, weak, long_, invalid = (random_core() for _ in range(5))
        seed_good, seed_weak, seed_uri = random_seed(20), random_seed(10), random_seed(20)
        self.passwords = {
            "box": (f"Reused-{reused}-x!", reused),
            "shop": (f"Reused-{reused}-x!", reused),
            "amazon": (f"Acme-Amazon-{similar}!", similar),
            "ebay": (f"Acme-Ebay-{similar}?", similar),
            "etsy": (f"w{weak[:10]}", weak[:10]),  # shorter than 12: weak
            "long": ((f"L{long_}" * 80), long_),  # 1,040 characters
        }
        self.seeds = {
            "shop": (seed_good, seed_good),
            "ebay": (seed_weak, seed_weak),  # 80 bits: weak
            "amazon": (
                f"otpauth://totp/eBay:someone%40else.test?secret={seed_uri}&issuer=eBay",
                seed_uri,
            ),
            "etsy": (f"{invalid}!!", invalid),  # not base32
        }
        codes = [random_core() for _ in range(3)]
        self.backup_codes = {  # two left on shop: mfa.few-backup-codes; one on amazon
            "shop": (f"{codes[0]}\n{codes[1]}", codes[0]),
            "amazon": (codes[2], codes[2]),
        }
        answer = f"Answer {random_core()}"
        self.answers = {  # the same answer on amazon and ebay: recovery.answers-reused
            "amazon": (f"{answer}\nRiver {random_core()}", answer[7:]),
            "ebay": (answer.upper(), answer[7:].upper()),
        }
        self.forms = {
            f"{kind} {account}": leak_forms(value, core)
            for kind, table in (
                ("password", self.passwords),
                ("seed", self.seeds),
                ("backup codes", self.backup_codes),
                ("answers", self.answers),
            )
            for account, (value, core) in table.items()
        }
        self.forms["backup code shop 2"] = leak_forms(codes[1], codes[1])

    def plant(self, keyring: MemoryKeyring, inventory_text: str) -> None:
        logins = {}
        account = None
        for line in inventory_text.splitlines():
            if line.startswith("id = "):
                account = line.split('"')[1]
            if line.startswith("login = ") and account:
                logins[account] = line.split('"')[1]
        for account_id, (value, _) in self.passwords.items():
            keyring.entries[f"store-audit/{account_id}", logins[account_id]] = value
        for account_id, (value, _) in self.seeds.items():
            keyring.entries[f"store-audit/{account_id}/totp", logins[account_id]] = value
        for account_id, (value, _) in self.backup_codes.items():
            keyring.entries[f"store-audit/{account_id}/backup", logins[account_id]] = value
        for account_id, (value, _) in self.answers.items():
            keyring.entries[f"store-audit/{account_id}/answers", logins[account_id]] = value


@pytest.fixture
def canaries(tmp_path: Path, memory_keyring: MemoryKeyring) -> tuple[Canaries, Path]:
    planted = Canaries()
    planted.plant(memory_keyring, INVENTORY)
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    return planted, path


def assert_clean(result: Result, canaries: Canaries, *files: Path) -> None:
    texts = [result.stdout, result.stderr, *(f.read_text() for f in files if f.exists())]
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        texts.append(repr(result.exception))
    assert find_leaks(texts, canaries.forms) == []
    assert "Traceback" not in result.stderr


def test_the_canary_inventory_exercises_the_password_and_seed_checks(
    canaries: tuple[Canaries, Path],
) -> None:
    _, path = canaries
    result = invoke("audit", "--inventory", path, "--format", "json")
    checks = {f["check"] for f in json.loads(result.stdout)["findings"]}
    assert checks >= {
        "password.reused",
        "password.similar",
        "password.weak",
        "password.contains-identity",
        "mfa.totp-weak-seed",
        "mfa.totp-invalid",
        "email.totp-label-mismatch",
        "recovery.weak-link",
        "mfa.missing",
        "mfa.few-backup-codes",
        "mfa.no-backup-codes",
        "recovery.answers-reused",
        "access.primary-login-shared",
        "access.departed",
        "password.known-to-departed",
    }


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize(
    "command",
    [
        ["audit"],
        ["onboard", "shop"],
        ["audit", "--account", "amazon"],
        ["audit", "--no-ignores", "--fail-on", "info"],
    ],
)
def test_no_leak_on_stdout(canaries: tuple[Canaries, Path], command: list[str], fmt: str) -> None:
    planted, path = canaries
    result = invoke(*command, "--inventory", path, "--format", fmt)
    assert result.exit_code in (ExitCode.OK, ExitCode.FINDINGS)
    assert_clean(result, planted)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_leak_in_baseline_reports(
    canaries: tuple[Canaries, Path], tmp_path: Path, fmt: str
) -> None:
    """A baseline adds new / in-baseline marks, new actions, the keys fixed since it, and SARIF's
    absent results and uriBaseId; none of them carries a secret."""
    planted, path = canaries
    baseline = tmp_path / "baseline.json"
    written = invoke("audit", "--inventory", path, "--write-baseline", baseline)
    document = json.loads(baseline.read_text())
    document["keys"] = [*document["keys"][1:], "mfa.missing:shop"]  # one new, one fixed
    baseline.write_text(json.dumps(document))
    result = invoke(
        "audit",
        "--inventory",
        path,
        "--baseline",
        baseline,
        "--format",
        fmt,
        "--sarif-root",
        tmp_path,
    )
    assert result.exit_code in (ExitCode.OK, ExitCode.FINDINGS)
    assert_clean(written, planted, baseline)
    assert_clean(result, planted)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_leak_in_written_reports(
    canaries: tuple[Canaries, Path], tmp_path: Path, fmt: str
) -> None:
    planted, path = canaries
    out = tmp_path / f"report.{fmt}"
    result = invoke("audit", "--inventory", path, "--format", fmt, "--output", out)
    assert out.stat().st_size > 0
    assert_clean(result, planted, out)


def test_no_leak_from_doctor_and_checks(canaries: tuple[Canaries, Path]) -> None:
    planted, path = canaries
    assert_clean(invoke("doctor", "--inventory", path), planted)
    assert_clean(invoke("checks"), planted)


class FailingAfter(MemoryKeyring):
    """Answers `k` reads from a real set of entries, then fails like a backend losing D-Bus."""

    def __init__(self, entries: dict[tuple[str, str], str], k: int) -> None:
        super().__init__()
        self.entries, self.k = dict(entries), k

    def get_password(self, service: str, username: str) -> str | None:
        if self.reads >= self.k:
            raise RuntimeError("org.freedesktop.DBus.Error.NoReply: connection lost")
        return super().get_password(service, username)


def test_no_leak_when_the_keyring_fails_at_any_read(
    canaries: tuple[Canaries, Path], memory_keyring: MemoryKeyring, use_backend: UseBackend
) -> None:
    planted, path = canaries
    reads = 3 * 6 + 2  # a password, a seed and backup codes per account; answers on two
    for k in range(reads):
        use_backend(FailingAfter(memory_keyring.entries, k))
        for command in (["audit"], ["doctor"]):
            result = invoke(*command, "--inventory", path)
            assert result.exit_code == ExitCode.KEYRING, (k, command)
            assert_clean(result, planted)


@pytest.mark.parametrize(
    ("change", "args"),
    [
        # a password pasted into the inventory by mistake is never echoed back
        (lambda text, secret: text + f'password = "{secret}"\n', []),
        (lambda text, secret: text.replace('mfa = "sms"', f'mfa = "sms"\nnotes = "{secret}"'), []),
        # ... in quotes a Chinese input method typed: the error names the quotes alone
        (lambda text, secret: text + f"password = “{secret}，”\n", []),
        (lambda text, secret: text, ["--output", "/nonexistent-dir/report.json"]),
        (lambda text, secret: text, ["--account", "nobody"]),
    ],
    ids=[
        "password key in inventory",
        "secret in unknown key",
        "secret in full-width quotes",
        "unwritable output",
        "unknown account",
    ],
)
def test_no_leak_on_usage_errors(
    canaries: tuple[Canaries, Path], change: Callable[[str, str], str], args: list[str]
) -> None:
    planted, path = canaries
    path.write_text(change(INVENTORY, planted.passwords["box"][0]))
    result = invoke("audit", "--inventory", path, *args)
    assert result.exit_code == ExitCode.USAGE
    assert_clean(result, planted)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_demo_never_shows_its_own_secrets(fmt: str, tmp_path: Path) -> None:
    def secret_part(value: str) -> str:  # an otpauth URI's label is the login, not a secret
        return value.split("secret=")[1].split("&")[0] if "secret=" in value else value

    forms = {
        f"demo {i}": leak_forms(v, secret_part(v))
        for i, v in enumerate(
            [
                *DEMO_PASSWORDS.values(),
                *DEMO_SEEDS.values(),
                *(code for codes in DEMO_BACKUP_CODES.values() for code in codes.splitlines()),
            ]
        )
    }
    out = tmp_path / "demo-report"
    for result, files in (
        (invoke("demo", "--format", fmt), ()),
        (invoke("demo", "--format", fmt, "--output", out), (out,)),
    ):
        texts = [result.stdout, result.stderr, *(f.read_text() for f in files)]
        assert find_leaks(texts, forms) == []


def test_no_leak_from_the_commands_that_write_secrets(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """add, set-secret, import (dry run, real, repeated, refused), verify-totp, list, set
    login=, rename and remove, with canary passwords and seeds typed at prompts, piped on stdin
    and read from exports."""
    import pyotp

    from tests.exports import EXPORTS, make_logins

    password, seed, replacement = f"Add-{random_core()}!x", random_seed(20), f"Set-{random_core()}"
    twin_seed = random_seed(20)
    codes = [f"{random_core()[:5]}-{random_core()[:5]}" for _ in range(3)]
    answers = [f"Pet {random_core()}", f"Town {random_core()}"]
    logins = make_logins()
    forms = {
        "add password": leak_forms(password, password),
        "add seed": leak_forms(seed, seed),
        "twin seed": leak_forms(twin_seed, twin_seed),
        "set-secret": leak_forms(replacement, replacement),
        **{f"backup code {i}": leak_forms(c, c.replace("-", "")) for i, c in enumerate(codes)},
        **{f"answer {i}": leak_forms(a, a.split()[1]) for i, a in enumerate(answers)},
        **{
            f"export {x.title}": leak_forms(x.password, x.password)
            for x in logins.logins
            if x.password
        },
        **{
            f"export seed {x.title}": leak_forms(
                x.totp.split("secret=")[-1].split("&")[0], x.totp.split("secret=")[-1].split("&")[0]
            )
            for x in logins.logins
            if x.totp
        },
    }
    inventory = tmp_path / "store-audit.toml"
    add_shop = [
        *"add shop --platform shopify --login o@acme.test --mfa totp".split(),
        "--inventory",
        str(inventory),
    ]
    results = [
        invoke(*add_shop, input=f"{password}\n{password}\n{seed}\n"),
        invoke(*add_shop, input=f"{password}\n{password}\n{seed}\n"),  # refused: exists
        invoke(
            "add",
            "bad",
            "--platform",
            "shopify",
            "--login",
            "b@acme.test",
            "--mfa",
            "totp",
            "--inventory",
            inventory,
            input=f"{password}\n{password}\n{password}\n",
        ),  # bad seed
        invoke("set-secret", "shop", "--stdin", "--inventory", inventory, input=replacement),
        invoke(
            "set-secret", "shop", "--stdin", "--force", "--inventory", inventory, input=replacement
        ),
        invoke(
            "set-secret",
            "shop",
            "--totp",
            "--stdin",
            "--force",
            "--inventory",
            inventory,
            input=replacement,
        ),  # not a seed
        invoke(
            "verify-totp", "shop", "--inventory", inventory, input=pyotp.TOTP(seed).now() + "\n"
        ),
        invoke("verify-totp", "shop", "--inventory", inventory, input="000000\n"),
        invoke(
            *"add twin --platform etsy --login t@acme.test --mfa totp --inventory".split(),
            inventory,
            input=f"{replacement}x\n{replacement}x\n{twin_seed}\n",
        ),
        invoke(
            "verify-totp",
            "shop",
            "--inventory",
            inventory,
            input=pyotp.TOTP(twin_seed).now() + "\n",
        ),  # names twin, whose seed made the code
        invoke("verify-totp", "shop", "--inventory", inventory, input="12345\n"),  # too short
        invoke("verify-totp", "shop", "--inventory", inventory, input="12a456\n"),  # a letter
        invoke(
            *"set-secret shop --backup-codes --inventory".split(),
            inventory,
            input="\n".join(codes) + "\n\n",
        ),
        invoke(
            *"set-secret shop --backup-codes --stdin --inventory".split(),
            inventory,
            input="\n".join(codes),
        ),  # refused: exists
        invoke(
            *"set-secret shop --backup-codes --stdin --force --inventory".split(),
            inventory,
            input="\n".join([*codes, codes[0] * 7]),
        ),  # refused: a line too long
        invoke("use-backup-code", "shop", "--inventory", inventory, input=codes[1] + "\n"),
        invoke("use-backup-code", "shop", "--inventory", inventory, input=codes[1] + "\n"),
        invoke(
            *"set-secret shop --security-answers --inventory".split(),
            inventory,
            input="\n".join(answers) + "\n\n",
        ),
        invoke(
            *"set-secret shop --security-answers --stdin --inventory".split(),
            inventory,
            input="\n".join(answers),
        ),  # refused: exists
        invoke(
            *"set-secret shop --security-answers --stdin --force --inventory".split(),
            inventory,
            input="\n".join([*answers, answers[0] * 20]),
        ),  # refused: a line too long
        invoke("audit", "--inventory", inventory, "--format", "json"),
        invoke("verify-password", "shop", "--inventory", inventory, input=f"{password}\n"),
        invoke("verify-password", "shop", "--inventory", inventory, input=f"{replacement}\n"),
        invoke("why", "shop", "--inventory", inventory, input=f"{password}\n000000\n"),
        invoke(
            "why",
            "shop",
            "--inventory",
            inventory,
            input=f"{replacement}\n{pyotp.TOTP(seed).now()}\n",
        ),
        invoke("why", "shop", "--inventory", inventory, "--format", "json"),
        *(invoke("map", "--inventory", inventory, "--format", f) for f in ("table", "json")),
        invoke("set", "shop", "mfa=sms", "password_changed=today", "--inventory", inventory),
        invoke("set", "shop", f"store={password}x", "mfa=bad", "--inventory", inventory),
    ]
    for name, (manager, writer, _) in EXPORTS.items():
        export = tmp_path / f"{name}.export"
        export.write_text(writer(logins), encoding="utf-8", newline="")
        results.extend(
            invoke("import", export, "--from", manager, "--inventory", inventory, *extra)
            for extra in (["--dry-run"], [], [], ["--force"])
        )
        piped = writer(logins)  # `import -`: the same export from a pipe
        results.append(
            invoke("import", "-", "--from", manager, "--inventory", inventory, input=piped)
        )
        # the wrong --from: a one-line error about the columns, no cell quoted
        wrong = "lastpass" if manager != "lastpass" else "chrome"
        results.append(invoke("import", export, "--from", wrong, "--inventory", inventory))
    # the everyday commands: list, set login=, rename (and onto a taken id), remove (refused
    # off a terminal, then with --yes), and a typo's suggestions
    memory_keyring.entries["store-audit/taken", "o2@acme.test"] = password
    results += [
        *(invoke("list", "--inventory", inventory, "--format", f) for f in ("table", "json")),
        invoke("set", "shop", "login=o2@acme.test", "--inventory", inventory),
        invoke("rename", "shop", "taken", "--inventory", inventory),  # refused: entries there
        invoke("rename", "shop", "shop2", "--inventory", inventory),
        invoke("set", "shop", "mfa=sms", "--inventory", inventory),  # unknown id: did you mean
        invoke("set", "shop2", "platfrom=shopify", "--inventory", inventory),
        invoke("remove", "shop2", "--inventory", inventory),  # refused: no terminal
        invoke("map", "--inventory", inventory, "--output", tmp_path / "map.txt"),
        invoke(
            "add",
            "shop3",
            *"--platform shopfy --login s3@acme.test --mfa totp".split(),
            "--inventory",
            inventory,
            "--password-stdin",
            input=f"{password}\n",
        ),  # typo
        invoke("remove", "shop2", "--yes", "--inventory", inventory),
    ]
    assert {r.exit_code for r in results} <= {0, 1, 2, ExitCode.MISMATCH}
    texts = [t for r in results for t in (r.stdout, r.stderr)] + [inventory.read_text()]
    texts.append((tmp_path / "map.txt").read_text())
    assert find_leaks(texts, forms) == []
    assert all("Traceback" not in r.stderr for r in results)


class _FailingWrites(MemoryKeyring):
    """Reads work; every write and delete fails, saying what it was asked to write (a backend's
    own message may echo it: store-audit must not pass it on)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"cannot store {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError(f"cannot delete {self.entries.get((service, username))}")


def test_no_leak_when_rename_remove_and_set_login_fail(
    tmp_path: Path, use_backend: UseBackend
) -> None:
    password, seed = f"Mv-{random_core()}!x", random_seed(20)
    backend = _FailingWrites()
    backend.entries["store-audit/shop", "o@acme.test"] = password
    backend.entries["store-audit/shop/totp", "o@acme.test"] = seed
    use_backend(backend)
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(
        'version = 1\n[[accounts]]\nid = "shop"\nplatform = "shopify"\nlogin = "o@acme.test"\n'
        'mfa = "totp"\n'
    )
    results = [
        invoke("rename", "shop", "shop2", "--inventory", inventory),
        invoke("set", "shop", "login=n@acme.test", "--inventory", inventory),
        invoke("remove", "shop", "--yes", "--inventory", inventory),
    ]
    assert [r.exit_code for r in results[:2]] == [ExitCode.KEYRING, ExitCode.KEYRING]
    assert "could not delete the old keyring entry" in results[2].stderr
    texts = [t for r in results for t in (r.stdout, r.stderr)] + [inventory.read_text()]
    forms = {"password": leak_forms(password, password), "seed": leak_forms(seed, seed)}
    assert find_leaks(texts, forms) == []


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
@pytest.mark.parametrize("person", ["agency", "va", "nobody"])
def test_no_leak_from_offboard(canaries: tuple[Canaries, Path], fmt: str, person: str) -> None:
    planted, path = canaries
    result = invoke("offboard", person, "--inventory", path, "--format", fmt)
    assert result.exit_code == (ExitCode.USAGE if person == "nobody" else ExitCode.OK)
    assert_clean(result, planted, path)
