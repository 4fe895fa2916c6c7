"""Data in and out: import, normalisation, duplicate rules, merge, export, bulk actions."""
