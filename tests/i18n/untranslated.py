"""Finding English left in Chinese output: what remains of a text once the things that stay as
they are in every language are taken out (ids, keys, URLs, addresses, commands, product names,
the user's own values), and the catalog's English sources that appear verbatim."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from auditor.check_ids import CHECK_IDS
from auditor.cli import COMMANDS
from auditor.demo import demo_inventory_path
from auditor.i18n import po
from auditor.vocabulary import MFA_METHODS

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "auditor" / "locale" / "zh_CN" / "LC_MESSAGES" / "store-audit.po"

PRODUCTS = """
store-audit Amazon Seller Central eBay Shopify Walmart Seller Center Etsy TikTok Shop Gmail Google
Outlook Microsoft Hotmail Live Yahoo iCloud Apple Proton Fastmail PayPal Payoneer Stripe
Bitwarden 1Password Chrome Edge Brave Firefox KeePassXC KeePass LastPass Pwned Passwords HIBP
zxcvbn TOTP otpauth SMS URI Windows macOS Linux Keychain Secret Service gnome-keyring KWallet
PlaintextKeyring ChainerBackend keyring keyrings.alt dbus SARIF JSON CSV HTML JUnit TOML Markdown
ID IP Enter UTC UTF QR PDF CI ERP RFC SIM mfa SHA API zh-CN en Python linux darwin win32
bitwarden 1password chrome edge brave firefox keepassxc keepass lastpass
table json markdown csv html sarif junit onboard offboard
""".split()
"""Names that stay as they are in Chinese text: products (and the `--from` and `--format` names
for them), formats, and the few technical words Chinese writing keeps in Latin letters; `mfa`,
the inventory key no English sentence uses as a word; the platform names `doctor` shows; the
two commands whose names no English sentence uses (`onboard amazon-na：未通过`)."""

_KEEP = re.compile(
    r"https?://\S+"  # URLs
    rf"|\bstore-audit (?:{'|'.join(sorted(COMMANDS, key=len, reverse=True))})\b"  # a command
    rf"|(?<![\w-])(?:{'|'.join(COMMANDS)}) (?=[\w-]+：)"  # a command an error names (remove x：)
    r"|`[^`]*`"  # commands in backticks
    r"|[\w.+\\-]+@[\w\\-]*(?:\.[\w-]+)*"  # addresses (invalid ones too, escapes shown)
    r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b"  # host names and domains
    r"|(?<!\w)\.[a-z]{2,}\b"  # a top-level domain
    r"|\+?\d[\d ()-]{5,}\d"  # phone numbers
    r"|(?<![\w-])--[\w-]+(?: [A-Z]+\b)?"  # options (and their value's name)
    r"|\bstore-audit/[\w./-]+"  # keyring service names
    r"|(?<![\w.])(?:[A-Za-z]:|~)?(?:[/\\][\w.+@-]+)+[/\\]?"  # a path, a path's end (/range/)
    r"|\b\w+=[\w-]*"  # a setting on a command line (password_changed=today)
    r"|\b(?:[a-z]+\.)?[a-z]+(?:\\?_[a-z]+)+\b"  # inventory keys (Markdown escapes _)
    r"|\b\w+ = \"[^\"]*\""  # an inventory line (kind = "mailbox")
    r"|\$[A-Z_]+"  # environment variables
    r"|\b(?=[A-Za-z]*\d)[A-Za-z\d]+\b"  # names with a digit in them (base32, SHA1, 2FA)
    r"|\b[A-Za-z]-[A-Za-z]\b"  # a range of letters (A-Z)
    r"|\b\w+ = \d{4}-\d{2}-\d{2}\b"  # an inventory line with a date (left = 2026-12-04)
    r"|[\w./-]*\.toml\b|\b[\w./-]+\.(?:json|csv|html|sarif|xml)\b"  # files
    r"|'[^'\s]+'|\"[\w.-]+\""  # a value quoted (what the user typed, the choices, "other")
    r"|\b[a-z_-]+(?:(?:, |、)[a-z_-]+){2,}"  # a list of inventory keys or values (login、platform)
    r"|(?<![\w-])[A-Z][A-Z-]*[A-Z](?![\w-])"  # a value's name (PLATFORM, NEW-NUMBER, [OPTIONS])
    r"|&\w+;"  # an HTML entity in Markdown (&gt;)
    r"|\b\w+\[\d+\]"  # an inventory place (accounts[9])
    r"|(?<![\w-])[a-z_]+(?=：)"  # an inventory key an error names (platform：缺失)
    r"|\[\[\w+\]\]"  # an inventory table ([[people]])
    r"|(?<=输入 )[a-z-]+"  # the command a typo suggests (您是不是要输入 why)
    r"|\bmfa\s*=\s*\"?[\w-]+\"?|\b\w+=[\w-]*"  # inventory settings
)


@functools.cache
def user_values() -> frozenset[str]:
    """Every word of every value in the example inventory: ids, logins, names, regions."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"[A-Za-z][\w.+-]*", value))
            words.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(tomllib.loads(demo_inventory_path().read_text("utf-8")))
    return frozenset(words)


@functools.cache
def platform_names() -> tuple[str, ...]:
    """The platforms' own names as the catalog spells them (QQ Mail, Mercado Libre, PingPong):
    product names, kept whole."""
    catalog = tomllib.loads((ROOT / "auditor" / "data" / "platforms.toml").read_text("utf-8"))
    names = {table["name"] for table in catalog.values() if "name" in table}
    return tuple(sorted(names, key=len, reverse=True))


PHRASES = ("SIM swap", "range API")
"""Terms a Chinese text keeps in Latin letters as a gloss, whole: 被换卡（SIM swap）."""


MFA_VALUES = frozenset(MFA_METHODS)
"""The values of `mfa` (sms, voice, push, security-key, passkey...): ids the inventory holds,
which a Chinese text lists as they are written there."""


def english_left(text: str, also_keep: Iterable[str] = ()) -> list[str]:
    """The Latin-letter words of `text` that are none of the things that stay in English."""
    kept = set(PRODUCTS) | user_values() | set(CHECK_IDS) | MFA_VALUES | set(also_keep)
    rest = text
    for whole in (*sorted(CHECK_IDS, key=len, reverse=True), *platform_names(), *PHRASES):
        rest = rest.replace(whole, " ")
    rest = _KEEP.sub(" ", rest)
    words = re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]", rest)
    return [w for w in words if w not in kept and w.strip("-") not in kept and len(w) > 1]


@functools.cache
def english_sources() -> tuple[str, ...]:
    """The catalog's English messages long enough to be prose (a sentence, not a word)."""
    entries = po.parse(CATALOG.read_text("utf-8"))
    found = []
    for entry in entries:
        for text in (entry.msgid, entry.msgid_plural or ""):
            plain = re.split(r"\{[^}]*\}", text)
            found += [piece.strip() for piece in plain if len(piece.strip().split()) >= 3]
    return tuple(found)


def sources_left(text: str) -> list[str]:
    """The catalog's English sentences that appear in `text` untranslated."""
    return [source for source in english_sources() if source in text]
