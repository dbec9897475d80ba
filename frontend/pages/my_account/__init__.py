"""My Account: a family's details, its secondary users, the ledger and payments."""
