"""Sign-in, sessions and passwords over GraphQL."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.accounts.types import UserType
from backend.auth import service
from backend.core.errors import DomainError, ErrorCode, MutationError
from backend.core.graphql import Info, OkPayload, ok_or, require_user
from backend.core.permissions import ANY_ACCOUNT


@strawberry.type(description="A signed-in session's credentials.")
class AuthTokens:
    access_token: str = strawberry.field(description="Bearer token for the Authorization header; short-lived.")
    refresh_token: str = strawberry.field(description="Single-use token for `refreshToken`; keep it secret.")
    expires_in: int = strawberry.field(description="Seconds until the access token expires.")
    user: UserType = strawberry.field(description="Who signed in.")

    @classmethod
    def of(cls, t: service.Tokens) -> "AuthTokens":
        return cls(access_token=t.access_token, refresh_token=t.refresh_token, expires_in=t.expires_in, user=UserType.of(t.user))


@strawberry.type(description="Result of `login` or `refreshToken`.")
class AuthPayload:
    tokens: AuthTokens | None = strawberry.field(default=None, description="New credentials, when it worked.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it did not work.")


@strawberry.type
class Query:
    @strawberry.field(
        description="Whether a password-reset link can still be used: null when it can, else TOKEN_INVALID, TOKEN_USED or TOKEN_EXPIRED. Needs no sign-in; says nothing about whose link it is."
    )
    async def password_reset_link_problem(
        self, token: Annotated[str, strawberry.argument(description="The token from the reset link.")],
    ) -> ErrorCode | None:
        return await service.reset_link_problem(token=token)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Sign in with email and password. Rate limited per address and per email.", metadata=ANY_ACCOUNT)
    async def login(
        self,
        info: Info,
        email: Annotated[str, strawberry.argument(description="Sign-in email.")],
        password: Annotated[str, strawberry.argument(description="Password.")],
    ) -> AuthPayload:
        try:
            return AuthPayload(tokens=AuthTokens.of(await service.login(email=email, password=password, ip=info.context.ip)))
        except DomainError as e:
            return AuthPayload(errors=[MutationError.of(e)])

    @strawberry.mutation(description="Trade a refresh token for new tokens. Reusing a spent token ends the session.", metadata=ANY_ACCOUNT)
    async def refresh_token(
        self, info: Info, refresh_token: Annotated[str, strawberry.argument(description="The latest refresh token.")]
    ) -> AuthPayload:
        try:
            return AuthPayload(tokens=AuthTokens.of(await service.refresh(refresh_token=refresh_token)))
        except DomainError as e:
            return AuthPayload(errors=[MutationError.of(e)])

    @strawberry.mutation(description="End this session; its tokens stop working on the next request.", metadata=ANY_ACCOUNT)
    async def logout(self, info: Info) -> OkPayload:
        await require_user(info)
        await service.logout(session_id=info.context.session_id)
        return ok_or()

    @strawberry.mutation(description="Change my password; my other sessions are ended.")
    async def change_password(
        self,
        info: Info,
        current_password: Annotated[str, strawberry.argument(description="The password in use now.")],
        new_password: Annotated[str, strawberry.argument(description="12 to 128 characters, not a common password.")],
    ) -> OkPayload:
        user = await require_user(info)
        try:
            await service.change_password(user=user, current=current_password, new=new_password, session_id=info.context.session_id)
        except DomainError as e:
            return ok_or(e)
        return ok_or()

    @strawberry.mutation(description="Email a 15-minute reset link. Answers the same whether or not the email is known.", metadata=ANY_ACCOUNT)
    async def request_password_reset(
        self, info: Info, email: Annotated[str, strawberry.argument(description="The email to send the link to.")]
    ) -> OkPayload:
        try:
            await service.request_password_reset(email=email, ip=info.context.ip)
        except DomainError as e:
            return ok_or(e)
        return ok_or()

    @strawberry.mutation(description="Set a new password with a reset link's token; ends every session of that person.", metadata=ANY_ACCOUNT)
    async def reset_password(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The token from the reset link.")],
        password: Annotated[str, strawberry.argument(description="The new password.")],
    ) -> OkPayload:
        try:
            await service.reset_password(token=token, password=password)
        except DomainError as e:
            return ok_or(e)
        return ok_or()
