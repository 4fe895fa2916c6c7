"""Leads and their follow-ups (opportunities, pipelines, products and orders come later)."""
