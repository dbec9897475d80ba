"""Running Portico in production: health, migrations under several replicas, serving with
workers, metrics endpoint, data export and erasure. Sits on top of the domains (like
`backend/schema.py`); nothing below imports it."""
