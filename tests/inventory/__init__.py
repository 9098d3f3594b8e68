"""Tests of auditor.inventory."""
