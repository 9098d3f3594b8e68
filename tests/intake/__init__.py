"""Tests of auditor.intake."""
