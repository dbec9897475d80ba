"""The initial invitation e-mail: the one invitation engine, kind `student`. The student
follows the link, verifies the address and sets a password, then signs in to the student
home. A primary guardian who has not accepted gets the family invitation again; secondary
users stay the primary guardian's to invite."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts.models import Account, User
from backend.core.errors import DomainError
from backend.core.security import utcnow
from backend.families import office
from backend.families.models import MemberRole, MemberStatus
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus
from backend.students.credentials import Outcome, dedupe, skip, student_username
from backend.students.errors import SignInErrorCode as Code
from backend.students.errors import SignInRefusal
from backend.students.models import CredentialChannel, GuardianSignIn, SignInStatus, StudentSignIn
from backend.students.people import Person, load, policy_of, require_staff


async def _invite_student(p: Person, *, username: str, actor: User, account: Account) -> None:
    s = p.student
    assert s is not None
    sign_in = p.sign_in or await StudentSignIn.create(student=s)
    pending = await Invitation.get_or_none(id=sign_in.invitation_id) if sign_in.invitation_id else None  # type: ignore[attr-defined]
    if pending is not None and pending.status == InvitationStatus.PENDING:
        invitation = await invitations.resend(invitation=pending, actor=actor, email=username)
    else:
        invitation = await invitations.create(
            kind=InvitationKind.STUDENT, account=account, target=f"student:{s.id}", email=username, inviter=actor,
            grants={"student_id": s.id}, target_name=account.name, what=f"as a student (your username is {username})",
            first_name=s.first_name, last_name=s.last_name,
        )
    await StudentSignIn.filter(id=sign_in.id).update(
        invitation_id=invitation.id, status=SignInStatus.INVITED, credentials_channel=CredentialChannel.EMAIL,
        credentials_sent_at=utcnow(),
    )


async def _invite_guardian(p: Person, *, actor: User) -> str:
    m = p.member
    assert m is not None
    if m.status == MemberStatus.REVOKED:
        raise SignInRefusal(Code.DISABLED, "This guardian's access was revoked.")
    if m.status == MemberStatus.ACTIVE:
        raise SignInRefusal(Code.ALREADY_ACTIVE, "This guardian already signs in.")
    if m.role != MemberRole.PRIMARY:
        raise SignInRefusal(Code.PRIMARY_INVITES_SECONDARY, "Secondary users are invited by the family's primary guardian.")
    await office.resend_primary_invite(actor=actor, family_id=m.family_id)  # type: ignore[attr-defined]
    contact, _ = await GuardianSignIn.get_or_create(family_member_id=m.id)
    await GuardianSignIn.filter(id=contact.id).update(credentials_channel=CredentialChannel.EMAIL, credentials_sent_at=utcnow())
    return m.email


async def send_initial_invitations(*, actor: User, account_id: int, refs: list[str]) -> list[Outcome]:
    """The invitation e-mail: the person verifies the address, sets a password, signs in."""
    account = await require_staff(actor=actor, account_id=account_id)
    refs = dedupe(refs)
    settings, people = await policy_of(account_id), await load(account_id=account_id, refs=refs)
    outcomes = []
    async with in_transaction():
        for ref in refs:
            p = people.get(ref)
            if p is None:
                outcomes.append(skip(ref, "", SignInRefusal(Code.NOT_FOUND, "No such student or guardian in this account.")))
                continue
            try:
                async with in_transaction():
                    if p.student is not None:
                        username = await student_username(p, settings)
                        if p.user is not None:
                            raise SignInRefusal(Code.HAS_ONE_TIME_PASSWORD, "Credentials were sent by SMS or paper; send or print them again.")
                        await _invite_student(p, username=username, actor=actor, account=account)
                    else:
                        username = await _invite_guardian(p, actor=actor)
                outcomes.append(Outcome(ref=ref, name=p.name, sent=True, username=username))
            except SignInRefusal as r:
                outcomes.append(skip(ref, p.name, r))
            except DomainError as e:
                outcomes.append(skip(ref, p.name, SignInRefusal(Code.INVITATION_REFUSED, e.message)))
    return outcomes


async def accept_student(invitation: Invitation, user: User) -> None:
    """Accepting the student invitation verified the address and set the password."""
    await StudentSignIn.filter(student_id=invitation.grants["student_id"]).update(user_id=user.id, status=SignInStatus.ACTIVE)


invitations.register_handler(InvitationKind.STUDENT, accept_student)
