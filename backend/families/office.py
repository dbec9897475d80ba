"""What account staff do to families in the Office Portal: create a family with its
primary guardian. (Staff may also revoke a secondary, see `service.revoke_secondary`, but
never invite or grant access to one: that is the primary guardian's alone.)"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Account, User
from backend.audit import service as audit
from backend.core.errors import DomainError, ErrorCode, Forbidden
from backend.core.mail import service as mail
from backend.core.permissions import Permission
from backend.families.models import Family, FamilyMember, MemberRole, MemberStatus
from backend.families.service import target_of
from backend.invitations import service as invitations
from backend.invitations.models import InvitationKind

MAX_NAME = 200


def _clean(name: str, first_name: str, last_name: str, email: str) -> tuple[str, str, str, str]:
    """Validated inputs; family names may repeat within an account (two Garcia households)."""
    if not name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Enter the family name.", "name")
    if len(name.strip()) > MAX_NAME:
        raise DomainError(ErrorCode.INVALID, f"Use at most {MAX_NAME} characters for the family name.", "name")
    email = accounts.normalise_email(email, field="primary.email")
    if not first_name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Enter the primary guardian's first name.", "primary.firstName")
    return name.strip(), first_name.strip()[:100], last_name.strip()[:100], email


async def create_family(
    *, actor: User, account_id: int, name: str, email: str, first_name: str, last_name: str = ""
) -> Family:
    """A new family in the account. A person who already has a sign-in becomes its primary
    guardian at once (and is told by email); anyone else is invited to become it, and the
    family has no primary guardian with access until they accept. One transaction."""
    if not await accounts.has_permission(user_id=actor.id, account_id=account_id, permission=Permission.FAMILIES_MANAGE):
        raise Forbidden("You need the families.manage permission in this account.")
    name, first_name, last_name, email = _clean(name, first_name, last_name, email)
    account = await Account.get(id=account_id)
    async with in_transaction():
        person = await accounts.get_by_email(email=email)
        # Family.primary cannot be empty: until an invited primary accepts it names the creator.
        family = await Family.create(account=account, name=name, primary=person or actor)
        member = await FamilyMember.create(
            family=family, user=person, role=MemberRole.PRIMARY, email=email,
            status=MemberStatus.ACTIVE if person else MemberStatus.INVITED,
            first_name=person.first_name if person else first_name, last_name=person.last_name if person else last_name,
            view_full_ledger=True, can_make_payments=True,
        )
        if person is None:
            member.invitation = await invitations.create(
                kind=InvitationKind.FAMILY_MEMBER, account=account, target=target_of(family.id), email=email, inviter=actor,
                grants={"family_id": family.id, "member_id": member.id, "role": MemberRole.PRIMARY.value},
                target_name=f"the {name} family account at {account.name}", what="as the primary guardian",
                first_name=first_name, last_name=last_name,
            )
            await member.save(update_fields=["invitation_id"])
        else:
            await _tell_new_primary(person, family, account, actor)
        await audit.record(
            action="family.created", actor_id=actor.id, account_id=account.id, family_id=family.id,
            target_email=email, target_user_id=person.id if person else None, primary_invited=person is None,
        )
    return family


async def resend_primary_invite(*, actor: User, family_id: int, email: str | None = None) -> FamilyMember:
    """Staff send a fresh link to a primary guardian who has not accepted yet (the old link
    stops working); `email` corrects the address. Secondary users stay the primary's to invite."""
    family = await Family.get_or_none(id=family_id)
    if family is None or not await accounts.has_permission(
        user_id=actor.id, account_id=family.account_id, permission=Permission.FAMILIES_MANAGE  # type: ignore[attr-defined]
    ):
        raise Forbidden("You need the families.manage permission in this family's account.")
    member = await FamilyMember.get(family_id=family.id, role=MemberRole.PRIMARY).select_related("invitation")
    if member.status != MemberStatus.INVITED or member.invitation is None:
        raise DomainError(ErrorCode.NOT_PENDING, "The primary guardian has already accepted.")
    async with in_transaction():
        invitation = await invitations.resend(invitation=member.invitation, actor=actor, email=email)
        if invitation.email != member.email:
            member.email = invitation.email
            await member.save(update_fields=["email"])
    return member


async def _tell_new_primary(person: User, family: Family, account: Account, actor: User) -> None:
    await mail.enqueue(
        template="family_created", to_email=person.email, to_name=person.full_name, first_name=person.first_name or "there",
        family_name=family.name, account_name=account.name, staff_name=actor.full_name or actor.email,
        link=mail.link("/my-account"),
    )
