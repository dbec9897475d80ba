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
from backend.core.permissions import ANY_ACCOUNT
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
    @strawberry.field(description="What an invitation link is for. No sign-in needed; an unknown token is NOT_FOUND.", metadata=ANY_ACCOUNT)
    async def invitation(self, info: Info, token: Annotated[str, strawberry.argument(description="The token from the link.")]) -> InvitationPreview:
        inv = await service.by_token(token=token)
        inviter, account = inv.invited_by, inv.account
        return InvitationPreview(
            first_name=inv.first_name, last_name=inv.last_name, privacy_policy_url=account.privacy_policy_url or None,
            terms_url=account.terms_url or None, documents_version=account.documents_version or None,
            kind=InvitationKind(inv.kind.value), email=inv.email, target_name=inv.target_name, summary=inv.summary,
            inviter_name=(inviter.full_name or inviter.email) if inviter else "Portico",
            status=InvitationStatus(service.effective_status(inv).value), expires_at=inv.expires_at,
            existing_user=await accounts.get_by_email(email=inv.email) is not None,
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description=(
            "Accept an invitation once: a new person sets a password and gives their name; everyone confirms 18+ and "
            "accepts the account's Privacy Policy and Terms of Use (the version accepted is stored with the time)."
        )
    )
    async def accept_invitation(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The token from the link.")],
        confirm_adult: Annotated[bool, strawberry.argument(description="I am at least 18 years old.")],
        accept_terms: Annotated[bool, strawberry.argument(description="I accept the privacy policy and terms of use.")],
        password: Annotated[str | None, strawberry.argument(description="Required when the email has no sign-in yet.")] = None,
        first_name: Annotated[str | None, strawberry.argument(description="A new person's first name; null keeps the one the inviter gave.")] = None,
        last_name: Annotated[str | None, strawberry.argument(description="A new person's last name; null keeps the one the inviter gave.")] = None,
    ) -> AcceptInvitationPayload:
        try:
            result = await service.accept(
                token=token, password=password, confirm_adult=confirm_adult, accept_terms=accept_terms,
                signed_in=await info.context.user(), first_name=first_name, last_name=last_name,
            )
        except DomainError as e:
            return AcceptInvitationPayload(errors=[MutationError.of(e)])
        tokens = AuthTokens.of(await auth.start_session(user=result.user, counts_as_sign_in=True)) if result.created_user else None
        return AcceptInvitationPayload(user=UserType.of(result.user), tokens=tokens)
