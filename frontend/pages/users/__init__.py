"""User management: invite people, follow pending invitations, manage members."""
