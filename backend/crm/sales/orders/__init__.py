"""Sales orders: from a won opportunity or entered directly, with stock checks per line."""
