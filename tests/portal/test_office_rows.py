"""The office Families page's rows: staff may revoke only an active or invited secondary."""

import pytest

from frontend.pages.office.rows import FamilyRow, MemberRow


def _member(role: str, status: str) -> dict:
    return {"id": "3", "role": role, "status": status, "email": "jo@example.com", "firstName": "Jo", "lastName": ""}


@pytest.mark.parametrize(("role", "status", "revocable"), [
    ("SECONDARY", "ACTIVE", True), ("SECONDARY", "INVITED", True), ("SECONDARY", "INVITATION_EXPIRED", True),
    ("SECONDARY", "NOT_INVITED", False), ("SECONDARY", "REVOKED", False), ("PRIMARY", "ACTIVE", False),
])
def test_who_staff_may_revoke(role: str, status: str, revocable: bool) -> None:
    assert MemberRow.of(_member(role, status)).revocable is revocable


def test_a_family_is_found_by_its_name_guardian_or_email() -> None:
    row = FamilyRow.of({"id": "1", "name": "Nguyen", "primaryGuardianName": "An Nguyen",
                        "primaryGuardianEmail": "an@example.com", "primaryGuardianStatus": "INVITED"})
    assert row.primary_label == "Invited" and all(w in row.search_text for w in ("nguyen", "an", "an@example.com"))
