"""Seat dashboard (ProPortal): seats, people, invitations, teams, assignments and reports."""
