from backend.families.models import Enrollment, Student
from tests.conftest import Api, Mailbox
from tests.families.helpers import ACCESS, active_secondary, household

STUDENTS = "query { familyStudents { firstName enrollments { className } } }"
ADD = """mutation S($f: ID!) { addStudent(familyId: $f, firstName: "Sofia", lastName: "Garcia") { student { id firstName } errors { code } } }"""
ENROLL = """mutation E($s: ID!) { enrollStudent(studentId: $s, className: "Level 3") { student { enrollments { className } } errors { code } } }"""
UPDATE = """mutation U($s: ID!) { updateStudent(studentId: $s, firstName: "Sofi", lastName: "G") { student { firstName } errors { code } } }"""


async def test_secondaries_never_touch_students_or_enrollments(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    f = str(h.family.id)
    student = (await h.primary_api(ADD, {"f": f}))["addStudent"]["student"]
    sid, jose = await active_secondary(h, api, mailbox)
    await h.primary_api(ACCESS, {"s": sid, "l": True, "p": True})  # even with every permission
    assert await jose.error_code(ADD, {"f": f}) == "FORBIDDEN"
    assert await jose.error_code(ENROLL, {"s": student["id"]}) == "FORBIDDEN"
    assert await jose.error_code(UPDATE, {"s": student["id"]}) == "FORBIDDEN"
    assert await Student.all().count() == 1 and await Enrollment.all().count() == 0
    assert (await Student.get()).first_name == "Sofia"
    # They can still see the children.
    assert (await jose(STUDENTS))["familyStudents"] == [{"firstName": "Sofia", "enrollments": []}]


async def test_primary_and_staff_manage_students(api: Api) -> None:
    h = await household(api)
    student = (await h.primary_api(ADD, {"f": str(h.family.id)}))["addStudent"]["student"]
    enrolled = (await h.primary_api(ENROLL, {"s": student["id"]}))["enrollStudent"]["student"]
    assert enrolled["enrollments"] == [{"className": "Level 3"}]
    assert (await h.staff_api(UPDATE, {"s": student["id"]}))["updateStudent"]["student"] == {"firstName": "Sofi"}
