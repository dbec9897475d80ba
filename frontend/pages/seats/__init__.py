"""Seat dashboard: seats, people, invitations, teams, assignments and reports."""
