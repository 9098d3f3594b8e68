"""Why the operating system refused a file operation, in the run's language.

Python's `OSError.strerror` is the C library's text, in English unless the process set its
message locale, which store-audit never does (it would change more than messages). The few
reasons a seller meets reading or writing an inventory, a report or an export are translated
here; any other is shown as the system gave it."""

from __future__ import annotations

import errno
import os

from auditor.i18n import N_, _

_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.ENAMETOOLONG: N_("File name too long"),
}


def reason(error: OSError) -> str:
    """`error`'s reason (`Permission denied`, 权限不够) in the run's language. A reason of
    store-audit's own (auditor.files: "is a symbolic link; refusing to follow it") is in the
    catalog as it is."""
    text = error.strerror
    code = error.errno
    if code in _REASONS and (not text or text == os.strerror(code)):
        return _(_REASONS[code])
    return _(text) if text else str(error)
