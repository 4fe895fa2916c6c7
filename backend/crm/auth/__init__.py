"""Users, teams, roles, and login sessions."""
