"""Tests of auditor.cli."""
