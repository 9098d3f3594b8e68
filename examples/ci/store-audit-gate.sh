#!/bin/sh
# The store-audit gate for a CI job: audit the inventory against this machine's keyring and fail
# on new findings at or above the inventory's policy.fail_on (or $STORE_AUDIT_FAIL_ON).
#
#   STORE_AUDIT_INVENTORY  the inventory            (default: store-audit.toml)
#   STORE_AUDIT_BASELINE   accepted finding keys    (default: store-audit-baseline.json, if present)
#   STORE_AUDIT_ONBOARD    an account id: gate only that new account (store-audit onboard ID)
#   STORE_AUDIT_FAIL_ON    critical|high|medium|low|info|never
#   STORE_AUDIT_SARIF_ROOT the directory SARIF URIs are relative to: the repository root
#                          (default: $GITHUB_WORKSPACE on GitHub Actions, else this directory)
#
# Writes store-audit.sarif (for code scanning) or, when onboarding, store-audit-junit.xml.
# Exit codes are store-audit's: 0 pass, 1 findings, 2 inventory/usage error, 3 keyring error.
set -eu

inventory="${STORE_AUDIT_INVENTORY:-store-audit.toml}"
baseline="${STORE_AUDIT_BASELINE:-store-audit-baseline.json}"

set -- --inventory "$inventory"
if [ -f "$baseline" ]; then
  set -- "$@" --baseline "$baseline"
fi
if [ -n "${STORE_AUDIT_FAIL_ON:-}" ]; then
  set -- "$@" --fail-on "$STORE_AUDIT_FAIL_ON"
fi

if [ -n "${STORE_AUDIT_ONBOARD:-}" ]; then
  exec store-audit onboard "$STORE_AUDIT_ONBOARD" "$@" --format junit --output store-audit-junit.xml
fi
sarif_root="${STORE_AUDIT_SARIF_ROOT:-${GITHUB_WORKSPACE:-.}}"
exec store-audit audit "$@" --format sarif --output store-audit.sarif --sarif-root "$sarif_root"
