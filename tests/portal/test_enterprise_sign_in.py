"""Enterprise sign-in in the portal: reading the callback's fragment, shaping account rows."""

from frontend.api.enterprise import tokens_from_fragment
from frontend.state import EnterpriseAccountView


def test_tokens_come_from_the_fragment_the_api_redirects_to() -> None:
    assert tokens_from_fragment("#access_token=a.b.c&refresh_token=r-1&expires_in=900") == ("a.b.c", "r-1")
    assert tokens_from_fragment("refresh_token=r%2B1&access_token=x") == ("x", "r+1")


def test_a_fragment_without_both_tokens_is_no_sign_in() -> None:
    for fragment in ("", "#", "#access_token=a", "#refresh_token=r", "#access_token=&refresh_token=r", "#error=not_allowed"):
        assert tokens_from_fragment(fragment) is None


def test_account_rows_say_who_i_act_as() -> None:
    row = EnterpriseAccountView.of({"accountId": "7", "name": "Gym A", "canAct": True, "permissions": ["ACCOUNT_VIEW", "REPORTS_VIEW"],
                                    "loginAs": {"id": "3", "email": "desk@gym.example", "fullName": "Front Desk"}})
    assert (row.account_id, row.name, row.login_as_name, row.login_as_email, row.can_act, row.permission_count) == (
        "7", "Gym A", "Front Desk", "desk@gym.example", True, 2)
    unmapped = EnterpriseAccountView.of({"accountId": "8", "name": "Gym B", "canAct": False, "permissions": [], "loginAs": None})
    assert (unmapped.login_as_name, unmapped.can_act) == ("", False)
    nameless = EnterpriseAccountView.of({"accountId": "9", "name": "Gym C", "canAct": True, "permissions": ["ACCOUNT_VIEW"],
                                         "loginAs": {"id": "4", "email": "x@gym.example", "fullName": ""}})
    assert nameless.login_as_name == "x@gym.example"
