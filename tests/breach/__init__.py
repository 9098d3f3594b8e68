"""Tests of auditor.breach."""
