"""GraphQL types for invitations."""

from __future__ import annotations

from datetime import datetime

import strawberry

from backend.core.enums import graphql_enum
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import gid
from backend.invitations import models
from backend.invitations.service import effective_status

graphql_enum(
    models.InvitationKind, name="InvitationKind", description="What an invitation is for.",
    values={
        "ACCOUNT_USER": "To become a member (user) of an account.",
        "FAMILY_MEMBER": "To join a family as its primary guardian or as a secondary user.",
        "SEAT": "To a subscription: a seat, seat admin rights or both.",
        "STUDENT": "A student's initial invitation: verify the address, set a password, then sign in.",
    },
)
InvitationKind = models.InvitationKind
graphql_enum(
    models.InvitationStatus, name="InvitationStatus",
    description="Where an invitation stands. A pending link past its expiry reads EXPIRED.",
    values={
        "PENDING": "Sent, not accepted yet, and the link still works.",
        "ACCEPTED": "Accepted: the access it grants was given.",
        "EXPIRED": "Not accepted before its link expired; it can be re-sent.",
        "REVOKED": "Withdrawn: the link no longer works and it cannot be re-sent.",
    },
)
InvitationStatus = models.InvitationStatus


@strawberry.type(description="What an invitation link is for, shown before accepting (no sign-in needed).")
class InvitationPreview:
    kind: InvitationKind = strawberry.field(description="Family member, account user, seat or student.")
    email: str = strawberry.field(description="The address it was sent to.")
    target_name: str = strawberry.field(description="The account, family or subscription it joins.")
    summary: str = strawberry.field(description="What accepting grants, in words.")
    inviter_name: str = strawberry.field(description="Who sent it.")
    status: InvitationStatus = strawberry.field(description="Pending, accepted, expired or revoked.")
    expires_at: datetime = strawberry.field(description="When the link stops working.")
    existing_user: bool = strawberry.field(description="True when this email already has a sign-in: no new password is needed.")
    first_name: str = strawberry.field(description="The invitee's first name as the inviter gave it (pre-fills the form).")
    last_name: str = strawberry.field(description="The invitee's last name as the inviter gave it (pre-fills the form).")
    privacy_policy_url: str | None = strawberry.field(description="The account's Privacy Policy, to link next to the agreement box.")
    terms_url: str | None = strawberry.field(description="The account's Terms of Use, to link next to the agreement box.")
    documents_version: str | None = strawberry.field(description="The version of those documents accepting agrees to.")


@strawberry.type(name="Invitation", description="An invitation as its sender sees it.")
class InvitationType(Node):
    database_id: int = database_id_field()
    kind: InvitationKind = strawberry.field(description="What it is for.")
    email: str = strawberry.field(description="Where it was sent.")
    first_name: str = strawberry.field(description="Invitee's first name, if given.")
    last_name: str = strawberry.field(description="Invitee's last name, if given.")
    status: InvitationStatus = strawberry.field(description="Pending, accepted, expired or revoked.")
    send_count: int = strawberry.field(description="How many times the link was sent.")
    expires_at: datetime = strawberry.field(description="When the current link stops working.")
    last_sent_at: datetime = strawberry.field(description="When it was last sent.")
    created_at: datetime = strawberry.field(description="When it was first sent.")
    disposable: bool = strawberry.field(description="True when the address is at a disposable-email domain.")
    invited_by_id: strawberry.ID | None = strawberry.field(description="Who sent it (null when that person was deleted).")

    @classmethod
    def of(cls, i: models.Invitation) -> "InvitationType":
        return cls(
            id=strawberry.ID(str(i.id)), kind=InvitationKind(i.kind.value), email=i.email,
            first_name=i.first_name, last_name=i.last_name,
            status=InvitationStatus(effective_status(i).value), send_count=i.send_count,
            expires_at=i.expires_at, last_sent_at=i.last_sent_at, created_at=i.created_at,
            disposable=i.email_disposable,
            invited_by_id=gid(i.invited_by_id, "User") if i.invited_by_id else None,  # type: ignore[attr-defined]
        )
