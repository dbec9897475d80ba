"""Text messages: a durable outbox, a Twilio-compatible sender and a worker (like mail)."""
