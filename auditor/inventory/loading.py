"""Reading an inventory file: bytes to TOML to validated records, every problem one
`InventoryError` line that names the file, the account (by id, else by index) and the key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from auditor.errors import InventoryError
from auditor.files import read_regular
from auditor.i18n import _, pgettext
from auditor.i18n.oserrors import reason
from auditor.inventory.fullwidth import TOML_PLACE, toml_slip
from auditor.inventory.model import Inventory
from auditor.inventory.reader import Reader

MAX_FILE_BYTES = 16 * 1024 * 1024


def load_inventory(path: Path) -> Inventory:
    """Read and validate an inventory file."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise InventoryError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise InventoryError(
            _("{path}: is a directory, not an inventory file").format(path=path)
        ) from None
    except OSError as error:
        raise InventoryError(
            _("{path}: cannot read: {reason}").format(path=path, reason=reason(error))
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InventoryError(
            _("{path}: larger than {size} MiB").format(path=path, size=MAX_FILE_BYTES // 1048576)
        )
    return parse_inventory(raw, path)


def parse_inventory(raw: bytes, path: Path) -> Inventory:
    """Validate the bytes of an inventory file that was read from `path`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # TOML is UTF-8; Windows editors also save UTF-16 ("Unicode") or the code page (GBK)
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        raise InventoryError(
            _("{path}: UTF-16 text").format(path=path)
            if utf16
            else _("{path}: not UTF-8 text (byte {byte})").format(path=path, byte=error.start),
            hint=_("an inventory is UTF-8 (TOML): save it as UTF-8 (Notepad: Save as, Encoding)"),
        ) from None
    _refuse_deep_keys(text, path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problem = _place_of_toml_error(text, str(error))
        raise InventoryError(_("{path}: {problem}").format(path=path, problem=problem)) from None
    except RecursionError:
        raise InventoryError(
            _("{path}: invalid TOML: nested too deeply").format(path=path)
        ) from None
    except ValueError:  # tomllib's int() of a number with thousands of digits
        raise InventoryError(
            _("{path}: invalid TOML: a number with too many digits").format(path=path)
        ) from None
    return Reader(path, _account_header_lines(text)).inventory(document)


MAX_DOTS_PER_LINE = 256
"""No inventory line holds more; tomllib takes minutes on a key of 200,000 dotted parts."""


def _refuse_deep_keys(text: str, path: Path) -> None:
    """One clean error, in linear time, for lines tomllib would take minutes over."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count(".") > MAX_DOTS_PER_LINE:
            raise InventoryError(
                _("{path}: line {line}: more than {count} dots; not an inventory line").format(
                    path=path, line=number, count=MAX_DOTS_PER_LINE
                )
            )


_ACCOUNTS_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*accounts[ \t]*\]\]", re.MULTILINE)


def _account_header_lines(text: str) -> list[int]:
    """1-based lines of the `[[accounts]]` headers. When their count differs from the number of
    accounts (inline tables, a header inside a multi-line string), no lines are claimed."""
    lines, line, position = [], 1, 0
    for match in _ACCOUNTS_HEADER.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
    return lines


_KEY_AT_START = re.compile(r"\s*([A-Za-z0-9_-]+)\s*[=＝：]")  # the key of `mfa ＝ "sms"` too
_ID_LINE = re.compile(r"\s*id\s*=\s*[\"']([^\"']*)[\"']")


def _place_of_toml_error(text: str, message: str) -> str:
    """Turn tomllib's "Invalid date (at line 12, column 20)" into a message that also names the
    account and the key on that line, so a bad date reads like every other inventory error."""
    found = TOML_PLACE.search(message)
    if not found:
        return _("invalid TOML: {reason}").format(reason=message)
    line_number = int(found.group(1))
    lines = text.splitlines()
    why = message[: found.start()].strip()
    slip = toml_slip(text, line_number, int(found.group(2)))
    parts = [_("line {line}").format(line=line_number)]
    index = -1
    account_id = None
    for line in lines[: line_number - 1]:
        if line.strip().startswith("[[accounts]]"):
            index, account_id = index + 1, None
        elif line.strip().startswith("[") and not line.strip().startswith("[["):
            index, account_id = -1, None
        elif index >= 0 and (id_match := _ID_LINE.match(line)):
            account_id = id_match.group(1)
    if index >= 0:
        parts.append(
            _("account {account!r} (accounts[{index}])").format(account=account_id, index=index)
            if account_id
            else f"accounts[{index}]"
        )
    if 0 < line_number <= len(lines) and (key := _KEY_AT_START.match(lines[line_number - 1])):
        parts.append(key.group(1))
    where = pgettext("between the parts of a place", ": ").join(parts)
    return _("{where}: invalid TOML: {reason}").format(where=where, reason=slip or why)
