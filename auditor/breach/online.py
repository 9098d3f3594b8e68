"""The Pwned Passwords range API (k-anonymity), opt-in with --hibp-online.

Only the first five hex digits of each password's SHA-1 leave the machine, one request per
distinct prefix, with `Add-Padding: true` so the answer's size says nothing either. The suffixes
are compared here. Requests run a few at a time, with a timeout, and are retried politely on 429
and 5xx (honouring Retry-After). Any other failure ends the audit with a BreachServiceError.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from auditor import __version__
from auditor.breach.offline import parse_range
from auditor.breach.source import BreachServiceError
from auditor.i18n import N_, _

DEFAULT_URL = "https://api.pwnedpasswords.com/range/"
CONCURRENCY = 4
TIMEOUT = 10.0
ATTEMPTS = 4
MAX_WAIT = 30.0
HINT = N_("check the network, or use an offline corpus with --hibp-file")


class RangeApi:
    """Counts from the range API at `url` (`…/range/`), five hex digits per request."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        timeout: float = TIMEOUT,
        concurrency: int = CONCURRENCY,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.timeout = timeout
        self.concurrency = concurrency
        self._sleep = sleep

    def describe(self) -> str:
        return _("Pwned Passwords range API {url} (5-character prefixes only)").format(url=self.url)

    def _fetch(self, prefix: str) -> dict[str, int]:
        request = urllib.request.Request(  # noqa: S310 - http(s) URL from the user or our default
            self.url + prefix,
            headers={"Add-Padding": "true", "User-Agent": f"store-audit/{__version__}"},
        )
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                    body: bytes = answer.read()
                return {s: c for s, c in parse_range(body, self.url).items() if c > 0}
            except urllib.error.HTTPError as error:
                retry = error.code == 429 or 500 <= error.code < 600
                if not retry or attempt == ATTEMPTS:
                    raise BreachServiceError(
                        _(
                            "the Pwned Passwords service answered HTTP {code} for a range request"
                        ).format(code=error.code),
                        hint=_(HINT),
                    ) from None
                wait = _retry_after(error.headers.get("Retry-After"), attempt)
                self._sleep(wait)
            except (http.client.HTTPException, ValueError) as error:
                # a bad status line, a truncated body, an oversized header: not a range answer
                raise BreachServiceError(
                    _("the Pwned Passwords service at {url} sent a broken answer ({error})").format(
                        url=self.url, error=type(error).__name__
                    ),
                    hint=_(HINT),
                ) from None
            except (urllib.error.URLError, TimeoutError, OSError) as error:
                reason = getattr(error, "reason", error)
                raise BreachServiceError(
                    _("the Pwned Passwords service at {url} cannot be reached ({reason})").format(
                        url=self.url, reason=reason
                    ),
                    hint=_(HINT),
                ) from None
        raise BreachServiceError(_("the Pwned Passwords service kept failing"), hint=_(HINT))

    def counts(self, hashes: Iterable[str]) -> dict[str, int]:
        values = list(dict.fromkeys(hashes))
        prefixes = sorted({value[:5] for value in values})
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            answers = dict(zip(prefixes, pool.map(self._fetch, prefixes), strict=True))
        return {value: answers[value[:5]].get(value[5:], 0) for value in values}


def _retry_after(header: str | None, attempt: int) -> float:
    if header and header.strip().isdigit():
        return min(float(header.strip()), MAX_WAIT)
    return min(2.0 ** (attempt - 1), MAX_WAIT)
