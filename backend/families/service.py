"""Secondary users: save, invite, re-send, grant access, reset password, revoke; the
family switcher. Every function takes the acting person and checks their standing."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Account, User
from backend.audit import service as audit
from backend.auth import service as auth
from backend.core.errors import DomainError, ErrorCode, Forbidden
from backend.core.mail import service as mail
from backend.core.security import utcnow
from backend.families.access import family_access, get_family, secondary_for
from backend.families.models import (
    ActiveFamily,
    Family,
    FamilyMember,
    MemberRole,
    MemberStatus,
    PaymentMethod,
)
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus


def target_of(family_id: int) -> str:
    return f"family:{family_id}"


async def create_family(*, account: Account, primary: User, name: str) -> Family:
    """A family with its primary guardian (office staff or seeding creates these)."""
    family = await Family.create(account=account, primary=primary, name=name.strip())
    await FamilyMember.create(
        family=family, user=primary, role=MemberRole.PRIMARY, status=MemberStatus.ACTIVE, email=primary.email,
        first_name=primary.first_name, last_name=primary.last_name, view_full_ledger=True, can_make_payments=True,
    )
    await audit.record(action="family.created", actor_id=primary.id, account_id=account.id, family_id=family.id)
    return family


async def _email_in_use(family: Family, email: str, exclude_id: int | None = None) -> bool:
    query = FamilyMember.filter(family_id=family.id, email=email).exclude(status=MemberStatus.REVOKED)
    if exclude_id is not None:
        query = query.exclude(id=exclude_id)
    return await query.exists()


async def add_secondary(*, actor: User, family_id: int, email: str, first_name: str, last_name: str) -> FamilyMember:
    """Save a secondary user's details (an email is required) before any invitation."""
    access = await family_access(user=actor, family_id=family_id, allow_staff=False)
    access.require_primary()
    email = accounts.normalise_email(email)
    if not first_name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Enter the secondary user's first name.", "firstName")
    if await _email_in_use(access.family, email):
        raise DomainError(ErrorCode.ALREADY_MEMBER, f"{email} is already in this family.", "email")
    async with in_transaction():
        member = await FamilyMember.create(
            family=access.family, role=MemberRole.SECONDARY, email=email, first_name=first_name.strip(),
            last_name=last_name.strip(),
        )
        await audit.record(
            action="family.secondary_added", actor_id=actor.id, account_id=access.family.account_id,  # type: ignore[attr-defined]
            target_email=email, family_id=family_id,
        )
    return member


async def update_secondary(
    *, actor: User, secondary_id: int, email: str, first_name: str, last_name: str
) -> FamilyMember:
    """Correct a secondary's details; only until they accept (then they own them)."""
    access, member = await secondary_for(user=actor, secondary_id=secondary_id)
    access.require_primary()
    if member.status in (MemberStatus.ACTIVE, MemberStatus.REVOKED):
        raise DomainError(
            ErrorCode.CONTACT_LOCKED, "After accepting, secondary users manage their own details. Send a password reset instead."
        )
    email = accounts.normalise_email(email)
    if await _email_in_use(access.family, email, exclude_id=member.id):
        raise DomainError(ErrorCode.ALREADY_MEMBER, f"{email} is already in this family.", "email")
    member.email, member.first_name, member.last_name = email, first_name.strip(), last_name.strip()
    await member.save(update_fields=["email", "first_name", "last_name"])
    return member


def _invite_texts(family: Family) -> tuple[str, str]:
    return f"the {family.name} family account at {family.account.name}", "as a secondary user"


async def invite_secondary(*, actor: User, secondary_id: int, email: str | None = None) -> FamilyMember:
    """Send (or, for an already invited secondary, re-send) the 48-hour invitation.
    `email` confirms or corrects the address on sending."""
    access, member = await secondary_for(user=actor, secondary_id=secondary_id)
    access.require_primary()
    if member.status in (MemberStatus.ACTIVE, MemberStatus.REVOKED):
        raise DomainError(ErrorCode.NOT_PENDING, "This secondary user already accepted or was revoked.")
    new_email = accounts.normalise_email(email) if email else member.email
    if await _email_in_use(access.family, new_email, exclude_id=member.id):
        raise DomainError(ErrorCode.ALREADY_MEMBER, f"{new_email} is already in this family.", "email")
    family = access.family
    async with in_transaction():
        invitation = await Invitation.get_or_none(id=member.invitation_id) if member.invitation_id else None  # type: ignore[attr-defined]
        if invitation is not None and invitation.status == InvitationStatus.PENDING:
            invitation = await invitations.resend(invitation=invitation, actor=actor, email=new_email)
        else:
            target_name, what = _invite_texts(family)
            invitation = await invitations.create(
                kind=InvitationKind.FAMILY_MEMBER, account=family.account, target=target_of(family.id), email=new_email,
                inviter=actor, grants={"family_id": family.id, "member_id": member.id}, target_name=target_name,
                what=what, first_name=member.first_name, last_name=member.last_name,
            )
        member.email, member.status, member.invitation = new_email, MemberStatus.INVITED, invitation
        await member.save(update_fields=["email", "status", "invitation_id"])
    return member


async def set_account_access(*, actor: User, secondary_id: int, view_full_ledger: bool, can_make_payments: bool) -> FamilyMember:
    access, member = await secondary_for(user=actor, secondary_id=secondary_id)
    access.require_primary()
    if member.status == MemberStatus.REVOKED:
        raise DomainError(ErrorCode.NOT_PENDING, "This secondary user was revoked.")
    async with in_transaction():
        member.view_full_ledger, member.can_make_payments = view_full_ledger, can_make_payments
        await member.save(update_fields=["view_full_ledger", "can_make_payments"])
        await audit.record(
            action="family.access_changed", actor_id=actor.id, account_id=access.family.account_id,  # type: ignore[attr-defined]
            target_user_id=member.user_id, target_email=member.email, family_id=access.family.id,  # type: ignore[attr-defined]
            view_full_ledger=view_full_ledger, can_make_payments=can_make_payments,
        )
    return member


async def send_secondary_password_reset(*, actor: User, secondary_id: int) -> None:
    access, member = await secondary_for(user=actor, secondary_id=secondary_id)
    access.require_primary()
    if member.status != MemberStatus.ACTIVE or member.user_id is None:  # type: ignore[attr-defined]
        raise DomainError(ErrorCode.NOT_PENDING, "Only a secondary user who accepted can be sent a password reset.")
    async with in_transaction():
        await auth.send_reset_link(user=await accounts.get_user(user_id=member.user_id), actor_id=actor.id)  # type: ignore[attr-defined]


async def revoke_secondary(*, actor: User, secondary_id: int) -> FamilyMember:
    """By the primary guardian or account staff. One transaction: access ends at once,
    the pending link dies, their saved payment methods are deleted, and they are told."""
    access, member = await secondary_for(user=actor, secondary_id=secondary_id, allow_staff=True)
    if not (access.is_primary or access.is_staff):
        raise Forbidden("Only the primary guardian or account staff can revoke access.")
    if member.status == MemberStatus.REVOKED:
        raise DomainError(ErrorCode.NOT_PENDING, "This secondary user was already revoked.")
    family = access.family
    async with in_transaction():
        was = member.status
        member.status, member.revoked_at = MemberStatus.REVOKED, utcnow()
        await member.save(update_fields=["status", "revoked_at"])
        if member.invitation_id:  # type: ignore[attr-defined]
            await Invitation.filter(id=member.invitation_id, status=InvitationStatus.PENDING).update(  # type: ignore[attr-defined]
                status=InvitationStatus.REVOKED
            )
        deleted = 0
        if member.user_id:  # type: ignore[attr-defined]
            deleted = await PaymentMethod.filter(family_id=family.id, owner_id=member.user_id).delete()  # type: ignore[attr-defined]
            await ActiveFamily.filter(user_id=member.user_id, family_id=family.id).delete()  # type: ignore[attr-defined]
        await audit.record(
            action="family.secondary_revoked", actor_id=actor.id, account_id=family.account_id,  # type: ignore[attr-defined]
            target_user_id=member.user_id, target_email=member.email, family_id=family.id,  # type: ignore[attr-defined]
            by="staff" if access.is_staff else "primary", payment_methods_deleted=deleted, previous_status=was.value,
        )
        if was == MemberStatus.ACTIVE:
            primary = access.primary
            await mail.enqueue(
                template="secondary_revoked", to_email=member.email,
                to_name=f"{member.first_name} {member.last_name}".strip(), first_name=member.first_name or "there",
                family_name=family.name, account_name=family.account.name,
                primary_name=f"{primary.first_name} {primary.last_name}".strip() or primary.email, primary_email=primary.email,
            )
    return member


async def accept_family_member(invitation: Invitation, user: User) -> None:
    """What accepting a family invitation grants: an active secondary place in the family,
    or, for a family staff created (grants `role: primary`), the primary guardian's."""
    grants = invitation.grants
    role = MemberRole(grants.get("role", MemberRole.SECONDARY.value))
    member = await FamilyMember.get_or_none(id=grants["member_id"], family_id=grants["family_id"], role=role)
    if member is None or member.status != MemberStatus.INVITED or member.invitation_id != invitation.id:  # type: ignore[attr-defined]
        raise DomainError(ErrorCode.INVITATION_REVOKED, "This invitation was withdrawn.", "token")
    family = await get_family(grants["family_id"])
    if await FamilyMember.exists(family_id=family.id, user_id=user.id, status=MemberStatus.ACTIVE):
        raise DomainError(ErrorCode.ALREADY_MEMBER, "You are already in this family.")
    member.user, member.status = user, MemberStatus.ACTIVE
    await member.save(update_fields=["user_id", "status"])
    if role == MemberRole.PRIMARY:
        # The column held the staff member who created the family until now (see Family.primary).
        await Family.filter(id=family.id).update(primary_id=user.id)
    if not await ActiveFamily.exists(user_id=user.id):
        await ActiveFamily.create(user=user, family=family)


invitations.register_handler(InvitationKind.FAMILY_MEMBER, accept_family_member)


async def _in_a_family(user_id: int) -> bool:
    return await FamilyMember.exists(user_id=user_id, status=MemberStatus.ACTIVE)


accounts.register_other_access(_in_a_family)
