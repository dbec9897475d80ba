"""What an operator sees of a running Portico: logs, metrics, traces, request ids.

Core plumbing only: domains call the small hooks in `metrics`; nothing here imports a domain.
"""
