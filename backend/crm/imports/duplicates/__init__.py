"""Duplicates: hints, the scan and its groups, "not a duplicate" marks, and merges."""
