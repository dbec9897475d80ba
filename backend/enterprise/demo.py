"""Demo enterprise group (run by `portico seed`; safe to run twice): Riverside Gymnastics
and Lakeside Gymnastics, staff@ as the USER-level login-as user (different modules in
each gym), admin@ as the ADMIN-level one, and it@ as the group's enterprise admin."""

from __future__ import annotations

from backend.accounts import service as accounts
from backend.accounts.models import Account, MembershipRole, User
from backend.core.config import get_settings
from backend.enterprise import service
from backend.enterprise.models import EnterpriseGroup, EnterpriseLevel

GROUP_NAME = "Riverside Enterprise"
ENTERPRISE_ADMIN_EMAIL = "it@demo.portico.dev"
GOOGLE_ISSUER = "https://accounts.google.com"


async def seed(*, gym: Account, admin: User, staff: User) -> None:
    """Caller owns the transaction."""
    if await EnterpriseGroup.exists(name=GROUP_NAME):
        return
    settings = get_settings()
    lakeside = await accounts.create_account(name="Lakeside Gymnastics", creator=admin)
    await accounts.add_member(
        account=lakeside, user=staff, role=MembershipRole.USER, actor_id=admin.id, modules=["dashboard", "reports"]
    )
    group = await EnterpriseGroup.create(
        name=GROUP_NAME, issuer=settings.oidc_issuer or GOOGLE_ISSUER, provider_name=settings.oidc_provider_name
    )
    for account in (gym, lakeside):
        await service.add_account(group=group, account_id=account.id, user_login_as=staff, admin_login_as=admin)
    await service.register_person(
        group_id=group.id, email=ENTERPRISE_ADMIN_EMAIL, first_name="Ira", last_name="IT", level=EnterpriseLevel.ADMIN
    )
