"""Companies and contacts: one place for all customer information."""
