"""Demo data for trying Portico: run by `portico seed` (safe to run twice)."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Account, MembershipRole, User
from backend.enterprise import demo as enterprise
from backend.learning import demo as seats_demo
from backend.students import demo as students_demo

DEMO_PASSWORD = "portico-demo-2026"
ADMIN_EMAIL = "admin@demo.portico.dev"
STAFF_EMAIL = "staff@demo.portico.dev"


async def _user(email: str, first: str, last: str) -> User:
    return await accounts.get_by_email(email=email) or await accounts.create_user(
        email=email, password=DEMO_PASSWORD, first_name=first, last_name=last
    )


async def seed() -> list[str]:
    """Create the demo tenant and people; return lines describing how to sign in."""
    from backend.families import demo as families

    async with in_transaction():
        if not await Account.exists(name="Riverside Gymnastics"):
            admin = await _user(ADMIN_EMAIL, "Alex", "Admin")
            gym = await accounts.create_account(name="Riverside Gymnastics", creator=admin)
            await Account.create(name="Riverside North", parent=gym)
            await Account.create(name="Riverside South", parent=gym)
            staff = await _user(STAFF_EMAIL, "Sam", "Staff")
            await accounts.add_member(
                account=gym, user=staff, role=MembershipRole.USER, actor_id=admin.id, modules=["dashboard", "customers"]
            )
        gym = await Account.get(name="Riverside Gymnastics")
        await enterprise.seed(gym=gym, admin=await _user(ADMIN_EMAIL, "Alex", "Admin"), staff=await _user(STAFF_EMAIL, "Sam", "Staff"))
        await families.seed(gym, _user)
        await seats_demo.seed(admin_email=ADMIN_EMAIL, password=DEMO_PASSWORD)
        await students_demo.seed(admin=await _user(ADMIN_EMAIL, "Alex", "Admin"),
                                 staff=await _user(students_demo.OFFICE_EMAIL, "Olivia", "Office"), make_user=_user)
    return [
        "Demo data ready. Sign in with:",
        f"  {ADMIN_EMAIL} / {DEMO_PASSWORD}   (admin of Riverside Gymnastics, seat admin of its subscription)",
        f"  {STAFF_EMAIL} / {DEMO_PASSWORD}   (office staff)",
        "  maria@demo.portico.dev / portico-demo-2026   (primary guardian, Garcia family)",
        "  jose@demo.portico.dev  / portico-demo-2026   (secondary: full ledger, payments)",
        "  nana@demo.portico.dev  / portico-demo-2026   (secondary in Garcia and Lopez: family switcher)",
        "  office@demo.portico.dev / portico-demo-2026   (office of Hillside Academy: User Accounts, SMS credentials, PDFs)",
        "  it@demo.portico.dev    (enterprise admin of Riverside + Lakeside: signs in at /sso/login, needs OIDC_*)",
    ]
