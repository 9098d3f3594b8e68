"""Tests of auditor.checks."""
