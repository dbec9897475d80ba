"""Looking at and accepting invitation links over GraphQL."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.accounts import service as accounts
from backend.accounts.types import UserType
from backend.auth import service as auth
from backend.auth.schema import AuthTokens
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info
from backend.invitations import service
from backend.invitations.types import (
    InvitationKind,
    InvitationPreview,
    InvitationStatus,
)


@strawberry.type(description="Result of `acceptInvitation`.")
class AcceptInvitationPayload:
    user: UserType | None = strawberry.field(default=None, description="The person who joined.")
    tokens: AuthTokens | None = strawberry.field(
        default=None, description="A session for a person who just set their password; null for an existing person (sign in as usual)."
    )
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type
class Query:
    @strawberry.field(description="What an invitation link is for. No sign-in needed; an unknown token is NOT_FOUND.")
    async def invitation(self, info: Info, token: Annotated[str, strawberry.argument(description="The token from the link.")]) -> InvitationPreview:
        inv = await service.by_token(token=token)
        inviter = inv.invited_by
        return InvitationPreview(
            kind=InvitationKind(inv.kind.value), email=inv.email, target_name=inv.target_name, summary=inv.summary,
            inviter_name=(inviter.full_name or inviter.email) if inviter else "Portico",
            status=InvitationStatus(service.effective_status(inv).value), expires_at=inv.expires_at,
            existing_user=await accounts.get_by_email(email=inv.email) is not None,
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Accept an invitation once: a new person sets a password; everyone confirms 18+ and accepts the terms."
    )
    async def accept_invitation(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The token from the link.")],
        confirm_adult: Annotated[bool, strawberry.argument(description="I am at least 18 years old.")],
        accept_terms: Annotated[bool, strawberry.argument(description="I accept the privacy policy and terms of use.")],
        password: Annotated[str | None, strawberry.argument(description="Required when the email has no sign-in yet.")] = None,
    ) -> AcceptInvitationPayload:
        try:
            result = await service.accept(
                token=token, password=password, confirm_adult=confirm_adult, accept_terms=accept_terms,
                signed_in=await info.context.user(),
            )
        except DomainError as e:
            return AcceptInvitationPayload(errors=[MutationError.of(e)])
        tokens = AuthTokens.of(await auth.start_session(user=result.user, counts_as_sign_in=True)) if result.created_user else None
        return AcceptInvitationPayload(user=UserType.of(result.user), tokens=tokens)
