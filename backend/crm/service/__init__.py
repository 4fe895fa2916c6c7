"""Customer service: tickets, their comments, and SLA policies."""
