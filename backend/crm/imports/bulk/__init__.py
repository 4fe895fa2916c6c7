"""Bulk actions on many rows of a list."""
