"""Reusable pieces: the app shell, the user menu, form fields, empty and loading states."""
