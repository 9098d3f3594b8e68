"""Tests of auditor.checklist."""
