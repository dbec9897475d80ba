"""The Office Portal: pages for account staff."""
