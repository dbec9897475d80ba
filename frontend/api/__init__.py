"""The portal's only way to the Portico API: one GraphQL client, one module per domain.

Pages and states call these functions; nothing else in the portal builds HTTP calls.
"""

from frontend.api.client import ApiError, PayloadError

__all__ = ["ApiError", "PayloadError"]
