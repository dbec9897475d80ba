"""How the User Accounts page words API answers."""

from frontend.pages.students.rows import PersonRow, ResultRow

NODE = {"id": "VXNlckFjY291bnQ6c3R1ZGVudDo3", "userType": "STUDENT", "studentId": "U3R1ZGVudDo3", "guardianId": None, "firstName": "Sofia", "lastName": "Garcia", "familyName": "Garcia",
        "username": "sofia@example.com", "status": "CREDENTIALS_SENT", "lastSignInAt": None, "credentialsChannel": "SMS",
        "credentialsSentAt": "2026-03-01T14:05:00+00:00", "phone": "+14155550142"}


def test_a_student_row() -> None:
    row = PersonRow.of(NODE)
    assert (row.name, row.type_label, row.status_label, row.status_color) == ("Sofia Garcia", "Student", "Credentials sent", "blue")
    assert row.credentials == "SMS · 1 Mar 2026, 14:05" and row.last_sign_in == "Never"
    assert row.selectable and row.is_student and row.student_id == "U3R1ZGVudDo3" and not row.is_guardian


def test_staff_cannot_be_selected_and_blanks_read_as_dashes() -> None:
    row = PersonRow.of({**NODE, "id": "VXNlckFjY291bnQ6c3RhZmY6Mw", "userType": "STAFF", "studentId": None, "username": None, "familyName": "", "phone": None,
                        "credentialsChannel": None, "status": "ACTIVE"})
    assert not row.selectable and not row.is_student and row.student_id == ""
    assert (row.username, row.family, row.phone, row.credentials) == ("–", "–", "–", "–")


def test_a_guardian_row_opens_its_family_member() -> None:
    row = PersonRow.of({**NODE, "id": "VXNlckFjY291bnQ6Z3VhcmRpYW46NQ", "userType": "GUARDIAN", "studentId": None,
                        "guardianId": "RmFtaWx5TWVtYmVyOjU"})
    assert row.is_guardian and not row.is_student and row.ref_id == "RmFtaWx5TWVtYmVyOjU"


def test_results_say_what_happened_per_person() -> None:
    sent = ResultRow.of({"person": "student:7", "name": "Sofia Garcia", "sent": True, "username": "sofia@example.com",
                         "reason": None, "message": ""})
    skipped = ResultRow.of({"person": "student:8", "name": "Mateo Garcia", "sent": False, "username": None,
                            "reason": "NO_PHONE", "message": "No mobile phone on record."})
    assert sent.text == "Sent to sofia@example.com" and skipped.text == "Skipped: No mobile phone on record."


def test_a_failed_text_shows_the_gateways_reason() -> None:
    row = PersonRow.of({**NODE, "status": "NO_LOGIN", "deliveryProblem": "HTTP 400: 21211 invalid number"})
    assert row.credentials == "SMS failed: HTTP 400: 21211 invalid number"
