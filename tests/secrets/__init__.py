"""Tests of auditor.secrets."""
