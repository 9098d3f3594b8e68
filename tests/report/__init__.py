"""Tests of auditor.report."""
