"""Tests of auditor.lockout."""
